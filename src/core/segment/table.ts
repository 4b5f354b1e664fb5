/**
 * Reads a customer table from a worksheet selection as Office.js gives it (`Range.values`: a 2-D array of
 * numbers, strings, booleans, and "" for blank cells) and types its columns.
 *
 * Conventions (documented for the persona wizard):
 * - Row 0 is the header row: every cell non-empty text, unique ignoring case and surrounding spaces (as Excel
 *   tables require). A first row made only of numbers or numeric text is data, not headers.
 * - Blank cells are "", null, undefined, whitespace-only text, or an Excel error shown as text ("#N/A", "#DIV/0!"
 *   …). Rows that are blank in every column read are skipped (trailing empty rows of a selection).
 * - A cell is numeric if it is a finite number, or text that is a plain decimal number ("1250", "-3.5",
 *   "1,250.75", "2e3"); booleans are not numbers (as in Excel's AVERAGE).
 * - Column type: numeric if at least 90% of the non-blank cells are numeric, else categorical (the threshold
 *   lets a few stray notes like "n/a" through without turning spend into a category). The wizard may override
 *   the inferred kind per column (e.g. a city tier coded 1, 2, 3 is better read as categorical).
 * - Missing numeric values (blank or non-numeric cells) are imputed with the mean of the observed values of the
 *   column, the simplest imputation that keeps the column mean and adds no spurious between-segment difference;
 *   it shrinks the column's variance, so heavily incomplete columns weigh less in the distance (each imputation
 *   is counted and reported as a warning). Profiles use the observed values only.
 * - Missing categorical values become the category "(blank)".
 */
import { segmentError, segmentWarning, type SegmentWarning } from "./messages";
import {
  BLANK_CATEGORY,
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  type NumericColumn,
  type SegmentTable,
} from "./types";

/** Share of numeric cells among the non-blank cells from which a column is numeric. */
export const NUMERIC_SHARE = 0.9;

const ERROR_TEXT =
  /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;
const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Whether a cell counts as blank: "", null, undefined, whitespace-only text, or an Excel error value as text
 * ("#N/A" …).
 */
export function isBlankCell(cell: unknown): boolean {
  if (cell === "" || cell === null || cell === undefined) return true;
  if (typeof cell === "string") {
    const t = cell.trim();
    return t === "" || ERROR_TEXT.test(t);
  }
  return false;
}

/**
 * The number a cell holds: a finite number, or text that is a plain decimal number with optional sign,
 * thousands separators ",", decimals and exponent; `undefined` for anything else (blank, booleans, other text).
 */
export function cellNumber(cell: unknown): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const t = cell.trim();
  if (t === "" || !/\d/.test(t) || !NUMERIC_TEXT.test(t)) return undefined;
  const x = Number(t.replace(/,/g, ""));
  return Number.isFinite(x) ? x : undefined;
}

/** The category text of a non-blank cell: trimmed text, numbers as `String(x)`, booleans as TRUE / FALSE. */
export function cellCategory(cell: unknown): string {
  if (isBlankCell(cell)) return BLANK_CATEGORY;
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

/** Summary of a column for the wizard's column picker (see {@link describeColumns}). */
export interface ColumnInfo {
  name: string;
  /** 0-based column position in the selection. */
  index: number;
  /** Inferred kind (numeric when ≥ 90% of the non-blank cells are numbers). */
  kind: ColumnKind;
  /** Non-blank data cells. */
  nonBlank: number;
  /** Data cells holding a number or numeric text. */
  numeric: number;
  /** Blank data cells. */
  blank: number;
  /** Distinct non-blank values (as category text). */
  distinct: number;
}

function headersOf(values: readonly (readonly unknown[])[]): string[] {
  if (!Array.isArray(values) || values.length === 0 || !Array.isArray(values[0]) || values[0].length === 0) {
    throw segmentError("value", "noData");
  }
  const first = values[0];
  const headers: string[] = [];
  for (let c = 0; c < first.length; c++) {
    const h = first[c];
    if (typeof h !== "string" || isBlankCell(h)) throw segmentError("value", "noHeaderRow", { col: c + 1 });
    headers.push(h.trim());
  }
  if (headers.every((h) => cellNumber(h) !== undefined)) throw segmentError("value", "noHeaderRow", { col: 1 });
  const seen = new Map<string, number>();
  for (let c = 0; c < headers.length; c++) {
    const key = headers[c].toLowerCase();
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw segmentError("value", "duplicateHeader", { column: headers[c], col: prev + 1, other: c + 1 });
    }
    seen.set(key, c);
  }
  return headers;
}

function cellAt(values: readonly (readonly unknown[])[], r: number, c: number): unknown {
  const row = values[r];
  return Array.isArray(row) && c < row.length ? row[c] : "";
}

/**
 * Describes every column of a selection for the column picker: inferred kind and counts of blank, numeric and
 * distinct cells. Validates the header row only (no minimum number of rows, empty columns allowed).
 * @throws value `noData`, `noHeaderRow`, `duplicateHeader`.
 */
export function describeColumns(values: readonly (readonly unknown[])[]): ColumnInfo[] {
  const headers = headersOf(values);
  return headers.map((name, c) => {
    let nonBlank = 0;
    let numeric = 0;
    const distinct = new Set<string>();
    for (let r = 1; r < values.length; r++) {
      const v = cellAt(values, r, c);
      if (isBlankCell(v)) continue;
      nonBlank++;
      if (cellNumber(v) !== undefined) numeric++;
      distinct.add(cellCategory(v));
    }
    const kind: ColumnKind = nonBlank > 0 && numeric >= NUMERIC_SHARE * nonBlank ? "numeric" : "categorical";
    return { name, index: c, kind, nonBlank, numeric, blank: values.length - 1 - nonBlank, distinct: distinct.size };
  });
}

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Headers of the columns to read (matched ignoring case and surrounding spaces); default: every column. */
  columns?: readonly string[];
  /** Kind per header overriding the inference (keys matched like `columns`). */
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Minimum number of data rows (default 2). */
  minRows?: number;
}

/** A table plus the warnings raised while reading it. */
export interface ReadTableResult extends SegmentTable {
  warnings: SegmentWarning[];
}

function round6(x: number): number {
  return Number(x.toPrecision(6));
}

/**
 * Reads and types the columns of a selection (see the module doc for every convention).
 * @param values `Range.values` of the selection, header row first.
 * @returns the kept rows (not blank in every column read) with one typed column per requested header.
 * @throws value `noData`, `noHeaderRow`, `duplicateHeader`, `noColumns` (empty `columns`), `unknownColumn`,
 *   `tooFewRows` (fewer than `minRows` kept rows), `columnHasNoValues` (a column read is blank in every row),
 *   `columnNotNumeric` (a column forced numeric has no number).
 */
export function readTable(values: readonly (readonly unknown[])[], options: ReadTableOptions = {}): ReadTableResult {
  const headers = headersOf(values);
  const lookup = new Map(headers.map((h, i) => [h.toLowerCase(), i]));
  const find = (name: string): number => {
    const i = typeof name === "string" ? lookup.get(name.trim().toLowerCase()) : undefined;
    if (i === undefined) throw segmentError("value", "unknownColumn", { column: String(name) });
    return i;
  };
  let picked: number[];
  if (options.columns === undefined) picked = headers.map((_, i) => i);
  else {
    if (options.columns.length === 0) throw segmentError("value", "noColumns");
    picked = [...new Set(options.columns.map(find))];
  }
  const forced = new Map<number, ColumnKind>();
  for (const [name, kind] of Object.entries(options.kinds ?? {})) {
    if (kind !== "numeric" && kind !== "categorical") {
      throw segmentError("value", "invalidOption", { arg: `kinds.${name}`, expected: '"numeric" or "categorical"' });
    }
    forced.set(find(name), kind);
  }
  const minRows = options.minRows ?? 2;

  // Kept rows: not blank in every picked column.
  const kept: number[] = [];
  for (let r = 1; r < values.length; r++) {
    if (picked.some((c) => !isBlankCell(cellAt(values, r, c)))) kept.push(r);
  }
  const warnings: SegmentWarning[] = [];
  if (kept.length < values.length - 1) {
    warnings.push(segmentWarning("blankRowsSkipped", { count: values.length - 1 - kept.length }));
  }
  if (kept.length < minRows) throw segmentError("value", "tooFewRows", { min: minRows, n: kept.length });
  const n = kept.length;

  const columns: Column[] = picked.map((c) => {
    const name = headers[c];
    let nonBlank = 0;
    let numeric = 0;
    const nums = new Float64Array(n);
    const isNum = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = cellAt(values, kept[i], c);
      if (isBlankCell(v)) continue;
      nonBlank++;
      const x = cellNumber(v);
      if (x !== undefined) {
        nums[i] = x;
        isNum[i] = 1;
        numeric++;
      }
    }
    if (nonBlank === 0) throw segmentError("value", "columnHasNoValues", { column: name });
    const kind = forced.get(c) ?? (numeric >= NUMERIC_SHARE * nonBlank ? "numeric" : "categorical");
    if (kind === "numeric") {
      if (numeric === 0) throw segmentError("value", "columnNotNumeric", { column: name });
      let sum = 0;
      for (let i = 0; i < n; i++) if (isNum[i]) sum += nums[i];
      const mean = sum / numeric;
      const missing = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (!isNum[i]) {
          missing[i] = 1;
          nums[i] = mean;
        }
      }
      const missingCount = n - numeric;
      if (missingCount > 0) {
        warnings.push(segmentWarning("valuesImputed", { column: name, count: missingCount, mean: round6(mean) }));
      }
      const col: NumericColumn = { kind, name, index: c, nonBlank, values: nums, missing, missingCount, mean };
      return col;
    }
    return categorical(values, kept, c, name, nonBlank, warnings);
  });
  return { headers, columns, rows: n, rowIndex: Int32Array.from(kept), warnings };
}

function categorical(
  values: readonly (readonly unknown[])[],
  kept: number[],
  c: number,
  name: string,
  nonBlank: number,
  warnings: SegmentWarning[],
): CategoricalColumn {
  const n = kept.length;
  const index = new Map<string, number>();
  const firstSeen: string[] = [];
  const counts: number[] = [];
  const raw = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cat = cellCategory(cellAt(values, kept[i], c));
    let k = index.get(cat);
    if (k === undefined) {
      k = firstSeen.length;
      index.set(cat, k);
      firstSeen.push(cat);
      counts.push(0);
    }
    counts[k]++;
    raw[i] = k;
  }
  // Most frequent first; ties keep the order of first appearance (stable sort).
  const order = firstSeen.map((_, k) => k).sort((a, b) => counts[b] - counts[a]);
  const remap = new Int32Array(order.length);
  order.forEach((k, j) => (remap[k] = j));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = remap[raw[i]];
  if (nonBlank < n) warnings.push(segmentWarning("blankCategory", { column: name, count: n - nonBlank }));
  return {
    kind: "categorical",
    name,
    index: c,
    nonBlank,
    codes,
    categories: order.map((k) => firstSeen[k]),
    counts: order.map((k) => counts[k]),
  };
}
