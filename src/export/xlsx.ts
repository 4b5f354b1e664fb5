/**
 * Writes sheet plans as a real .xlsx with exceljs: for users of WPS or LibreOffice, for the standalone preview's
 * "Export .xlsx" button, and for our LibreOffice recalculation tests. Formulas are written as formulas; the
 * values the core computed go in as cached results (so viewers that do not recalculate still show numbers) unless
 * `includeResults` is false, and the workbook asks spreadsheet programs to recalculate fully on load.
 *
 * exceljs cannot write charts or custom XML parts: an exported file has every cell, format, table, name,
 * validation and conditional format of the plan, but not its charts or stored wizard inputs (Excel itself,
 * through the add-in, gets both).
 */
import type ExcelJSNamespace from "exceljs";
import { STYLE_LOOK } from "../excel/styles";
import { type CellRange, type SheetPlan, a1, quoteSheet, rangeA1 } from "../sheets/plan";
import { uniqueSheetName } from "../sheets/names";

type ExcelJS = typeof ExcelJSNamespace;

export interface XlsxOptions {
  /** Write the core's values as cached formula results (default true). */
  readonly includeResults?: boolean;
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

/** Adds each plan as a worksheet of a new exceljs workbook. */
export function plansToWorkbook(
  excel: ExcelJS,
  plans: readonly SheetPlan[],
  opts: XlsxOptions = {},
): ExcelJSNamespace.Workbook {
  const wb = new excel.Workbook();
  wb.creator = "MarketKit";
  wb.calcProperties.fullCalcOnLoad = true;
  const used: string[] = [];
  for (const plan of plans) {
    const name = uniqueSheetName(plan.sheetName, used);
    used.push(name);
    addSheet(wb, name, plan, opts.includeResults ?? true);
  }
  return wb;
}

function addSheet(wb: ExcelJSNamespace.Workbook, name: string, plan: SheetPlan, includeResults: boolean): void {
  const ws = wb.addWorksheet(name, {
    views: plan.freeze ? [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }] : undefined,
  });
  for (const w of plan.columnWidths ?? []) ws.getColumn(w.col + 1).width = w.width;
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      const result = includeResults && c.expected !== undefined && c.expected !== null ? c.expected : undefined;
      cell.value = { formula: c.formula.replace(/^=/, ""), result } as ExcelJSNamespace.CellFormulaValue;
    } else if (c.value !== undefined && c.value !== null) {
      // A string is stored as a string cell: never parsed as a formula, whatever it starts with.
      cell.value = c.value;
    }
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.style) {
      const look = STYLE_LOOK[c.style];
      cell.font = {
        bold: look.bold,
        italic: look.italic,
        size: look.size,
        color: look.color ? { argb: argb(look.color) } : undefined,
      };
      if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
      if (look.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      if (look.borderTop) cell.border = { top: { style: "thin" } };
    }
  }
  for (const m of plan.merges ?? []) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  for (const n of plan.names ?? []) wb.definedNames.add(`${quoteSheet(name)}!${rangeA1(n.range, true)}`, n.name);
  for (const v of plan.validations ?? []) {
    forEachCell(v.range, (r, c) => {
      ws.getCell(r + 1, c + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.list.join(",")}"`],
      };
    });
  }
  for (const cf of plan.conditionalFormats ?? []) {
    const style = {
      fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: argb(cf.fill) } },
      font: cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : undefined,
    };
    ws.addConditionalFormatting({
      ref: rangeA1(cf.range),
      rules: [
        cf.kind === "expression"
          ? { type: "expression", priority: 1, formulae: [cf.formula.replace(/^=/, "")], style }
          : {
              type: "cellIs",
              priority: 1,
              // OOXML also has greaterThanOrEqual / lessThanOrEqual; exceljs writes the operator through.
              operator: cf.operator as ExcelJSNamespace.CellIsOperators,
              formulae: [cf.formula1, ...(cf.formula2 ? [cf.formula2] : [])].map((f) => f.replace(/^=/, "")),
              style,
            },
      ],
    });
  }
  for (const t of plan.tables ?? []) addTable(ws, plan, t.name, t.range, t.style);
}

/**
 * exceljs tables own their cells: the header and rows are handed to addTable, which writes them. We pass the
 * plan's cells of that range (formulas included), so the table and the sheet agree.
 */
function addTable(ws: ExcelJSNamespace.Worksheet, plan: SheetPlan, name: string, r: CellRange, style?: string): void {
  const at = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  const columns: { name: string }[] = [];
  for (let c = r.c0; c <= r.c1; c++)
    columns.push({ name: String(at.get(`${r.r0},${c}`)?.value ?? `Column${c - r.c0 + 1}`) });
  const rows: unknown[][] = [];
  for (let row = r.r0 + 1; row <= r.r1; row++) {
    const out: unknown[] = [];
    for (let c = r.c0; c <= r.c1; c++) {
      const cell = ws.getCell(row + 1, c + 1);
      out.push(cell.value ?? null);
    }
    rows.push(out);
  }
  ws.addTable({
    name,
    ref: a1(r.r0, r.c0),
    headerRow: true,
    style: {
      theme: (style ?? "TableStyleMedium7") as ExcelJSNamespace.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns,
    rows,
  });
}

function forEachCell(r: CellRange, fn: (row: number, col: number) => void): void {
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) fn(row, col);
}

/** The .xlsx bytes of the plans. */
export async function plansToXlsx(
  excel: ExcelJS,
  plans: readonly SheetPlan[],
  opts: XlsxOptions = {},
): Promise<Uint8Array> {
  const wb = plansToWorkbook(excel, plans, opts);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
