/**
 * Attainment, traffic-light status and year-to-date comparison of KPI actuals against targets.
 *
 * The sheet builder writes the same rules as Excel formulas; the `…Formula` helpers return the exact text (built-in
 * functions only, English A1 syntax), with the cell references passed in. The rules:
 *
 * Attainment
 * - higher-is-better: actual / target. Needs target > 0: target = 0 → `targetZero` (#DIV/0!), target < 0 →
 *   `attainmentUndefined` (#N/A; e.g. an NPS target of −10 has no meaningful ratio).
 *   `=IF(target<0,NA(),actual/target)`
 * - lower-is-better: target / actual, so that beating the target (a lower actual) gives more than 100%; actual = 0
 *   is treated as fully attained (100%); negative values → `attainmentUndefined` (#N/A).
 *   `=IF(OR(actual<0,target<0),NA(),IF(actual=0,1,target/actual))`
 *
 * Status
 * - higher-is-better: green when actual ≥ target, amber when actual ≥ floor, else red.
 *   `=IF(actual>=target,"green",IF(actual>=floor,"amber","red"))`
 * - lower-is-better: the comparisons reversed.
 *   `=IF(actual<=target,"green",IF(actual<=floor,"amber","red"))`
 * - without a floor: green or red only. `=IF(actual>=target,"green","red")`
 *
 * Year-to-date against the pro-rata target (plan month numbers 1..12 in a helper range `m`, `n` months elapsed)
 * - volumes ("sum"): YTD actual = Σ actuals of months 1..n; YTD target = Σ monthly targets of months 1..n (the
 *   seasonal pro-rata target), YTD floor = annual floor × YTD target / annual target.
 *   `=SUMPRODUCT((m<=n)*targets)`, `=SUMPRODUCT((m<=n)*actuals)`
 * - rates ("rate"): YTD target = the rate (weighted / simple average of the monthly targets, which all equal the rate
 *   from `breakdownTarget`); YTD actual = the weighted average of the monthly actual rates by the weight KPI's
 *   monthly actuals (e.g. visits), else their simple mean; months with a blank actual are skipped; floor = the
 *   floor rate. `=SUMPRODUCT((m<=n)*(rates<>"")*rates*weights)/SUMPRODUCT((m<=n)*(rates<>"")*weights)`, or
 *   `=AVERAGEIFS(rates,m,"<="&n)` (AVERAGEIFS skips blanks).
 * - months elapsed, counting the as-of month: `=MAX(0,MIN(12,(YEAR(asOf)-startYear)*12+MONTH(asOf)-startMonth+1))`
 */
import { aggregateOverTime, MONTHS } from "./breakdown";
import { isMktError } from "../errors";
import { kpiError } from "./messages";
import type { KpiAggregation, KpiDefinition, KpiDirection, KpiStatus } from "./types";

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function requireNumber(kpi: string, field: string, v: unknown): number {
  if (!finite(v)) throw kpiError("value", "notANumber", { field, kpi });
  return v;
}

/**
 * Attainment of `actual` against `target` (1 = 100%): actual / target for higher-is-better, target / actual for
 * lower-is-better (actual 0 → 1). Formulas and errors in the module doc.
 */
export function attainment(actual: number, target: number, direction: KpiDirection, kpi = "kpi"): number {
  requireNumber(kpi, "actual", actual);
  requireNumber(kpi, "target", target);
  if (direction === "higher") {
    if (target === 0) throw kpiError("div0", "targetZero", { field: "target", kpi });
    if (target < 0) throw kpiError("na", "attainmentUndefined", { field: "target", kpi, target, actual });
    return actual / target;
  }
  if (actual < 0 || target < 0) {
    throw kpiError("na", "attainmentUndefined", { field: actual < 0 ? "actual" : "target", kpi, target, actual });
  }
  return actual === 0 ? 1 : target / actual;
}

/**
 * Traffic-light status: green when actual is at least as good as target, amber when at least as good as the floor,
 * else red (higher-is-better: ≥; lower-is-better: ≤). Without a floor (null / undefined): green or red.
 * Excel: `=IF(actual>=target,"green",IF(actual>=floor,"amber","red"))` (`<=` for lower-is-better).
 */
export function kpiStatus(
  actual: number,
  target: number,
  floor: number | null | undefined,
  direction: KpiDirection,
  kpi = "kpi",
): KpiStatus {
  requireNumber(kpi, "actual", actual);
  requireNumber(kpi, "target", target);
  const ok = (a: number, b: number): boolean => (direction === "higher" ? a >= b : a <= b);
  if (ok(actual, target)) return "green";
  if (floor !== null && floor !== undefined && ok(actual, requireNumber(kpi, "floor", floor))) return "amber";
  return "red";
}

/** Attainment (null where undefined, as the sheet's #N/A / #DIV/0!) and status of one KPI. */
export interface KpiAssessment {
  attainment: number | null;
  status: KpiStatus;
}

/** {@link attainment} and {@link kpiStatus} together; an undefined attainment is null instead of an error. */
export function assessKpi(kpi: KpiDefinition, actual: number, target: number, floor?: number | null): KpiAssessment {
  const status = kpiStatus(actual, target, floor, kpi.direction, kpi.id);
  let att: number | null;
  try {
    att = attainment(actual, target, kpi.direction, kpi.id);
  } catch (e) {
    if (isMktError(e) && (e.key === "targetZero" || e.key === "attainmentUndefined")) att = null;
    else throw e;
  }
  return { attainment: att, status };
}

/**
 * Plan months elapsed through the as-of month (inclusive), clamped to 0..12: (asOfYear − startYear)·12 + asOfMonth
 * − startMonth + 1. Excel: `=MAX(0,MIN(12,(YEAR(asOf)-startYear)*12+MONTH(asOf)-startMonth+1))`.
 */
export function monthsElapsed(startYear: number, startMonth: number, asOfYear: number, asOfMonth: number): number {
  for (const [field, v, lo, hi] of [
    ["startMonth", startMonth, 1, 12],
    ["asOfMonth", asOfMonth, 1, 12],
    ["startYear", startYear, 1900, 9999],
    ["asOfYear", asOfYear, 1900, 9999],
  ] as const) {
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw kpiError("value", field.endsWith("Month") ? "invalidStartMonth" : "invalidYear", {
        field,
        value: String(v),
      });
    }
  }
  return Math.max(0, Math.min(MONTHS, (asOfYear - startYear) * 12 + asOfMonth - startMonth + 1));
}

function checkElapsed(n: number, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw kpiError("value", "invalidMonthsElapsed", { field: "monthsElapsed", max, value: String(n) });
  }
}

/**
 * The pro-rata target to date: Σ monthly targets of plan months 1..n for volumes; for rates the (weighted) average
 * of the monthly target rates (the rate itself for a breakdown); n = 0 → 0 for volumes, `noMonthsElapsed` (#N/A)
 * for rates. `weights`: monthly target values of the weight KPI. Excel: see the module doc.
 */
export function ytdTarget(
  kpi: KpiDefinition,
  monthlyTargets: readonly number[],
  n: number,
  weights?: readonly number[] | null,
): number {
  checkElapsed(n, monthlyTargets.length);
  return aggregateOverTime(kpi, monthlyTargets.slice(0, n), weights ? weights.slice(0, n) : weights);
}

/**
 * Actuals to date: Σ actuals of plan months 1..n for volumes (a blank month counts 0); for rates the weighted
 * average by `weights` (monthly actuals of the weight KPI) or the simple mean, skipping blank months.
 */
export function ytdActual(
  kpi: KpiDefinition,
  monthlyActuals: readonly (number | null)[],
  n: number,
  weights?: readonly (number | null)[] | null,
): number {
  checkElapsed(n, monthlyActuals.length);
  const idx = Array.from({ length: n }, (_, i) => i).filter(
    (i) => kpi.aggregation === "sum" || monthlyActuals[i] !== null,
  );
  const values = idx.map((i) => monthlyActuals[i] ?? 0);
  if (weights === null || weights === undefined) return aggregateOverTime(kpi, values);
  if (weights.length < n) {
    throw kpiError("value", "lengthMismatch", {
      field: "weights",
      kpi: kpi.id,
      other: "actuals",
      n: weights.length,
      m: monthlyActuals.length,
    });
  }
  return aggregateOverTime(
    kpi,
    values,
    idx.map((i) => weights[i] ?? 0),
  );
}

/** Input of {@link ytdComparison}; monthly arrays are in plan order. */
export interface YtdInput {
  kpi: KpiDefinition;
  /** 12 monthly targets in plan order (e.g. `breakdownTarget(...).months`). */
  monthlyTargets: readonly number[];
  /** Monthly actuals in plan order; null = not reported. */
  monthlyActuals: readonly (number | null)[];
  /** Months elapsed (0..12); default: up to the last reported actual. */
  monthsElapsed?: number;
  /** Annual floor (volumes) or the floor rate (rates); absent = no amber. */
  floor?: number | null;
  /** Rate KPIs: monthly targets of the weight KPI, to average the target rates. */
  targetWeights?: readonly number[] | null;
  /** Rate KPIs: monthly actuals of the weight KPI (e.g. actual visits), to average the actual rates. */
  actualWeights?: readonly (number | null)[] | null;
}

/** Year-to-date actual, pro-rata target and floor, attainment and status. */
export interface YtdResult {
  monthsElapsed: number;
  target: number;
  actual: number;
  /** Pro-rata floor (volumes) or the floor rate; absent without a floor. */
  floor?: number;
  attainment: number | null;
  status: KpiStatus;
}

/**
 * Year-to-date comparison: {@link ytdActual} against {@link ytdTarget}, with the pro-rata floor (volumes: annual floor
 * × YTD target / annual target, or × n / 12 when the annual target is 0; rates: the floor rate), attainment and
 * status. Throws `noMonthsElapsed` for a rate KPI before its first month.
 */
export function ytdComparison(input: YtdInput): YtdResult {
  const { kpi, monthlyTargets, monthlyActuals } = input;
  if (monthlyActuals.length !== monthlyTargets.length) {
    throw kpiError("value", "lengthMismatch", {
      field: "actuals",
      kpi: kpi.id,
      other: "targets",
      n: monthlyActuals.length,
      m: monthlyTargets.length,
    });
  }
  let n = input.monthsElapsed;
  if (n === undefined) {
    n = 0;
    monthlyActuals.forEach((a, i) => {
      if (a !== null && a !== undefined) n = i + 1;
    });
  }
  const target = ytdTarget(kpi, monthlyTargets, n, input.targetWeights);
  const actual = ytdActual(kpi, monthlyActuals, n, input.actualWeights);
  let floor: number | undefined;
  if (input.floor !== null && input.floor !== undefined) {
    const f = requireNumber(kpi.id, "floor", input.floor);
    if (kpi.aggregation === "rate") floor = f;
    else {
      const annual = monthlyTargets.reduce((a, b) => a + b, 0);
      floor = annual !== 0 ? (f * target) / annual : (f * n) / monthlyTargets.length;
    }
  }
  const { attainment: att, status } = assessKpi(kpi, actual, target, floor);
  const out: YtdResult = { monthsElapsed: n, target, actual, attainment: att, status };
  if (floor !== undefined) out.floor = floor;
  return out;
}

/** Status labels written by the formulas (default "green", "amber", "red"; e.g. localized words). */
export type StatusLabels = Readonly<Record<KpiStatus, string>>;

const DEFAULT_LABELS: StatusLabels = { green: "green", amber: "amber", red: "red" };

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Excel status formula for cell references (A1 text): `=IF(actual>=target,"green",IF(actual>=floor,"amber","red"))`,
 * `<=` for lower-is-better, `=IF(actual>=target,"green","red")` without a floor.
 */
export function statusFormula(
  direction: KpiDirection,
  refs: { actual: string; target: string; floor?: string | null },
  labels: StatusLabels = DEFAULT_LABELS,
): string {
  const op = direction === "higher" ? ">=" : "<=";
  const { actual, target, floor } = refs;
  const g = quote(labels.green);
  const r = quote(labels.red);
  if (!floor) return `=IF(${actual}${op}${target},${g},${r})`;
  return `=IF(${actual}${op}${target},${g},IF(${actual}${op}${floor},${quote(labels.amber)},${r}))`;
}

/**
 * Excel attainment formula: `=IF(target<0,NA(),actual/target)` (higher-is-better; #DIV/0! for target 0) or
 * `=IF(OR(actual<0,target<0),NA(),IF(actual=0,1,target/actual))` (lower-is-better).
 */
export function attainmentFormula(direction: KpiDirection, refs: { actual: string; target: string }): string {
  const { actual, target } = refs;
  return direction === "higher"
    ? `=IF(${target}<0,NA(),${actual}/${target})`
    : `=IF(OR(${actual}<0,${target}<0),NA(),IF(${actual}=0,1,${target}/${actual}))`;
}

/**
 * Excel year-to-date formula over monthly `values` (targets or actuals) with plan month numbers `months` (1..12)
 * and `elapsed` months: `=SUMPRODUCT((months<=elapsed)*values)` for volumes;
 * `=SUMPRODUCT((months<=elapsed)*(values<>"")*values*weights)/SUMPRODUCT((months<=elapsed)*(values<>"")*weights)`
 * for weighted rates; `=AVERAGEIFS(values,months,"<="&elapsed)` for unweighted rates.
 */
export function ytdFormula(
  aggregation: KpiAggregation,
  refs: { values: string; months: string; elapsed: string; weights?: string | null },
): string {
  const { values, months, elapsed, weights } = refs;
  const upTo = `(${months}<=${elapsed})`;
  if (aggregation === "sum") return `=SUMPRODUCT(${upTo}*${values})`;
  if (weights) {
    const mask = `${upTo}*(${values}<>"")`;
    return `=SUMPRODUCT(${mask}*${values}*${weights})/SUMPRODUCT(${mask}*${weights})`;
  }
  return `=AVERAGEIFS(${values},${months},"<="&${elapsed})`;
}

/** Excel months-elapsed formula: `=MAX(0,MIN(12,(YEAR(asOf)-startYear)*12+MONTH(asOf)-startMonth+1))`. */
export function monthsElapsedFormula(refs: { asOf: string; startYear: string; startMonth: string }): string {
  const { asOf, startYear, startMonth } = refs;
  return `=MAX(0,MIN(12,(YEAR(${asOf})-${startYear})*12+MONTH(${asOf})-${startMonth}+1))`;
}
