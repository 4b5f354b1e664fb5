/**
 * Input checks of the budget wizard. Each check reports to an {@link IssueSink}: the calculation functions pass
 * a sink that throws the first error as an MktError, and {@link validateBudgetInputs} passes one that collects
 * every issue, so the pane can show all problems at their fields at once and both paths agree by construction.
 */
import { fitHillOrReason, historyCurvePoints, isValidHillCurve } from "./hill";
import { channelParams, IssueList, shown, type IssueSink } from "./messages";
import { planMonths, rawMonthWeights } from "./seasonality";
import type {
  BudgetChannel,
  BudgetInputs,
  BudgetIssue,
  BudgetSource,
  HillCurve,
  HillFit,
  MissingHistoryPolicy,
  PlanMonth,
  PlanPeriod,
  ResolvedBudget,
  ResponseOutcome,
  SeasonalityProfile,
  WeightMetric,
} from "./types";

/** Tolerance on the sum of fixed shares, in percentage points (0.01 % of the budget). */
export const SHARE_SUM_TOLERANCE = 0.01;
/** The usual range of marketing budgets as a percentage of revenue (outside it: a warning). */
export const USUAL_BUDGET_RATIO_PERCENT: readonly [number, number] = [5, 15];

const isBlank = (x: unknown): boolean => x === undefined || x === null;
const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isWhole = (x: unknown, lo: number, hi: number): boolean =>
  isFiniteNumber(x) && Number.isInteger(x) && x >= lo && x <= hi;
const valueOf = (x: unknown): string | number => (typeof x === "number" ? shown(x) : String(x));
/** Slack for comparisons against the budget. */
const slack = (budget: number): number => 1e-9 * Math.max(Math.abs(budget), 1);

/** Checks months (1–24), start month (1–12) and start year (1900–9999). */
export function checkPeriod(period: PlanPeriod | undefined, sink: IssueSink): boolean {
  const before = sink.errorCount;
  const p = period ?? ({} as Partial<PlanPeriod>);
  if (!isWhole(p.months, 1, 24)) sink.report("months", "invalidMonths", { value: valueOf(p.months) });
  if (!isWhole(p.startMonth, 1, 12)) sink.report("startMonth", "invalidStartMonth", { value: valueOf(p.startMonth) });
  if (!isWhole(p.startYear, 1900, 9999)) sink.report("startYear", "invalidStartYear", { value: valueOf(p.startYear) });
  return sink.errorCount === before;
}

/**
 * Total and allocatable budget: total = amount, or revenue target × budget ratio / 100; reserve = total ×
 * reservePercent / 100; allocatable = total − reserve. Reports emptyBudget (blank or 0), negativeBudget,
 * invalidRevenueTarget, invalidBudgetRatio, invalidReserve, and the warning budgetRatioUnusual (outside 5–15 %).
 */
export function checkBudget(
  source: BudgetSource | undefined,
  reservePercent: number | undefined,
  sink: IssueSink,
): ResolvedBudget | undefined {
  const before = sink.errorCount;
  let total = NaN;
  if (source?.kind !== "revenueTarget") {
    const amount = source?.kind === "total" ? source.amount : undefined;
    if (isBlank(amount) || amount === 0) sink.report("amount", "emptyBudget");
    else if (!isFiniteNumber(amount)) sink.report("amount", "invalidAmount", { value: valueOf(amount) });
    else if (amount < 0) sink.report("amount", "negativeBudget", { value: shown(amount) });
    else total = amount;
  } else {
    const { revenueTarget, budgetRatioPercent } = source;
    if (!(isFiniteNumber(revenueTarget) && revenueTarget > 0)) {
      sink.report("revenueTarget", "invalidRevenueTarget", { value: valueOf(revenueTarget) });
    }
    if (!(isFiniteNumber(budgetRatioPercent) && budgetRatioPercent > 0 && budgetRatioPercent <= 100)) {
      sink.report("budgetRatioPercent", "invalidBudgetRatio", { value: valueOf(budgetRatioPercent) });
    } else if (
      budgetRatioPercent < USUAL_BUDGET_RATIO_PERCENT[0] ||
      budgetRatioPercent > USUAL_BUDGET_RATIO_PERCENT[1]
    ) {
      sink.report("budgetRatioPercent", "budgetRatioUnusual", { value: shown(budgetRatioPercent) }, "warning");
    }
    total = (revenueTarget * budgetRatioPercent) / 100;
  }
  const r = isBlank(reservePercent) ? 0 : reservePercent;
  if (!(isFiniteNumber(r) && r >= 0 && r < 100)) sink.report("reservePercent", "invalidReserve", { value: valueOf(r) });
  if (sink.errorCount !== before) return undefined;
  const reserve = (total * (r as number)) / 100;
  return { total, reserve, allocatable: total - reserve };
}

/** Per-channel spend bounds: min (blank → 0) and max (blank → +∞). */
export interface ChannelBounds {
  min: number[];
  max: number[];
}

/**
 * Checks the channel list: at least one channel, unique non-empty ids, names, numeric non-negative bounds with
 * min ≤ max, and history values (finite, ≥ 0). Returns the bounds when none of these failed.
 */
export function checkChannels(
  channels: readonly BudgetChannel[] | undefined,
  sink: IssueSink,
): ChannelBounds | undefined {
  const before = sink.errorCount;
  if (!channels || channels.length === 0) {
    sink.report("channels", "noChannels");
    return undefined;
  }
  const seen = new Set<string>();
  const min: number[] = [];
  const max: number[] = [];
  channels.forEach((ch, idx) => {
    const cp = channelParams({ id: String(ch.id ?? ""), name: ch.name || String(ch.id ?? `#${idx + 1}`) });
    if (typeof ch.id !== "string" || ch.id === "" || seen.has(ch.id)) {
      sink.report("id", "duplicateChannelId", { ...cp, channelId: String(ch.id ?? "") });
    }
    seen.add(ch.id);
    if (typeof ch.name !== "string" || ch.name.trim() === "") sink.report("name", "emptyChannelName", cp);
    let lo = 0;
    let hi = Infinity;
    if (!isBlank(ch.minSpend)) {
      if (!isFiniteNumber(ch.minSpend))
        sink.report("minSpend", "invalidNumber", { ...cp, value: valueOf(ch.minSpend) });
      else if (ch.minSpend < 0) sink.report("minSpend", "negativeBound", { ...cp, value: shown(ch.minSpend) });
      else lo = ch.minSpend;
    }
    if (!isBlank(ch.maxSpend)) {
      const m = ch.maxSpend;
      if (typeof m !== "number" || Number.isNaN(m) || m === -Infinity) {
        sink.report("maxSpend", "invalidNumber", { ...cp, value: valueOf(m) });
      } else if (m < 0) sink.report("maxSpend", "negativeBound", { ...cp, value: shown(m) });
      else hi = m;
    }
    if (lo > hi) sink.report("minSpend", "minAboveMax", { ...cp, min: shown(lo), max: shown(hi) });
    (ch.history ?? []).forEach((h, row) => {
      const bad = (what: string): void => sink.report("history", "invalidHistory", { ...cp, row: row + 1, what });
      if (!(isFiniteNumber(h?.spend) && h.spend >= 0)) bad("spend");
      if (!isBlank(h?.revenue) && !(isFiniteNumber(h.revenue) && h.revenue >= 0)) bad("revenue");
      if (!isBlank(h?.conversions) && !(isFiniteNumber(h.conversions) && h.conversions >= 0)) bad("conversions");
    });
    min.push(lo);
    max.push(hi);
  });
  return sink.errorCount === before ? { min, max } : undefined;
}

/**
 * Checks the bounds against the allocatable budget: a channel minimum above it (minAboveTotal), and
 * boundsInfeasible when Σ min > budget or Σ max < budget (params sumMin, sumMax, total, side "min"/"max").
 */
export function checkBoundsAgainstBudget(
  channels: readonly BudgetChannel[],
  bounds: ChannelBounds,
  allocatable: number,
  sink: IssueSink,
): boolean {
  const before = sink.errorCount;
  const eps = slack(allocatable);
  let sumMin = 0;
  let sumMax = 0;
  channels.forEach((ch, i) => {
    if (bounds.min[i] > allocatable + eps) {
      sink.report("minSpend", "minAboveTotal", {
        ...channelParams(ch),
        min: shown(bounds.min[i]),
        total: shown(allocatable),
      });
    }
    sumMin += bounds.min[i];
    sumMax += bounds.max[i];
  });
  if (sink.errorCount === before && (sumMin > allocatable + eps || sumMax < allocatable - eps)) {
    sink.report("bounds", "boundsInfeasible", {
      sumMin: shown(sumMin),
      sumMax: shown(sumMax),
      total: shown(allocatable),
      side: sumMin > allocatable + eps ? "min" : "max",
    });
  }
  return sink.errorCount === before;
}

/**
 * Fixed shares: each share (percent, blank = 0) finite and ≥ 0, the sum within 100 ± 0.01; the amounts are
 * allocatable × share / Σ shares (so a sum within the tolerance still allocates exactly the budget). With
 * bounds and a budget, reports shareBelowMin / shareAboveMax for each channel whose amount violates them
 * (amounts are never clipped silently). Returns the amounts, or undefined on an error.
 */
export function checkShares(
  channels: readonly BudgetChannel[],
  allocatable: number | undefined,
  bounds: ChannelBounds | undefined,
  sink: IssueSink,
): number[] | undefined {
  const before = sink.errorCount;
  const shares = channels.map((ch) => {
    const s = ch.sharePercent;
    if (isBlank(s)) return 0;
    if (!isFiniteNumber(s)) {
      sink.report("sharePercent", "invalidNumber", { ...channelParams(ch), value: valueOf(s) });
      return 0;
    }
    if (s < 0) sink.report("sharePercent", "negativeShare", { ...channelParams(ch), value: shown(s) });
    return s;
  });
  if (sink.errorCount !== before) return undefined;
  const sum = shares.reduce((p, q) => p + q, 0);
  if (!(Math.abs(sum - 100) <= SHARE_SUM_TOLERANCE)) {
    sink.report("shares", "sharesDoNotSumTo100", { sum: Number(sum.toFixed(6)) });
    return undefined;
  }
  if (allocatable === undefined) return undefined;
  const amounts = shares.map((s) => (allocatable * s) / sum);
  if (bounds) {
    const eps = slack(allocatable);
    channels.forEach((ch, i) => {
      const p = { ...channelParams(ch), share: shown(shares[i]), amount: shown(amounts[i]) };
      if (amounts[i] < bounds.min[i] - eps) {
        sink.report("sharePercent", "shareBelowMin", { ...p, min: shown(bounds.min[i]) });
      } else if (amounts[i] > bounds.max[i] + eps) {
        sink.report("sharePercent", "shareAboveMax", { ...p, max: shown(bounds.max[i]) });
      }
    });
  }
  return sink.errorCount === before ? amounts : undefined;
}

/** A channel's weight for the weighted method and where it came from. */
export interface ChannelWeight {
  weight: number;
  source: "history" | "assumed" | "average" | "excluded";
}

/**
 * The metric of a channel's history: Σ outcome / Σ spend over the points that have the outcome (revenue for
 * "roi", conversions for "conversionsPerSpend"); undefined when there is no such point or their spend is 0.
 */
export function historyMetric(ch: BudgetChannel, metric: WeightMetric): number | undefined {
  let spend = 0;
  let outcome = 0;
  let any = false;
  for (const h of ch.history ?? []) {
    const y = metric === "roi" ? h.revenue : h.conversions;
    if (isBlank(y)) continue;
    if (!(isFiniteNumber(h.spend) && h.spend >= 0 && isFiniteNumber(y) && y >= 0)) return undefined;
    spend += h.spend;
    outcome += y as number;
    any = true;
  }
  return any && spend > 0 ? outcome / spend : undefined;
}

/**
 * Weights of the weighted method, ∝ the metric (ROI = revenue/spend, or conversions/spend = 1 / cost per
 * conversion) of each channel's pooled history ({@link historyMetric}). A channel without usable history takes its
 * `assumedMetric` if given; otherwise, by `policy`: "error" (default) reports missingHistory, "exclude" gives it
 * weight 0 (it receives only its minimum, unless the others are all at their maximum), "average" gives it the
 * mean metric of the channels with history. All weights 0 → weightsAllZero.
 */
export function checkWeights(
  channels: readonly BudgetChannel[],
  metric: WeightMetric,
  policy: MissingHistoryPolicy | undefined,
  sink: IssueSink,
): ChannelWeight[] | undefined {
  const before = sink.errorCount;
  const outcome = metric === "roi" ? "revenue" : "conversions";
  const known = channels.map((ch) => historyMetric(ch, metric));
  const withHistory = known.filter((m): m is number => m !== undefined);
  const average = withHistory.length > 0 ? withHistory.reduce((p, q) => p + q, 0) / withHistory.length : undefined;
  const weights = channels.map((ch, i): ChannelWeight => {
    if (known[i] !== undefined) return { weight: known[i] as number, source: "history" };
    if (!isBlank(ch.assumedMetric)) {
      if (isFiniteNumber(ch.assumedMetric) && ch.assumedMetric >= 0)
        return { weight: ch.assumedMetric, source: "assumed" };
      sink.report("assumedMetric", "invalidAssumedMetric", { ...channelParams(ch), value: valueOf(ch.assumedMetric) });
      return { weight: 0, source: "excluded" };
    }
    if (policy === "exclude") return { weight: 0, source: "excluded" };
    if (policy === "average" && average !== undefined) return { weight: average, source: "average" };
    sink.report("history", "missingHistory", { ...channelParams(ch), outcome });
    return { weight: 0, source: "excluded" };
  });
  if (sink.errorCount !== before) return undefined;
  if (!weights.some((w) => w.weight > 0)) {
    sink.report("method", "weightsAllZero", { metric });
    return undefined;
  }
  return weights;
}

/** A channel's response curve for the optimized method. */
export interface ChannelCurve {
  curve: HillCurve;
  source: "entered" | "fitted";
  fit?: HillFit;
}

/**
 * Curves of the optimized method: an entered curve (checked: Vmax > 0, K > 0, 0.1 ≤ α ≤ 10; invalidCurve), else a
 * Hill fit to the channel's (spend, outcome) history (see `fitHillOrReason`; historyCannotFitCurve with the
 * reason "tooFewPoints", "sameSpend" or "notIncreasing"). A fit without visible saturation adds the warning
 * noSaturationInHistory.
 */
export function checkCurves(
  channels: readonly BudgetChannel[],
  outcome: ResponseOutcome,
  sink: IssueSink,
): ChannelCurve[] | undefined {
  const before = sink.errorCount;
  const out: ChannelCurve[] = [];
  for (const ch of channels) {
    if (!isBlank(ch.curve)) {
      if (!isValidHillCurve(ch.curve)) sink.report("curve", "invalidCurve", channelParams(ch));
      else out.push({ curve: { ...ch.curve }, source: "entered" });
      continue;
    }
    const fit = fitHillOrReason(historyCurvePoints(ch.history, outcome), { channel: ch, outcome });
    if (typeof fit === "string") {
      // invalid values were reported by checkChannels
      if (fit !== "invalidValues") {
        sink.report("history", "historyCannotFitCurve", { ...channelParams(ch), outcome, reason: fit });
      }
      continue;
    }
    if (fit.warnings.includes("noSaturationInHistory")) {
      sink.report("history", "noSaturationInHistory", channelParams(ch), "warning");
    }
    out.push({ curve: fit.curve, source: "fitted", fit });
  }
  return sink.errorCount === before && out.length === channels.length ? out : undefined;
}

/**
 * Checks a seasonality profile: a known preset, or 12 finite non-negative custom weights not all 0; and, given
 * the plan's months, that the covered months do not all weigh 0. `channel` names the channel for an override.
 */
export function checkSeasonality(
  profile: SeasonalityProfile | undefined,
  months: readonly PlanMonth[] | undefined,
  sink: IssueSink,
  channel?: { id: string; name: string },
): boolean {
  const before = sink.errorCount;
  if (isBlank(profile)) return true;
  const cp = channel ? channelParams(channel) : {};
  const p = profile as SeasonalityProfile;
  if (p.kind === "preset") {
    if (p.preset !== "chinaRetail" && p.preset !== "westernRetail") {
      sink.report("seasonality", "unknownPreset", { ...cp, value: String(p.preset) });
    }
  } else if (p.kind === "custom") {
    const w = p.weights;
    if (!Array.isArray(w) || w.length !== 12) {
      sink.report("seasonality", "seasonalityLength", { ...cp, count: Array.isArray(w) ? w.length : 0 });
    } else {
      w.forEach((x, i) => {
        if (!(isFiniteNumber(x) && x >= 0)) sink.report("seasonality", "negativeSeasonality", { ...cp, row: i + 1 });
      });
      if (sink.errorCount === before && !w.some((x) => x > 0)) sink.report("seasonality", "seasonalityAllZero", cp);
    }
  } else if (p.kind !== "even") {
    sink.report("seasonality", "unknownPreset", { ...cp, value: String((p as { kind: unknown }).kind) });
  }
  if (sink.errorCount === before && months && months.length > 0) {
    if (!rawMonthWeights(p, months).some((x) => x > 0)) sink.report("seasonality", "seasonalityZeroInPeriod", cp);
  }
  return sink.errorCount === before;
}

/** Checks the rounding decimals (whole number 0–4; blank = 0). */
export function checkDecimals(decimals: number | undefined, sink: IssueSink): boolean {
  if (isBlank(decimals) || isWhole(decimals, 0, 4)) return true;
  sink.report("decimals", "invalidDecimals", { value: valueOf(decimals) });
  return false;
}

/**
 * Validates every input of the budget wizard without throwing, and returns all issues found (errors and
 * warnings), each attached to its field and channel: plan period; budget (empty, negative, revenue target ×
 * ratio, reserve); channels (ids, names, bounds, min > max, history values); bounds against the allocatable
 * budget (minAboveTotal, boundsInfeasible); the method's own inputs (shares ≠ 100 % and shares outside the
 * bounds; missing history for weights; entered curves and histories that cannot fit a curve); seasonality and
 * rounding. An empty list (or warnings only) means `allocateBudget` / `buildBudgetPlan` will succeed.
 */
export function validateBudgetInputs(inputs: BudgetInputs): BudgetIssue[] {
  const list = new IssueList();
  const periodOk = checkPeriod(inputs?.period, list);
  const budget = checkBudget(inputs?.budget, inputs?.reservePercent, list);
  const bounds = checkChannels(inputs?.channels, list);
  const channels = inputs?.channels ?? [];
  const boundsOk =
    budget !== undefined && bounds !== undefined
      ? checkBoundsAgainstBudget(channels, bounds, budget.allocatable, list)
      : false;
  const method = inputs?.method;
  if (channels.length > 0) {
    if (!method) list.report("method", "invalidMethod");
    else if (method.kind === "fixedShares") {
      checkShares(channels, budget?.allocatable, boundsOk ? bounds : undefined, list);
    } else if (method.kind === "weighted") {
      checkWeights(channels, method.metric, method.missingHistory, list);
    } else if (method.kind === "optimized") {
      checkCurves(channels, method.outcome, list);
    } else list.report("method", "invalidMethod");
  }
  const months = periodOk ? planMonths(inputs.period) : undefined;
  checkSeasonality(inputs?.phasing?.seasonality, months, list);
  for (const ch of channels) if (ch?.seasonality) checkSeasonality(ch.seasonality, months, list, ch);
  checkDecimals(inputs?.phasing?.decimals, list);
  return list.issues;
}
