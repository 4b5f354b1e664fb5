// "Prepare for sharing", checked by a spreadsheet engine we did not write: the native formulas that
// rewriteToNative makes from MKT formulas are written into an .xlsx (exceljs, no cached results) and recalculated
// by LibreOffice Calc; every value must equal the core functions' (src/core/roi.ts, src/core/ltv.ts) to 1e-9
// relative. Inputs live on a sheet whose name has a space and a quote, so sheet-qualified references are
// exercised; blank inputs exercise the defaults (margin 1, discount rate 0, unlimited periods) and the blank row.
//
// Spilled ranges: LibreOffice 7.x has no dynamic arrays (they arrived in 24.8), so the range case is written as a
// legacy array formula (CSE, <f t="array">) over the same rows; Excel 365 spills the same formula on its own.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ltv } from "../../src/core/ltv";
import { cac, paybackPeriods, roas, roi } from "../../src/core/roi";
import { plansToWorkbook } from "../../src/export/xlsx";
import { rewriteToNative } from "../../src/sheets/native-formulas";
import { a1, type PlanCell, type SheetPlan } from "../../src/sheets/plan";
import { close, mismatches } from "./compare";
import { type CellResult, recalcXlsx } from "./libreoffice";

const INPUTS = "Bob's inputs";
const SHARED = "Shared";
const IN = `'Bob''s inputs'`;

interface Row {
  revenue: number | null;
  cost: number | null;
  margin: number | null;
  arpu: number | null;
  retention: number | null;
  discount: number | null;
  periods: number | null;
  spend: number | null;
  customers: number | null;
}

/** Deterministic pseudo-random rows (mulberry32), plus hand-picked edge rows. */
function sampleRows(): Row[] {
  let seed = 20270301;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rows: Row[] = [];
  for (let i = 0; i < 48; i++) {
    rows.push({
      revenue: Math.round(rnd() * 1e7) / 100,
      cost: Math.round(1 + rnd() * 1e6) / 100,
      margin: i % 5 === 0 ? null : Math.round(rnd() * 1000) / 1000,
      arpu: Math.round(rnd() * 50000) / 100,
      retention: Math.round(rnd() * 950) / 1000,
      discount: i % 4 === 0 ? null : Math.round(rnd() * 300) / 1000,
      periods: i % 3 === 0 ? null : Math.floor(rnd() * 120),
      spend: Math.round(rnd() * 1e6) / 100,
      customers: 1 + Math.floor(rnd() * 500),
    });
  }
  // q = 1 exactly (retention 100 %, no discounting, finite horizon), 0 periods, retention 0, a blank row.
  rows.push({ ...rows[1], retention: 1, discount: 0, periods: 12 });
  rows.push({ ...rows[2], retention: 0, periods: 0 });
  rows.push({ ...rows[3], retention: 0.5, discount: -0.5, periods: 7 }); // q = 1 with discounting
  rows.push({
    revenue: null,
    cost: null,
    margin: null,
    arpu: null,
    retention: null,
    discount: null,
    periods: null,
    spend: null,
    customers: null,
  });
  return rows;
}

const ROWS = sampleRows();
const FIELDS: (keyof Row)[] = [
  "revenue",
  "cost",
  "margin",
  "arpu",
  "retention",
  "discount",
  "periods",
  "spend",
  "customers",
];
const COL: Record<keyof Row, string> = {
  revenue: "B",
  cost: "C",
  margin: "D",
  arpu: "E",
  retention: "F",
  discount: "G",
  periods: "H",
  spend: "I",
  customers: "J",
};
const ref = (f: keyof Row, r: number) => `${IN}!${COL[f]}${r}`;
const last = ROWS.length + 1;
const rng = (f: keyof Row) => `${IN}!${COL[f]}2:${COL[f]}${last}`;

type Expect = (row: Row) => number | "" | undefined;

const blank = (row: Row, ...fs: (keyof Row)[]) => fs.every((f) => row[f] === null);
const z = (x: number | null) => x ?? 0;

/** The MKT formula for input row r (1-based sheet row) and the value MarketKit gives. */
const COLUMNS: { title: string; mkt: (r: number) => string; expected: Expect }[] = [
  {
    title: "ROI (margin cell, blank = 1)",
    mkt: (r) => `=MKT.ROI(${ref("revenue", r)},${ref("cost", r)},${ref("margin", r)})`,
    expected: (x) => (blank(x, "revenue", "cost") ? "" : roi(z(x.revenue), z(x.cost), x.margin ?? 1)),
  },
  {
    title: "ROI (no margin)",
    mkt: (r) => `=mkt.roi(${ref("revenue", r)},${ref("cost", r)})`,
    expected: (x) => (blank(x, "revenue", "cost") ? "" : roi(z(x.revenue), z(x.cost))),
  },
  {
    title: "ROI (literal margin, empty argument)",
    mkt: (r) =>
      `=MKT.ROI(${ref("revenue", r)},${ref("cost", r)},)+MKT.ROI(${ref("revenue", r)},${ref("cost", r)},0.35)`,
    expected: (x) =>
      blank(x, "revenue", "cost") ? undefined : roi(z(x.revenue), z(x.cost)) + roi(z(x.revenue), z(x.cost), 0.35),
  },
  {
    title: "ROAS",
    mkt: (r) => `=MKT.ROAS(${ref("revenue", r)},${ref("cost", r)})`,
    expected: (x) => (blank(x, "revenue", "cost") ? "" : roas(z(x.revenue), z(x.cost))),
  },
  {
    title: "CAC",
    mkt: (r) => `=MKT.CAC(${ref("spend", r)},${ref("customers", r)})`,
    expected: (x) => (blank(x, "spend", "customers") ? "" : cac(z(x.spend), z(x.customers))),
  },
  {
    title: "PAYBACK of CAC (nested)",
    mkt: (r) =>
      `=MKT.PAYBACK(MKT.CAC(${ref("spend", r)},${ref("customers", r)}),${ref("arpu", r)},${ref("margin", r)})`,
    expected: (x) =>
      blank(x, "spend", "customers") || z(x.arpu) === 0 || x.margin === 0
        ? undefined
        : paybackPeriods(cac(z(x.spend), z(x.customers)), z(x.arpu), x.margin ?? 1),
  },
  {
    title: "LTV (unlimited, no discount)",
    mkt: (r) => `=MKT.LTV(${ref("arpu", r)},${ref("margin", r)},${ref("retention", r)})`,
    expected: (x) =>
      blank(x, "arpu", "margin", "retention")
        ? ""
        : x.retention === 1
          ? undefined
          : ltv(z(x.arpu), z(x.retention), 0, undefined, z(x.margin)),
  },
  {
    title: "LTV (unlimited, discount cell)",
    mkt: (r) => `=MKT.LTV(${ref("arpu", r)},${ref("margin", r)},${ref("retention", r)},${ref("discount", r)})`,
    expected: (x) =>
      blank(x, "arpu", "margin", "retention")
        ? ""
        : z(x.retention) >= 1 + z(x.discount)
          ? undefined
          : ltv(z(x.arpu), z(x.retention), x.discount ?? 0, undefined, z(x.margin)),
  },
  {
    title: "LTV (periods cell, blank = unlimited)",
    mkt: (r) =>
      `=MKT.LTV(${ref("arpu", r)},${ref("margin", r)},${ref("retention", r)},${ref("discount", r)},${ref("periods", r)})`,
    expected: (x) =>
      blank(x, "arpu", "margin", "retention")
        ? ""
        : x.periods === null && z(x.retention) >= 1 + z(x.discount)
          ? undefined
          : ltv(z(x.arpu), z(x.retention), x.discount ?? 0, x.periods ?? undefined, z(x.margin)),
  },
  {
    title: "LTV (literals, 24 periods)",
    mkt: (r) => `=MKT.LTV(${ref("arpu", r)},0.7,${ref("retention", r)},0.05,24)`,
    expected: (x) => (x.arpu === null ? undefined : ltv(x.arpu, z(x.retention), 0.05, 24, 0.7)),
  },
  {
    title: "LTV (churn typed as 1 − retention, no discount argument, 36 periods)",
    mkt: (r) => `=MKT.LTV(${ref("arpu", r)},${ref("margin", r)},1-(1-${ref("retention", r)}),,36)`,
    expected: (x) => (x.arpu === null ? undefined : ltv(x.arpu, 1 - (1 - z(x.retention)), 0, 36, z(x.margin))),
  },
];

function nativeOf(mkt: string): string {
  const r = rewriteToNative(mkt);
  if (!("native" in r)) throw new Error(`${mkt}: ${r.reason}`);
  expect(r.native).not.toMatch(/MKT\./i);
  return r.native;
}

function inputsPlan(): SheetPlan {
  const cells: PlanCell[] = [{ row: 0, col: 0, value: "Row" }];
  FIELDS.forEach((f, j) => cells.push({ row: 0, col: j + 1, value: f }));
  ROWS.forEach((x, i) => {
    cells.push({ row: i + 1, col: 0, value: i + 1 });
    FIELDS.forEach((f, j) => {
      if (x[f] !== null) cells.push({ row: i + 1, col: j + 1, value: x[f] });
    });
  });
  cells.push({ row: 0, col: 11, value: 0.8 }); // L1: one retention rate for the LTV array formula
  return { version: 1, wizard: "test", sheetName: INPUTS, locale: "en-US", cells, inputs: {} };
}

function sharedPlan(): SheetPlan {
  const cells: PlanCell[] = COLUMNS.map((c, j) => ({ row: 0, col: j, value: c.title }));
  ROWS.forEach((x, i) => {
    const r = i + 2;
    COLUMNS.forEach((c, j) => {
      const expected = c.expected(x);
      if (expected === undefined) return; // MarketKit gives an error there (documented difference)
      cells.push({ row: i + 1, col: j, formula: nativeOf(c.mkt(r)), expected });
    });
  });
  return { version: 1, wizard: "test", sheetName: SHARED, locale: "en-US", cells, inputs: {} };
}

/** Array formulas (the spilled-range case), in columns after the per-row ones. */
const ARRAY_COL = COLUMNS.length + 1;
const ARRAYS: { mkt: string; expected: Expect }[] = [
  {
    mkt: `=MKT.ROI(${rng("revenue")},${rng("cost")},${rng("margin")})`,
    expected: COLUMNS[0].expected,
  },
  {
    mkt: `=MKT.CAC(${rng("spend")},${rng("customers")})`,
    expected: COLUMNS[4].expected,
  },
  {
    mkt: `=MKT.LTV(${rng("arpu")},${rng("margin")},${IN}!$L$1,${rng("discount")},${rng("periods")})`,
    expected: (x) => ltv(z(x.arpu), 0.8, x.discount ?? 0, x.periods ?? undefined, z(x.margin)),
  },
];

/**
 * One sheet's cells after recalculation: formula cells give LibreOffice's result. (Read through `cell.result`:
 * exceljs's `cell.value` drops a formula result that is 0, false or "", so readResults in libreoffice.ts would
 * report a computed 0 as blank — and zeros matter here: blank margins and 0 periods give LTV = 0.)
 */
async function sheetResults(
  bytes: Uint8Array,
  name: string,
): Promise<Map<string, { formula?: string; result: CellResult }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const out = new Map<string, { formula?: string; result: CellResult }>();
  const norm = (v: unknown): CellResult => {
    if (v === undefined || v === null || v === "") return null;
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "object" && "error" in v) return { error: String((v as { error: unknown }).error) };
    return String(v);
  };
  wb.getWorksheet(name)!.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        out.set(cell.address, { formula: cell.formula, result: norm(cell.result) });
      } else out.set(cell.address, { result: norm(cell.value) });
    }),
  );
  return out;
}

describe("native formulas recalculated by LibreOffice Calc", () => {
  const shared = sharedPlan();
  let results: Map<string, { formula?: string; result: CellResult }>;

  beforeAll(async () => {
    const wb = plansToWorkbook(ExcelJS, [inputsPlan(), shared], { includeResults: false });
    const ws = wb.getWorksheet(SHARED)!;
    ARRAYS.forEach((a, k) => {
      const col = a1(0, ARRAY_COL + k).replace(/\d+$/, "");
      // exceljs writes <f t="array" ref="…"> for shareType "array" (its typings omit the field).
      const arrayFormula = {
        formula: nativeOf(a.mkt).replace(/^=/, ""),
        shareType: "array",
        ref: `${col}2:${col}${last}`,
      };
      ws.getCell(`${col}2`).value = arrayFormula as ExcelJS.CellFormulaValue;
    });
    // Canary: a formula whose cached result is wrong; only a real recalculation corrects it.
    ws.getCell("AA1").value = { formula: "1+1", result: 99 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = recalcXlsx({ share: bytes });
    results = await sheetResults(out.share, SHARED);
  });

  it("really recalculates (the canary's wrong cached result is replaced)", () => {
    expect(results.get("AA1")?.result).toBe(2);
  });

  it("computes every rewritten per-row formula to the core's value (1e-9 relative)", () => {
    const { checked, bad } = mismatches(shared, results);
    expect(checked).toBeGreaterThan(ROWS.length * (COLUMNS.length - 1));
    expect(bad).toEqual([]);
  });

  it("computes the rewritten range formulas element-wise (legacy array formulas), blank row included", () => {
    const bad: string[] = [];
    ARRAYS.forEach((a, k) => {
      ROWS.forEach((x, i) => {
        const address = a1(i + 1, ARRAY_COL + k);
        const want = a.expected(x);
        const got = results.get(address)?.result ?? null;
        const ok =
          want === undefined ||
          (typeof want === "number" ? typeof got === "number" && close(want, got) : got === null || got === "");
        if (!ok) bad.push(`${address} ${a.mkt}: LibreOffice ${JSON.stringify(got)}, core ${want}`);
      });
    });
    expect(bad).toEqual([]);
    expect(results.get(a1(1, ARRAY_COL))?.formula).toMatch(/^\(IF\(\('Bob''s inputs'!B2:B\d+=""\)/);
  });
});
