/**
 * The MKT custom functions. This file is what Microsoft's custom-functions-metadata generator reads: each
 * function's JSDoc becomes its entry in functions.json (English; functions.zh-cn.json and functions.zh-tw.json are
 * derived at build time from src/functions/i18n/). The webpack plugin appends the CustomFunctions.associate calls.
 * Bodies stay one line: the work happens in the wrappers and the core, which tests call directly.
 *
 * Parameters are declared as `unknown[][]` (metadata type "any", dimensionality "matrix") so each accepts a
 * number, a cell or a range, and results are spilled arrays.
 */
import { abTestCells, sampleSizeCells } from "./abtest";
import { attribCells, pathsCells } from "./attribution";
import { clvCells, clvFitCells } from "./clv";
import { churnCells, cohortCells, retentionCells } from "./cohort";
import { ltvCells } from "./ltv";
import { cacCells, paybackCells, roasCells, roiCells } from "./roi-family";

/**
 * Return on investment: (revenue × margin − cost) ÷ cost. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction ROI
 * @helpurl https://localhost:3000/docs/functions.md#mktroi
 * @param revenue Revenue the spend brought in: a number or a range.
 * @param cost Marketing cost or spend: a number or a range (must not be 0).
 * @param [margin] Gross margin applied to revenue, between 0 and 1. Default 1 (revenue counts in full).
 * @returns ROI as a ratio: 0.25 means 25%.
 */
export function roi(revenue: unknown[][], cost: unknown[][], margin?: unknown[][]): unknown[][] {
  return roiCells(revenue, cost, margin);
}

/**
 * Return on ad spend: revenue ÷ cost. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction ROAS
 * @helpurl https://localhost:3000/docs/functions.md#mktroas
 * @param revenue Revenue attributed to the ads: a number or a range.
 * @param cost Ad spend: a number or a range (must not be 0).
 * @returns ROAS as a multiple: 4 means 4:1.
 */
export function roas(revenue: unknown[][], cost: unknown[][]): unknown[][] {
  return roasCells(revenue, cost);
}

/**
 * Customer acquisition cost: spend ÷ new customers. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction CAC
 * @helpurl https://localhost:3000/docs/functions.md#mktcac
 * @param spend Acquisition spend: a number or a range.
 * @param new_customers New customers acquired with that spend: a number or a range (must not be 0).
 * @returns Cost per new customer.
 */
export function cac(spend: unknown[][], new_customers: unknown[][]): unknown[][] {
  return cacCells(spend, new_customers);
}

/**
 * CAC payback: periods of contribution needed to recover the acquisition cost, CAC ÷ (ARPU × margin).
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/docs/functions.md#mktpayback
 * @param cac Acquisition cost per customer: a number or a range.
 * @param arpu Revenue per customer per period (month, year…): a number or a range.
 * @param [margin] Gross margin between 0 and 1. Default 1.
 * @returns Number of periods (in ARPU's period) to recover CAC.
 */
export function payback(cac: unknown[][], arpu: unknown[][], margin?: unknown[][]): unknown[][] {
  return paybackCells(cac, arpu, margin);
}

/**
 * Customer lifetime value, first period paid: Σ ARPU × margin × S_t ÷ (1 + discount rate)^t. Retention is a rate per period (ranges spill element-wise) or a survival curve (one column or row while ARPU and margin are single values).
 * @customfunction LTV
 * @helpurl https://localhost:3000/docs/functions.md#mktltv
 * @param arpu Revenue per customer per period: a number or a range.
 * @param margin Gross margin between 0 and 1: a number or a range.
 * @param retention Share of customers kept from one period to the next (0 to 1), or a survival curve: one column or row of the share still active after 1, 2, … periods.
 * @param [discount_rate] Discount rate per period, e.g. 0.01 for 1% a month. Default 0.
 * @param [periods] Number of periods to count. Default: unlimited for a rate, the curve's length for a curve.
 * @returns Lifetime value per customer.
 */
export function ltv(
  arpu: unknown[][],
  margin: unknown[][],
  retention: unknown[][],
  discount_rate?: unknown[][],
  periods?: unknown[][],
): unknown[][] {
  return ltvCells(arpu, margin, retention, discount_rate, periods);
}

/**
 * Probabilistic CLV per customer (BG/NBD + Gamma-Gamma) from a transaction log. Spills a header row, then per customer: id, frequency, recency, T, P(alive), expected purchases, expected spend, CLV.
 * @customfunction CLV
 * @helpurl https://localhost:3000/docs/functions.md#mktclv
 * @param customer_ids Customer id of each transaction: a column.
 * @param dates Date of each transaction: a column of dates (or date text such as 2024-03-31).
 * @param amounts Amount of each transaction: a column.
 * @param [horizon] Future period to value, in time units. Default one year (52 weeks, 12 months, 365 days, 1 year).
 * @param [discount_rate] Discount rate per time unit (weekly rate for weeks). Default 0.
 * @param [as_of] End of the observation period (a date). Default: the last date in the data.
 * @param [time_unit] days, weeks, months or years (天, 周, 月, 年). Default weeks.
 * @returns A table with one row per customer.
 */
export function clv(
  customer_ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  horizon?: unknown[][],
  discount_rate?: unknown[][],
  as_of?: unknown[][],
  time_unit?: unknown[][],
): unknown[][] {
  return clvCells(customer_ids, dates, amounts, horizon, discount_rate, as_of, time_unit);
}

/**
 * Fitted BG/NBD and Gamma-Gamma parameters of a transaction log (r, alpha, a, b, p, q, gamma, log-likelihoods, customers) as a two-column table.
 * @customfunction CLVFIT
 * @helpurl https://localhost:3000/docs/functions.md#mktclvfit
 * @param customer_ids Customer id of each transaction: a column.
 * @param dates Date of each transaction: a column of dates (or date text such as 2024-03-31).
 * @param amounts Amount of each transaction: a column.
 * @param [as_of] End of the observation period (a date). Default: the last date in the data.
 * @param [time_unit] days, weeks, months or years (天, 周, 月, 年). Default weeks.
 * @returns Label and value of each fitted parameter.
 */
export function clvfit(
  customer_ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown[][],
  time_unit?: unknown[][],
): unknown[][] {
  return clvFitCells(customer_ids, dates, amounts, as_of, time_unit);
}

/**
 * Multi-touch attribution of conversions to channels. Spills Channel, Conversions, Value, Share (or one column per model with "all").
 * @customfunction ATTRIB
 * @helpurl https://localhost:3000/docs/functions.md#mktattrib
 * @param paths Paths such as "Search > Email > Direct" (a column), or a 4-column touchpoint range: journey id, timestamp, channel, value.
 * @param [conversions] Conversions of each path (a column). Required with paths; with touchpoints an optional TRUE/FALSE conversion marker column.
 * @param [model] first, last, last_non_direct, linear, position, time_decay, markov, shapley or all. Default markov.
 * @param [values] Conversion value of each path (a column). Default none.
 * @param [nulls] Non-converting journeys of each path (a column). Default 0.
 * @param [options] Settings such as "order=2; separator=→; direct=Direct; half_life=7; first=0.4; last=0.4; lookback=30; headers=false".
 * @returns A table with one row per channel.
 */
export function attrib(
  paths: unknown[][],
  conversions?: unknown[][],
  model?: unknown[][],
  values?: unknown[][],
  nulls?: unknown[][],
  options?: unknown[][],
): unknown[][] {
  return attribCells(paths, conversions, model, values, nulls, options);
}

/**
 * Aggregates touchpoint rows into paths for MKT.ATTRIB. Spills Path, Conversions, Value, Nulls with a header row.
 * @customfunction PATHS
 * @helpurl https://localhost:3000/docs/functions.md#mktpaths
 * @param journey_ids Journey (or user) id of each touchpoint: a column.
 * @param timestamps Date and time of each touchpoint: a column (may be blank to keep the rows' order).
 * @param channels Channel of each touchpoint: a column (blank on a pure conversion row).
 * @param [values] Conversion value of each row (a number > 0 or TRUE marks a conversion): a column.
 * @param [lookback_days] Only touches within this many days before a conversion count. Default unlimited.
 * @returns A table with one row per distinct path.
 */
export function paths(
  journey_ids: unknown[][],
  timestamps: unknown[][],
  channels: unknown[][],
  values?: unknown[][],
  lookback_days?: unknown[][],
): unknown[][] {
  return pathsCells(journey_ids, timestamps, channels, values, lookback_days);
}

/**
 * A/B test of two conversion rates (two-sided two-proportion z-test): rate A, rate B, relative lift, p-value, confidence interval of the lift, significant.
 * @customfunction ABTEST
 * @helpurl https://localhost:3000/docs/functions.md#mktabtest
 * @param conversions_a Conversions of variant A (control).
 * @param visitors_a Visitors of variant A.
 * @param conversions_b Conversions of variant B.
 * @param visitors_b Visitors of variant B.
 * @param [confidence] Confidence level between 0 and 1. Default 0.95.
 * @returns Label and value rows.
 */
export function abtest(
  conversions_a: unknown[][],
  visitors_a: unknown[][],
  conversions_b: unknown[][],
  visitors_b: unknown[][],
  confidence?: unknown[][],
): unknown[][] {
  return abTestCells(conversions_a, visitors_a, conversions_b, visitors_b, confidence);
}

/**
 * Visitors needed per variant to detect a relative lift of a conversion rate (two-sided test). Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction SAMPLESIZE
 * @helpurl https://localhost:3000/docs/functions.md#mktsamplesize
 * @param baseline_rate Current conversion rate, between 0 and 1.
 * @param minimum_detectable_lift Smallest relative lift worth detecting, e.g. 0.1 for +10%.
 * @param [alpha] Significance level. Default 0.05.
 * @param [power] Probability of detecting the lift if it is real. Default 0.8.
 * @returns Visitors per variant, rounded up.
 */
export function samplesize(
  baseline_rate: unknown[][],
  minimum_detectable_lift: unknown[][],
  alpha?: unknown[][],
  power?: unknown[][],
): unknown[][] {
  return sampleSizeCells(baseline_rate, minimum_detectable_lift, alpha, power);
}

/**
 * Acquisition-cohort table from a purchase log. Spills a header row (Cohort, Size, then periods since the first purchase 0, 1, 2 …) and one row per cohort; cells are active customers, retention or revenue, blank where not yet observable.
 * @customfunction COHORT
 * @helpurl https://localhost:3000/docs/functions.md#mktcohort
 * @param customer_ids Customer id of each purchase: a column.
 * @param dates Date of each purchase: a column of dates (or date text such as 2024-03-31).
 * @param [period] month, week or quarter (月, 周, 季度): the length of a cohort and of a column. Default month.
 * @param [measure] customers (active customers), retention (share of the cohort active) or revenue (needs amounts); 客户数, 留存率, 收入. Default customers.
 * @param [as_of] Last date counted (a date). Default: the last purchase date.
 * @param [amounts] Amount of each purchase: a column. Needed for the revenue measure.
 * @returns A table with one row per acquisition cohort.
 */
export function cohort(
  customer_ids: unknown[][],
  dates: unknown[][],
  period?: unknown[][],
  measure?: unknown[][],
  as_of?: unknown[][],
  amounts?: unknown[][],
): unknown[][] {
  return cohortCells(customer_ids, dates, period, measure, as_of, amounts);
}

/**
 * Average retention curve of a purchase log: the share of customers active 0, 1, 2 … periods after their first purchase, averaged over cohorts weighted by size and never increasing. Spills one column starting with 1, the survival curve MKT.LTV accepts.
 * @customfunction RETENTION
 * @helpurl https://localhost:3000/docs/functions.md#mktretention
 * @param customer_ids Customer id of each purchase: a column.
 * @param dates Date of each purchase: a column of dates (or date text such as 2024-03-31).
 * @param [period] month, week or quarter (月, 周, 季度). Default month.
 * @param [as_of] Last date counted (a date). Default: the last purchase date.
 * @returns One column: retention in period 0 (1), 1, 2 …
 */
export function retention(
  customer_ids: unknown[][],
  dates: unknown[][],
  period?: unknown[][],
  as_of?: unknown[][],
): unknown[][] {
  return retentionCells(customer_ids, dates, period, as_of);
}

/**
 * Churn by purchase habit: the share of customers with no purchase in the next window, split by their purchase days in the window before (1, 2, 3, 4+), with counts and a total row.
 * @customfunction CHURN
 * @helpurl https://localhost:3000/docs/functions.md#mktchurn
 * @param customer_ids Customer id of each purchase: a column.
 * @param dates Date of each purchase: a column of dates (or date text such as 2024-03-31).
 * @param [window] Length in whole months of the window before and the window after as_of. Default 3.
 * @param [as_of] Date between the two windows. Default: the latest date whose next window ends by the last purchase.
 * @returns Purchases, customers, churned and churn rate per group, then the total.
 */
export function churn(
  customer_ids: unknown[][],
  dates: unknown[][],
  window?: unknown[][],
  as_of?: unknown[][],
): unknown[][] {
  return churnCells(customer_ids, dates, window, as_of);
}
