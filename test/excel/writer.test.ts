// The Excel adapter against Microsoft's office-addin-mock (see fake-excel.ts): sync count, no overwriting,
// regeneration in place with typed inputs kept, user text kept as text, stored wizard inputs.
import { describe, expect, it } from "vitest";
import { applyPlan, rowChunks, SHEET_MARK } from "../../src/excel/writer";
import type { SheetPlan } from "../../src/sheets/plan";
import { STORED_PLAN_NS, storedPlanFromXml } from "../../src/sheets/stored-plan";
import { cellAt, mockContext, newWorkbook, typeInto } from "./fake-excel";

function samplePlan(rows = 3, sheetName = "预算 2027"): SheetPlan {
  const cells: SheetPlan["cells"][number][] = [
    { row: 0, col: 0, value: "Channel", style: "header" },
    { row: 0, col: 1, value: "Plan", style: "header" },
    { row: 0, col: 2, value: "Actual", style: "header" },
    { row: 0, col: 3, value: "Variance", style: "header" },
  ];
  for (let i = 1; i <= rows; i++) {
    cells.push({ row: i, col: 0, value: i === 1 ? '=HYPERLINK("x")' : `Channel ${i}` });
    cells.push({ row: i, col: 1, value: 1000 * i, numberFormat: "#,##0" });
    cells.push({ row: i, col: 2, value: null, input: true, key: `actual|${i}`, style: "input" });
    cells.push({ row: i, col: 3, formula: `=IF(C${i + 1}="","",C${i + 1}-B${i + 1})`, expected: "" });
  }
  return {
    version: 1,
    wizard: "budget",
    sheetName,
    locale: "zh-CN",
    cells,
    tables: [{ name: "mkBudget", range: { r0: 0, c0: 0, r1: rows, c1: 3 } }],
    names: [{ name: "mkTotal", range: { r0: 1, c0: 1, r1: rows, c1: 1 } }],
    validations: [{ range: { r0: 1, c0: 0, r1: rows, c1: 0 }, list: ["Search", "Social"] }],
    conditionalFormats: [
      { range: { r0: 1, c0: 3, r1: rows, c1: 3 }, kind: "expression", formula: "=D2>B2*0.1", fill: "#F4CCCC" },
    ],
    freeze: { rows: 1, cols: 1 },
    charts: [
      {
        kind: "pie",
        title: "Share",
        data: { r0: 0, c0: 0, r1: rows, c1: 1 },
        seriesBy: "columns",
        anchor: { row: 0, col: 6 },
        width: 360,
        height: 240,
      },
    ],
    inputs: { total: 6000, channels: ["Search", "Social"] },
  };
}

describe("applyPlan", () => {
  it("writes a new sheet in three syncs, with formulas, formats, table, names, validation, CF, chart and stored inputs", async () => {
    const state = newWorkbook(["Sheet1"]);
    const res = await applyPlan(mockContext(state), samplePlan());
    expect(res).toMatchObject({ sheetName: "预算 2027", regenerated: false, syncs: 3 });
    expect(state.syncs).toBe(3);
    const sheet = state.sheets.find((s) => s.name === "预算 2027")!;
    expect(cellAt(state, "预算 2027", "B2")).toBe(1000);
    expect(cellAt(state, "预算 2027", "D3")).toBe('=IF(C3="","",C3-B3)');
    expect(sheet.formats.get("1,1")).toBe("#,##0");
    expect(sheet.bold.has("0,0")).toBe(true);
    expect(sheet.tables).toEqual(["mkBudget"]);
    expect(state.names.map((n) => n.name)).toEqual(["mkTotal"]);
    expect(sheet.validations).toEqual([{ range: "A2:A4", source: "Search,Social" }]);
    expect(sheet.conditionalFormats).toEqual([{ range: "D2:D4", type: "Custom", formula: "=D2>B2*0.1" }]);
    expect(sheet.charts).toEqual([{ type: "Pie", title: "Share", source: "A1:B4" }]);
    expect(sheet.frozen).toBe("A1:A1");
    const mark = sheet.props.get(SHEET_MARK)!;
    const stored = state.parts.map((p) => storedPlanFromXml(p.xml)).find((p) => p?.sheetId === mark);
    expect(stored).toEqual({
      sheetId: mark,
      wizard: "budget",
      inputs: { total: 6000, channels: ["Search", "Social"] },
      inputCells: { "actual|1": "C2", "actual|2": "C3", "actual|3": "C4" },
    });
    expect(state.parts[0].xml).toContain(STORED_PLAN_NS);
  });

  it("writes user text that looks like a formula as text", async () => {
    const state = newWorkbook();
    await applyPlan(mockContext(state), samplePlan());
    expect(cellAt(state, "预算 2027", "A2")).toBe('\'=HYPERLINK("x")');
  });

  it("never overwrites a sheet it did not make: a taken name gets a suffix, and tables and names stay unique", async () => {
    const state = newWorkbook(["预算 2027", "预算 2027 (2)"]);
    typeInto(state, "预算 2027", "A1", "the user's own data");
    state.sheets[0].tables.push("mkBudget");
    state.names.push({ name: "mkTotal", formula: "='预算 2027'!$A$1" });
    const res = await applyPlan(mockContext(state), samplePlan());
    expect(res.sheetName).toBe("预算 2027 (3)");
    expect(cellAt(state, "预算 2027", "A1")).toBe("the user's own data");
    expect(state.sheets.find((s) => s.name === "预算 2027 (3)")!.tables).toEqual(["mkBudget_2"]);
    expect(state.names.map((n) => n.name).sort()).toEqual(["mkTotal", "mkTotal_2"]);
  });

  it("treats a target sheet that MarketKit did not make as someone else's", async () => {
    const state = newWorkbook(["预算 2027"]);
    typeInto(state, "预算 2027", "B2", 42);
    const res = await applyPlan(mockContext(state), samplePlan(), { targetSheetId: state.sheets[0].id });
    expect(res.regenerated).toBe(false);
    expect(res.sheetName).toBe("预算 2027 (2)");
    expect(cellAt(state, "预算 2027", "B2")).toBe(42);
  });

  it("regenerates its own sheet in place and keeps what the user typed into input cells", async () => {
    const state = newWorkbook();
    const first = await applyPlan(mockContext(state), samplePlan(3));
    typeInto(state, first.sheetName, "C2", 950);
    typeInto(state, first.sheetName, "C4", "=1+1");
    state.syncs = 0;
    const second = await applyPlan(mockContext(state), samplePlan(4), { targetSheetId: first.sheetId });
    expect(second).toMatchObject({ sheetName: first.sheetName, regenerated: true, keptInputs: 2, syncs: 3 });
    expect(state.sheets.filter((s) => s.name.startsWith("预算"))).toHaveLength(1);
    expect(cellAt(state, first.sheetName, "C2")).toBe(950);
    expect(cellAt(state, first.sheetName, "B5")).toBe(4000);
    const sheet = state.sheets.find((s) => s.name === first.sheetName)!;
    expect(sheet.tables).toEqual(["mkBudget"]);
    expect(state.names.map((n) => n.name)).toEqual(["mkTotal"]);
    expect(state.parts).toHaveLength(1);
  });

  it("keeps the number of syncs constant as the plan grows, splitting only past the payload limit", async () => {
    const state = newWorkbook();
    const res = await applyPlan(mockContext(state), samplePlan(400, "Big"));
    expect(res.syncs).toBe(3);
    const split = newWorkbook();
    const res2 = await applyPlan(mockContext(split), samplePlan(400, "Big"), { payloadLimitBytes: 8_000 });
    const chunks = rowChunks([], undefined, 1);
    expect(chunks).toHaveLength(1);
    expect(res2.syncs).toBeGreaterThan(3);
    expect(cellAt(split, "Big", "B401")).toBe(400000);
  });
});
