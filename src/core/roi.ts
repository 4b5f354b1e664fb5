/**
 * ROI family: return on investment, ROAS, CAC, CAC payback, break-even revenue, incremental ROI.
 *
 * Conventions: money amounts are in one currency and one period; `margin` is the gross (contribution)
 * margin as a fraction in [0, 1] and converts revenue into contribution (margin = 1 means "revenue is
 * profit", the ROAS-style reading). Results are plain ratios (0.25 = 25%); formatting is the caller's job.
 * Reference: Farris, Bendle, Pfeifer & Reibstein, "Marketing Metrics" (2nd ed., 2010), ch. 5 (CAC,
 * payback) and ch. 10 (ROI, ROMI); Excel returns #DIV/0! for a zero denominator, so we do too.
 */
import { finiteResult, fraction, nonNegative, nonZeroDenominator } from "./value-messages";

/**
 * Return on investment: `(revenue × margin − cost) / cost`.
 * Reference: Farris et al. (2010), "Return on Marketing Investment", §10.4.
 * @throws value if an input is not finite, revenue or cost is negative, or margin is outside [0, 1];
 *   div0 if cost = 0.
 */
export function roi(revenue: number, cost: number, margin = 1): number {
  const rev = nonNegative(revenue, "revenue");
  const c = nonNegative(cost, "cost");
  const m = fraction(margin, "margin", "marginOutOfRange");
  nonZeroDenominator(c, "cost");
  return finiteResult((rev * m - c) / c, "roi");
}

/**
 * Return on ad spend: `revenue / cost` (a multiple, 4 = 4:1; no margin involved).
 * Reference: Farris et al. (2010), ch. 9 ("ROAS").
 * @throws value for non-finite or negative inputs; div0 if cost = 0.
 */
export function roas(revenue: number, cost: number): number {
  const rev = nonNegative(revenue, "revenue");
  const c = nonNegative(cost, "cost");
  nonZeroDenominator(c, "cost");
  return finiteResult(rev / c, "roas");
}

/**
 * Customer acquisition cost: `spend / newCustomers`.
 * Reference: Farris et al. (2010), §5.5 ("Average Acquisition Cost").
 * @throws value for non-finite or negative inputs; div0 if newCustomers = 0.
 */
export function cac(spend: number, newCustomers: number): number {
  const s = nonNegative(spend, "spend");
  const n = nonNegative(newCustomers, "newCustomers");
  nonZeroDenominator(n, "newCustomers");
  return finiteResult(s / n, "cac");
}

/**
 * CAC payback: number of periods of contribution needed to recover the acquisition cost,
 * `cac / (arpu × margin)` (ARPU per period, no churn or discounting; a fractional result means the cost is
 * recovered during that period).
 * Reference: Farris et al. (2010), §5.5; the SaaS "months to recover CAC" metric.
 * @throws value for non-finite or negative inputs or margin outside [0, 1]; div0 if arpu × margin = 0.
 */
export function paybackPeriods(cacValue: number, arpu: number, margin = 1): number {
  const c = nonNegative(cacValue, "cac");
  const a = nonNegative(arpu, "arpu");
  const m = fraction(margin, "margin", "marginOutOfRange");
  nonZeroDenominator(a, "arpu");
  nonZeroDenominator(m, "margin");
  return finiteResult(c / (a * m), "paybackPeriods");
}

/**
 * Break-even revenue: revenue whose contribution covers the cost, `cost / margin` (ROI = 0 there).
 * Reference: Farris et al. (2010), §3.4 ("Break-Even Analysis").
 * @throws value for non-finite or negative cost or margin outside [0, 1]; div0 if margin = 0.
 */
export function breakEvenRevenue(cost: number, margin = 1): number {
  const c = nonNegative(cost, "cost");
  const m = fraction(margin, "margin", "marginOutOfRange");
  nonZeroDenominator(m, "margin");
  return finiteResult(c / m, "breakEvenRevenue");
}

/**
 * Incremental ROI: ROI of the lift over a baseline (holdout / pre-period),
 * `((revenue − baselineRevenue) × margin − cost) / cost`. Negative when the lift does not pay the cost.
 * Reference: Farris et al. (2010), §10.4 (incremental revenue attributable to marketing).
 * @throws value for non-finite or negative inputs or margin outside [0, 1]; div0 if cost = 0.
 */
export function incrementalRoi(revenue: number, cost: number, baselineRevenue: number, margin = 1): number {
  const rev = nonNegative(revenue, "revenue");
  const c = nonNegative(cost, "cost");
  const base = nonNegative(baselineRevenue, "baselineRevenue");
  const m = fraction(margin, "margin", "marginOutOfRange");
  nonZeroDenominator(c, "cost");
  return finiteResult(((rev - base) * m - c) / c, "incrementalRoi");
}
