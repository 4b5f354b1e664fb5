// The road every wizard travels, checked by a spreadsheet engine we did not write: a plan exported with exceljs
// and recalculated by LibreOffice Calc must give, in every formula cell, the value the plan says the core
// computed. Formula results are NOT written into the file, so each value read back is LibreOffice's; a canary
// cell with a wrong cached result proves the file really was recalculated.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { plansToXlsx } from "../../src/export/xlsx";
import type { PlanCell, SheetPlan } from "../../src/sheets/plan";
import { mismatches } from "./compare";
import { readResults, recalcXlsx } from "./libreoffice";

function samplePlan(): SheetPlan {
  const cells: PlanCell[] = [
    { row: 0, col: 0, value: "Channel", style: "header" },
    { row: 0, col: 1, value: "Spend", style: "header" },
    { row: 0, col: 2, value: "Revenue", style: "header" },
    { row: 0, col: 3, value: "ROI", style: "header" },
    { row: 0, col: 4, value: "Share", style: "header" },
  ];
  const data = [
    ["=SUM(A1)", 1200, 4800],
    ["搜索 Search", 800, 1600],
    ["+Social", 500, 400],
  ] as const;
  const total = data.reduce((s, d) => s + d[1], 0);
  data.forEach(([name, spend, rev], i) => {
    const r = i + 1;
    cells.push({ row: r, col: 0, value: name });
    cells.push({ row: r, col: 1, value: spend, numberFormat: "#,##0" });
    cells.push({ row: r, col: 2, value: rev, numberFormat: "#,##0" });
    cells.push({
      row: r,
      col: 3,
      formula: `=IFERROR((C${r + 1}-B${r + 1})/B${r + 1},"")`,
      expected: (rev - spend) / spend,
      numberFormat: "0.0%",
    });
    cells.push({
      row: r,
      col: 4,
      formula: `=ROUND(B${r + 1}/SUM($B$2:$B$4),4)`,
      expected: Math.round((spend / total) * 1e4) / 1e4,
    });
  });
  cells.push({ row: 4, col: 0, value: "Total", style: "total" });
  cells.push({ row: 4, col: 1, formula: "=SUM(B2:B4)", expected: total, style: "total" });
  cells.push({ row: 4, col: 2, formula: "=SUMPRODUCT(C2:C4*(B2:B4>0))", expected: 6800, style: "total" });
  cells.push({ row: 5, col: 0, value: "Best" });
  cells.push({ row: 5, col: 1, formula: "=INDEX(A2:A4,MATCH(MAX(D2:D4),D2:D4,0))", expected: "=SUM(A1)" });
  cells.push({ row: 6, col: 0, value: "Over plan?" });
  cells.push({ row: 6, col: 1, formula: '=IF(B5>2000,"over","ok")', expected: "over" });
  cells.push({ row: 7, col: 0, value: "Empty" });
  cells.push({ row: 7, col: 1, formula: '=IF(B5<0,1,"")', expected: "" });
  return {
    version: 1,
    wizard: "test",
    sheetName: "预算 Test",
    locale: "zh-CN",
    cells,
    tables: [{ name: "mkTest", range: { r0: 0, c0: 0, r1: 3, c1: 4 } }],
    names: [{ name: "mkSpend", range: { r0: 1, c0: 1, r1: 3, c1: 1 } }],
    validations: [{ range: { r0: 1, c0: 0, r1: 3, c1: 0 }, list: ["Search", "Social"] }],
    conditionalFormats: [
      { range: { r0: 1, c0: 3, r1: 3, c1: 3 }, kind: "expression", formula: "=D2<0", fill: "#F4CCCC" },
    ],
    freeze: { rows: 1, cols: 1 },
    inputs: {},
  };
}

describe("plans recalculated by LibreOffice Calc", () => {
  let results: Awaited<ReturnType<typeof readResults>>;
  const plan = samplePlan();

  beforeAll(async () => {
    const bytes = await plansToXlsx(ExcelJS, [plan], { includeResults: false });
    // Canary: a formula whose cached result we set wrong; only a real recalculation corrects it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    wb.worksheets[0].getCell("H1").value = { formula: "1+1", result: 99 } as ExcelJS.CellFormulaValue;
    const withCanary = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const out = recalcXlsx({ sample: withCanary });
    results = await readResults(out.sample);
  });

  it("really recalculates (the canary's wrong cached result is replaced)", () => {
    expect(results.get("预算 Test")?.get("H1")?.result).toBe(2);
  });

  it("computes every formula cell to the value the plan expects", () => {
    const { checked, bad } = mismatches(plan, results.get("预算 Test"));
    expect(checked).toBe(11);
    expect(bad).toEqual([]);
  });

  it("keeps user text that looks like a formula as text", () => {
    const sheet = results.get("预算 Test")!;
    expect(sheet.get("A2")).toEqual({ result: "=SUM(A1)" });
    expect(sheet.get("A4")).toEqual({ result: "+Social" });
  });
});
