/**
 * Message catalogs of the KPI-target wizard's core.
 *
 * Every {@link MktError} thrown or returned by `src/core/kpi/` uses a key of {@link KPI_ERROR_MESSAGES}, and every
 * {@link KpiWarning} a key of {@link KPI_WARNING_MESSAGES}. The English text is the template with `{name}`
 * placeholders replaced by `params`: `kpi` is the KPI id (or funnel quantity), `field` the input it concerns
 * ("baseline", "target", "floor", "stretch", "percent", "weights", …), so the pane can translate the key, format it
 * with the same params and highlight the field.
 */
import { MktError, type MktErrorKind, type MktErrorParams } from "../errors";
import type { KpiWarning } from "./types";

const ERRORS = {
  // library / custom KPIs
  unknownKpi: 'Unknown KPI "{kpi}".',
  duplicateKpi: "{kpi} appears more than once in the plan.",
  invalidKpiId: '{field} must start with a letter and contain only letters, digits and underscores (got "{kpi}").',
  kpiIdTaken: '"{kpi}" is already a KPI id; choose another id.',
  invalidKpiName: "{kpi}: the name must not be empty.",
  invalidOption: "{kpi}: {field} must be one of {expected}.",
  aggregationNotAllowed: '{kpi}: a KPI measured as {unit} is never summed over time; use the aggregation "rate".',
  invalidWeightKpi: '{kpi}: the weight KPI "{weightKpi}" must be a known volume ("sum") KPI.',
  invalidBounds: "{kpi}: the minimum ({min}) must not exceed the maximum ({max}).",
  // numbers
  notANumber: "{kpi}: {field} must be a number.",
  negativeValue: "{kpi}: {field} must not be negative (got {value}).",
  notPositive: "{kpi}: {field} must be greater than 0 (got {value}).",
  rateOver100: "{kpi}: {field} is {value}, a rate above 100%; enter a percentage from 0% to 100%.",
  outOfRange: "{kpi}: {field} must be between {min} and {max} (got {value}).",
  belowMinimum: "{kpi}: {field} must be at least {min} (got {value}).",
  aboveMaximum: "{kpi}: {field} must be at most {max} (got {value}).",
  invalidMultiplier: "{kpi}: {field} must be a number greater than 0 (got {value}).",
  notWholeNumber: "{field} must be a whole number, 0 or more (got {value}).",
  valueTooLarge: "{kpi}: {field} is too large to split exactly (at most {max}).",
  // targets
  baselineRequiredForPercent: "{kpi}: a percent-change target needs a baseline (last period's value).",
  baselineZeroForPercent:
    "{kpi}: the baseline is 0, so a percent change cannot be applied; enter the target as a value.",
  baselineRequiredForFloor: "{kpi}: the floor rule uses the baseline; enter last period's value or type the floor.",
  derivedTargetMissing: "{kpi}: the target should come from the funnel, but the funnel gives no value for it.",
  stretchBelowFloor: "{kpi}: the stretch ({stretch}) must be at least as good as the floor ({floor}).",
  stretchBelowTarget: "{kpi}: the stretch ({stretch}) must be at least as good as the target ({target}).",
  targetOutsideRange: "{kpi}: the target ({target}) must lie between the floor ({floor}) and the stretch ({stretch}).",
  // breakdown and year-to-date
  weightsLength: "{field} must have {expected} values, one per calendar month from January (got {n}).",
  invalidWeight: "{field} value {index} must be a number, 0 or more.",
  weightsAllZero: "{field} must contain at least one weight greater than 0.",
  invalidStartMonth: "{field} must be a whole number from 1 (January) to 12 (got {value}).",
  invalidYear: "{field} must be a year from 1900 to 9999 (got {value}).",
  invalidDecimals: "{field} must be a whole number from 0 to 4 (got {value}).",
  invalidMonthsElapsed: "{field} must be a whole number from 0 to {max} (got {value}).",
  lengthMismatch: "{kpi}: {field} must have as many months as {other} ({n} vs {m}).",
  noMonthsElapsed: "{kpi}: no month of the plan has passed yet, so there is no year-to-date rate.",
  // status
  targetZero: "{kpi}: the target is 0, so attainment (actual ÷ target) is a division by zero.",
  attainmentUndefined: "{kpi}: attainment is undefined for target {target} and actual {actual}.",
} as const;

const WARNINGS = {
  typedBelowDerived:
    "{kpi}: the typed {field} target ({typed}) is {deviation}% below the {derived} the funnel needs for the revenue target.",
  typedAboveDerived:
    "{kpi}: the typed {field} target ({typed}) is {deviation}% above the {derived} the funnel derives from the revenue target.",
  conversionRateMismatch:
    "The conversion rate ({conversionRate}) differs from visit-to-lead × lead-to-order rate ({chained}) by {deviation}%; visits follow the lead chain.",
  valueClamped: "{kpi}: the {field} rule gives {value}, outside the valid range; it was set to {clamped}.",
} as const;

/** Stable error ids of the KPI core. */
export type KpiErrorKey = keyof typeof ERRORS;
/** Stable warning ids of the KPI core. */
export type KpiWarningKey = keyof typeof WARNINGS;

/** English templates for every error key of the KPI core; `{name}` = `params.name`. */
export const KPI_ERROR_MESSAGES: Readonly<Record<string, string>> = ERRORS;

/** English templates for every warning key of the KPI core (funnel contradictions, clamped rule values). */
export const KPI_WARNING_MESSAGES: Readonly<Record<string, string>> = WARNINGS;

/** Replaces each `{name}` of `template` with `params.name` (unknown placeholders are kept). */
export function formatKpiMessage(template: string, params: MktErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds an {@link MktError} whose English message comes from {@link KPI_ERROR_MESSAGES}. */
export function kpiError(kind: MktErrorKind, key: KpiErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError(kind, key, formatKpiMessage(ERRORS[key], params), params);
}

/** Builds a {@link KpiWarning} whose English message comes from {@link KPI_WARNING_MESSAGES}. */
export function kpiWarning(key: KpiWarningKey, params: MktErrorParams): KpiWarning {
  return { key, params, message: formatKpiMessage(WARNINGS[key], params) };
}
