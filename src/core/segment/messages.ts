/**
 * Message catalog of the segmentation module (table reading, standardization, k-means, silhouette, RFM
 * tiers, profiles).
 *
 * Every {@link MktError} thrown by `src/core/segment/` uses a key of {@link SEGMENT_ERROR_MESSAGES}, and every
 * {@link SegmentWarning} a key of {@link SEGMENT_WARNING_MESSAGES}. The English text is the template with its
 * `{name}` placeholders replaced by the `params` (`column` is a header text, `row` a 1-based row of the
 * selection counting the header row as row 1, `col` a 1-based column of the selection), so the UI can translate
 * a key and format it with the same params.
 */
import { MktError, type MktErrorKind, type MktErrorParams } from "../errors";

const ERRORS = {
  noData: "The selection is empty: select a table with a header row and at least two rows of data.",
  noHeaderRow:
    "The first row of the selection must be a header row: a non-empty text label in every column (column {col} is not).",
  duplicateHeader: 'Column header "{column}" appears more than once (columns {col} and {other}).',
  tooFewRows: "Segmentation needs at least {min} rows of data; the selection has {n}.",
  noColumns: "Pick at least one column to segment on.",
  unknownColumn: 'There is no column "{column}" in the selection.',
  columnHasNoValues: 'Column "{column}" has no values: every cell below its header is blank.',
  columnNotNumeric: 'Column "{column}" must contain numbers.',
  negativeValue: 'Column "{column}" must not contain negative numbers (row {row} has {value}).',
  kTooLarge: "The number of segments ({k}) must not be larger than the number of rows ({n}).",
  invalidK: "The number of segments must be a whole number of at least {min} (got {k}).",
  invalidOption: "{arg} must be {expected}.",
  lengthMismatch: "{arg} must have one entry per row ({n} vs {m}).",
  invalidLabels: "Segment labels must be whole numbers from 0 to {max} (row {row} has {value}).",
  notEnoughDistinctRows:
    "The rows have only {distinct} distinct value combinations in the picked columns, fewer than the {k} segments asked for.",
} as const;

const WARNINGS = {
  constantColumn: 'Column "{column}" has the same value in every row, so it cannot separate segments.',
  valuesImputed:
    'Column "{column}": {count} blank or non-numeric cells were filled with the column mean ({mean}) for clustering.',
  blankCategory: 'Column "{column}": {count} blank cells are treated as the category "(blank)".',
  categoriesGrouped:
    'Column "{column}" has {count} categories; the {kept} most frequent are kept and the rest are grouped as "other".',
  blankRowsSkipped: "{count} completely blank rows were skipped.",
  kReduced:
    "Only {distinct} distinct rows: the number of segments tried was limited to {max} (instead of up to {requested}).",
  silhouetteSampled: "The silhouette score was computed on a random sample of {sample} of the {n} rows.",
} as const;

/** Stable error ids of the segmentation module. */
export type SegmentErrorKey = keyof typeof ERRORS;
/** Stable warning ids of the segmentation module. */
export type SegmentWarningKey = keyof typeof WARNINGS;

/** English templates for every error key of the segmentation module; `{name}` = `params.name`. */
export const SEGMENT_ERROR_MESSAGES: Readonly<Record<string, string>> = ERRORS;

/** English templates for every warning key of the segmentation module; `{name}` = `params.name`. */
export const SEGMENT_WARNING_MESSAGES: Readonly<Record<string, string>> = WARNINGS;

/**
 * A non-fatal remark about the input (a constant column, imputed cells, grouped categories …) for the UI to
 * show next to the result; `message` is the English text of `key` formatted with `params`.
 */
export interface SegmentWarning {
  key: SegmentWarningKey;
  message: string;
  params: MktErrorParams;
}

function format(template: string, params: MktErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds an {@link MktError} whose English message comes from {@link SEGMENT_ERROR_MESSAGES}. */
export function segmentError(kind: MktErrorKind, key: SegmentErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError(kind, key, format(ERRORS[key], params), params);
}

/** Builds a {@link SegmentWarning} whose English message comes from {@link SEGMENT_WARNING_MESSAGES}. */
export function segmentWarning(key: SegmentWarningKey, params: MktErrorParams = {}): SegmentWarning {
  return { key, message: format(WARNINGS[key], params), params };
}

/**
 * A whole number within [lo, hi] from an option value, `fallback` when it is undefined.
 * @throws value `invalidOption` otherwise (`expected` describes the allowed values).
 */
export function intOption(x: unknown, arg: string, lo: number, hi: number, fallback: number): number {
  if (x === undefined) return fallback;
  if (typeof x !== "number" || !Number.isInteger(x) || x < lo || x > hi) {
    const expected = hi === Infinity ? `a whole number of at least ${lo}` : `a whole number from ${lo} to ${hi}`;
    throw segmentError("value", "invalidOption", { arg, expected });
  }
  return x;
}

/**
 * A finite number within [lo, hi] from an option value, `fallback` when it is undefined.
 * @throws value `invalidOption` otherwise.
 */
export function numberOption(x: unknown, arg: string, lo: number, hi: number, fallback: number): number {
  if (x === undefined) return fallback;
  if (typeof x !== "number" || !Number.isFinite(x) || x < lo || x > hi) {
    throw segmentError("value", "invalidOption", { arg, expected: `a number from ${lo} to ${hi}` });
  }
  return x;
}
