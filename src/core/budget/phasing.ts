/**
 * Phasing: spreading each channel's amount for the plan period over its months, evenly or by a seasonality
 * profile, in whole currency units (or 10^−decimals) that add up exactly.
 */
import { allocateBudget, largestRemainderRound } from "./allocate";
import { ThrowingSink } from "./messages";
import { planMonths, rawMonthWeights } from "./seasonality";
import { checkDecimals, checkPeriod, checkSeasonality } from "./validate";
import type { AllocationResult, BudgetInputs, PhasedPlan, PlanPeriod, SeasonalityProfile } from "./types";

/**
 * Month weights of a plan (one per plan month, summing to 1): the profile's weight of each covered calendar month
 * (presets for that month's own year, so a plan from July 2025 uses the 2026 Spring Festival split for January
 * and February 2026), renormalized over the covered months: w_i = raw_i / Σ raw. Throws the seasonality errors
 * (seasonalityLength, negativeSeasonality, seasonalityAllZero, seasonalityZeroInPeriod, unknownPreset) and the
 * period errors.
 */
export function monthWeights(profile: SeasonalityProfile, period: PlanPeriod): number[] {
  const sink = new ThrowingSink();
  checkPeriod(period, sink);
  const months = planMonths(period);
  checkSeasonality(profile, months, sink);
  const raw = rawMonthWeights(profile, months);
  const s = raw.reduce((p, q) => p + q, 0);
  return raw.map((x) => x / s);
}

/**
 * Spreads `total` over months by `weights` (non-negative, summing to 1), rounding to multiples of 10^−decimals by
 * the largest-remainder method: each month gets ⌊total · w_i⌋ units and the remaining units go to the months with
 * the largest remainders, so the months sum exactly to `total` rounded to the unit (Balinski & Young 2001).
 * Amounts are non-negative.
 */
export function phaseAmount(total: number, weights: readonly number[], decimals = 0): number[] {
  return largestRemainderRound(
    weights.map((w) => total * w),
    decimals,
    total,
  );
}

/**
 * Channels × months table of an allocation. Channel totals are first rounded to the unit by the largest-remainder
 * method so that they sum to the allocatable budget rounded to the unit (a channel may then differ from its exact
 * amount, and from a bound it sat on, by less than one unit); each rounded total is then phased with
 * {@link phaseAmount} using the channel's own seasonality (`channels[].seasonality`) or the plan's
 * (`phasing.seasonality`, default even). Row sums equal channel totals and Σ month totals = grand total exactly
 * (in units).
 */
export function phaseAllocation(
  allocation: Pick<AllocationResult, "allocatable" | "channels">,
  inputs: Pick<BudgetInputs, "period" | "channels" | "phasing">,
): PhasedPlan {
  const sink = new ThrowingSink();
  const decimals = inputs.phasing?.decimals ?? 0;
  checkDecimals(decimals, sink);
  checkPeriod(inputs.period, sink);
  const months = planMonths(inputs.period);
  const planProfile: SeasonalityProfile = inputs.phasing?.seasonality ?? { kind: "even" };
  checkSeasonality(planProfile, months, sink);
  const byId = new Map(inputs.channels.map((c) => [c.id, c]));
  const scale = 10 ** decimals;
  const totals = largestRemainderRound(
    allocation.channels.map((c) => c.amount),
    decimals,
    allocation.allocatable,
  );
  const monthUnits = new Array<number>(months.length).fill(0);
  const channels = allocation.channels.map((line, i) => {
    const input = byId.get(line.id);
    const profile = input?.seasonality ?? planProfile;
    if (input?.seasonality) checkSeasonality(profile, months, sink, input);
    const raw = rawMonthWeights(profile, months);
    const s = raw.reduce((p, q) => p + q, 0);
    const weights = raw.map((x) => x / s);
    const monthly = phaseAmount(totals[i], weights, decimals);
    monthly.forEach((m, k) => (monthUnits[k] += Math.round(m * scale)));
    return { id: line.id, name: line.name, total: totals[i], weights, monthly };
  });
  return {
    months,
    channels,
    monthTotals: monthUnits.map((u) => u / scale),
    grandTotal: Math.round(allocation.allocatable * scale) / scale,
    decimals,
  };
}

/**
 * The whole wizard computation: {@link allocateBudget} then {@link phaseAllocation}. Throws the first input error
 * (MktError value); `validateBudgetInputs` lists them all.
 */
export function buildBudgetPlan(inputs: BudgetInputs): { allocation: AllocationResult; plan: PhasedPlan } {
  const sink = new ThrowingSink();
  checkPeriod(inputs.period, sink);
  const allocation = allocateBudget(inputs);
  return { allocation, plan: phaseAllocation(allocation, inputs) };
}
