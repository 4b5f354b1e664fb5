// The KPI-target sheet, recalculated by LibreOffice: every formula equals the value the core computed, for KPI sets
// with volumes and rates (weighted and not), higher- and lower-is-better KPIs, custom KPIs, with and without a
// funnel and actuals; then actuals typed into the exported file (as a user would) drive attainment and status
// exactly as a plain computation in this test says.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { defineCustomKpi } from "../../src/core/kpi";
import { plansToXlsx } from "../../src/export/xlsx";
import { KPI_TEXT } from "../../src/sheets/i18n/kpi";
import { actualKey, buildKpiSheet, kpiMonthLabels, type KpiSheetInput } from "../../src/sheets/kpi";
import { a1, type SheetPlan } from "../../src/sheets/plan";
import { close, mismatches } from "./compare";
import { readResults, recalcXlsx } from "./libreoffice";

const labels2027 = kpiMonthLabels(2027, 1);
const labelsJul = kpiMonthLabels(2027, 7);

/** A year of a retailer: volumes, weighted rates, lower-is-better CAC and payback, NPS, a funnel, actuals Jan–Mar. */
const retail: KpiSheetInput = {
  year: 2027,
  startMonth: 1,
  seasonality: { kind: "preset", preset: "chinaRetail" },
  currency: "CNY",
  kpis: [
    {
      input: { kpiId: "visits", baseline: 4_000_000, target: { mode: "percentChange", percent: 0.15 } },
      owner: "王芳",
    },
    {
      input: {
        kpiId: "conversionRate",
        baseline: 0.024,
        target: { mode: "absolute", value: 0.026 },
        floor: { rule: "typed", value: 0.022 },
      },
      owner: "=李雷",
    },
    { input: { kpiId: "orders", target: { mode: "derived" } } },
    { input: { kpiId: "averageOrderValue", baseline: 280, target: { mode: "derived" } } },
    {
      input: {
        kpiId: "revenue",
        baseline: 25_000_000,
        target: { mode: "derived" },
        stretch: { rule: "typed", value: 33_000_000 },
      },
    },
    {
      input: {
        kpiId: "cac",
        baseline: 95,
        target: { mode: "percentChange", percent: -0.1 },
        floor: { rule: "baseline", multiplier: 1.05 },
      },
      owner: "Growth",
    },
    { input: { kpiId: "nps", baseline: -12, target: { mode: "absolute", value: 5 }, floor: { rule: "none" } } },
    { input: { kpiId: "payback", baseline: 9, target: { mode: "absolute", value: 8 } } },
  ],
  funnel: { revenue: 30_000_000, averageOrderValue: 300, conversionRate: 0.025, newCustomerShare: 0.6, cac: 85 },
  actuals: Object.fromEntries([
    ...[310_000, 280_000, 330_000].map((v, j) => [actualKey("visits", labels2027[j]), v]),
    ...[0.025, 0.0235, 0.027].map((v, j) => [actualKey("conversionRate", labels2027[j]), v]),
    ...[7_700, 6_600, 8_900].map((v, j) => [actualKey("orders", labels2027[j]), v]),
    ...[296, 305.5].map((v, j) => [actualKey("averageOrderValue", labels2027[j]), v]),
    ...[2_300_000, 2_010_000, 2_690_000].map((v, j) => [actualKey("revenue", labels2027[j]), v]),
    ...[88, 97, 84].map((v, j) => [actualKey("cac", labels2027[j]), v]),
    ...[-20, 2].map((v, j) => [actualKey("nps", labels2027[j]), v]),
    [actualKey("payback", labels2027[2]), 8.5],
  ]),
  wizardState: { test: true },
};

const storeVisits = defineCustomKpi({
  id: "storeVisits",
  name: "=Store visits",
  unit: "count",
  direction: "higher",
  aggregation: "sum",
});
const complaints = defineCustomKpi({
  id: "complaintRate",
  name: { "en-US": "Complaint rate", "zh-TW": "客訴率" },
  unit: "percent",
  direction: "lower",
  aggregation: "rate",
});

/** A fiscal year from July, brand and efficiency KPIs, custom KPIs, a lead-chain funnel, an as-of date. */
const fiscal: KpiSheetInput = {
  year: 2027,
  startMonth: 7,
  seasonality: { kind: "preset", preset: "westernRetail" },
  currency: "USD",
  custom: [storeVisits, complaints],
  kpis: [
    { input: { kpiId: "awareness", baseline: 0.31, target: { mode: "percentChange", percent: 0.1 } } },
    { input: { kpiId: "retention", baseline: 0.9, target: { mode: "absolute", value: 0.92 } } },
    { input: { kpiId: "visits", target: { mode: "derived" } } },
    { input: { kpiId: "signUps", baseline: 50_000, target: { mode: "absolute", value: 52_000 } } },
    { input: { kpiId: "roi", baseline: 1.8, target: { mode: "percentChange", percent: 0.05 } } },
    {
      input: {
        kpiId: "ltvCac",
        baseline: 2.5,
        target: { mode: "absolute", value: 3 },
        stretch: { rule: "benchmark", benchmark: 3.2 },
      },
    },
    {
      input: { kpiId: "storeVisits", baseline: 120_000, target: { mode: "percentChange", percent: 0.08 } },
      owner: "Retail ops",
    },
    {
      input: {
        kpiId: "complaintRate",
        baseline: 0.02,
        target: { mode: "percentChange", percent: -0.25 },
        floor: { rule: "typed", value: 0.019 },
      },
    },
  ],
  funnel: { revenue: 8_000_000, averageOrderValue: 120, visitToLeadRate: 0.08, leadToOrderRate: 0.12, cac: 40 },
  asOf: { year: 2027, month: 10, day: 15 },
  actuals: Object.fromEntries([
    ...[0.3, 0.33, 0.345].map((v, j) => [actualKey("awareness", labelsJul[j]), v]),
    ...[0.91, 0.93, 0.9, 0.925].map((v, j) => [actualKey("retention", labelsJul[j]), v]),
    ...[560_000, 590_000, 610_000, 640_000].map((v, j) => [actualKey("visits", labelsJul[j]), v]),
    ...[4_100, 4_400, 4_000].map((v, j) => [actualKey("signUps", labelsJul[j]), v]),
    ...[1.7, 2.05].map((v, j) => [actualKey("roi", labelsJul[j]), v]),
    ...[10_000, 9_000, 11_500, 12_000, 99_999].map((v, j) => [actualKey("storeVisits", labelsJul[j]), v]),
    ...[0.018, 0.016, 0.014, 0.013].map((v, j) => [actualKey("complaintRate", labelsJul[j]), v]),
  ]),
};

/** No funnel, no actuals: every status cell is blank; even phasing. */
const blank: KpiSheetInput = {
  year: 2028,
  startMonth: 4,
  seasonality: { kind: "even" },
  currency: "TWD",
  kpis: [
    { input: { kpiId: "appDownloads", baseline: 80_000, target: { mode: "percentChange", percent: 0.2 } } },
    { input: { kpiId: "repeatPurchaseRate", baseline: 0.3, target: { mode: "absolute", value: 0.33 } } },
    { input: { kpiId: "payback", baseline: 10, target: { mode: "absolute", value: 9 } } },
  ],
};

/** Exported without actuals; the test types them into the file with exceljs (custom seasonality). */
const typed: KpiSheetInput = {
  year: 2027,
  startMonth: 1,
  seasonality: { kind: "custom", weights: [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 3, 2] },
  currency: "HKD",
  kpis: [
    {
      input: {
        kpiId: "orders",
        baseline: 12_000,
        target: { mode: "absolute", value: 15_000 },
        floor: { rule: "typed", value: 13_200 },
      },
    },
    {
      input: {
        kpiId: "cac",
        baseline: 100,
        target: { mode: "absolute", value: 90 },
        floor: { rule: "typed", value: 100 },
      },
    },
    { input: { kpiId: "grossMargin", baseline: 0.4, target: { mode: "absolute", value: 0.42 } } },
    { input: { kpiId: "revenue", baseline: 3_000_000, target: { mode: "absolute", value: 3_600_000 } } },
  ],
};

const cases: { name: string; plan: SheetPlan }[] = [
  { name: "retail", plan: buildKpiSheet(retail, "zh-CN") },
  { name: "fiscal", plan: buildKpiSheet(fiscal, "en-US") },
  { name: "blank", plan: buildKpiSheet(blank, "zh-TW") },
  { name: "typed", plan: buildKpiSheet(typed, "en-US") },
];

type Results = Awaited<ReturnType<typeof readResults>>;
const recalculated = new Map<string, Results>();

/** What the test types into the "typed" case: KPI id → monthly actuals (null = blank). */
const TYPED: Record<string, (number | null)[]> = {
  orders: [1_000, 1_100, 2_600, 1_250],
  cac: [95, 92, 99, 94],
  grossMargin: [0.39, null, 0.385, 0.41],
  revenue: [240_000, 250_000, 560_000, 290_000],
};

beforeAll(async () => {
  const files: Record<string, Uint8Array> = {};
  for (const c of cases) {
    const bytes = await plansToXlsx(ExcelJS, [c.plan], { includeResults: false });
    if (c.name === "typed") {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer as ArrayBuffer);
      const ws = wb.worksheets[0];
      const labels = kpiMonthLabels(2027, 1);
      for (const [id, values] of Object.entries(TYPED)) {
        values.forEach((v, j) => {
          if (v === null) return;
          const cell = c.plan.cells.find((x) => x.key === `actual|${actualKey(id, labels[j])}`)!;
          ws.getCell(a1(cell.row, cell.col)).value = v;
        });
      }
      files[c.name] = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    } else files[c.name] = bytes;
  }
  const out = recalcXlsx(files);
  for (const c of cases) recalculated.set(c.name, await readResults(out[c.name]));
});

describe("KPI sheet recalculated by LibreOffice", () => {
  for (const c of cases.filter((x) => x.name !== "typed")) {
    it(`${c.name}: every formula cell equals the core's value`, () => {
      const sheet = recalculated.get(c.name)!.get(c.plan.sheetName);
      const { checked, bad } = mismatches(c.plan, sheet);
      expect(bad).toEqual([]);
      expect(checked).toBeGreaterThan(c.name === "blank" ? 40 : 100);
    });
  }

  it("retail and fiscal: statuses cover green, amber and red, and attainment is filled where actuals exist", () => {
    for (const [name, locale] of [
      ["retail", "zh-CN"],
      ["fiscal", "en-US"],
    ] as const) {
      const plan = cases.find((c) => c.name === name)!.plan;
      const sheet = recalculated.get(name)!.get(plan.sheetName)!;
      const labels = Object.values(KPI_TEXT[locale].statusLabels);
      const statuses = plan.cells
        .filter((x) => x.formula?.includes(`"${labels[0]}"`))
        .map((x) => sheet.get(a1(x.row, x.col))?.result);
      for (const l of labels) expect(statuses, `${name} ${l}`).toContain(l);
    }
  });

  it("typed actuals: months elapsed, YTD, attainment and status follow a plain computation", () => {
    const plan = cases.find((c) => c.name === "typed")!.plan;
    const sheet = recalculated.get("typed")!.get(plan.sheetName)!;
    const at = (row: number, col: number) => sheet.get(a1(row, col))?.result;
    const text = KPI_TEXT["en-US"];
    const find = (v: string, after = 0) => plan.cells.find((x) => x.value === v && x.row > after && x.col === 0)!;
    expect(at(find(text.monthsElapsed).row, 1)).toBe(4);
    const ytdHead = plan.cells.find((x) => x.value === text.attainment)!.row;
    const monthHead = plan.cells.find((x) => x.value === text.planMonth)!.row + 2;
    // Weights for the custom profile: Jan–Apr = 1, 1, 2, 1 of 16.
    const share = [1, 1, 2, 1].map((w) => w / 16);
    const monthTargets = (id: string, annual: number) => {
      const row = monthHead + 1 + ["orders", "cac", "grossMargin", "revenue"].indexOf(id);
      const got = [0, 1, 2, 3].map((j) => at(row, 1 + j) as number);
      if (id === "orders" || id === "revenue") {
        got.forEach((v, j) => expect(Math.abs(v - annual * share[j])).toBeLessThanOrEqual(1));
      } else got.forEach((v) => expect(v).toBe(annual));
      return got;
    };
    const rows = [
      { id: "orders", dir: "higher", sum: true, target: 15_000, floor: 13_200 },
      { id: "cac", dir: "lower", sum: false, target: 90, floor: 100 },
      // Weighted by revenue actuals (gross margin's weight KPI), skipping the blank month.
      // The floors of gross margin and revenue come from the baseline (the default floor rule).
      { id: "grossMargin", dir: "higher", sum: false, target: 0.42, floor: 0.4, weights: TYPED.revenue },
      { id: "revenue", dir: "higher", sum: true, target: 3_600_000, floor: 3_000_000 },
    ] as const;
    rows.forEach((k, i) => {
      const row = ytdHead + 1 + i;
      const months = monthTargets(k.id, k.target);
      const acts = TYPED[k.id];
      let actual: number;
      if (k.sum) actual = acts.reduce<number>((s, v) => s + (v ?? 0), 0);
      else if ("weights" in k) {
        let sw = 0;
        let swv = 0;
        acts.forEach((v, j) => {
          if (v === null) return;
          sw += k.weights[j]!;
          swv += v * k.weights[j]!;
        });
        actual = swv / sw;
      } else actual = acts.reduce<number>((s, v) => s + (v ?? 0), 0) / acts.filter((v) => v !== null).length;
      const target = k.sum ? months.reduce((s, v) => s + v, 0) : k.target;
      const floor = k.sum ? (k.floor * target) / k.target : k.floor;
      const attainment = k.dir === "higher" ? actual / target : target / actual;
      const better = (a: number, b: number) => (k.dir === "higher" ? a >= b : a <= b);
      const status = better(actual, target)
        ? text.statusLabels.green
        : floor !== undefined && better(actual, floor)
          ? text.statusLabels.amber
          : text.statusLabels.red;
      expect(close(at(row, 3) as number, actual), `${k.id} actual`).toBe(true);
      expect(close(at(row, 4) as number, target), `${k.id} target`).toBe(true);
      expect(close(at(row, 5) as number, floor), `${k.id} floor`).toBe(true);
      expect(close(at(row, 1) as number, attainment), `${k.id} attainment`).toBe(true);
      expect(at(row, 2), `${k.id} status`).toBe(status);
    });
    // orders 5,950 of 15,000 × 5/16 = 4,687.5 → green; CAC 95 between 90 and 100 → amber;
    // gross margin (0.39·240k + 0.385·560k + 0.41·290k) / 1.09M ≈ 0.3928 < floor 0.4 → red.
    expect(rows.map((_, i) => at(ytdHead + 1 + i, 2))).toEqual(["Green", "Amber", "Red", "Green"]);
  });

  it("keeps a KPI name and an owner that start with = as text", () => {
    const plan = cases[0].plan;
    const sheet = recalculated.get("retail")!.get(plan.sheetName)!;
    const owner = plan.cells.find((x) => x.key === "owner|conversionRate")!;
    expect(sheet.get(a1(owner.row, owner.col))).toEqual({ result: "=李雷" });
    const fiscalPlan = cases[1].plan;
    const name = fiscalPlan.cells.find((x) => x.value === "=Store visits")!;
    expect(recalculated.get("fiscal")!.get(fiscalPlan.sheetName)!.get(a1(name.row, name.col))).toEqual({
      result: "=Store visits",
    });
  });
});
