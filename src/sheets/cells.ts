/** A small collector the builders use to lay out cells without repeating the PlanCell boilerplate. */
import type { PlanCell, Scalar, StyleId } from "./plan";

export interface CellOptions {
  readonly numberFormat?: string;
  readonly style?: StyleId;
}

export class CellGrid {
  readonly cells: PlanCell[] = [];

  /** A constant (text stays text, whatever it looks like). */
  value(row: number, col: number, value: Scalar, opts: CellOptions = {}): void {
    this.cells.push({ row, col, value, ...opts });
  }

  /** A formula with the value the core computed for it. */
  formula(row: number, col: number, formula: string, expected: Scalar, opts: CellOptions = {}): void {
    this.cells.push({ row, col, formula, expected, ...opts });
  }

  /** A cell the user fills in; its key keeps what they typed when the sheet is regenerated. */
  input(row: number, col: number, key: string, value: Scalar = null, opts: CellOptions = {}): void {
    this.cells.push({
      row,
      col,
      value,
      input: true,
      key,
      style: opts.style ?? "input",
      numberFormat: opts.numberFormat,
    });
  }
}
