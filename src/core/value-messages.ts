/**
 * Message catalog and validation helpers for the value calculations (ROI family, LTV, RFM, BG/NBD,
 * Gamma-Gamma, CLV, special functions).
 *
 * Every {@link MktError} thrown by these modules uses a key of {@link VALUE_ERROR_MESSAGES}; the English text
 * is built from the template by replacing `{name}` placeholders with the error's `params`, so the functions
 * layer can translate a key and format it with the same params.
 */
import { MktError, type MktErrorKind, type MktErrorParams } from "./errors";

const MESSAGES = {
  // generic input
  notANumber: "{arg} must be a finite number.",
  negative: "{arg} must not be negative.",
  notPositive: "{arg} must be greater than 0.",
  marginOutOfRange: "{arg} must be between 0 and 1 (a fraction, e.g. 0.4 for 40%).",
  probabilityOutOfRange: "{arg} must be between 0 and 1.",
  notInteger: "{arg} must be a whole number.",
  divisionByZero: "{arg} is 0, so the result would be a division by zero.",
  // LTV
  discountRateOutOfRange: "{arg} must be greater than -1 (e.g. 0.1 for 10% per period).",
  retentionOneNeedsHorizon: "{arg} of 100% never decays: give a number of periods (horizon).",
  infiniteSumDiverges: "Retention divided by (1 + discount rate) must be below 1 for an unlimited horizon.",
  survivalNotDecreasing:
    "{arg} must not increase from one period to the next (value {index} is larger than the one before).",
  survivalEmpty: "{arg} must contain at least one value.",
  survivalTooShortToExtrapolate: "{arg} needs at least two periods to extrapolate beyond its end.",
  // transactions / RFM
  lengthMismatch: "{arg} must have the same number of rows as {other} ({n} vs {m}).",
  noData: "{arg} is empty.",
  invalidCustomerId: "{arg} contains an empty or invalid customer id (row {index}).",
  dateOutOfRange: "{arg} contains a date outside the supported range (row {index}).",
  unknownTimeUnit: "{arg} must be one of days, weeks, months, years.",
  noTransactionsBeforeAsOf: "No transaction is on or before the as-of date {asOf}.",
  // summaries and models
  invalidFrequency: "{arg} must be a whole number of repeat purchases, 0 or more (row {index}).",
  invalidRecency: "{arg} must be between 0 and T (row {index}).",
  notIdentifiable: "The model cannot be estimated from these data: {reason}.",
  noConvergence: "The {model} fit did not converge.",
  resultNotFinite: "The result of {model} is too large or undefined for these inputs.",
  monetaryNotPositive: "{arg} must be greater than 0 for every repeat customer (row {index}).",
  customerMonetaryNotPositive:
    "Customer {id} has repeat purchases whose amounts add up to 0 or less; the spend model needs positive amounts.",
  qNotAboveOne: "The Gamma-Gamma parameter q must be greater than 1 for a finite mean spend (q = {q}).",
  hypergeometricNoConvergence: "The hypergeometric series did not converge (a={a}, b={b}, c={c}, z={z}).",
  hypergeometricDomain: "The hypergeometric function is not defined here (c={c}, z={z}).",
} as const;

/** Stable message ids of the value calculations. */
export type ValueErrorKey = keyof typeof MESSAGES;

/** English templates for every error key used by the value calculations; `{name}` = `params.name`. */
export const VALUE_ERROR_MESSAGES: Readonly<Record<string, string>> = MESSAGES;

/** Formats a template with `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatMessage(template: string, params: MktErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds an {@link MktError} whose English message comes from the catalog. */
export function mktError(kind: MktErrorKind, key: ValueErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError(kind, key, formatMessage(MESSAGES[key], params), params);
}

/** `#VALUE!` unless `x` is a finite number. */
export function finite(x: unknown, arg: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw mktError("value", "notANumber", { arg });
  return x;
}

/** `#VALUE!` unless `x` is a finite number ≥ 0. */
export function nonNegative(x: unknown, arg: string): number {
  const v = finite(x, arg);
  if (v < 0) throw mktError("value", "negative", { arg });
  return v;
}

/** `#VALUE!` unless `x` is a finite number in [0, 1] (margin-style fraction). */
export function fraction(x: unknown, arg: string, key: "marginOutOfRange" | "probabilityOutOfRange"): number {
  const v = finite(x, arg);
  if (v < 0 || v > 1) throw mktError("value", key, { arg });
  return v;
}

/** `#DIV/0!` when a denominator is exactly 0. */
export function nonZeroDenominator(x: number, arg: string): number {
  if (x === 0) throw mktError("div0", "divisionByZero", { arg });
  return x;
}

/** Throws `#NUM!` instead of returning a non-finite result (the core never returns NaN silently). */
export function finiteResult(x: number, model: string): number {
  if (!Number.isFinite(x)) throw mktError("num", "resultNotFinite", { model });
  return x;
}
