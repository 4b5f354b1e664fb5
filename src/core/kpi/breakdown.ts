/**
 * Year → quarters → months breakdown of a KPI target.
 *
 * The plan year has 12 months starting in any calendar month (`startMonth`, 1 = January); plan quarter q holds plan
 * months 3q−2..3q. Seasonality is 12 non-negative weights by calendar month (index 0 = January, the same layout as
 * the budget wizard's presets); they are rotated to the plan's start and normalised: shareₘ = wₘ / Σ w. Without
 * weights the split is even.
 *
 * - "sum" KPIs (volumes): monthₘ = annual × shareₘ, rounded by the largest-remainder (Hamilton) method so the months
 *   add up to the annual target exactly: counts in whole units (a non-integer annual count is first rounded to the
 *   nearest integer), currency in units of 10^−decimals (cents by default). Quarter = sum of its months.
 *   Other units of a "sum" KPI are split unrounded.
 * - "rate" KPIs: every month and every quarter carries the rate itself (never summed); the annual value is the rate.
 */
import type { MktError } from "../errors";
import { kpiError } from "./messages";
import { checkKpiValue } from "./targets";
import type { KpiDefinition } from "./types";

/** Input of {@link breakdownTarget}. */
export interface BreakdownInput {
  kpi: KpiDefinition;
  /** The year's target: its volume ("sum" KPIs) or the rate ("rate" KPIs). */
  annual: number;
  /** 12 weights ≥ 0 by calendar month, January first; default even. */
  weights?: readonly number[] | null;
  /** Calendar month (1–12) the plan year starts in; default 1. */
  startMonth?: number;
  /** Decimals of currency amounts (0–4); default 2. */
  currencyDecimals?: number;
}

/** A KPI target split into plan months and quarters. */
export interface KpiBreakdown {
  kpiId: string;
  aggregation: KpiDefinition["aggregation"];
  /** The annual value actually split (rounded for counts and currency), = Σ months for volumes. */
  annual: number;
  /** 12 values in plan order. */
  months: number[];
  /** 4 values: sums of their months (volumes) or the rate (rates). */
  quarters: number[];
  /** Calendar month (1–12) of each plan month. */
  calendarMonths: number[];
  /** 0 for plan months in the start year, 1 for those in the next calendar year. */
  yearOffsets: number[];
  /** Normalised weights in plan order (sum 1). */
  shares: number[];
}

/** Number of months in a plan year. */
export const MONTHS = 12;

/** Calendar month (1–12) and year offset (0/1) of each plan month for a plan starting in `startMonth`. */
export function planMonths(startMonth = 1): { calendarMonth: number; yearOffset: number }[] {
  const e = checkStartMonth(startMonth);
  if (e) throw e;
  return Array.from({ length: MONTHS }, (_, i) => {
    const m0 = startMonth - 1 + i;
    return { calendarMonth: (m0 % MONTHS) + 1, yearOffset: Math.floor(m0 / MONTHS) };
  });
}

function checkStartMonth(startMonth: unknown): MktError | undefined {
  return Number.isInteger(startMonth) && (startMonth as number) >= 1 && (startMonth as number) <= MONTHS
    ? undefined
    : kpiError("value", "invalidStartMonth", { field: "startMonth", value: String(startMonth) });
}

/**
 * Validates seasonality weights: 12 finite numbers ≥ 0 (`weightsLength`, `invalidWeight` with 1-based `index`)
 * with a positive sum (`weightsAllZero`). Returns the errors (empty when valid).
 */
export function validateSeasonality(weights: readonly number[], field = "weights"): MktError[] {
  if (!Array.isArray(weights) || weights.length !== MONTHS) {
    return [
      kpiError("value", "weightsLength", {
        field,
        expected: MONTHS,
        n: Array.isArray(weights) ? weights.length : 0,
      }),
    ];
  }
  const errors: MktError[] = [];
  weights.forEach((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      errors.push(kpiError("value", "invalidWeight", { field, index: i + 1 }));
    }
  });
  if (errors.length === 0 && weights.reduce((a, b) => a + b, 0) <= 0) {
    errors.push(kpiError("value", "weightsAllZero", { field }));
  }
  return errors;
}

/**
 * Normalised shares in plan order: the calendar weights (January first; default even) rotated to `startMonth` and
 * divided by their sum.
 */
export function planShares(weights?: readonly number[] | null, startMonth = 1): number[] {
  const e = checkStartMonth(startMonth);
  if (e) throw e;
  if (weights === null || weights === undefined) return Array.from({ length: MONTHS }, () => 1 / MONTHS);
  const errors = validateSeasonality(weights);
  if (errors.length > 0) throw errors[0];
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: MONTHS }, (_, i) => weights[(startMonth - 1 + i) % MONTHS] / total);
}

/**
 * Largest-remainder (Hamilton) apportionment of the non-negative integer `total` by `weights` (≥ 0, positive sum):
 * each part gets ⌊total·wᵢ/Σw⌋, and the units left go one each to the parts with the largest fractional
 * remainders (ties: the earlier part). The parts are integers summing exactly to `total`; zero weights get 0.
 * Throws `notWholeNumber` / `invalidWeight` / `weightsAllZero`.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw kpiError("value", "notWholeNumber", { field: "total", value: String(total) });
  }
  weights.forEach((w, i) => {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw kpiError("value", "invalidWeight", { field: "weights", index: i + 1 });
    }
  });
  const sumW = weights.reduce((a, b) => a + b, 0);
  if (!(sumW > 0)) throw kpiError("value", "weightsAllZero", { field: "weights" });
  const quotas = weights.map((w) => (total * w) / sumW);
  const parts = quotas.map((q) => Math.floor(q));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .filter(({ i }) => weights[i] > 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let j = 0; rest > 0 && order.length > 0; j = (j + 1) % order.length, rest--) parts[order[j].i] += 1;
  return parts;
}

/** Splits an annual KPI target into months and quarters (rules in the module doc). Throws on invalid input. */
export function breakdownTarget(input: BreakdownInput): KpiBreakdown {
  const { kpi } = input;
  const startMonth = input.startMonth ?? 1;
  const shares = planShares(input.weights, startMonth);
  const slots = planMonths(startMonth);
  const bad = checkKpiValue(kpi, "target", input.annual);
  if (bad) throw bad;
  const base = {
    kpiId: kpi.id,
    aggregation: kpi.aggregation,
    calendarMonths: slots.map((s) => s.calendarMonth),
    yearOffsets: slots.map((s) => s.yearOffset),
    shares,
  };
  if (kpi.aggregation === "rate") {
    return {
      ...base,
      annual: input.annual,
      months: Array.from({ length: MONTHS }, () => input.annual),
      quarters: [input.annual, input.annual, input.annual, input.annual],
    };
  }
  let scale: number | undefined;
  if (kpi.unit === "count") scale = 1;
  else if (kpi.unit === "currency") {
    const d = input.currencyDecimals ?? 2;
    if (!Number.isInteger(d) || d < 0 || d > 4) {
      throw kpiError("value", "invalidDecimals", { field: "currencyDecimals", kpi: kpi.id, value: String(d) });
    }
    scale = 10 ** d;
  }
  if (scale === undefined) {
    const months = shares.map((s) => input.annual * s);
    return { ...base, annual: input.annual, months, quarters: quarterSums(months) };
  }
  const units = Math.round(input.annual * scale);
  if (!Number.isSafeInteger(units) || units < 0) {
    throw kpiError("value", "valueTooLarge", {
      field: "target",
      kpi: kpi.id,
      max: Math.floor(Number.MAX_SAFE_INTEGER / scale),
    });
  }
  const monthUnits = largestRemainder(units, shares);
  const quarterUnits = quarterSums(monthUnits);
  const s = scale;
  return {
    ...base,
    annual: units / s,
    months: monthUnits.map((u) => u / s),
    quarters: quarterUnits.map((u) => u / s),
  };
}

function quarterSums(months: readonly number[]): number[] {
  return [0, 1, 2, 3].map((q) => months[3 * q] + months[3 * q + 1] + months[3 * q + 2]);
}

/**
 * Combines monthly values of one KPI over a period: Σ values for "sum" KPIs; for "rate" KPIs the weighted average
 * Σ vₘ·wₘ / Σ wₘ when `weights` (monthly values of the KPI's weight KPI, e.g. visits for conversion rate) are given,
 * else the simple mean. Excel: `=SUM(values)`, `=SUMPRODUCT(values,weights)/SUM(weights)`, `=AVERAGE(values)`.
 * Throws `noMonthsElapsed` for a rate over no months, `lengthMismatch`, and `weightsAllZero` (#DIV/0!) for weights
 * summing to 0.
 */
export function aggregateOverTime(
  kpi: KpiDefinition,
  values: readonly number[],
  weights?: readonly number[] | null,
): number {
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== "number" || !Number.isFinite(values[i])) {
      throw kpiError("value", "notANumber", { field: `values[${i + 1}]`, kpi: kpi.id });
    }
  }
  if (kpi.aggregation === "sum") return values.reduce((a, b) => a + b, 0);
  if (values.length === 0) throw kpiError("na", "noMonthsElapsed", { field: "values", kpi: kpi.id });
  if (weights === null || weights === undefined) return values.reduce((a, b) => a + b, 0) / values.length;
  if (weights.length !== values.length) {
    throw kpiError("value", "lengthMismatch", {
      field: "weights",
      kpi: kpi.id,
      other: "values",
      n: weights.length,
      m: values.length,
    });
  }
  let sw = 0;
  let swv = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw kpiError("value", "invalidWeight", { field: "weights", kpi: kpi.id, index: i + 1 });
    }
    sw += w;
    swv += w * values[i];
  }
  if (sw <= 0) throw kpiError("div0", "weightsAllZero", { field: "weights", kpi: kpi.id });
  return swv / sw;
}
