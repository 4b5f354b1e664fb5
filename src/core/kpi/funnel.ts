/**
 * Funnel consistency: from a revenue target, back-solve the orders, leads and traffic the plan needs and the
 * acquisition budget they imply, and warn where typed targets contradict them.
 *
 * Chains (all rates are fractions in (0, 1]):
 * - orders = revenue / AOV.
 * - leads = orders / leadToOrderRate, when a lead-to-order rate is given.
 * - visits (traffic) = leads / visitToLeadRate when both lead rates are given (the "leads" chain, preferred);
 *   otherwise visits = orders / conversionRate (the "direct" chain, conversion rate = orders / visits).
 *   With the direct chain and a visit-to-lead rate but no lead-to-order rate, leads = visits × visitToLeadRate.
 *   When the conversion rate and both lead rates are given, `conversionRateMismatch` warns if the conversion rate
 *   differs from visitToLeadRate × leadToOrderRate by more than the tolerance (relative).
 * - newCustomers = orders × newCustomerShare; the share defaults to 100% (every order counted as a newly acquired
 *   customer: the conservative, largest budget; give the share of orders from first-time buyers to refine it).
 * - budget = newCustomers × CAC, when a CAC is given (CAC = acquisition spend / new customers).
 *
 * A typed target (orders, leads, visits, new customers, budget) that differs from the derived one by more than
 * `tolerance` (default 5%) of the derived value gives a warning (`typedBelowDerived`: the plan falls short of the
 * revenue target; `typedAboveDerived`: it needs more than the revenue target implies), never an error.
 * Derived quantities are exact (not rounded); see {@link funnelDerivedTargets} for whole-number targets.
 */
import type { MktError } from "../errors";
import { kpiError, kpiWarning } from "./messages";
import type { KpiWarning } from "./types";

/** Targets typed by the user elsewhere in the wizard, to check against the funnel (null = not typed). */
export interface FunnelTyped {
  orders?: number | null;
  leads?: number | null;
  visits?: number | null;
  newCustomers?: number | null;
  budget?: number | null;
}

/** Input of {@link deriveFunnel}; rates and shares are fractions. */
export interface FunnelInput {
  /** Revenue target (currency), > 0. */
  revenue: number;
  /** Average order value (currency), > 0. */
  averageOrderValue: number;
  /** Orders / visits, in (0, 1]. */
  conversionRate?: number | null;
  /** Leads / visits, in (0, 1]. */
  visitToLeadRate?: number | null;
  /** Orders / leads, in (0, 1]. */
  leadToOrderRate?: number | null;
  /** Share of orders from new customers, in [0, 1]; default 1. */
  newCustomerShare?: number | null;
  /** Customer acquisition cost (currency), ≥ 0. */
  cac?: number | null;
  typed?: FunnelTyped;
  /** Relative tolerance of the consistency warnings, ≥ 0; default 0.05. */
  tolerance?: number;
}

/** Which chain gave the visits: leads, direct (conversion rate), or none (no rate to reach traffic). */
export type FunnelChain = "leads" | "direct" | "none";

/** The back-solved funnel (exact, unrounded quantities) and its consistency warnings. */
export interface FunnelResult {
  revenue: number;
  averageOrderValue: number;
  orders: number;
  /** Present when a lead rate allows it. */
  leads?: number;
  /** Present unless `chain` is "none". */
  visits?: number;
  chain: FunnelChain;
  /** orders / visits of the chain used. */
  effectiveConversionRate?: number;
  newCustomerShare: number;
  newCustomers: number;
  /** newCustomers × CAC, when a CAC is given. */
  budget?: number;
  warnings: KpiWarning[];
}

/** Default relative tolerance of the funnel warnings (5%). */
export const DEFAULT_FUNNEL_TOLERANCE = 0.05;

/** Funnel quantity → the KPI id it is a target for (leads are the sign-up stage). */
export const FUNNEL_KPI_IDS = {
  orders: "orders",
  leads: "signUps",
  visits: "visits",
  newCustomers: "newCustomers",
  budget: "budget",
} as const;

const given = (x: number | null | undefined): x is number => x !== null && x !== undefined;

function numberCheck(field: string, v: unknown, kind: "positive" | "nonNegative" | "rate" | "share"): MktError | null {
  const params = { field, kpi: field };
  if (typeof v !== "number" || !Number.isFinite(v)) return kpiError("value", "notANumber", params);
  if (kind === "nonNegative" || kind === "share") {
    if (v < 0) return kpiError("value", "negativeValue", { ...params, value: v });
  } else if (v <= 0) return kpiError("value", "notPositive", { ...params, value: v });
  if ((kind === "rate" || kind === "share") && v > 1) return kpiError("value", "rateOver100", { ...params, value: v });
  return null;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Every input error of a funnel (empty when valid), each naming its `field`: revenue and AOV > 0 (`notPositive`),
 * rates in (0, 1] (`notPositive`, `rateOver100`), new-customer share in [0, 1], CAC, typed targets ≥ 0
 * (`negativeValue`), tolerance ≥ 0.
 */
export function validateFunnel(input: FunnelInput): MktError[] {
  const out: (MktError | null)[] = [
    numberCheck("revenue", input.revenue, "positive"),
    numberCheck("averageOrderValue", input.averageOrderValue, "positive"),
  ];
  for (const f of ["conversionRate", "visitToLeadRate", "leadToOrderRate"] as const) {
    if (given(input[f])) out.push(numberCheck(f, input[f], "rate"));
  }
  if (given(input.newCustomerShare)) out.push(numberCheck("newCustomerShare", input.newCustomerShare, "share"));
  if (given(input.cac)) out.push(numberCheck("cac", input.cac, "nonNegative"));
  if (input.tolerance !== undefined) out.push(numberCheck("tolerance", input.tolerance, "nonNegative"));
  for (const [f, v] of Object.entries(input.typed ?? {})) {
    if (given(v)) out.push(numberCheck(f, v, "nonNegative"));
  }
  return out.filter((e): e is MktError => e !== null);
}

/**
 * Back-solves the funnel from the revenue target (chains and conventions in the module doc) and checks typed
 * targets against it. Throws the first input error of {@link validateFunnel}.
 */
export function deriveFunnel(input: FunnelInput): FunnelResult {
  const errors = validateFunnel(input);
  if (errors.length > 0) throw errors[0];
  const tol = input.tolerance ?? DEFAULT_FUNNEL_TOLERANCE;
  const warnings: KpiWarning[] = [];
  const { revenue, averageOrderValue } = input;
  const orders = revenue / averageOrderValue;
  let leads: number | undefined;
  let visits: number | undefined;
  let chain: FunnelChain = "none";
  const { conversionRate: cr, visitToLeadRate: v2l, leadToOrderRate: l2o } = input;
  if (given(l2o)) leads = orders / l2o;
  if (leads !== undefined && given(v2l)) {
    visits = leads / v2l;
    chain = "leads";
    if (given(cr)) {
      const chained = v2l * l2o!;
      const dev = Math.abs(cr - chained) / chained;
      if (dev > tol) {
        warnings.push(
          kpiWarning("conversionRateMismatch", {
            field: "conversionRate",
            kpi: "conversionRate",
            conversionRate: cr,
            chained: round(chained, 6),
            deviation: round(dev * 100, 1),
          }),
        );
      }
    }
  } else if (given(cr)) {
    visits = orders / cr;
    chain = "direct";
    if (leads === undefined && given(v2l)) leads = visits * v2l;
  }
  const newCustomerShare = given(input.newCustomerShare) ? input.newCustomerShare : 1;
  const newCustomers = orders * newCustomerShare;
  const result: FunnelResult = { revenue, averageOrderValue, orders, chain, newCustomerShare, newCustomers, warnings };
  if (leads !== undefined) result.leads = leads;
  if (visits !== undefined) {
    result.visits = visits;
    result.effectiveConversionRate = orders / visits;
  }
  if (given(input.cac)) result.budget = newCustomers * input.cac;

  const typed = input.typed ?? {};
  for (const field of ["visits", "leads", "orders", "newCustomers", "budget"] as const) {
    const t = typed[field];
    const d = result[field];
    if (!given(t) || d === undefined) continue;
    const diff = t - d;
    if (Math.abs(diff) <= tol * Math.abs(d)) continue;
    const deviation = d === 0 ? "∞" : round((Math.abs(diff) / Math.abs(d)) * 100, 1);
    warnings.push(
      kpiWarning(diff < 0 ? "typedBelowDerived" : "typedAboveDerived", {
        field,
        kpi: FUNNEL_KPI_IDS[field],
        typed: t,
        derived: round(d, 2),
        deviation,
      }),
    );
  }
  return result;
}

/**
 * Whole-number targets for the wizard's `{ mode: "derived" }` (KPI id → value): `orders`, `visits` and `signUps`
 * (= leads), each rounded up (you need 334 orders, not 333.3, to reach the revenue), ignoring float noise below
 * 1e−9 relative.
 */
export function funnelDerivedTargets(result: FunnelResult): Record<string, number> {
  const up = (x: number): number => Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
  const out: Record<string, number> = { [FUNNEL_KPI_IDS.orders]: up(result.orders) };
  if (result.visits !== undefined) out[FUNNEL_KPI_IDS.visits] = up(result.visits);
  if (result.leads !== undefined) out[FUNNEL_KPI_IDS.leads] = up(result.leads);
  return out;
}

/** Forward funnel inputs: traffic and rates. */
export interface FunnelForwardInput {
  visits: number;
  averageOrderValue: number;
  conversionRate?: number | null;
  visitToLeadRate?: number | null;
  leadToOrderRate?: number | null;
}

/**
 * Revenue a traffic volume yields (the inverse of {@link deriveFunnel}): visits × visitToLeadRate × leadToOrderRate
 * × AOV when both lead rates are given, else visits × conversionRate × AOV. Throws like {@link validateFunnel}, and
 * `invalidOption` (field "conversionRate") when no rate is given.
 */
export function funnelRevenue(input: FunnelForwardInput): number {
  const errors = [
    numberCheck("visits", input.visits, "nonNegative"),
    numberCheck("averageOrderValue", input.averageOrderValue, "positive"),
    ...(["conversionRate", "visitToLeadRate", "leadToOrderRate"] as const)
      .filter((f) => given(input[f]))
      .map((f) => numberCheck(f, input[f], "rate")),
  ].filter((e): e is MktError => e !== null);
  if (errors.length > 0) throw errors[0];
  const { visits, averageOrderValue, conversionRate, visitToLeadRate, leadToOrderRate } = input;
  if (given(visitToLeadRate) && given(leadToOrderRate)) {
    return visits * visitToLeadRate * leadToOrderRate * averageOrderValue;
  }
  if (given(conversionRate)) return visits * conversionRate * averageOrderValue;
  throw kpiError("value", "invalidOption", {
    field: "conversionRate",
    kpi: "conversionRate",
    expected: "a conversion rate, or visit-to-lead and lead-to-order rates",
  });
}
