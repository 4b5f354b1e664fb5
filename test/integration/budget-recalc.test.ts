// The budget sheet, recalculated by LibreOffice: every formula equals the value the core computed, for each
// allocation method and language; typed actuals drive variance and variance % as the formulas say.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { BudgetInputs } from "../../src/core/budget";
import { plansToXlsx } from "../../src/export/xlsx";
import { buildBudgetSheet } from "../../src/sheets/budget";
import { a1, type SheetPlan } from "../../src/sheets/plan";
import { close, mismatches } from "./compare";
import { readResults, recalcXlsx } from "./libreoffice";

const base: Omit<BudgetInputs, "method" | "channels"> = {
  period: { months: 12, startMonth: 1, startYear: 2027 },
  budget: { kind: "total", amount: 1_200_000 },
  reservePercent: 5,
  phasing: { seasonality: { kind: "preset", preset: "chinaRetail" } },
};

const channels = [
  {
    id: "search",
    name: "搜索 Search",
    sharePercent: 40,
    history: [
      { spend: 300000, revenue: 1200000, conversions: 6000 },
      { spend: 150000, revenue: 750000, conversions: 3500 },
    ],
  },
  {
    id: "social",
    name: "社交 Social",
    sharePercent: 35,
    history: [
      { spend: 200000, revenue: 500000, conversions: 4000 },
      { spend: 100000, revenue: 320000, conversions: 2400 },
    ],
  },
  {
    id: "kol",
    name: "=KOL",
    sharePercent: 25,
    minSpend: 100000,
    history: [
      { spend: 100000, revenue: 260000, conversions: 1500 },
      { spend: 50000, revenue: 160000, conversions: 900 },
    ],
  },
];

const cases: { name: string; plan: SheetPlan }[] = [
  {
    name: "fixed",
    plan: buildBudgetSheet(
      { inputs: { ...base, channels, method: { kind: "fixedShares" } }, currency: "CNY" },
      "zh-CN",
    ),
  },
  {
    name: "weighted",
    plan: buildBudgetSheet(
      { inputs: { ...base, channels, method: { kind: "weighted", metric: "roi" } }, currency: "TWD" },
      "zh-TW",
    ),
  },
  {
    name: "optimized",
    plan: buildBudgetSheet(
      {
        inputs: {
          ...base,
          period: { months: 6, startMonth: 7, startYear: 2027 },
          channels,
          method: { kind: "optimized", outcome: "revenue" },
        },
        currency: "USD",
      },
      "en-US",
    ),
  },
  {
    name: "conversions",
    plan: buildBudgetSheet(
      { inputs: { ...base, channels, method: { kind: "optimized", outcome: "conversions" } }, currency: "HKD" },
      "en-US",
    ),
  },
];

type Results = Awaited<ReturnType<typeof readResults>>;
const recalculated = new Map<string, Results>();
const ACTUALS: Record<string, number> = {};

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const c of cases) {
    const bytes = await plansToXlsx(ExcelJS, [c.plan], { includeResults: false });
    if (c.name === "fixed") {
      // Type some actuals, as a user would, to exercise the variance formulas.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer as ArrayBuffer);
      const inputs = c.plan.cells.filter((x) => x.key?.startsWith("actual|"));
      inputs.slice(0, 6).forEach((cell, i) => {
        const v = 50000 + i * 7000;
        ACTUALS[a1(cell.row, cell.col)] = v;
        wb.worksheets[0].getCell(a1(cell.row, cell.col)).value = v;
      });
      files[c.name] = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    } else files[c.name] = bytes;
  }
  const out = recalcXlsx(files);
  for (const c of cases) recalculated.set(c.name, await readResults(out[c.name]));
});

describe("budget sheet recalculated by LibreOffice", () => {
  for (const c of cases) {
    it(`${c.name}: every formula cell equals the core's value`, () => {
      const sheet = recalculated.get(c.name)!.get(c.plan.sheetName);
      const ignore = c.name === "fixed" ? new Set(Object.keys(ACTUALS)) : new Set<string>();
      const { checked, bad } = mismatches(c.plan, sheet);
      // In the "fixed" case we typed actuals, so cells that depend on them are checked separately below.
      const relevant = bad.filter((b) => !dependsOnActuals(c.plan, b.address) || ignore.size === 0);
      expect(checked).toBeGreaterThan(60);
      expect(relevant).toEqual([]);
    });
  }

  it("computes variance and variance % from typed actuals", () => {
    const plan = cases[0].plan;
    const sheet = recalculated.get("fixed")!.get(plan.sheetName)!;
    const at = new Map(plan.cells.map((x) => [a1(x.row, x.col), x]));
    let checked = 0;
    for (const [addr, actual] of Object.entries(ACTUALS)) {
      const cell = at.get(addr)!;
      const planned = plan.cells.find(
        (x) =>
          x.key === undefined &&
          x.col === cell.col &&
          x.style === undefined &&
          typeof x.value === "number" &&
          rowName(plan, x.row) === rowName(plan, cell.row) &&
          x.row < cell.row,
      )!;
      const n = plan.cells.filter((x) => x.key?.startsWith("notes|")).length;
      const varAddr = a1(cell.row + n + 3, cell.col);
      const pctAddr = a1(cell.row + 2 * (n + 3), cell.col);
      const variance = sheet.get(varAddr)?.result as number;
      const pct = sheet.get(pctAddr)?.result as number;
      expect(close(variance, actual - (planned.value as number))).toBe(true);
      expect(close(pct, actual / (planned.value as number) - 1)).toBe(true);
      checked++;
    }
    expect(checked).toBe(6);
  });

  it("keeps a channel name that starts with = as text", () => {
    const plan = cases[0].plan;
    const sheet = recalculated.get("fixed")!.get(plan.sheetName)!;
    const kol = plan.cells.find((x) => x.value === "=KOL")!;
    expect(sheet.get(a1(kol.row, kol.col))).toEqual({ result: "=KOL" });
  });
});

function rowName(plan: SheetPlan, row: number): unknown {
  return plan.cells.find((x) => x.row === row && x.col === 0)?.value;
}

/** Cells in the actual / variance blocks (below the planned totals) depend on the typed actuals. */
function dependsOnActuals(plan: SheetPlan, address: string): boolean {
  const cell = plan.cells.find((x) => a1(x.row, x.col) === address);
  return !!cell?.formula && /IF\(COUNT|=""|OR\(/.test(cell.formula);
}
