/**
 * Message catalog of the cohort, churn and A/B-test calculations (cohort.ts, churn.ts, periods.ts, abtest.ts,
 * normal.ts).
 *
 * Every {@link MktError} thrown by these modules uses a key of {@link COHORT_ERROR_MESSAGES}; the English
 * `message` is the template with each `{name}` replaced by `params.name`, so the functions layer can translate
 * the key and format it with the same params. `params.arg` always names the offending argument.
 */
import { MktError, type MktErrorKind, type MktErrorParams } from "./errors";

const MESSAGES = {
  // generic input
  notANumber: "{arg} must be a finite number.",
  notANumberAt: "{arg} must contain only numbers (row {index} is not a number).",
  notInteger: "{arg} must be a whole number.",
  negative: "{arg} must not be negative.",
  notPositive: "{arg} must be greater than 0.",
  probabilityOpen: "{arg} must be strictly between 0 and 1.",
  lengthMismatch: "{arg} must have the same number of rows as {other} ({n} vs {m}).",
  noData: "{arg} is empty.",
  invalidCustomerId: "{arg} contains an empty or invalid customer id (row {index}).",
  dateOutOfRange: "{arg} contains a date outside Excel's date range 1900-01-01 to 9999-12-31 (row {index}).",
  dateArgOutOfRange: "{arg} must be a date between 1900-01-01 and 9999-12-31.",
  // periods, cohorts
  unknownPeriod: "{arg} must be one of month, week, quarter (月, 周, 季度).",
  unknownMeasure: "{arg} must be one of customers, retention, revenue (客户数, 留存率, 收入).",
  amountsRequired: "{arg} is required for the revenue measure.",
  tableTooLarge:
    "The cohort table would have {rows} rows × {columns} columns, too many to show: use a longer period or a closer {arg} date.",
  noPurchasesBeforeAsOf: "No purchase is on or before the as-of date {asOf} ({arg}).",
  // churn by habit
  windowMonthsOutOfRange: "{arg} must be a whole number of months from 1 to 1200.",
  churnWindowNotObserved:
    "The churn window {start} to {end} is not fully observed: the last purchase is on {last}. Choose an earlier {arg}.",
  noActiveCustomers:
    "No customer bought between {start} and {end} (the window before {arg}), so churn cannot be measured.",
  // A/B test
  conversionsExceedVisitors: "{arg} ({conversions}) must not be larger than {other} ({visitors}).",
  liftBaselineZero: "Variant A's conversion rate is 0, so the relative lift (B / A − 1) is a division by zero.",
  liftCiNoConversions:
    "The confidence interval of the relative lift needs at least one conversion in each variant ({arg} is 0).",
  noVariance: "Both variants have the same conversion rate of {rate}, so the z-test has no variance.",
  liftZero: "{arg} must not be 0: there is no difference to detect.",
  targetRateOutOfRange:
    "The rate to detect, baseline × (1 + lift) = {rate}, must be strictly between 0 and 1 ({arg} is too large or too small).",
  powerNotAboveAlpha: "{arg} ({power}) must be greater than the significance level alpha ({alpha}).",
} as const;

/** Stable message ids of the cohort, churn and A/B-test calculations. */
export type CohortErrorKey = keyof typeof MESSAGES;

/** English templates for every error key of these modules; `{name}` = `params.name`. */
export const COHORT_ERROR_MESSAGES: Readonly<Record<string, string>> = MESSAGES;

/** Formats a template with `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatCohortMessage(template: string, params: MktErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds an {@link MktError} whose English message comes from {@link COHORT_ERROR_MESSAGES}. */
export function cohortError(kind: MktErrorKind, key: CohortErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError(kind, key, formatCohortMessage(MESSAGES[key], params), params);
}

/** `#VALUE!` unless `x` is a finite number. */
export function finiteArg(x: unknown, arg: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw cohortError("value", "notANumber", { arg });
  return x;
}
