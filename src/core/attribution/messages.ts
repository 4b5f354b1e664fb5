/**
 * Message catalog and input validation helpers of the attribution engine.
 *
 * Every {@link MktError} thrown by `src/core/attribution/` uses a key of {@link ATTRIBUTION_ERROR_MESSAGES};
 * the English text is the template with `{name}` placeholders replaced by the error's `params` (`arg` names
 * the argument, `row` is the 1-based position inside that argument), so the functions layer can translate a
 * key and format it with the same params.
 */
import { MktError, type MktErrorKind, type MktErrorParams } from "../errors";

const MESSAGES = {
  noRows: "{arg} is empty: give at least one row.",
  lengthMismatch: "{arg} must have the same number of rows as {other} ({n} vs {m}).",
  emptyPath: "{arg} row {row} has no channel (it is blank or contains only separators).",
  pathNotText: '{arg} row {row} must be text such as "Search > Social > Email".',
  emptySeparator: '{arg} must be a non-empty separator such as ">".',
  notANumber: "{arg} row {row} must be a number.",
  negative: "{arg} row {row} must not be negative.",
  valueWithoutConversions: "{arg} row {row} has a conversion value but no conversions.",
  noConversions: "The data contain no conversions, so there is nothing to attribute.",
  tooManyChannels: "{model} supports at most {limit} channels; the data have {n}.",
  invalidOption: "{arg} must be {expected}.",
  invalidOrder: "{arg} must be a whole number from 1 to {max}.",
  lookbackWithoutTimestamps: "{arg} needs timestamps: give the timestamp column or leave the lookback window empty.",
  daysWithoutTimestamps: "{arg} in days needs touchpoints with timestamps; use steps for path strings.",
  emptyChannel: "{arg} row {row} has no channel and is not a conversion.",
  invalidJourneyId: "{arg} row {row} must be a non-empty journey id (text or number).",
  invalidTimestamp: "{arg} row {row} must be a date/time (an Excel serial number).",
  invalidMarker: "{arg} row {row} must be TRUE/FALSE or a number (1 = conversion, 0 or blank = none).",
  noConvergence: "The Markov chain solver did not converge ({states} states).",
} as const;

/** Stable message ids of the attribution engine. */
export type AttributionErrorKey = keyof typeof MESSAGES;

/** English templates for every error key used by the attribution engine; `{name}` = `params.name`. */
export const ATTRIBUTION_ERROR_MESSAGES: Readonly<Record<string, string>> = MESSAGES;

function format(template: string, params: MktErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds an {@link MktError} whose English message comes from {@link ATTRIBUTION_ERROR_MESSAGES}. */
export function attributionError(kind: MktErrorKind, key: AttributionErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError(kind, key, format(MESSAGES[key], params), params);
}

/** A finite number ≥ 0 from row `i` (0-based) of argument `arg`; blank cells give `blank` (error if undefined). */
export function countAt(x: unknown, arg: string, i: number, blank?: number): number {
  if (typeof x === "number") {
    if (x >= 0 && x < Infinity) return x;
    if (x < 0) throw attributionError("value", "negative", { arg, row: i + 1 });
    throw attributionError("value", "notANumber", { arg, row: i + 1 });
  }
  if (blank !== undefined && (x === null || x === undefined || x === "")) return blank;
  throw attributionError("value", "notANumber", { arg, row: i + 1 });
}

/** A finite option value within [lo, hi] (inclusive unless `open`); `expected` describes it for the message. */
export function optionNumber(x: unknown, arg: string, lo: number, hi: number, expected: string, open = false): number {
  const ok = typeof x === "number" && Number.isFinite(x) && (open ? x > lo && x < hi : x >= lo && x <= hi);
  if (!ok) throw attributionError("value", "invalidOption", { arg, expected });
  return x as number;
}

/** Checks that an optional column has as many rows as the reference column. */
export function sameLength(col: ArrayLike<unknown> | undefined, arg: string, n: number, other: string): void {
  if (col !== undefined && col.length !== n) {
    throw attributionError("value", "lengthMismatch", { arg, other, n: col.length, m: n });
  }
}
