/**
 * Customer lifetime value (LTV) from ARPU, margin, retention and a discount rate.
 *
 * Convention used by {@link ltv} and {@link ltvFromSurvival} — "the first period is paid": a newly acquired
 * customer pays in period t = 0 (undiscounted), survives to period t with probability S_t (S_0 = 1), and a
 * payment in period t is discounted by (1 + d)^t:
 *
 *     LTV = Σ_{t=0}^{N−1} m · S_t / (1 + d)^t,   m = arpu × margin.
 *
 * With constant retention r, S_t = r^t, the sum is geometric in q = r / (1 + d):
 *     finite N:  LTV = m · (1 − q^N) / (1 − q)   (= m · N when q = 1),
 *     N = ∞:     LTV = m / (1 − q) = m (1 + d) / (1 + d − r)   (requires q < 1; with d = 0 it is m / (1 − r)).
 * This equals Excel's `NPV(d, cashflows) × (1 + d)` (NPV discounts its first value by one period).
 *
 * The alternative textbook convention (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing
 * 17(1); Gupta & Lehmann 2005, "Managing Customers as Investments") counts only the payments *after* the
 * acquisition period, each one after another period of retention: LTV = m · r / (1 + d − r) — exported as
 * {@link ltvGuptaLehmann}. The two differ by exactly the first payment: ltv(∞) = m + ltvGuptaLehmann.
 * Reference for the general survival form: Berger & Nasr (1998), "Customer lifetime value: marketing models
 * and applications", J. Interactive Marketing 12(1), case 1.
 */
import { finite, finiteResult, fraction, mktError, nonNegative } from "./value-messages";

function discountRateArg(d: number): number {
  const v = finite(d, "discountRate");
  if (v <= -1) throw mktError("value", "discountRateOutOfRange", { arg: "discountRate" });
  return v;
}

function horizonArg(h: number): number {
  const v = nonNegative(h, "horizon");
  if (!Number.isInteger(v)) throw mktError("value", "notInteger", { arg: "horizon" });
  return v;
}

/** Σ_{t=0}^{N−1} q^t for q ≥ 0, accurate near q = 1. `oneMinusQ` is 1 − q computed without cancellation. */
function geometricSum(q: number, oneMinusQ: number, n: number): number {
  if (n === 0) return 0;
  if (oneMinusQ === 0) return n;
  if (q === 0) return 1;
  return -Math.expm1(n * Math.log(q)) / oneMinusQ;
}

/**
 * LTV with constant per-period retention, "first period is paid" convention (see module doc):
 * `Σ_{t=0}^{N−1} m r^t / (1+d)^t = m (1 − q^N)/(1 − q)`, q = r/(1+d), m = arpu × margin; with no horizon
 * `m / (1 − q)`.
 * @param arpu revenue per customer per period (≥ 0)
 * @param retention probability a customer active in one period is active in the next, in [0, 1]
 * @param discountRate discount rate per period, > −1 (default 0)
 * @param horizon number of periods N (whole number ≥ 0); omit for an unlimited horizon
 * @param margin contribution margin in [0, 1] (default 1)
 * @throws value for invalid inputs, and for retention = 1 (or q ≥ 1) without a horizon.
 */
export function ltv(arpu: number, retention: number, discountRate = 0, horizon?: number, margin = 1): number {
  const a = nonNegative(arpu, "arpu");
  const r = fraction(retention, "retention", "probabilityOutOfRange");
  const d = discountRateArg(discountRate);
  const mg = fraction(margin, "margin", "marginOutOfRange");
  const m = a * mg;
  const q = r / (1 + d);
  const oneMinusQ = (1 + d - r) / (1 + d);
  if (horizon === undefined) {
    if (r === 1) throw mktError("value", "retentionOneNeedsHorizon", { arg: "retention" });
    if (!(oneMinusQ > 0)) throw mktError("value", "infiniteSumDiverges", { arg: "retention" });
    return finiteResult(m / oneMinusQ, "ltv");
  }
  const n = horizonArg(horizon);
  return finiteResult(m * geometricSum(q, oneMinusQ, n), "ltv");
}

/**
 * LTV in the Gupta & Lehmann (2003, 2005) convention: payments start after one period of retention,
 * `m · r / (1 + d − r)` with m = arpu × margin (unlimited horizon). Equals `ltv(arpu, r, d) − m`.
 * Reference: Gupta & Lehmann (2003), J. Interactive Marketing 17(1), eq. 3 ("margin multiple" r/(1+d−r)).
 * @throws value for invalid inputs, retention = 1 (same rule as {@link ltv} without a horizon) or 1 + d − r ≤ 0.
 */
export function ltvGuptaLehmann(arpu: number, retention: number, discountRate = 0, margin = 1): number {
  const a = nonNegative(arpu, "arpu");
  const r = fraction(retention, "retention", "probabilityOutOfRange");
  const d = discountRateArg(discountRate);
  const mg = fraction(margin, "margin", "marginOutOfRange");
  const den = 1 + d - r;
  if (r === 1) throw mktError("value", "retentionOneNeedsHorizon", { arg: "retention" });
  if (!(den > 0)) throw mktError("value", "infiniteSumDiverges", { arg: "retention" });
  return finiteResult((a * mg * r) / den, "ltvGuptaLehmann");
}

/**
 * Normalizes a survival curve to S_0, S_1, … with S_0 = 1.
 *
 * Accepted forms: a curve that starts at 1 is read as S_0 = 1, S_1, S_2, …; a curve whose first value is
 * below 1 is read as S_1, S_2, … (the later periods) and S_0 = 1 is prepended. (A curve of later periods
 * whose S_1 is exactly 1 is therefore read as starting at t = 0 — give the leading 1 explicitly.)
 * @throws value if empty, a value is outside [0, 1] or not finite, or the curve increases.
 */
export function normalizeSurvival(survival: readonly number[], arg = "survival"): Float64Array {
  if (!Array.isArray(survival) || survival.length === 0) throw mktError("value", "survivalEmpty", { arg });
  const prepend = fraction(survival[0], arg, "probabilityOutOfRange") !== 1;
  const out = new Float64Array(survival.length + (prepend ? 1 : 0));
  let k = 0;
  if (prepend) out[k++] = 1;
  for (let i = 0; i < survival.length; i++) {
    const s = fraction(survival[i], arg, "probabilityOutOfRange");
    if (k > 0 && s > out[k - 1]) throw mktError("value", "survivalNotDecreasing", { arg, index: i + 1 });
    out[k++] = s;
  }
  return out;
}

/**
 * LTV from a survival (retention) curve, "first period is paid" convention:
 * `LTV = Σ_{t=0}^{N−1} m · S_t / (1 + d)^t`, m = arpu × margin, S_0 = 1 (see {@link normalizeSurvival} for
 * how a curve with or without the leading 1 is read).
 *
 * Horizon: omitted → N = curve length (including S_0). Shorter than the curve → the curve is cut at N.
 * Longer → the curve is extrapolated with its last period's retention ratio ρ = S_{L−1} / S_{L−2}
 * (ρ = 0 if S_{L−2} = 0): S_{L−1+k} = S_{L−1} ρ^k, summed in closed form.
 * Reference: Berger & Nasr (1998), J. Interactive Marketing 12(1); Fader & Hardie (2010), "Customer-base
 * valuation in a contractual setting", Marketing Science 29(1) (survival-curve form of CLV).
 * @throws value for invalid inputs; horizon beyond a one-value curve (nothing to extrapolate).
 */
export function ltvFromSurvival(
  arpu: number,
  survival: readonly number[],
  discountRate = 0,
  horizon?: number,
  margin = 1,
): number {
  const a = nonNegative(arpu, "arpu");
  const s = normalizeSurvival(survival);
  const d = discountRateArg(discountRate);
  const mg = fraction(margin, "margin", "marginOutOfRange");
  const m = a * mg;
  const len = s.length;
  const n = horizon === undefined ? len : horizonArg(horizon);
  const v = 1 / (1 + d);
  let sum = 0;
  let disc = 1;
  const upto = Math.min(n, len);
  for (let t = 0; t < upto; t++) {
    sum += s[t] * disc;
    disc *= v;
  }
  if (n > len) {
    if (len < 2) throw mktError("value", "survivalTooShortToExtrapolate", { arg: "survival" });
    const prev = s[len - 2];
    const rho = prev === 0 ? 0 : s[len - 1] / prev;
    const g = rho * v;
    const k = n - len;
    // Σ_{j=1}^{k} g^j = g · Σ_{j=0}^{k−1} g^j ; last discount factor used was v^(len−1).
    const oneMinusG = (1 + d - rho) / (1 + d);
    sum += s[len - 1] * Math.pow(v, len - 1) * g * geometricSum(g, oneMinusG, k);
  }
  return finiteResult(m * sum, "ltvFromSurvival");
}
