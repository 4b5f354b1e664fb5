/**
 * Element-wise evaluation with Excel's array broadcasting: the result has as many rows and columns as the largest
 * argument; an argument of one row (or one column) repeats across rows (or columns), and a cell outside a
 * smaller argument's shape is #N/A, exactly as Excel does for ={1,2,3}+{1,2}. Trailing rows where every argument
 * is blank (a whole-column reference) are dropped, so =MKT.ROI(B:B, C:C) spills only as far as the data.
 * One bad row gives an error in that row, never a failed table.
 */
import { isMktError } from "../core/errors";
import { cellNumber, isBlank, type Grid, toGrid } from "./cells";
import { excelError, isExcelError } from "./excel-error";
import { toExcelError } from "./errors";

export interface ElementArg {
  readonly name: string;
  readonly value: unknown;
  /** For optional arguments: the value used where the argument is omitted or its cell is blank. */
  readonly fallback?: number;
}

type Out = number | string | object;

function lastUsedRow(grids: readonly Grid[]): number {
  let last = 0;
  for (const g of grids) {
    for (let r = g.length - 1; r >= last; r--) {
      if (g[r].some((c) => !isBlank(c))) {
        last = r + 1;
        break;
      }
    }
  }
  return last;
}

export function mapElementwise(args: readonly ElementArg[], fn: (xs: number[]) => number): Out[][] {
  const grids = args.map((a) => toGrid(a.value));
  const required = args.map((a) => a.fallback === undefined);
  const rows = Math.max(1, lastUsedRow(grids.filter((_, i) => required[i])));
  const cols = Math.max(1, ...grids.map((g) => (g.length ? g[0].length : 1)));
  const out: Out[][] = new Array(rows);
  const xs = new Array<number>(args.length);
  for (let r = 0; r < rows; r++) {
    const row: Out[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = evaluate(r, c);
    out[r] = row;
  }
  return out;

  function evaluate(r: number, c: number): Out {
    // Fast path: every argument's cell is already a finite number (the common case for a data range).
    let numeric = true;
    for (let i = 0; i < args.length && numeric; i++) {
      const g = grids[i];
      if (g.length === 0) {
        const fallback = args[i].fallback;
        if (fallback === undefined) numeric = false;
        else xs[i] = fallback;
        continue;
      }
      const row = g[g.length === 1 ? 0 : r];
      const cell = row === undefined ? undefined : row[g[0].length === 1 ? 0 : c];
      if (typeof cell === "number" && Number.isFinite(cell)) xs[i] = cell;
      else numeric = false;
    }
    if (numeric) return compute();
    let blanks = 0;
    let requiredCount = 0;
    for (let i = 0; i < args.length; i++) {
      const g = grids[i];
      const fallback = args[i].fallback;
      if (g.length === 0) {
        if (fallback === undefined) return excelError("#VALUE!");
        xs[i] = fallback;
        continue;
      }
      const gr = g.length === 1 ? 0 : r;
      const gc = g[0].length === 1 ? 0 : c;
      if (gr >= g.length || gc >= g[gr].length) return excelError("#N/A");
      const cell = g[gr][gc];
      if (isExcelError(cell)) return cell;
      try {
        const v = cellNumber(cell, args[i].name);
        if (fallback === undefined) requiredCount++;
        if (v === null) {
          if (fallback === undefined) {
            blanks++;
            xs[i] = 0; // Excel arithmetic reads a blank cell as 0
          } else xs[i] = fallback;
        } else xs[i] = v;
      } catch (e) {
        return toExcelError(e);
      }
    }
    // A row with every required input blank is a blank row of the sheet: leave it blank.
    if (requiredCount > 0 && blanks === requiredCount) return "";
    return compute();
  }

  function compute(): Out {
    try {
      const y = fn(xs);
      return Number.isFinite(y) ? y : excelError("#NUM!");
    } catch (e) {
      return isMktError(e) || e instanceof Error ? toExcelError(e) : excelError("#VALUE!");
    }
  }
}
