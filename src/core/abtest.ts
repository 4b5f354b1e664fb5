/**
 * A/B test of two conversion rates: two-proportion z-test, confidence intervals of the difference and of the
 * relative lift, and the sample size needed per variant.
 *
 * Notation: variant A (control) has c_A conversions of n_A visitors, p_A = c_A / n_A; likewise B.
 */
import { MktError } from "./errors";
import { cohortError, finiteArg } from "./cohort-messages";
import { normInv, normUpper } from "./normal";

/** A numeric result, or the error that makes this one field undefined (shown as that Excel error). */
export type NumberOrError = number | MktError;

/** Result of {@link abTest}. Fields that can be undefined for some inputs are `number | MktError`. */
export interface AbTestResult {
  rateA: number;
  rateB: number;
  /** p_B − p_A. */
  absoluteDiff: number;
  /** Wald CI of p_B − p_A with unpooled SE (see {@link abTest}). */
  absoluteDiffLow: number;
  absoluteDiffHigh: number;
  /** p_B / p_A − 1; `div0` error when p_A = 0. */
  relativeLift: NumberOrError;
  /** Delta-method (log ratio) CI of the relative lift; `div0` when p_A = 0, `num` when c_B = 0. */
  relativeLiftLow: NumberOrError;
  relativeLiftHigh: NumberOrError;
  /** Pooled two-proportion z statistic (positive when B is higher); `div0` when p_A = p_B ∈ {0, 1}. */
  z: NumberOrError;
  /** Two-sided p-value 2·(1 − Φ(|z|)); same error as z. */
  pValue: NumberOrError;
  /** pValue < 1 − confidence; same error as z. */
  significant: boolean | MktError;
  confidence: number;
  /** z_{1−(1−confidence)/2}, the critical value of the two-sided test and of both intervals. */
  zCritical: number;
}

/** Whole number ≥ 0 (within 1e-9 relative rounding, then rounded), else `#VALUE!` naming arg. */
function countArg(x: unknown, arg: string): number {
  const v = finiteArg(x, arg);
  if (v < 0) throw cohortError("value", "negative", { arg });
  const r = Math.round(v);
  if (Math.abs(v - r) > 1e-9 * Math.max(1, r)) throw cohortError("value", "notInteger", { arg });
  return r;
}

/** Number strictly between 0 and 1, else `#VALUE!` naming arg. */
function openUnitArg(x: unknown, arg: string): number {
  const v = finiteArg(x, arg);
  if (!(v > 0 && v < 1)) throw cohortError("value", "probabilityOpen", { arg });
  return v;
}

/**
 * Two-proportion A/B test.
 *
 * - Rates p_A = c_A/n_A, p_B = c_B/n_B; relative lift p_B/p_A − 1.
 * - z-test with pooled variance (two-sided): p̄ = (c_A + c_B)/(n_A + n_B),
 *   z = (p_B − p_A) / √(p̄(1 − p̄)(1/n_A + 1/n_B)), p-value = 2(1 − Φ(|z|)); z² equals Pearson's χ² of the
 *   2×2 table, so this is R's `prop.test(correct = FALSE)`. Significant when p-value < 1 − confidence.
 * - CI of the absolute difference (Wald, unpooled): (p_B − p_A) ± z_c √(p_A(1−p_A)/n_A + p_B(1−p_B)/n_B),
 *   z_c = Φ⁻¹(1 − (1 − confidence)/2). (Degenerate [d, d] when both rates are 0 or 1.)
 * - CI of the relative lift: delta method on the log of the rate ratio (Katz et al. 1978):
 *   ln(p_B/p_A) ± z_c √(1/c_A − 1/n_A + 1/c_B − 1/n_B), then exp(·) − 1. Asymmetric around the lift and
 *   never below −100%. Needs c_A > 0 and c_B > 0.
 *
 * Undefined fields do not fail the whole result: p_A = 0 → relativeLift and its CI are `div0` errors;
 * c_B = 0 (with c_A > 0) → the relative-lift CI is a `num` error (ln 0); p_A = p_B = 0 or p_A = p_B = 1 →
 * z, pValue and significant are `div0` errors (no variance).
 * References: Fleiss, Levin & Paik (2003), "Statistical Methods for Rates and Proportions", 3rd ed., Wiley
 * (two-proportion z-test, Wald interval); Katz, Baptista, Azen & Pike (1978), "Obtaining confidence intervals
 * for the risk ratio in cohort studies", Biometrics 34(3):469–474 (log-ratio interval).
 * @throws value when a count is negative, not a whole number or not a number, conversions exceed visitors,
 *   visitors are 0, or confidence is not strictly between 0 and 1.
 */
export function abTest(
  convA: number,
  visitorsA: number,
  convB: number,
  visitorsB: number,
  confidence = 0.95,
): AbTestResult {
  const cA = countArg(convA, "convA");
  const nA = countArg(visitorsA, "visitorsA");
  const cB = countArg(convB, "convB");
  const nB = countArg(visitorsB, "visitorsB");
  if (nA === 0) throw cohortError("value", "notPositive", { arg: "visitorsA" });
  if (nB === 0) throw cohortError("value", "notPositive", { arg: "visitorsB" });
  if (cA > nA) {
    throw cohortError("value", "conversionsExceedVisitors", {
      arg: "convA",
      other: "visitorsA",
      conversions: cA,
      visitors: nA,
    });
  }
  if (cB > nB) {
    throw cohortError("value", "conversionsExceedVisitors", {
      arg: "convB",
      other: "visitorsB",
      conversions: cB,
      visitors: nB,
    });
  }
  const conf = openUnitArg(confidence, "confidence");
  const zc = normInv(1 - (1 - conf) / 2);

  const pA = cA / nA;
  const pB = cB / nB;
  const diff = pB - pA;
  const seDiff = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);

  let relativeLift: NumberOrError;
  let relativeLiftLow: NumberOrError;
  let relativeLiftHigh: NumberOrError;
  if (cA === 0) {
    relativeLift = relativeLiftLow = relativeLiftHigh = cohortError("div0", "liftBaselineZero", { arg: "convA" });
  } else {
    relativeLift = pB / pA - 1;
    if (cB === 0) {
      relativeLiftLow = relativeLiftHigh = cohortError("num", "liftCiNoConversions", { arg: "convB" });
    } else {
      const logRatio = Math.log(pB / pA);
      const seLog = Math.sqrt(Math.max(0, 1 / cA - 1 / nA + 1 / cB - 1 / nB));
      relativeLiftLow = Math.expm1(logRatio - zc * seLog);
      relativeLiftHigh = Math.expm1(logRatio + zc * seLog);
    }
  }

  const pooled = (cA + cB) / (nA + nB);
  let z: NumberOrError;
  let pValue: NumberOrError;
  let significant: boolean | MktError;
  if (cA + cB === 0 || cA + cB === nA + nB) {
    z = pValue = significant = cohortError("div0", "noVariance", { rate: pooled });
  } else {
    const zz = diff / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
    const pv = Math.min(1, 2 * normUpper(Math.abs(zz)));
    z = zz;
    pValue = pv;
    significant = pv < 1 - conf;
  }

  return {
    rateA: pA,
    rateB: pB,
    absoluteDiff: diff,
    absoluteDiffLow: diff - zc * seDiff,
    absoluteDiffHigh: diff + zc * seDiff,
    relativeLift,
    relativeLiftLow,
    relativeLiftHigh,
    z,
    pValue,
    significant,
    confidence: conf,
    zCritical: zc,
  };
}

/** Inputs of a sample-size calculation after validation, and the unrounded result. */
export interface SampleSizeDetails {
  /** Baseline rate p₁ and the rate to detect p₂ = p₁(1 + lift). */
  p1: number;
  p2: number;
  /** Unrounded n per variant (Fleiss formula, = R power.prop.test). */
  exact: number;
  /** Visitors per variant, ⌈exact⌉. */
  perVariant: number;
}

/**
 * Visitors needed per variant to detect a relative lift with a two-sided two-proportion z-test
 * (equal group sizes, no continuity correction):
 *   p₁ = baseline, p₂ = p₁(1 + lift), p̄ = (p₁ + p₂)/2,
 *   n = ( z_{1−α/2} √(2 p̄(1 − p̄)) + z_{power} √(p₁(1 − p₁) + p₂(1 − p₂)) )² / (p₂ − p₁)²,
 * rounded up. This is the exact solution of power = Φ((|p₂ − p₁|√n − z_{1−α/2}√(2p̄q̄)) / √(p₁q₁ + p₂q₂)),
 * the equation R's `power.prop.test` solves by default (strict = FALSE, ignoring the opposite rejection
 * tail): p₁ = 0.10, p₂ = 0.12, α = 0.05, power = 0.8 gives 3840.847 → 3841. (Counting the opposite tail,
 * strict = TRUE, lowers n by < 0.01 here.)
 * Reference: Fleiss, Levin & Paik (2003), "Statistical Methods for Rates and Proportions", 3rd ed., Wiley,
 * ch. 4 (sample size for comparing two proportions, without the continuity correction).
 * @throws value when the baseline, alpha or power is not strictly between 0 and 1, the lift is 0, the target
 *   rate is not strictly between 0 and 1, or power ≤ alpha.
 */
export function sampleSizeDetails(
  baselineRate: number,
  minimumDetectableLift: number,
  alpha = 0.05,
  power = 0.8,
): SampleSizeDetails {
  const p1 = openUnitArg(baselineRate, "baselineRate");
  const lift = finiteArg(minimumDetectableLift, "minimumDetectableLift");
  if (lift === 0) throw cohortError("value", "liftZero", { arg: "minimumDetectableLift" });
  const a = openUnitArg(alpha, "alpha");
  const pw = openUnitArg(power, "power");
  if (pw <= a) throw cohortError("value", "powerNotAboveAlpha", { arg: "power", power: pw, alpha: a });
  const p2 = p1 * (1 + lift);
  if (!(p2 > 0 && p2 < 1))
    throw cohortError("value", "targetRateOutOfRange", { arg: "minimumDetectableLift", rate: p2 });
  const pBar = (p1 + p2) / 2;
  const zA = -normInv(a / 2);
  const zB = normInv(pw);
  const num = zA * Math.sqrt(2 * pBar * (1 - pBar)) + zB * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const exact = (num * num) / ((p2 - p1) * (p2 - p1));
  // Guard against ⌈3841.0000000000005⌉ = 3842 from rounding when the exact n is a whole number.
  const perVariant = Math.max(1, Math.ceil(exact * (1 - 4e-16) - 1e-9));
  return { p1, p2, exact, perVariant };
}

/**
 * Visitors needed per variant (rounded up), see {@link sampleSizeDetails} for formula, convention and
 * reference. `minimumDetectableLift` is relative (0.2 = detect a 20% higher rate; negative = lower rate).
 */
export function sampleSize(baselineRate: number, minimumDetectableLift: number, alpha = 0.05, power = 0.8): number {
  return sampleSizeDetails(baselineRate, minimumDetectableLift, alpha, power).perVariant;
}
