/**
 * Probabilistic customer lifetime value: RFM summary → BG/NBD (purchase count) + Gamma-Gamma (spend) →
 * per-customer P(alive), expected purchases, expected spend and discounted CLV.
 *
 * Time units: recency, T, the horizon and the discount rate all use the one model time unit chosen for the
 * RFM summary (days, weeks, months = 365.25/12 days, years = 365.25 days). `discountRate` is the rate *per
 * time unit* (weekly model → weekly rate; use `perUnitRate(annual, unit)` from dates.ts to convert an annual
 * rate). This avoids the lifetimes trap: its `customer_lifetime_value(time = 12 months, discount_rate
 * monthly, freq = "D")` assumes by default that the model was fitted in days (30 per month), so a model fitted
 * in weeks and asked for "12 months" is silently evaluated over 360 weeks.
 *
 * Discounted CLV (lifetimes-style discrete approximation with explicit units):
 *   CLV = margin · E[Z | x, m̄] · Σ_{i=1}^{S} (E[Y(t_i)] − E[Y(t_{i−1})]) / (1 + d)^{t_i},
 *   t_i = min(i, H), t_0 = 0, S = ⌈H⌉ (steps of one time unit; a fractional last step ends at H),
 * where E[Y(t)] = E[Y(t) | x, t_x, T] is the BG/NBD conditional expectation (Fader, Hardie & Lee 2005a,
 * eq. 10) and E[Z | x, m̄] the Gamma-Gamma conditional mean spend (Fader, Hardie & Lee 2005b). CLV ≥ 0.
 * Reference: Fader, Hardie & Lee (2005b), "RFM and CLV: Using Iso-value Curves for Customer Base Analysis",
 * J. Marketing Research 42(4) (CLV = expected transactions × expected spend, discounted); Davidson-Pilon,
 * lifetimes `utils._customer_lifetime_value` (the discrete discounting scheme).
 */
import {
  bgnbdAliveExpectedPurchasesGrid,
  bgnbdProbabilityAliveMany,
  fitBgNbd,
  type BgNbdFit,
  type BgNbdParams,
} from "./bgnbd";
import type { TimeUnit } from "./dates";
import { fitGammaGamma, gammaGammaConditionalSpendMany, type GammaGammaFit, type GammaGammaParams } from "./gammagamma";
import { rfmSummary, type CustomerId } from "./rfm";
import { finite, fraction, mktError } from "./value-messages";

export interface ClvValuationOptions {
  /** Horizon in model time units (> 0). */
  horizon: number;
  /** Discount rate per model time unit, > −1 (default 0). */
  discountRate?: number;
  /** Contribution margin applied to spend, in [0, 1] (default 1 = CLV in revenue). */
  margin?: number;
}

export interface ClvOptions extends ClvValuationOptions {
  /** Calibration end (Excel serial day, inclusive). */
  asOf: number;
  /** Model time unit for recency, T, horizon and discount rate. */
  timeUnit: TimeUnit;
  /** L2 penalty on log-parameters for both fits (default 0). */
  penalizer?: number;
}

/** Per-customer outputs of {@link clvFromSummary}. */
export interface ClvValues {
  pAlive: Float64Array;
  /** E[Y(H) | x, t_x, T]: expected purchases in the next H time units. */
  expectedPurchases: Float64Array;
  /** E[Z | x, m̄]: expected spend per future purchase (population mean for x = 0). */
  expectedSpend: Float64Array;
  /** Discounted CLV over the horizon (margin applied). */
  clv: Float64Array;
}

export interface ClvCustomers extends ClvValues {
  ids: CustomerId[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

export interface ClvResult {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  timeUnit: TimeUnit;
  horizon: number;
  discountRate: number;
  margin: number;
  customers: ClvCustomers;
}

interface Valuation {
  horizon: number;
  discountRate: number;
  margin: number;
}

function valuationArgs(o: ClvValuationOptions): Valuation {
  const horizon = finite(o.horizon, "horizon");
  if (!(horizon > 0)) throw mktError("value", "notPositive", { arg: "horizon" });
  const discountRate = o.discountRate === undefined ? 0 : finite(o.discountRate, "discountRate");
  if (discountRate <= -1) throw mktError("value", "discountRateOutOfRange", { arg: "discountRate" });
  const margin = o.margin === undefined ? 1 : fraction(o.margin, "margin", "marginOutOfRange");
  return { horizon, discountRate, margin };
}

/** Step ends t_i = min(i, H), i = 1..⌈H⌉, and their discount factors (1 + d)^(−t_i). */
function steps(v: Valuation): { times: Float64Array; disc: Float64Array } {
  const count = Math.max(1, Math.ceil(v.horizon - 1e-12));
  const times = new Float64Array(count);
  const disc = new Float64Array(count);
  const logV = -Math.log1p(v.discountRate);
  for (let i = 0; i < count; i++) {
    times[i] = Math.min(i + 1, v.horizon);
    disc[i] = Math.exp(logV * times[i]);
  }
  return { times, disc };
}

/**
 * Per-customer P(alive), expected purchases over the horizon, expected spend and discounted CLV from an RFM
 * summary and fitted (or given) BG/NBD and Gamma-Gamma parameters (formula in the module doc). The
 * expected-purchase path G(t | x, T) of a customer alive at T is computed once per distinct (x, T) and
 * scaled by each customer's P(alive).
 * @throws value for invalid summary columns or options; num qNotAboveOne if the Gamma-Gamma q ≤ 1.
 */
export function clvFromSummary(
  summary: {
    frequency: ArrayLike<number>;
    recency: ArrayLike<number>;
    T: ArrayLike<number>;
    monetary: ArrayLike<number>;
  },
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  options: ClvValuationOptions,
): ClvValues {
  const v = valuationArgs(options);
  const { frequency, recency, T, monetary } = summary;
  const pAlive = bgnbdProbabilityAliveMany(bgnbd, frequency, recency, T); // validates the summary
  const expectedSpend = gammaGammaConditionalSpendMany(gammaGamma, frequency, monetary);
  const n = frequency.length;
  // Group customers by x, then by T.
  const byX = new Map<number, { ages: number[]; ids: number[]; index: Map<number, number> }>();
  const group = new Int32Array(n);
  let nGroups = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    let gx = byX.get(x);
    if (gx === undefined) {
      gx = { ages: [], ids: [], index: new Map() };
      byX.set(x, gx);
    }
    let k = gx.index.get(T[i]);
    if (k === undefined) {
      k = gx.ages.length;
      gx.index.set(T[i], k);
      gx.ages.push(T[i]);
      gx.ids.push(nGroups++);
    }
    group[i] = gx.ids[k];
  }
  const { times, disc } = steps(v);
  const nt = times.length;
  const gK = new Float64Array(nGroups);
  const gH = new Float64Array(nGroups);
  for (const [x, gx] of byX) {
    const grid = bgnbdAliveExpectedPurchasesGrid(bgnbd, x, gx.ages, times);
    for (let k = 0; k < gx.ages.length; k++) {
      let prev = 0;
      let sum = 0;
      for (let j = 0; j < nt; j++) {
        const g = grid[k * nt + j];
        sum += (g - prev) * disc[j];
        prev = g;
      }
      gK[gx.ids[k]] = Math.max(0, sum);
      gH[gx.ids[k]] = Math.max(0, prev);
    }
  }
  const expectedPurchases = new Float64Array(n);
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    expectedPurchases[i] = pAlive[i] * gH[group[i]];
    clv[i] = Math.max(0, v.margin * expectedSpend[i] * pAlive[i] * gK[group[i]]);
  }
  return { pAlive, expectedPurchases, expectedSpend, clv };
}

/**
 * Full pipeline from a transaction log (parallel arrays of customer ids, Excel serial dates, amounts):
 * RFM summary (rfm.ts) → BG/NBD fit (bgnbd.ts) → Gamma-Gamma fit on repeat customers (gammagamma.ts) →
 * {@link clvFromSummary}. Horizon and discount rate are per model time unit (see module doc).
 * @throws value for invalid inputs (see rfmSummary; a repeat customer whose repeat purchases sum to ≤ 0);
 *   num notIdentifiable / noConvergence / qNotAboveOne from the model fits.
 */
export function fitClv(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: ClvOptions,
): ClvResult {
  const v = valuationArgs(options);
  const s = rfmSummary(customerIds, dates, amounts, { asOf: options.asOf, timeUnit: options.timeUnit });
  for (let i = 0; i < s.ids.length; i++) {
    if (s.frequency[i] > 0 && !(s.monetary[i] > 0)) {
      throw mktError("value", "customerMonetaryNotPositive", { id: s.ids[i] });
    }
  }
  const penalizer = options.penalizer;
  const bgnbd = fitBgNbd(s.frequency, s.recency, s.T, { penalizer });
  const gammaGamma = fitGammaGamma(s.frequency, s.monetary, { penalizer });
  const values = clvFromSummary(s, bgnbd, gammaGamma, v);
  return {
    bgnbd,
    gammaGamma,
    timeUnit: options.timeUnit,
    horizon: v.horizon,
    discountRate: v.discountRate,
    margin: v.margin,
    customers: {
      ids: s.ids,
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
      monetary: s.monetary,
      ...values,
    },
  };
}
