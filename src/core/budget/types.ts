/**
 * Input and result types of the budget wizard's core (allocation across channels, response curves, phasing).
 *
 * Conventions used throughout `src/core/budget/`:
 * - Money is in the user's currency, as plain numbers (no currency conversion).
 * - Everything the user types as a percentage is a percent number: `60` means 60 % (`sharePercent`,
 *   `reservePercent`, `budgetRatioPercent`). Internally shares become fractions.
 * - Months are 1–12 (January = 1); seasonality weights are indexed by calendar month (index 0 = January).
 */

/** The plan's time span: `months` consecutive calendar months starting at `startMonth` of `startYear`. */
export interface PlanPeriod {
  /** Months in the plan: 12 for a year, 6 for a half, 3 for a quarter (any whole number 1–24). */
  months: number;
  /** First month, 1–12. */
  startMonth: number;
  /** Year of the first month (e.g. 2026). */
  startYear: number;
}

/**
 * Where the total budget comes from: typed directly, or a revenue target × budget ratio
 * (marketing budgets are commonly 5–15 % of revenue; outside that range validation adds a warning).
 */
export type BudgetSource =
  { kind: "total"; amount: number } | { kind: "revenueTarget"; revenueTarget: number; budgetRatioPercent: number };

/** One observed period of a channel: spend and what it brought. Outcomes are optional, each used by its method. */
export interface HistoryPoint {
  spend: number;
  revenue?: number;
  conversions?: number;
}

/**
 * A Hill-type saturating response curve: response(s) = vmax · s^alpha / (k^alpha + s^alpha).
 * `vmax` is the saturation level (same unit as the outcome), `k` the spend at half saturation (currency),
 * `alpha` the shape (≤ 1 concave, > 1 S-shaped).
 */
export interface HillCurve {
  vmax: number;
  k: number;
  alpha: number;
}

/** Month weights by calendar month. */
export type SeasonalityPreset = "chinaRetail" | "westernRetail";

/** How to spread a channel's period amount over the months of the plan. */
export type SeasonalityProfile =
  | { kind: "even" }
  | { kind: "preset"; preset: SeasonalityPreset }
  /** 12 non-negative weights, January..December; normalized over the months the plan covers. */
  | { kind: "custom"; weights: readonly number[] };

/** A marketing channel as entered in the wizard. */
export interface BudgetChannel {
  /** Stable id (unique within the plan), used to attach errors to fields. */
  id: string;
  /** Display name (appears in messages). */
  name: string;
  /** Fixed-share method: this channel's share of the allocatable budget, in percent. Blank counts as 0. */
  sharePercent?: number;
  /** Past periods: one or several (spend, outcome) points. */
  history?: readonly HistoryPoint[];
  /** Lower bound on the channel's spend in the plan (default 0). */
  minSpend?: number;
  /** Upper bound on the channel's spend in the plan (default: no limit). */
  maxSpend?: number;
  /** Optimized method: a response curve entered directly (takes precedence over history). */
  curve?: HillCurve;
  /**
   * Weighted method: the metric to assume when the channel has no usable history (an assumed ROI or
   * conversions per unit of spend, e.g. for a new channel). Takes precedence over `missingHistory`.
   */
  assumedMetric?: number;
  /** Phasing: overrides the plan's seasonality for this channel (e.g. brand TV spread evenly). */
  seasonality?: SeasonalityProfile;
}

/** Metric of the weighted method: revenue / spend (ROI) or conversions / spend (inverse cost per conversion). */
export type WeightMetric = "roi" | "conversionsPerSpend";

/** Outcome the optimized method maximizes (and that history curves are fitted to). */
export type ResponseOutcome = "revenue" | "conversions";

/** What the weighted method does with a channel that has neither usable history nor `assumedMetric`. */
export type MissingHistoryPolicy = "error" | "exclude" | "average";

/** Options of the optimizer (see `optimizeAllocation`). */
export interface OptimizeOptions {
  /** Stop when the certified relative optimality gap is ≤ this. Default 1e-9. */
  tolerance?: number;
  /** Branch-and-bound node limit. Default 5000. */
  maxNodes?: number;
}

/** How the allocatable budget is split across channels. */
export type AllocationMethod =
  | { kind: "fixedShares" }
  | { kind: "weighted"; metric: WeightMetric; missingHistory?: MissingHistoryPolicy }
  | { kind: "optimized"; outcome: ResponseOutcome; options?: OptimizeOptions };

/** Phasing options of the plan. */
export interface PhasingOptions {
  /** Default profile for every channel (default even). */
  seasonality?: SeasonalityProfile;
  /** Monthly amounts are rounded to multiples of 10^−decimals (default 0: whole currency units), 0–4. */
  decimals?: number;
}

/** Everything the budget wizard collects. */
export interface BudgetInputs {
  period: PlanPeriod;
  budget: BudgetSource;
  /** Contingency reserve held back, percent of the total (0 ≤ r < 100; default 0). */
  reservePercent?: number;
  channels: readonly BudgetChannel[];
  method: AllocationMethod;
  phasing?: PhasingOptions;
}

/** Total, reserve and allocatable budget: allocatable = total × (1 − reserve%/100). */
export interface ResolvedBudget {
  total: number;
  reserve: number;
  allocatable: number;
}

/** Outcome of fitting a Hill curve to history points. */
export interface HillFit {
  curve: HillCurve;
  /** Number of points used (those with the outcome present). */
  points: number;
  /** Distinct positive spend levels among them. */
  spendLevels: number;
  /** True when alpha was held fixed (exactly two spend levels, or a caller-given alpha). */
  alphaFixed: boolean;
  /** Root-mean-square error in outcome units, and R² = 1 − SSE/SST. */
  rmse: number;
  r2: number;
  /**
   * Diagnostic codes: "noSaturationInHistory" (k ran to its upper limit, 10 × the largest spend: the history
   * shows no diminishing returns and the curve extrapolates), "alphaAtBound" (alpha hit 0.5 or 3).
   */
  warnings: string[];
}

/** One channel's line of an allocation. */
export interface ChannelAllocation {
  id: string;
  name: string;
  /** Allocated spend for the whole plan period. */
  amount: number;
  /** amount / allocatable × 100. */
  sharePercent: number;
  minSpend: number;
  maxSpend: number;
  /** Which bound the amount sits on (within 1e-9 of the allocatable budget), if any. */
  atBound: "min" | "max" | null;
  /** Weighted method: the metric used as the weight, and where it came from. */
  weight?: number;
  weightSource?: "history" | "assumed" | "average" | "excluded";
  /** Optimized method: the curve used, its origin, fit diagnostics, predicted outcome and marginal return. */
  curve?: HillCurve;
  curveSource?: "entered" | "fitted";
  fit?: HillFit;
  expectedResponse?: number;
  /** d response / d spend at the allocated amount (outcome per currency unit). */
  marginalReturn?: number;
}

/** Certificate of the optimizer: the allocation's response is within `gap` (relative) of the true optimum. */
export interface OptimizationInfo {
  /** Σ response at the returned allocation. */
  totalResponse: number;
  /** Proven upper bound on the best achievable Σ response. */
  upperBound: number;
  /** (upperBound − totalResponse) / upperBound. */
  gap: number;
  /** Common marginal return λ of the channels strictly inside their bounds. */
  lambda: number;
  nodes: number;
  converged: boolean;
}

/** Result of `allocateBudget`. */
export interface AllocationResult extends ResolvedBudget {
  method: AllocationMethod["kind"];
  channels: ChannelAllocation[];
  /** Optimized method only. */
  optimization?: OptimizationInfo;
  /** Non-blocking findings (severity "warning") for the pane. */
  warnings: BudgetIssue[];
}

/** A problem found in the inputs, attached to a field (and a channel, when it concerns one). */
export interface BudgetIssue {
  /** Input field: "months", "startMonth", "startYear", "amount", "revenueTarget", "budgetRatioPercent",
   * "reservePercent", "channels", "id", "name", "sharePercent", "shares", "minSpend", "maxSpend", "bounds",
   * "history", "curve", "assumedMetric", "method", "seasonality", "decimals". */
  field: string;
  /** Id of the channel concerned, when there is one. */
  channelId?: string;
  /** Message key in BUDGET_ERROR_MESSAGES. */
  key: string;
  params: Readonly<Record<string, string | number>>;
  /** English message (template filled with params). */
  message: string;
  severity: "error" | "warning";
}

/** One month of the plan. */
export interface PlanMonth {
  year: number;
  month: number;
}

/** One channel's row of the phasing plan. */
export interface PhasedChannel {
  id: string;
  name: string;
  /** The channel's amount rounded to the plan's unit (sums across channels to the rounded allocatable). */
  total: number;
  /** Normalized month weights used (sum 1). */
  weights: number[];
  /** Monthly amounts, multiples of the unit, summing exactly to `total`. */
  monthly: number[];
}

/** Channels × months table of a plan. */
export interface PhasedPlan {
  months: PlanMonth[];
  channels: PhasedChannel[];
  monthTotals: number[];
  /** Σ channel totals = allocatable rounded to the unit. */
  grandTotal: number;
  decimals: number;
}
