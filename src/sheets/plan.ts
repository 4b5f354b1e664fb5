/**
 * A sheet plan: a pure, JSON-serializable description of what a wizard writes. The Excel adapter applies it
 * through Office.js, the xlsx exporter writes it with exceljs, and the preview grid renders it. Formulas are
 * built-in Excel functions in English A1 syntax (what Office.js `formulas` and OOXML both take), so a shared
 * workbook keeps calculating without MarketKit. Each formula cell carries the value the core computed
 * (`expected`), which the preview shows and the LibreOffice test compares with a real spreadsheet engine.
 */
import type { Locale } from "../i18n/locale";

export type Scalar = string | number | boolean | null;

/** Cell styles the builders may use; the adapters map each to fonts, fills and borders. */
export type StyleId = "title" | "subtitle" | "header" | "input" | "total" | "note" | "label" | "warning";

export interface PlanCell {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /** A constant. Strings are always written as text, never as formulas, whatever they start with. */
  readonly value?: Scalar;
  /** A formula beginning with "=", using built-in functions only. */
  readonly formula?: string;
  /** The value the core computed for a formula cell (number, text or boolean). */
  readonly expected?: Scalar;
  readonly numberFormat?: string;
  readonly style?: StyleId;
  /** The user types here (actuals, notes): kept when MarketKit regenerates the sheet. */
  readonly input?: boolean;
  /** Stable identity of an input cell across regenerations, e.g. "actual|Search|2027-03". */
  readonly key?: string;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface PlanTable {
  /** Workbook-unique table name (letters, digits, underscores). */
  readonly name: string;
  /** Header row included. */
  readonly range: CellRange;
  readonly style?: string;
  readonly showTotals?: boolean;
}

export interface PlanName {
  readonly name: string;
  readonly range: CellRange;
}

export interface PlanValidation {
  readonly range: CellRange;
  readonly list: readonly string[];
}

export type ConditionOperator = "greaterThan" | "lessThan" | "between" | "greaterThanOrEqual" | "lessThanOrEqual";

export type PlanConditionalFormat =
  | {
      readonly range: CellRange;
      readonly kind: "expression";
      /** A formula relative to the range's top-left cell, e.g. "=D5>C5*1.1". */
      readonly formula: string;
      readonly fill: string;
      readonly fontColor?: string;
    }
  | {
      readonly range: CellRange;
      readonly kind: "cellValue";
      readonly operator: ConditionOperator;
      readonly formula1: string;
      readonly formula2?: string;
      readonly fill: string;
      readonly fontColor?: string;
    };

export interface PlanChart {
  readonly kind: "columnStacked" | "pie" | "line" | "columnClustered" | "barClustered";
  readonly title: string;
  /** Data including the header row and the label column. */
  readonly data: CellRange;
  readonly seriesBy: "rows" | "columns";
  /** Top-left cell of the chart and its size in points. */
  readonly anchor: { readonly row: number; readonly col: number };
  readonly width: number;
  readonly height: number;
}

export interface SheetPlan {
  readonly version: 1;
  /** Which wizard made it (also the key of its stored inputs). */
  readonly wizard: string;
  /** Desired sheet name; the adapter adds " (2)" etc. where a sheet of that name is not ours. */
  readonly sheetName: string;
  readonly locale: Locale;
  readonly cells: readonly PlanCell[];
  readonly columnWidths?: readonly { readonly col: number; readonly width: number }[];
  readonly merges?: readonly CellRange[];
  readonly tables?: readonly PlanTable[];
  readonly names?: readonly PlanName[];
  readonly validations?: readonly PlanValidation[];
  readonly conditionalFormats?: readonly PlanConditionalFormat[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly charts?: readonly PlanChart[];
  /** The wizard's inputs, stored in the workbook so a colleague can reopen the wizard on this sheet. */
  readonly inputs: unknown;
}

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function colName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference of a 0-based cell; `abs` gives $A$1. */
export function a1(row: number, col: number, abs = false): string {
  return abs ? `$${colName(col)}$${row + 1}` : `${colName(col)}${row + 1}`;
}

/** A1 reference of a range, e.g. "B2:D9". */
export function rangeA1(r: CellRange, abs = false): string {
  const a = a1(r.r0, r.c0, abs);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${a1(r.r1, r.c1, abs)}`;
}

/** The bounding rectangle of every cell in the plan. */
export function planExtent(plan: SheetPlan): CellRange {
  let r1 = 0;
  let c1 = 0;
  for (const c of plan.cells) {
    if (c.row > r1) r1 = c.row;
    if (c.col > c1) c1 = c.col;
  }
  return { r0: 0, c0: 0, r1, c1 };
}

/** Quotes a sheet name for use in a formula: 'Budget 2027'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
