/**
 * Reading arguments the way Excel passes them to a custom function declared with a matrix parameter: a scalar
 * arrives as [[x]], an empty cell as null (or "" from a formula), an omitted optional argument as null or
 * undefined, numbers may be stored as text, booleans count as 1/0 in arithmetic (as in =TRUE*2), and an input
 * cell holding an error arrives as an error object that must be propagated.
 */
import { MktError } from "../core/errors";
import { isExcelError, type ExcelErrorValue } from "./excel-error";

export type Cell = unknown;
export type Grid = readonly (readonly Cell[])[];

/** Normalizes any argument to a 2-D array; an omitted argument becomes an empty grid. */
export function toGrid(v: unknown): Grid {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) {
    if (v.length === 0) return [];
    return Array.isArray(v[0]) ? (v as Cell[][]) : [v as Cell[]];
  }
  return [[v]];
}

export function isBlank(v: Cell): boolean {
  return v === null || v === undefined || v === "";
}

/** True when the argument was omitted or is a single blank cell. */
export function isOmitted(v: unknown): boolean {
  const g = toGrid(v);
  return g.length === 0 || (g.length === 1 && g[0].length === 1 && isBlank(g[0][0]));
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * A cell as a number: numbers as they are, TRUE/FALSE as 1/0, text that reads as a number (also "1,234" and
 * "12%") as that number. Returns null for a blank cell. Other text is a #VALUE! error naming the argument.
 */
export function cellNumber(v: Cell, arg: string): number | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new MktError("num", "notFinite", `${arg} is not a finite number.`, { arg });
    return v;
  }
  if (isBlank(v)) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const s = v.trim().replace(/,/g, "");
    if (NUMERIC_TEXT.test(s)) {
      return s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
    }
  }
  throw new MktError("value", "notANumber", `${arg} must be a number.`, { arg });
}

/** The first error value found in the arguments, scanning in argument order, or undefined. */
export function firstError(...grids: Grid[]): ExcelErrorValue | undefined {
  for (const g of grids) for (const row of g) for (const c of row) if (isExcelError(c)) return c;
  return undefined;
}

/** A single optional number: blank or omitted gives the default. */
export function optionalNumber(v: unknown, arg: string, fallback: number): number {
  const g = toGrid(v);
  if (g.length === 0) return fallback;
  if (g.length !== 1 || g[0].length !== 1) {
    throw new MktError("value", "expectedSingleValue", `${arg} must be a single value, not a range.`, { arg });
  }
  const c = g[0][0];
  if (isExcelError(c)) throw c;
  return cellNumber(c, arg) ?? fallback;
}

/** A single optional text argument, trimmed; blank or omitted gives the default. */
export function optionalText(v: unknown, arg: string, fallback: string): string {
  const g = toGrid(v);
  if (g.length === 0) return fallback;
  if (g.length !== 1 || g[0].length !== 1) {
    throw new MktError("value", "expectedSingleValue", `${arg} must be a single value, not a range.`, { arg });
  }
  const c = g[0][0];
  if (isExcelError(c)) throw c;
  if (isBlank(c)) return fallback;
  return String(c).trim();
}
