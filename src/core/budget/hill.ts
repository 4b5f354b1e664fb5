/**
 * Hill-type saturating response curves: evaluation, marginal return, inflection point, and least-squares
 * fitting to a channel's history.
 *
 * response(s) = Vmax · s^α / (K^α + s^α)   (s = spend ≥ 0, Vmax > 0, K > 0, α > 0)
 *
 * Reference: A. V. Hill (1910), "The possible effects of the aggregation of the molecules of haemoglobin on its
 * dissociation curves", J. Physiol. 40; used as the media "shape" effect in Jin, Wang, Sun, Chan & Koehler
 * (2017), "Bayesian Methods for Media Mix Modeling with Carryover and Shape Effects" (Google), eq. (3), in
 * Google's Meridian and in Meta's Robyn. For α ≤ 1 the curve is concave; for α > 1 it is S-shaped, convex below
 * the inflection point K·((α−1)/(α+1))^(1/α) and concave above it.
 */
import { nelderMead } from "../optimize";
import { budgetError, channelParams } from "./messages";
import type { HillCurve, HillFit, HistoryPoint, ResponseOutcome } from "./types";

/** Lowest and highest α accepted for an entered curve. */
export const HILL_ALPHA_LIMITS: readonly [number, number] = [0.1, 10];
/** α range of a fit from three or more spend levels. */
export const HILL_FIT_ALPHA_RANGE: readonly [number, number] = [0.5, 3];
/** α used when only two spend levels are available (Michaelis–Menten, the concave special case α = 1). */
export const HILL_TWO_POINT_ALPHA = 1;

/**
 * Response of a Hill curve at spend `s`: Vmax · s^α / (K^α + s^α), computed as Vmax / (1 + exp(α (ln K − ln s)))
 * so that extreme ratios s/K neither overflow nor lose precision. 0 for s ≤ 0. Reference: Hill (1910).
 */
export function hillResponse(curve: HillCurve, s: number): number {
  if (!(s > 0)) return 0;
  return curve.vmax / (1 + Math.exp(curve.alpha * (Math.log(curve.k) - Math.log(s))));
}

/**
 * Marginal response d response / d s = Vmax · α · K^α · s^(α−1) / (K^α + s^α)², computed with
 * t = exp(−|α (ln K − ln s)|) as Vmax · α · t / ((1 + t)² s) (the expression is symmetric in q and 1/q with
 * q = (K/s)^α). At s = 0 it is +∞ for α < 1, Vmax/K for α = 1 and 0 for α > 1.
 */
export function hillMarginal(curve: HillCurve, s: number): number {
  if (!(s > 0)) return curve.alpha < 1 ? Infinity : curve.alpha === 1 ? curve.vmax / curve.k : 0;
  const t = Math.exp(-Math.abs(curve.alpha * (Math.log(curve.k) - Math.log(s))));
  return (curve.vmax * curve.alpha * t) / ((1 + t) * (1 + t) * s);
}

/**
 * Inflection point of an S-shaped Hill curve, K · ((α − 1)/(α + 1))^(1/α) for α > 1 (where the marginal return
 * is largest); 0 for α ≤ 1 (concave everywhere).
 */
export function hillInflection(curve: HillCurve): number {
  return curve.alpha > 1 ? curve.k * Math.pow((curve.alpha - 1) / (curve.alpha + 1), 1 / curve.alpha) : 0;
}

/** True when an entered curve is usable: finite Vmax > 0, K > 0 and α within {@link HILL_ALPHA_LIMITS}. */
export function isValidHillCurve(curve: HillCurve | undefined): curve is HillCurve {
  return (
    curve !== undefined &&
    Number.isFinite(curve.vmax) &&
    curve.vmax > 0 &&
    Number.isFinite(curve.k) &&
    curve.k > 0 &&
    Number.isFinite(curve.alpha) &&
    curve.alpha >= HILL_ALPHA_LIMITS[0] &&
    curve.alpha <= HILL_ALPHA_LIMITS[1]
  );
}

/** A (spend, outcome) observation. */
export interface CurvePoint {
  spend: number;
  outcome: number;
}

/**
 * The (spend, outcome) pairs of a channel's history for one outcome: points where both the spend and that
 * outcome are present (a point without the outcome is skipped). Values are not checked here (see
 * `validateBudgetInputs`: spends and outcomes must be finite and ≥ 0).
 */
export function historyCurvePoints(
  history: readonly HistoryPoint[] | undefined,
  outcome: ResponseOutcome,
): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (const h of history ?? []) {
    const y = outcome === "revenue" ? h.revenue : h.conversions;
    if (y === undefined || y === null) continue;
    out.push({ spend: h.spend, outcome: y });
  }
  return out;
}

/** Why a history cannot fit a curve (the `reason` param of "historyCannotFitCurve"). */
export type CurveFitFailure = "tooFewPoints" | "sameSpend" | "notIncreasing" | "invalidValues";

/** Options of {@link fitHill}. */
export interface FitHillOptions {
  /** Hold α fixed at this value (default: 1 with two spend levels, fitted in [0.5, 3] with three or more). */
  alpha?: number;
  /** The channel, for error params. */
  channel?: { id: string; name: string };
  /** The outcome's name, for error params (default "outcome"). */
  outcome?: string;
}

const GRID_ALPHA = 26;
const GRID_K = 81;
/** K is searched in [1e-3 × smallest positive spend, 10 × largest spend]. */
const K_LOW_FACTOR = 1e-3;
const K_HIGH_FACTOR = 10;

/**
 * Least-squares fit of a Hill curve to (spend, outcome) points, or the reason it cannot be fitted.
 *
 * Convention: the fit needs at least two distinct positive spend levels and an outcome that rises with spend
 * (positive covariance of spend and outcome); points at spend 0 take part in the least squares (a Hill curve
 * passes through the origin). With exactly two spend levels α is fixed at 1 (two levels cannot identify three
 * parameters; α = 1 is the concave Michaelis–Menten case, and the fit then interpolates the two points when a
 * saturating curve through them exists); with three or more, α is fitted within [0.5, 3].
 *
 * Method (a stable parameterization): spends are scaled by the largest spend and outcomes by the largest
 * outcome; for fixed (α, ln K) the model is linear in Vmax, so Vmax has the closed form Σ y h / Σ h² with
 * h = 1/(1 + exp(α(ln K − ln s))) (variable projection; Golub & Pereyra 1973, SIAM J. Numer. Anal. 10(2)).
 * The remaining two-dimensional problem over α ∈ [0.5, 3] and ln K ∈ [ln(1e-3 · smallest spend), ln(10 · largest
 * spend)] is solved by a grid search (26 × 81) followed by bounded Nelder–Mead refinement (restarted once). K at its upper limit
 * means the history shows no diminishing returns (warning "noSaturationInHistory").
 */
export function fitHillOrReason(points: readonly CurvePoint[], opts: FitHillOptions = {}): HillFit | CurveFitFailure {
  for (const p of points) {
    if (!(Number.isFinite(p.spend) && p.spend >= 0 && Number.isFinite(p.outcome) && p.outcome >= 0)) {
      return "invalidValues";
    }
  }
  const n = points.length;
  const positive = points.filter((p) => p.spend > 0);
  if (positive.length < 2) return "tooFewPoints";
  const levels = new Set(positive.map((p) => p.spend)).size;
  if (levels < 2) return "sameSpend";
  let ms = 0;
  let my = 0;
  for (const p of points) {
    ms += p.spend / n;
    my += p.outcome / n;
  }
  let cov = 0;
  for (const p of points) cov += (p.spend - ms) * (p.outcome - my);
  if (!(cov > 0)) return "notIncreasing";

  const sMax = Math.max(...points.map((p) => p.spend));
  const yMax = Math.max(...points.map((p) => p.outcome));
  const lx = new Float64Array(n); // ln(s / sMax), −∞ for s = 0
  const z = new Float64Array(n); // y / yMax
  let zz = 0;
  let zMean = 0;
  for (let i = 0; i < n; i++) {
    lx[i] = points[i].spend > 0 ? Math.log(points[i].spend / sMax) : -Infinity;
    z[i] = points[i].outcome / yMax;
    zz += z[i] * z[i];
    zMean += z[i] / n;
  }
  const sMinPos = Math.min(...positive.map((p) => p.spend));
  const kLo = Math.log((K_LOW_FACTOR * sMinPos) / sMax);
  const kHi = Math.log(K_HIGH_FACTOR);
  const fixedAlpha = opts.alpha ?? (levels === 2 ? HILL_TWO_POINT_ALPHA : undefined);
  const [aLo, aHi] = fixedAlpha !== undefined ? [fixedAlpha, fixedAlpha] : HILL_FIT_ALPHA_RANGE;

  /** SSE(α, κ) minimized over Vmax, in scaled units; also returns the optimal scaled Vmax. */
  const sse = (alpha: number, kappa: number): { f: number; v: number } => {
    let zh = 0;
    let hh = 0;
    for (let i = 0; i < n; i++) {
      if (lx[i] === -Infinity) continue;
      const h = 1 / (1 + Math.exp(alpha * (kappa - lx[i])));
      zh += z[i] * h;
      hh += h * h;
    }
    if (!(hh > 0)) return { f: zz, v: 0 };
    return { f: Math.max(0, zz - (zh * zh) / hh), v: zh / hh };
  };

  let best = { alpha: aLo, kappa: kHi, f: Infinity };
  const na = fixedAlpha !== undefined ? 1 : GRID_ALPHA;
  for (let i = 0; i < na; i++) {
    const alpha = na === 1 ? aLo : aLo + ((aHi - aLo) * i) / (na - 1);
    for (let j = 0; j < GRID_K; j++) {
      const kappa = kLo + ((kHi - kLo) * j) / (GRID_K - 1);
      const f = sse(alpha, kappa).f;
      if (f < best.f) best = { alpha, kappa, f };
    }
  }
  // Bounded refinement: Nelder–Mead on the clamped parameters plus a quadratic penalty outside the box.
  const clampA = (a: number): number => Math.min(aHi, Math.max(aLo, a));
  const clampK = (k: number): number => Math.min(kHi, Math.max(kLo, k));
  const objective = (x: Float64Array): number => {
    const a = fixedAlpha !== undefined ? aLo : clampA(x[1]);
    const k = clampK(x[0]);
    const pen = (x[0] - k) ** 2 + (fixedAlpha !== undefined ? 0 : (x[1] - a) ** 2);
    return sse(a, k).f + pen;
  };
  const start = fixedAlpha !== undefined ? [best.kappa] : [best.kappa, best.alpha];
  const stepK = (kHi - kLo) / (GRID_K - 1);
  let nm = nelderMead(objective, start, { step: stepK, fTol: 1e-15, xTol: 1e-10, maxEvaluations: 4000 });
  nm = nelderMead(objective, nm.x, { step: stepK / 10, fTol: 1e-16, xTol: 1e-12, maxEvaluations: 4000 });
  let kappa = clampK(nm.x[0]);
  let alpha = fixedAlpha !== undefined ? aLo : clampA(nm.x[1]);
  if (!(sse(alpha, kappa).f <= best.f)) {
    kappa = best.kappa;
    alpha = best.alpha;
  }
  const { f, v } = sse(alpha, kappa);
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (z[i] - zMean) ** 2;
  const warnings: string[] = [];
  if (kappa >= kHi - 1e-6) warnings.push("noSaturationInHistory");
  if (fixedAlpha === undefined && (alpha <= aLo + 1e-6 || alpha >= aHi - 1e-6)) warnings.push("alphaAtBound");
  return {
    curve: { vmax: v * yMax, k: Math.exp(kappa) * sMax, alpha },
    points: n,
    spendLevels: levels,
    alphaFixed: fixedAlpha !== undefined,
    rmse: Math.sqrt(f / n) * yMax,
    r2: sst > 0 ? 1 - f / sst : 1,
    warnings,
  };
}

/**
 * Fits a Hill curve to (spend, outcome) points by least squares (see {@link fitHillOrReason} for the method
 * and conventions). Throws MktError value "historyCannotFitCurve" with params { channel, reason, outcome }
 * when fewer than two positive spend levels exist, all spends are equal, or the outcome does not rise with
 * spend. Reference: Hill (1910); Jin et al. (2017), Google.
 */
export function fitHill(points: readonly CurvePoint[], opts: FitHillOptions = {}): HillFit {
  const r = fitHillOrReason(points, opts);
  if (typeof r === "string") {
    throw budgetError("historyCannotFitCurve", {
      field: "history",
      ...(opts.channel ? channelParams(opts.channel) : { channel: "the channel" }),
      outcome: opts.outcome ?? "outcome",
      reason: r,
    });
  }
  return r;
}
