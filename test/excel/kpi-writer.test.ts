// The KPI-target sheet written through the Excel adapter on Microsoft's office-addin-mock (fake-excel.ts): formulas,
// formats, table, names, status conditional formats and the attainment chart; regenerating in place keeps the
// actuals, owners and as-of date typed on the sheet, at their new addresses when rows move.
import { describe, expect, it } from "vitest";
import { applyPlan, SHEET_MARK } from "../../src/excel/writer";
import { KPI_TEXT } from "../../src/sheets/i18n/kpi";
import { actualKey, buildKpiSheet, kpiMonthLabels, type KpiSheetInput } from "../../src/sheets/kpi";
import { a1 } from "../../src/sheets/plan";
import { storedPlanFromXml } from "../../src/sheets/stored-plan";
import { cellAt, mockContext, newWorkbook, typeInto } from "./fake-excel";

const input: KpiSheetInput = {
  year: 2027,
  startMonth: 1,
  seasonality: { kind: "preset", preset: "chinaRetail" },
  currency: "TWD",
  kpis: [
    {
      input: { kpiId: "visits", baseline: 1_000_000, target: { mode: "percentChange", percent: 0.1 } },
      owner: "陳小姐",
    },
    { input: { kpiId: "conversionRate", baseline: 0.02, target: { mode: "absolute", value: 0.023 } } },
    { input: { kpiId: "cac", baseline: 90, target: { mode: "absolute", value: 80 } }, owner: "=Growth" },
  ],
  wizardState: { year: "2027", selected: ["visits", "conversionRate", "cac"] },
};

const labels = kpiMonthLabels(2027, 1);
/** The stored plan of the sheet named `name` (found by the id MarketKit marks it with). */
const storedOf = (state: ReturnType<typeof newWorkbook>, name: string) => {
  const mark = state.sheets.find((s) => s.name === name)!.props.get(SHEET_MARK);
  return state.parts.map((p) => storedPlanFromXml(p.xml)).find((p) => p?.sheetId === mark)!;
};

describe("KPI sheet through the Excel adapter", () => {
  it("writes formulas, formats, the KPI table, names, status formats and the attainment chart", async () => {
    const state = newWorkbook(["Sheet1"]);
    const plan = buildKpiSheet(input, "zh-TW");
    const res = await applyPlan(mockContext(state), plan);
    expect(res).toMatchObject({ sheetName: "KPI 目標 2027", regenerated: false, syncs: 3 });
    const sheet = state.sheets.find((s) => s.name === res.sheetName)!;
    const text = KPI_TEXT["zh-TW"];
    for (const c of plan.cells.filter((x) => x.formula))
      expect(cellAt(state, res.sheetName, a1(c.row, c.col))).toBe(c.formula);
    const status = plan.cells.find((c) => c.formula?.includes(`"${text.statusLabels.green}"`))!;
    expect(cellAt(state, res.sheetName, a1(status.row, status.col))).toMatch(
      /^=IF\(OR\(D\d+="",E\d+=""\),"",IF\(D\d+>=E\d+,"綠"/,
    );
    // Owners: a plain name, and one that looks like a formula, kept as text.
    const owner = (id: string) => storedOf(state, res.sheetName).inputCells[`owner|${id}`];
    expect(cellAt(state, res.sheetName, owner("visits"))).toBe("陳小姐");
    expect(cellAt(state, res.sheetName, owner("cac"))).toBe("'=Growth");
    const visitsTarget = plan.cells.find((c) => c.col === 6 && c.value === 1_100_000)!;
    expect(sheet.formats.get(`${visitsTarget.row},${visitsTarget.col}`)).toBe("#,##0");
    const rate = plan.cells.find((c) => c.formula === `=$G$${plan.cells.find((x) => x.value === "轉換率")!.row + 1}`)!;
    expect(sheet.formats.get(`${rate.row},${rate.col}`)).toBe("0.00%");
    expect(sheet.tables).toEqual(["mkKpiTargets"]);
    expect(state.names.map((n) => n.name)).toEqual(["mkKpiAsOf", "mkKpiMonthsElapsed"]);
    const cfs = sheet.conditionalFormats.filter((c) => c.type === "Custom");
    expect(cfs.map((c) => c.formula)).toEqual(
      ["綠", "黃", "紅"].map((l) => expect.stringMatching(new RegExp(`^=\\$C\\d+="${l}"$`))),
    );
    expect(new Set(cfs.map((c) => c.range)).size).toBe(1);
    expect(sheet.charts).toEqual([
      { type: "BarClustered", title: text.chartAttainment, source: expect.stringMatching(/^A\d+:B\d+$/) },
    ]);
    expect(sheet.frozen).toBe("A1:A1");
    const saved = storedOf(state, res.sheetName);
    expect(saved.wizard).toBe("kpi");
    expect(saved.inputs).toEqual(input.wizardState);
    expect(Object.keys(saved.inputCells)).toHaveLength(3 * 12 + 3 + 1);
  });

  it("regenerates in place and keeps typed actuals, owners and the as-of date at their new addresses", async () => {
    const state = newWorkbook();
    const first = await applyPlan(mockContext(state), buildKpiSheet(input, "en-US"));
    const cells = storedOf(state, first.sheetName).inputCells;
    const typed: Record<string, string | number> = {
      [`actual|${actualKey("visits", labels[0])}`]: 95_000,
      [`actual|${actualKey("visits", labels[1])}`]: 88_500,
      [`actual|${actualKey("conversionRate", labels[0])}`]: 0.021,
      [`actual|${actualKey("cac", labels[1])}`]: 83,
      "owner|conversionRate": "Li Lei",
      "owner|visits": "Ms Chen (new owner)",
      asOf: 46_112,
    };
    for (const [key, v] of Object.entries(typed)) typeInto(state, first.sheetName, cells[key], v);

    // The wizard again: a brand KPI above the others (every row moves down), a new target and a new default owner.
    const next: KpiSheetInput = {
      ...input,
      kpis: [
        { input: { kpiId: "awareness", baseline: 0.3, target: { mode: "absolute", value: 0.33 } }, owner: "Brand" },
        {
          ...input.kpis[0],
          input: { ...input.kpis[0].input, target: { mode: "percentChange", percent: 0.2 } },
          owner: "Someone else",
        },
        ...input.kpis.slice(1),
      ],
    };
    state.syncs = 0;
    // Kept: the 7 typed values, and CAC's owner as the first run wrote it.
    const second = await applyPlan(mockContext(state), buildKpiSheet(next, "en-US"), { targetSheetId: first.sheetId });
    expect(second).toMatchObject({ sheetName: first.sheetName, regenerated: true, keptInputs: 8, syncs: 3 });
    expect(state.sheets.filter((s) => s.name.startsWith("KPI"))).toHaveLength(1);
    const moved = storedOf(state, first.sheetName).inputCells;
    for (const [key, v] of Object.entries(typed)) {
      if (key !== "asOf") expect(moved[key], key).not.toBe(cells[key]);
      expect(cellAt(state, first.sheetName, moved[key]), key).toBe(v);
    }
    // What was typed on the sheet wins over the wizard's default owner; a new KPI gets its default.
    expect(cellAt(state, first.sheetName, moved["owner|awareness"])).toBe("Brand");
    // The new target is written; the old sheet's tables and names are reused, not duplicated.
    const sheet = state.sheets.find((s) => s.name === first.sheetName)!;
    const visitsRow = Number(/\d+$/.exec(moved["owner|visits"])![0]);
    expect(cellAt(state, first.sheetName, `G${visitsRow}`)).toBe(1_200_000);
    expect(sheet.tables).toEqual(["mkKpiTargets"]);
    expect(state.names.map((n) => n.name)).toEqual(["mkKpiAsOf", "mkKpiMonthsElapsed"]);
    expect(state.parts).toHaveLength(1);
  });
});
