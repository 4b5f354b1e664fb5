/**
 * Reading table-shaped arguments (transaction logs, path lists, touchpoint rows) the way Excel passes them:
 * parallel columns, each a single column or a single row (read as a column), or one column of a wider range.
 *
 * - Whole-column references (`A:A`, 1,048,576 rows): trailing blank rows are dropped first, by scanning each
 *   column from its end to its last non-blank cell, so no per-row work is spent on them.
 * - An error value in an input cell is propagated: the first one, in argument order (row by row within a range).
 * - A header row is recognised and skipped: when the first row of the numeric or date columns holds text that
 *   is neither a number nor a date ("Amount", "日期"), as it does with `=MKT.CLV(A:A, B:B, C:C)`.
 * - Numbers stored as text ("1,234", "12%") are read as numbers, ISO date text ("2024-03-31") as a date.
 * - Core errors are re-labelled with the Excel argument names and with row numbers counted in the range as
 *   the user selected it (row 1 = the range's first row, header included), see {@link relabelCoreErrors}.
 */
import { isMktError, MktError } from "../core/errors";
import { excelSerialFromYmd } from "../core/dates";
import { isBlank, toGrid, type Cell, type Grid } from "./cells";
import { isExcelError } from "./excel-error";
import { formatMessage } from "./messages";

/** How the cells of a column are read. */
export type ColumnKind =
  /** Left as they are (ids, channel names, path strings). */
  | "text"
  /** Numbers; numbers stored as text and TRUE/FALSE (1/0) converted; other text left for the core to reject. */
  | "number"
  /** Dates / times as Excel serial numbers; numeric text and ISO date text converted. */
  | "date"
  /** Left as they are, but a text first row counts towards a header (conversion value or marker columns). */
  | "raw";

export interface ColumnSpec {
  /** Argument name shown in messages (the Excel parameter name). */
  readonly name: string;
  readonly value: unknown;
  /** For one column of a wider range: its 0-based index (the range must be at least that wide). */
  readonly column?: number;
  /** May be omitted (null, undefined or one blank cell); gives `undefined`. */
  readonly optional?: boolean;
  readonly kind?: ColumnKind;
}

export interface Columns {
  /** Cells of each spec (same order), rows [start, start + rows) of the ranges; undefined when omitted. */
  readonly cells: (Cell[] | undefined)[];
  /** Range rows skipped at the top (1 when a header row was recognised). */
  readonly start: number;
  /** Number of data rows read. */
  readonly rows: number;
}

interface Source {
  readonly spec: ColumnSpec;
  readonly grid: Grid;
  /** Column index inside the grid; -1 for a single-row range read as a column. */
  readonly col: number;
  readonly length: number;
}

/** Rows up to and including the last non-blank cell, scanning from the end (fast for whole columns). */
function usedLength(s: Source): number {
  const g = s.grid;
  if (s.col < 0) {
    const row = g[0];
    for (let i = s.length - 1; i >= 0; i--) {
      const v = row[i];
      if (v !== null && v !== undefined && v !== "") return i + 1;
    }
    return 0;
  }
  const c = s.col;
  for (let i = s.length - 1; i >= 0; i--) {
    const v = g[i][c];
    if (v !== null && v !== undefined && v !== "") return i + 1;
  }
  return 0;
}

function filled(v: Cell): boolean {
  return v !== null && v !== undefined && v !== "";
}

/**
 * The number of rows up to the last one with a non-blank cell in any source, and a source holding that cell.
 * Column sources are scanned together, row by row from the end (one pass over the blank tail of whole-column
 * references, which is memory-bound: each Excel row is its own small array).
 */
function usedRows(sources: readonly (Source | undefined)[]): { rows: number; longest: Source | undefined } {
  let rows = 0;
  let longest: Source | undefined;
  const cols: Source[] = [];
  for (const s of sources) {
    if (!s) continue;
    if (s.col >= 0) cols.push(s);
    else {
      const used = usedLength(s);
      if (used > rows) {
        rows = used;
        longest = s;
      }
    }
  }
  let top = 0;
  for (const s of cols) top = Math.max(top, s.length);
  const n = cols.length;
  const grids = cols.map((s) => s.grid);
  const index = cols.map((s) => s.col);
  const lengths = cols.map((s) => s.length);
  if (n > 0 && n <= 4 && lengths.every((l) => l === top)) {
    // the usual case (ranges of one height, e.g. whole columns): unrolled over up to four columns
    const [g0, g1 = g0, g2 = g0, g3 = g0] = grids;
    const [c0, c1 = c0, c2 = c0, c3 = c0] = index;
    for (let i = top - 1; i >= rows; i--) {
      if (filled(g0[i][c0]) || filled(g1[i][c1]) || filled(g2[i][c2]) || filled(g3[i][c3])) {
        for (let k = 0; k < n; k++) if (filled(grids[k][i][index[k]])) return { rows: i + 1, longest: cols[k] };
      }
    }
    return { rows, longest };
  }
  for (let i = top - 1; i >= rows; i--) {
    for (let k = 0; k < n; k++) {
      if (i >= lengths[k]) continue;
      const v = grids[k][i][index[k]];
      if (v !== null && v !== undefined && v !== "") return { rows: i + 1, longest: cols[k] };
    }
  }
  return { rows, longest };
}

/** MktError with the English message built from the functions layer's catalog. */
export function inputError(kind: MktError["kind"], key: string, params: Record<string, string | number>): MktError {
  return new MktError(kind, key, formatMessage("en-US", key, params, key), params);
}

function source(spec: ColumnSpec): Source | undefined {
  const g = toGrid(spec.value);
  if (spec.column !== undefined) {
    const width = g.length ? g[0].length : 0;
    if (width <= spec.column) {
      throw inputError("value", "expectedColumns", { arg: spec.name, columns: spec.column + 1 });
    }
    return { spec, grid: g, col: spec.column, length: g.length };
  }
  if (g.length === 0 || (g.length === 1 && g[0].length === 1 && isBlank(g[0][0]) && spec.optional)) {
    if (spec.optional) return undefined;
    return { spec, grid: [[null]], col: 0, length: 1 };
  }
  if (g.length === 1 && g[0].length > 1) return { spec, grid: g, col: -1, length: g[0].length };
  if (g[0].length !== 1) throw inputError("value", "expectedColumn", { arg: spec.name });
  return { spec, grid: g, col: 0, length: g.length };
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/** A number written as text ("1,234", "12%", " 3 "), as `cellNumber` reads it; undefined otherwise. */
export function numberFromText(text: string): number | undefined {
  const s = text.trim().replace(/,/g, "");
  if (!NUMERIC_TEXT.test(s)) return undefined;
  return s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
}

const ISO_DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Last Excel serial day (9999-12-31). */
export const MAX_EXCEL_SERIAL = 2958465;

/**
 * An Excel serial date from date text: ISO `2024-03-31` (also with `/` or `.`, and an optional time
 * `2024-03-31 14:30` or `2024-03-31T14:30:00`) or `2024年3月31日`. Undefined for anything else or an
 * impossible date (2024-02-30). The time zone suffix of ISO text is ignored (Excel dates have none).
 */
export function serialFromDateText(text: string): number | undefined {
  const t = text.trim();
  const m = ISO_DATE.exec(t) ?? CJK_DATE.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  if (y < 1900) return undefined;
  const hours = m[4] === undefined ? 0 : Number(m[4]);
  const minutes = m[5] === undefined ? 0 : Number(m[5]);
  const seconds = m[6] === undefined ? 0 : Number(m[6]);
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return excelSerialFromYmd(y, mo, d) + (hours * 3600 + minutes * 60 + seconds) / 86400;
}

/** A cell read as a date: a serial number (0 to 9999-12-31), numeric text or date text; undefined otherwise. */
export function dateOf(v: Cell): number | undefined {
  let x: number | undefined;
  if (typeof v === "number") x = v;
  else if (typeof v === "string") x = numberFromText(v) ?? serialFromDateText(v);
  if (x === undefined || !Number.isFinite(x) || x < 0 || x >= MAX_EXCEL_SERIAL + 1) return undefined;
  return x;
}

function convert(v: Cell, kind: ColumnKind | undefined): Cell {
  if (kind === "number") {
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "string") return numberFromText(v) ?? (v.trim() === "" ? null : v);
    return v;
  }
  if (kind === "date") {
    if (typeof v === "string") return v.trim() === "" ? null : (dateOf(v) ?? v);
    return v;
  }
  return v;
}

function isErrorObject(v: Cell): boolean {
  return typeof v === "object" && v !== null && isExcelError(v);
}

/** Copies rows [0, rows) of a source, converted by kind; notes the first error value's row (or -1). */
function copyColumn(s: Source, rows: number): { cells: Cell[]; errorRow: number } {
  const kind = s.spec.kind;
  const converts = kind === "number" || kind === "date";
  const out = new Array<Cell>(rows);
  let errorRow = -1;
  const g = s.grid;
  const c = s.col;
  const row0 = c < 0 ? g[0] : undefined;
  for (let i = 0; i < rows; i++) {
    const v = row0 ? row0[i] : g[i][c];
    if (typeof v === "number" || v === null) {
      out[i] = v;
      continue;
    }
    if (errorRow < 0 && isErrorObject(v)) errorRow = i;
    out[i] = converts ? convert(v, kind) : v;
  }
  return { cells: out, errorRow };
}

/** True for text in a numeric or date column that reads as neither: a column title. */
function isTitle(v: Cell, kind: ColumnKind | undefined): boolean {
  if (typeof v !== "string" || v.trim() === "") return false;
  if (kind === "date") return dateOf(v) === undefined;
  return numberFromText(v) === undefined;
}

/**
 * Reads parallel columns (see module doc): drops trailing blank rows, propagates the first error value,
 * checks that every range reaches the last data row, skips a header row and converts the cells by kind.
 * Cost: one scan of each column's blank tail from its end, then one pass over the used rows (copy, convert and
 * look for error values at once).
 * @throws the first input error value; MktError value for a block of several columns or ranges of different
 *   lengths.
 */
export function readColumns(specs: readonly ColumnSpec[]): Columns {
  const sources = specs.map(source);
  const { rows, longest } = usedRows(sources);
  const copies = sources.map((s) => (s ? copyColumn(s, Math.min(rows, s.length)) : undefined));
  // Error values first, in argument order; within one multi-column range, row by row.
  const k = copies.findIndex((c) => c !== undefined && c.errorRow >= 0);
  if (k >= 0) {
    let best = k;
    sources.forEach((s, i) => {
      const c = copies[i];
      if (!s || !c || c.errorRow < 0 || s.grid !== sources[k]!.grid) return;
      const b = copies[best]!;
      if (c.errorRow < b.errorRow || (c.errorRow === b.errorRow && s.col < sources[best]!.col)) best = i;
    });
    const s = sources[best]!;
    const r = copies[best]!.errorRow;
    throw s.col < 0 ? s.grid[0][r] : s.grid[r][s.col];
  }
  for (const s of sources) {
    if (s && s.length < rows && longest) {
      throw inputError("value", "lengthMismatch", {
        arg: s.spec.name,
        other: longest.spec.name,
        n: s.length,
        m: longest.length,
      });
    }
  }
  let start = 0;
  if (rows > 0) {
    let titles = 0;
    let values = 0;
    sources.forEach((s, i) => {
      const kind = s?.spec.kind;
      if (!s || (kind !== "number" && kind !== "date" && kind !== "raw")) return;
      const v = copies[i]!.cells[0];
      if (isTitle(v, kind)) titles++;
      else if (!isBlank(v)) values++;
    });
    if (titles > 0 && values === 0) start = 1;
  }
  const cells = copies.map((c) => {
    if (!c) return undefined;
    if (start > 0) c.cells.shift();
    return c.cells;
  });
  return { cells, start, rows: rows - start };
}

/** The first error value in any of the arguments (small, single-value arguments), thrown as it is. */
export function propagateErrors(...args: unknown[]): void {
  for (const a of args) {
    for (const row of toGrid(a)) for (const v of row) if (isExcelError(v)) throw v;
  }
}

export interface Relabel {
  /** Core argument name → Excel argument name (applied to `arg` and `other`). */
  readonly names?: Readonly<Record<string, string>>;
  /** Added to the `row` / `index` params: rows of a header skipped above the data. */
  readonly rowOffset?: number;
  /** Prefix of the message key (namespaced catalogs, e.g. "attribution."). */
  readonly keyPrefix?: string;
}

/** A core error with Excel's argument names, range row numbers and the catalog key (see {@link Relabel}). */
export function relabel(e: unknown, how: Relabel): unknown {
  if (!isMktError(e)) return e;
  const params: Record<string, string | number> = { ...e.params };
  for (const k of ["arg", "other"]) {
    const v = params[k];
    if (typeof v === "string" && how.names && Object.prototype.hasOwnProperty.call(how.names, v)) {
      params[k] = how.names[v];
    }
  }
  if (how.rowOffset) {
    for (const k of ["row", "index"]) {
      const v = params[k];
      if (typeof v === "number") params[k] = v + how.rowOffset;
    }
  }
  const key = (how.keyPrefix ?? "") + e.key;
  return new MktError(e.kind, key, formatMessage("en-US", key, params, e.message), params);
}

/** Runs a core call; any error it throws is re-labelled (see {@link relabel}). */
export function relabelCoreErrors<T>(how: Relabel, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw relabel(e, how);
  }
}
