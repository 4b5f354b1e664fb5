/**
 * Budget allocation across marketing channels: fixed shares, weights by historical ROI or conversions per unit
 * of spend (with bounds by water-filling), and response-curve optimization (see `optimize-allocation.ts`).
 *
 * Every function here throws an MktError of kind "value" with a key of BUDGET_ERROR_MESSAGES on the first input
 * problem; `validateBudgetInputs` reports all of them at once with the same checks.
 */
import { budgetError, ThrowingSink, shown } from "./messages";
import { optimizeAllocation } from "./optimize-allocation";
import {
  checkBoundsAgainstBudget,
  checkBudget,
  checkChannels,
  checkCurves,
  checkShares,
  checkWeights,
  type ChannelBounds,
} from "./validate";
import type {
  AllocationMethod,
  AllocationResult,
  BudgetChannel,
  BudgetInputs,
  BudgetIssue,
  BudgetSource,
  ChannelAllocation,
  MissingHistoryPolicy,
  OptimizationInfo,
  OptimizeOptions,
  ResolvedBudget,
  ResponseOutcome,
  WeightMetric,
} from "./types";

/**
 * Total, reserve and allocatable budget. total = amount, or revenue target × budgetRatioPercent / 100
 * (marketing budgets are commonly 5–15 % of revenue; Gartner's annual CMO Spend Survey has reported averages of
 * about 7–10 % in recent years); reserve = total × reservePercent / 100 held back for contingencies; allocatable = total − reserve.
 * Throws emptyBudget, negativeBudget, invalidRevenueTarget, invalidBudgetRatio or invalidReserve.
 */
export function resolveBudget(source: BudgetSource, reservePercent = 0): ResolvedBudget {
  return checkBudget(source, reservePercent, new ThrowingSink()) as ResolvedBudget;
}

/**
 * Scales shares (any non-negative numbers, e.g. percentages typed by the user) to sum to 100, for the wizard's
 * "normalize" offer: s_i · 100 / Σ s. With `decimals`, each share is rounded to that many decimals by the
 * largest-remainder method so that the rounded shares still sum to exactly 100. Throws negativeShare /
 * sharesAllZero.
 */
export function normalizeShares(shares: readonly number[], decimals?: number): number[] {
  shares.forEach((s, i) => {
    if (!(Number.isFinite(s) && s >= 0)) {
      throw budgetError("negativeShare", { field: "sharePercent", channel: `#${i + 1}`, value: shown(s) });
    }
  });
  const sum = shares.reduce((p, q) => p + q, 0);
  if (!(sum > 0)) throw budgetError("sharesAllZero", { field: "shares" });
  const scaled = shares.map((s) => (s * 100) / sum);
  return decimals === undefined ? scaled : largestRemainderRound(scaled, decimals, 100);
}

/**
 * Rounds non-negative `values` to multiples of 10^−decimals so that they sum to `total` rounded the same way
 * (default: the rounded sum of the values), by the largest-remainder method (Hamilton's method): every value is
 * rounded down, then the units still missing go one each to the values with the largest remainders (remainders
 * equal to 1e-9 tie; ties go to the larger value, then the earlier position). Values are first scaled to `total` if their sum differs. Results are
 * multiples of the unit; for decimals > 0 they are the nearest doubles, so sum them in units to compare exactly.
 * Reference: Balinski & Young (2001), "Fair Representation", 2nd ed., ch. 2 (Hamilton's method).
 */
export function largestRemainderRound(values: readonly number[], decimals = 0, total?: number): number[] {
  const scale = 10 ** decimals;
  const sum = values.reduce((p, q) => p + q, 0);
  const target = Math.round((total ?? sum) * scale);
  const factor = total !== undefined && sum > 0 ? total / sum : 1;
  const exact = values.map((v) => Math.max(0, v * factor * scale));
  const units = exact.map((x) => Math.floor(x));
  let missing = target - units.reduce((p, q) => p + q, 0);
  // Remainders quantized to 1e-9 so floating-point noise does not break ties (10.4 vs 20.4).
  const rem = exact.map((x, i) => Math.round((x - units[i]) * 1e9));
  const order = exact.map((_, i) => i).sort((i, j) => rem[j] - rem[i] || exact[j] - exact[i] || i - j);
  // 0 ≤ missing ≤ n in exact arithmetic; the loops also absorb floating-point edge cases.
  for (let k = 0; missing > 0 && order.length > 0; k++, missing--) units[order[k % order.length]]++;
  for (let k = order.length - 1; missing < 0 && k >= 0; k--) {
    const take = Math.min(units[order[k]], -missing);
    units[order[k]] -= take;
    missing += take;
  }
  return units.map((u) => u / scale);
}

/**
 * Water-filling: x_i = clamp(λ · w_i, min_i, max_i) with the λ ≥ 0 that makes Σ x_i = total, i.e. allocation
 * proportional to the weights except for channels held at a bound, whose excess or shortfall is redistributed
 * over the others in proportion to their weights (the fixed point of iterative clamping and redistribution).
 * Σ clamp(λ w_i, …) is piecewise linear and non-decreasing in λ, so λ is found exactly from the sorted breakpoints
 * min_i / w_i and max_i / w_i. Channels with weight 0 stay at their minimum unless every weighted channel is at its
 * maximum, in which case they share the rest evenly (by the same rule with equal weights). Requires
 * Σ min ≤ total ≤ Σ max (else boundsInfeasible).
 */
export function waterFill(
  weights: readonly number[],
  min: readonly number[],
  max: readonly number[],
  total: number,
): number[] {
  const n = weights.length;
  const sumMin = min.reduce((p, q) => p + q, 0);
  const sumMax = max.reduce((p, q) => p + q, 0);
  const eps = 1e-9 * Math.max(Math.abs(total), 1);
  if (sumMin > total + eps || sumMax < total - eps) {
    throw budgetError("boundsInfeasible", {
      field: "bounds",
      sumMin: shown(sumMin),
      sumMax: shown(sumMax),
      total: shown(total),
      side: sumMin > total + eps ? "min" : "max",
    });
  }
  const pos: number[] = [];
  const zero: number[] = [];
  for (let i = 0; i < n; i++) (weights[i] > 0 ? pos : zero).push(i);
  const x = min.slice();
  const zeroBase = zero.reduce((p, i) => p + min[i], 0);
  const posMax = pos.reduce((p, i) => p + max[i], 0);
  if (pos.length === 0 || zeroBase + posMax < total) {
    for (const i of pos) x[i] = max[i];
    if (zero.length > 0) {
      const sub = waterFill(
        zero.map(() => 1),
        zero.map((i) => min[i]),
        zero.map((i) => max[i]),
        total - posMax,
      );
      zero.forEach((i, k) => (x[i] = sub[k]));
    }
  } else {
    const S = (lambda: number): number => {
      let s = zeroBase;
      for (const i of pos) s += Math.min(max[i], Math.max(min[i], lambda * weights[i]));
      return s;
    };
    const bps = [0];
    for (const i of pos) {
      bps.push(min[i] / weights[i]);
      if (Number.isFinite(max[i])) bps.push(max[i] / weights[i]);
    }
    bps.sort((p, q) => p - q);
    let lambda = NaN;
    let prev = 0;
    let sPrev = S(0);
    for (const bp of bps) {
      const s = S(bp);
      if (s >= total) {
        lambda = s > sPrev ? prev + ((total - sPrev) * (bp - prev)) / (s - sPrev) : bp;
        break;
      }
      prev = bp;
      sPrev = s;
    }
    if (Number.isNaN(lambda)) {
      // Beyond the last breakpoint only channels without a maximum still grow.
      let slope = 0;
      for (const i of pos) if (!Number.isFinite(max[i])) slope += weights[i];
      lambda = prev + (total - sPrev) / slope;
    }
    for (const i of pos) x[i] = Math.min(max[i], Math.max(min[i], lambda * weights[i]));
  }
  exactSum(x, min, max, total);
  return x;
}

/** Moves the floating-point residual total − Σx onto channels with room (largest room first). */
function exactSum(x: number[], min: readonly number[], max: readonly number[], total: number): void {
  for (let pass = 0; pass < 3; pass++) {
    let d = total - x.reduce((p, q) => p + q, 0);
    if (d === 0) return;
    const room = (i: number): number => (d > 0 ? max[i] - x[i] : x[i] - min[i]);
    const order = x.map((_, i) => i).sort((i, j) => room(j) - room(i));
    for (const i of order) {
      const step = d > 0 ? Math.min(d, max[i] - x[i]) : Math.max(d, min[i] - x[i]);
      x[i] += step;
      d -= step;
      if (d === 0) break;
    }
  }
}

function checkedBounds(channels: readonly BudgetChannel[], allocatable: number, sink: ThrowingSink): ChannelBounds {
  const bounds = checkChannels(channels, sink) as ChannelBounds;
  checkBoundsAgainstBudget(channels, bounds, allocatable, sink);
  return bounds;
}

function lines(
  channels: readonly BudgetChannel[],
  amounts: readonly number[],
  bounds: ChannelBounds,
  allocatable: number,
): ChannelAllocation[] {
  const eps = 1e-9 * Math.max(allocatable, 1);
  return channels.map((ch, i) => ({
    id: ch.id,
    name: ch.name,
    amount: amounts[i],
    sharePercent: allocatable > 0 ? (amounts[i] / allocatable) * 100 : 0,
    minSpend: bounds.min[i],
    maxSpend: bounds.max[i],
    atBound:
      amounts[i] <= bounds.min[i] + eps && bounds.min[i] > 0 ? "min" : amounts[i] >= bounds.max[i] - eps ? "max" : null,
  }));
}

/**
 * Fixed shares typed by the user: amount_i = allocatable × share_i / Σ shares, where the shares (percent, blank = 0)
 * must sum to 100 within 0.01 (else sharesDoNotSumTo100 with the actual `sum`; see {@link normalizeShares}).
 * Bounds are checked, not enforced: a channel whose amount is below its minimum or above its maximum raises
 * shareBelowMin / shareAboveMax naming it.
 */
export function allocateFixedShares(channels: readonly BudgetChannel[], allocatable: number): ChannelAllocation[] {
  const sink = new ThrowingSink();
  const bounds = checkedBounds(channels, allocatable, sink);
  const amounts = checkShares(channels, allocatable, bounds, sink) as number[];
  return lines(channels, amounts, bounds, allocatable);
}

/**
 * Allocation weighted by a historical metric: w_i = Σ revenue / Σ spend (ROI) or Σ conversions / Σ spend
 * (1 / cost per conversion) of the channel's history; channels without history per `missingHistory` (see
 * `checkWeights`: "error" by default, "exclude", "average"; a channel's `assumedMetric` wins). Then
 * amount_i = clamp(λ w_i, min_i, max_i) with Σ amount_i = allocatable ({@link waterFill}).
 */
export function allocateWeighted(
  channels: readonly BudgetChannel[],
  allocatable: number,
  metric: WeightMetric,
  missingHistory: MissingHistoryPolicy = "error",
): ChannelAllocation[] {
  const sink = new ThrowingSink();
  const bounds = checkedBounds(channels, allocatable, sink);
  const weights = checkWeights(channels, metric, missingHistory, sink) as NonNullable<ReturnType<typeof checkWeights>>;
  const amounts = waterFill(
    weights.map((w) => w.weight),
    bounds.min,
    bounds.max,
    allocatable,
  );
  return lines(channels, amounts, bounds, allocatable).map((line, i) => ({
    ...line,
    weight: weights[i].weight,
    weightSource: weights[i].source,
  }));
}

/**
 * Optimized allocation: each channel's Hill curve (entered, or fitted to its (spend, `outcome`) history, see
 * `fitHill`) and the allocation maximizing Σ response within the bounds (`optimizeAllocation`: branch-and-bound
 * over concave envelopes, certified gap). Lines carry the curve, predicted response and marginal return.
 */
export function allocateOptimized(
  channels: readonly BudgetChannel[],
  allocatable: number,
  outcome: ResponseOutcome,
  options: OptimizeOptions = {},
): { channels: ChannelAllocation[]; optimization: OptimizationInfo; warnings: BudgetIssue[] } {
  const sink = new ThrowingSink();
  const bounds = checkedBounds(channels, allocatable, sink);
  const curves = checkCurves(channels, outcome, sink) as NonNullable<ReturnType<typeof checkCurves>>;
  const opt = optimizeAllocation(
    curves.map((c) => c.curve),
    allocatable,
    bounds.min,
    bounds.max,
    options,
  );
  const out = lines(channels, opt.amounts, bounds, allocatable).map((line, i) => ({
    ...line,
    curve: curves[i].curve,
    curveSource: curves[i].source,
    ...(curves[i].fit ? { fit: curves[i].fit } : {}),
    expectedResponse: opt.responses[i],
    marginalReturn: opt.marginals[i],
  }));
  return {
    channels: out,
    optimization: {
      totalResponse: opt.totalResponse,
      upperBound: opt.upperBound,
      gap: opt.gap,
      lambda: opt.lambda,
      nodes: opt.nodes,
      converged: opt.converged,
    },
    warnings: sink.warnings.issues,
  };
}

/**
 * The wizard's allocation step: resolves the budget ({@link resolveBudget}) and splits the allocatable amount by
 * the chosen method ({@link allocateFixedShares}, {@link allocateWeighted}, {@link allocateOptimized}).
 * Σ amounts = allocatable (to floating-point rounding, ≤ 1e-9 relative). Throws the first input error as an
 * MktError; use `validateBudgetInputs` to list them all.
 */
export function allocateBudget(inputs: BudgetInputs): AllocationResult {
  const sink = new ThrowingSink();
  const budget = checkBudget(inputs.budget, inputs.reservePercent, sink) as ResolvedBudget;
  const method: AllocationMethod | undefined = inputs.method;
  const base = { ...budget, warnings: sink.warnings.issues };
  switch (method?.kind) {
    case "fixedShares":
      return { ...base, method: "fixedShares", channels: allocateFixedShares(inputs.channels, budget.allocatable) };
    case "weighted":
      return {
        ...base,
        method: "weighted",
        channels: allocateWeighted(inputs.channels, budget.allocatable, method.metric, method.missingHistory),
      };
    case "optimized": {
      const r = allocateOptimized(inputs.channels, budget.allocatable, method.outcome, method.options);
      return {
        ...base,
        warnings: [...base.warnings, ...r.warnings],
        method: "optimized",
        channels: r.channels,
        optimization: r.optimization,
      };
    }
    default:
      throw budgetError("invalidMethod", { field: "method" });
  }
}
