/**
 * Shared types of the KPI-target wizard's core.
 *
 * Conventions used throughout `src/core/kpi/`:
 * - Percentages are fractions, as Excel stores a cell formatted as percent: 0.25 = 25%, valid range [0, 1].
 * - A KPI's `direction` says which way is better: "higher" (revenue, conversion rate) or "lower" (CAC, payback).
 * - A KPI's `aggregation` says how monthly values combine over time: "sum" for volumes (visits, orders, revenue);
 *   "rate" for ratios, rates and averages (conversion rate, AOV, NPS, CAC, ROI, market share, retention), which
 *   are never summed: a quarter's or year's value of a rate is the rate itself, or the weighted average of the
 *   monthly rates when the KPI names a weight KPI (conversion rate weighted by visits, AOV by orders, gross
 *   margin by revenue), otherwise their simple mean.
 */

/** Measurement unit of a KPI ("percent" values are fractions in [0, 1]). */
export type KpiUnit = "count" | "currency" | "percent" | "ratio" | "index" | "score" | "months";

/** Which way is better. */
export type KpiDirection = "higher" | "lower";

/** How monthly values combine into quarters and years: summed ("sum") or carried / averaged ("rate"). */
export type KpiAggregation = "sum" | "rate";

/** Funnel layer a KPI belongs to, in wizard order; user-defined KPIs are "custom". */
export type KpiLayer = "brand" | "traffic" | "conversion" | "sales" | "efficiency" | "custom";

/** A display name in each UI language. */
export interface KpiNames {
  readonly "en-US": string;
  readonly "zh-CN": string;
  readonly "zh-TW": string;
}

/** One KPI: from the built-in library or user-defined (`layer: "custom"`). */
export interface KpiDefinition {
  /** Stable id, letters/digits/underscore, e.g. "conversionRate". */
  readonly id: string;
  readonly layer: KpiLayer;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly aggregation: KpiAggregation;
  readonly names: KpiNames;
  /**
   * Rate KPIs only: id of the volume KPI whose monthly values weight the monthly rates when they are averaged
   * over a quarter, year or year-to-date (Σ rateₘ·weightₘ / Σ weightₘ). Absent: simple mean.
   */
  readonly weightKpi?: string;
  /** Smallest valid value (inclusive); absent = unbounded. */
  readonly min?: number;
  /** Largest valid value (inclusive); absent = unbounded. */
  readonly max?: number;
  /** Whether the KPI is user-defined. */
  readonly custom?: boolean;
}

/** A warning: a key of `KPI_WARNING_MESSAGES`, its params and the English text (not an error: the plan is usable). */
export interface KpiWarning {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
}

/** Traffic-light status of a KPI against its target and floor. */
export type KpiStatus = "green" | "amber" | "red";
