/**
 * Budget allocation that maximizes the total response of Hill curves:
 *
 *   maximize Σ_i r_i(s_i)  subject to  Σ_i s_i = B,  min_i ≤ s_i ≤ max_i,
 *   r_i(s) = Vmax_i · s^α_i / (K_i^α_i + s^α_i).
 *
 * For α ≤ 1 every r_i is concave and the optimum is the equal-marginal-return point r_i'(s_i) = λ for the channels
 * strictly inside their bounds (Karush–Kuhn–Tucker conditions). For α > 1 the curves are S-shaped and the problem
 * is not concave; we solve it globally by spatial branch-and-bound over concave envelopes (Falk & Soland 1969,
 * "An algorithm for separable nonconvex programming problems", Management Science 15(9); for sigmoid returns see
 * Srivastava & Bullo 2014, "Knapsack problems with sigmoid utilities", EJOR 236(2)):
 *
 * 1. On a box [a_i, b_i] the concave envelope of an S-shaped r_i is the tangent line from (a_i, r_i(a_i)) to the
 *    curve, followed by the curve. Maximizing Σ envelope_i is concave: each channel's best response to the
 *    multiplier λ of the budget constraint is argmax env_i(s) − λ s (the root of r_i'(s) = λ on the concave part,
 *    or a bound), and λ is found by safeguarded Newton steps on ln λ; the total jumps only at the known slopes of
 *    the linear parts, which are tested directly, and a budget falling inside a jump is met on that channel's
 *    linear part. The envelope value is an upper bound, and the same point evaluated on the true curves is a
 *    feasible allocation (a lower bound).
 * 2. The channel whose envelope overestimates most is branched: its box is split at its inflection point (then
 *    at the relaxed point), best-first, until the gap is below the tolerance (relative 1e-9) or the node limit.
 * 3. A greedy allocation in increments of 1/2000 of the budget (to the channel with the largest gain per
 *    increment) seeds the incumbent, and the final point is polished by re-solving the equal-marginal-return
 *    conditions with every funded channel on the concave part of its curve (kept only if not worse).
 *
 * The result carries its certificate: an upper bound on the optimum (valid up to floating-point tolerance, about
 * 1e-12 relative) and the relative gap.
 */
import { hillInflection, hillMarginal, hillResponse } from "./hill";
import { budgetError, shown } from "./messages";
import type { HillCurve, OptimizeOptions } from "./types";

/** Result of {@link optimizeAllocation}. */
export interface OptimizedAllocation {
  /** Spend per channel; Σ amounts = budget (to 1e-12 relative). */
  amounts: number[];
  /** r_i(amount_i). */
  responses: number[];
  /** r_i'(amount_i). */
  marginals: number[];
  totalResponse: number;
  /** Upper bound on max Σ r_i (up to floating-point tolerance, ~1e-12 relative). */
  upperBound: number;
  /** (upperBound − totalResponse) / upperBound (0 when both are 0). */
  gap: number;
  /** Common marginal return of the channels strictly inside their bounds (NaN if there is none). */
  lambda: number;
  nodes: number;
  /** True when the gap met the tolerance within the node limit. */
  converged: boolean;
}

/** A curve in scaled units (spend / B, response / Σ Vmax), with its logarithms cached. */
interface Scaled {
  v: number;
  k: number;
  alpha: number;
  lnK: number;
  /** ln(Vmax · α). */
  lnVA: number;
  /** Inflection point (0 for α ≤ 1). */
  xinf: number;
  /** r'(0). */
  d0: number;
}

function scaledCurve(v: number, k: number, alpha: number): Scaled {
  const c = { vmax: v, k, alpha };
  return {
    v,
    k,
    alpha,
    lnK: Math.log(k),
    lnVA: Math.log(v * alpha),
    xinf: hillInflection(c),
    d0: hillMarginal(c, 0),
  };
}

/** r(x) = v / (1 + (k/x)^α), two transcendental calls. */
function val(c: Scaled, x: number): number {
  if (!(x > 0)) return 0;
  const l = c.alpha * (c.lnK - Math.log(x));
  if (l > 0) {
    const t = Math.exp(-l);
    return (c.v * t) / (1 + t);
  }
  return c.v / (1 + Math.exp(l));
}

/** r'(x) = v α t / ((1 + t)² x), t = exp(−|α (ln k − ln x)|). */
function der(c: Scaled, x: number): number {
  if (!(x > 0)) return c.d0;
  const t = Math.exp(-Math.abs(c.alpha * (c.lnK - Math.log(x))));
  return (c.v * c.alpha * t) / ((1 + t) * (1 + t) * x);
}

interface Envelope {
  /** Start of the part where the envelope equals the curve (a for concave boxes). */
  t: number;
  /** Slope of the linear part [a, t] (NaN when t = a). */
  m: number;
  /** r(a). */
  ra: number;
}

const MAX_EVALS = 200;
const LN64 = Math.log(64);
const ROOT_ITER = 100;

/** Concave envelope of r on [a, b]: tangent from (a, r(a)) to the curve, then the curve. */
function envelopeOf(c: Scaled, a: number, b: number): Envelope {
  const ra = val(c, a);
  if (!(b > a) || c.alpha <= 1 || a >= c.xinf) return { t: a, m: NaN, ra };
  // φ(t) = r'(t)(t − a) − (r(t) − r(a)): > 0 on the convex part, decreasing beyond the inflection point.
  const phi = (t: number): number => der(c, t) * (t - a) - (val(c, t) - ra);
  if (phi(b) >= 0) return { t: b, m: (val(c, b) - ra) / (b - a), ra };
  let lo = Math.max(a, c.xinf);
  let hi = b;
  for (let i = 0; i < ROOT_ITER && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (phi(mid) > 0) lo = mid;
    else hi = mid;
  }
  const t = 0.5 * (lo + hi);
  return { t, m: (val(c, t) - ra) / (t - a), ra };
}

function envValue(c: Scaled, env: Envelope, a: number, x: number): number {
  return env.t > a && x < env.t ? env.ra + env.m * (x - a) : val(c, x);
}

/** d ln r' / d ln x at the last root found by {@link rootLog} (scratch output, avoids allocation). */
let lastSlope = 0;

/**
 * u = ln s with r'(s) = λ on [e^uLo, e^uHi], r' decreasing there (callers ensure r'(lo) > λ > r'(hi)).
 * Safeguarded Newton on ln r'(e^u) − ln λ, where with ℓ = α(ln K − u) and t = e^−|ℓ|:
 * ln r' = ln(Vmax α) − u − |ℓ| − 2 ln(1 + t) and d ln r'/du = −1 + α tanh(ℓ/2) = −1 ± α (1 − t)/(1 + t).
 * Starts at `guess` (the previous root) when inside the bracket, else at the large-spend asymptote
 * ln s ≈ (ln(Vmax α K^α) − ln λ)/(α + 1); bisects whenever a step leaves the bracket.
 */
function rootLog(c: Scaled, lnLambda: number, uLo: number, uHi: number, guess: number): number {
  const g = (u: number): number => {
    const l = c.alpha * (c.lnK - u);
    const al = Math.abs(l);
    const t = Math.exp(-al);
    lastSlope = -1 + (l >= 0 ? c.alpha : -c.alpha) * ((1 - t) / (1 + t));
    return c.lnVA - u - al - 2 * Math.log1p(t) - lnLambda;
  };
  if (uLo === -Infinity) {
    uLo = uHi - 40;
    while (g(uLo) <= 0 && uLo > uHi - 700) uLo -= 40;
  }
  let u = guess > uLo && guess < uHi ? guess : (c.lnVA + c.alpha * c.lnK - lnLambda) / (c.alpha + 1);
  if (!(u > uLo && u < uHi)) u = 0.5 * (uLo + uHi);
  for (let i = 0; i < ROOT_ITER; i++) {
    const f = g(u);
    if (f === 0) break;
    if (f > 0) uLo = u;
    else uHi = u;
    const step = lastSlope < 0 ? -f / lastSlope : NaN;
    if (Math.abs(step) <= 1e-14 * Math.max(1, Math.abs(u))) break;
    let next = u + step;
    if (!(next > uLo && next < uHi)) next = 0.5 * (uLo + uHi);
    u = next;
    if (uHi - uLo <= 1e-14 * Math.max(1, Math.abs(u))) break;
  }
  return u;
}

interface Relaxation {
  x: Float64Array;
  /** Σ envelope (upper bound on the box). */
  upper: number;
  /** Σ true response at x. */
  lower: number;
  lambda: number;
}

/**
 * Maximizes Σ env_i(x_i) over the boxes [a_i, b_i] with Σ x_i = budget (undefined when the boxes cannot hold the
 * budget). Each channel's best response to a multiplier λ is x_i(λ) = a_i if λ ≥ m_i (linear part not worth
 * it) or r_i'(a_i) ≤ λ; b_i if r_i'(b_i) ≥ λ; else the root of r_i'(x) = λ on the concave part. The total S(λ)
 * is non-increasing, continuous except for jumps at the slopes m_i of the linear parts. λ is found by Newton
 * steps on ln λ (dS/d ln λ = Σ x_i / (d ln r_i'/d ln x_i) over interior channels) inside a bracket, testing
 * the jump points in the bracket directly: when the budget falls inside a jump at λ = m_j, channel j takes the
 * remainder on its linear part (the relaxation's only non-curve point).
 */
function relax(
  sc: readonly Scaled[],
  env: readonly Envelope[],
  a: Float64Array,
  b: Float64Array,
  budget: number,
  lambdaGuess: number,
): Relaxation | undefined {
  const n = sc.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const eps = 1e-12 * budget;
  if (sa > budget + eps || sb < budget - eps) return undefined;
  // Per-channel constants of this box.
  const dA = new Float64Array(n);
  const dB = new Float64Array(n);
  const uStart = new Float64Array(n);
  const uEnd = new Float64Array(n);
  const warm = new Float64Array(n).fill(NaN);
  const slope = new Float64Array(n);
  const jumps: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!(b[i] > a[i])) continue;
    const lin = env[i].t > a[i];
    if (lin) jumps.push(i);
    const start = lin ? env[i].t : a[i];
    dA[i] = der(sc[i], start);
    dB[i] = der(sc[i], b[i]);
    uStart[i] = start > 0 ? Math.log(start) : -Infinity;
    uEnd[i] = Math.log(b[i]);
  }
  jumps.sort((i, j) => env[i].m - env[j].m);
  let dSdMu = 0;
  /** x(λ) into `out`; returns Σ x and sets dSdMu. */
  const evalAt = (lambda: number, out: Float64Array): number => {
    const lnLambda = Math.log(lambda);
    let s = 0;
    dSdMu = 0;
    for (let i = 0; i < n; i++) {
      let x: number;
      if (!(b[i] > a[i])) x = a[i];
      else if (env[i].t > a[i] && lambda >= env[i].m) x = a[i];
      else if (dA[i] <= lambda) x = env[i].t > a[i] ? env[i].t : a[i];
      else if (dB[i] >= lambda) x = b[i];
      else {
        const u = rootLog(sc[i], lnLambda, uStart[i], uEnd[i], warm[i]);
        warm[i] = u;
        slope[i] = lastSlope;
        x = Math.min(b[i], Math.max(a[i], Math.exp(u)));
        if (lastSlope < 0) dSdMu += x / lastSlope;
      }
      out[i] = x;
      s += x;
    }
    return s;
  };
  const xlo = Float64Array.from(b); // at λlo: Σ ≥ budget
  const xhi = Float64Array.from(a); // at λhi: Σ ≤ budget
  let lambdaLo = 0;
  let lambdaHi = Infinity;
  let sLo = sb;
  let sHi = sa;
  let x: Float64Array | undefined;
  let lambdaOut = NaN;
  if (sb <= budget + eps) {
    x = Float64Array.from(b);
    lambdaOut = 0;
  } else if (sa >= budget - eps) {
    x = Float64Array.from(a);
    lambdaOut = Infinity;
  } else {
    const xm = new Float64Array(n);
    let lambda = lambdaGuess > 0 && lambdaGuess < Infinity ? lambdaGuess : 1;
    const widths: number[] = [];
    for (let it = 0; it < MAX_EVALS; it++) {
      // A jump point strictly inside the bracket is tested first (binary search over the sorted jumps).
      const inside = jumps.filter((j) => env[j].m > lambdaLo && env[j].m < lambdaHi);
      const jumpTest = inside.length > 0 && it > 0;
      if (jumpTest) lambda = env[inside[inside.length >> 1]].m;
      const s = evalAt(lambda, xm);
      if (Math.abs(s - budget) <= 1e-14 * budget) {
        x = Float64Array.from(xm);
        lambdaOut = lambda;
        break;
      }
      if (jumpTest) {
        // At λ = m_j the jumping channels are at a (S+); switched on at t they give S−.
        let extra = 0;
        for (const j of inside) if (env[j].m === lambda) extra += env[j].t - a[j];
        if (s < budget && s + extra >= budget) {
          let need = budget - s;
          for (const j of inside) {
            if (env[j].m !== lambda || need <= 0) continue;
            const add = Math.min(need, env[j].t - a[j]);
            xm[j] = a[j] + add;
            need -= add;
          }
          x = Float64Array.from(xm);
          lambdaOut = lambda;
          break;
        }
        if (s > budget) {
          lambdaLo = lambda;
          sLo = s;
          xlo.set(xm);
        } else {
          for (const j of inside) if (env[j].m === lambda) xm[j] = env[j].t;
          lambdaHi = lambda;
          sHi = s + extra;
          xhi.set(xm);
        }
      } else if (s > budget) {
        lambdaLo = lambda;
        sLo = s;
        xlo.set(xm);
      } else {
        lambdaHi = lambda;
        sHi = s;
        xhi.set(xm);
      }
      if (lambdaLo > 0 && lambdaHi < Infinity && !(lambdaHi > lambdaLo * (1 + 1e-14))) break;
      // Next trial: a Newton step on ln λ from this point (at most a factor 64 while the bracket is open) if it
      // stays inside the bracket and the bracket keeps shrinking (width halved every two trials), else bisection.
      const bracketed = lambdaLo > 0 && lambdaHi < Infinity;
      const width = bracketed ? Math.log(lambdaHi / lambdaLo) : Infinity;
      widths.push(width);
      const stalled = bracketed && widths.length >= 3 && width > 0.5 * widths[widths.length - 3];
      let next = NaN;
      if (dSdMu < 0 && !stalled) {
        const step = -(s - budget) / dSdMu;
        next = lambda * Math.exp(bracketed ? step : Math.max(-LN64, Math.min(LN64, step)));
      }
      if (!(next > lambdaLo && next < lambdaHi)) {
        if (lambdaHi === Infinity) next = Math.max(lambdaLo, lambda) * 64;
        else if (lambdaLo === 0) next = Math.min(lambdaHi, lambda) / 64;
        else next = Math.sqrt(lambdaLo * lambdaHi);
      }
      if (stalled) widths.length = 0;
      if (!(next > 1e-300 && next < 1e300)) break;
      lambda = next;
    }
  }
  if (!x) {
    // Interpolate between the bracket ends (exact on a jump's linear part, negligible elsewhere).
    const theta = sLo > sHi ? (budget - sHi) / (sLo - sHi) : 0;
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.min(b[i], Math.max(a[i], xhi[i] + theta * (xlo[i] - xhi[i])));
    lambdaOut = lambdaLo > 0 && lambdaHi < Infinity ? Math.sqrt(lambdaLo * lambdaHi) : lambdaLo || lambdaHi;
  }
  fixSum(x, a, b, budget);
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < n; i++) {
    upper += envValue(sc[i], env[i], a[i], x[i]);
    lower += val(sc[i], x[i]);
  }
  return { x, upper: Math.max(upper, lower), lower, lambda: lambdaOut };
}

/** Moves the rounding residual budget − Σx onto the channels with room, largest room first. */
function fixSum(x: Float64Array, a: ArrayLike<number>, b: ArrayLike<number>, budget: number): void {
  for (let pass = 0; pass < 3; pass++) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i];
    let d = budget - s;
    if (d === 0) return;
    const order = Array.from(x.keys()).sort((i, j) =>
      d > 0 ? b[j] - x[j] - (b[i] - x[i]) : x[j] - a[j] - (x[i] - a[i]),
    );
    for (const i of order) {
      const room = d > 0 ? b[i] - x[i] : a[i] - x[i];
      const step = d > 0 ? Math.min(d, room) : Math.max(d, room);
      x[i] += step;
      d -= step;
      if (d === 0) break;
    }
  }
}

/** Greedy marginal allocation in `steps` equal increments from the lower bounds (an incumbent). */
function greedy(sc: readonly Scaled[], a: Float64Array, b: Float64Array, budget: number, steps: number): Float64Array {
  const n = sc.length;
  const x = Float64Array.from(a);
  let rest = budget;
  for (let i = 0; i < n; i++) rest -= a[i];
  const delta = Math.max(rest, 0) / steps;
  const gain = new Float64Array(n);
  const cur = new Float64Array(n);
  for (let i = 0; i < n; i++) cur[i] = val(sc[i], x[i]);
  const refresh = (i: number): void => {
    const to = Math.min(b[i], x[i] + delta);
    gain[i] = to > x[i] ? (val(sc[i], to) - cur[i]) / (to - x[i]) : -Infinity;
  };
  for (let i = 0; i < n; i++) refresh(i);
  for (let k = 0; k < steps && rest > 0; k++) {
    let best = -1;
    for (let i = 0; i < n; i++) if (gain[i] > -Infinity && (best < 0 || gain[i] > gain[best])) best = i;
    if (best < 0) break;
    const step = Math.min(delta, b[best] - x[best], rest);
    x[best] += step;
    rest -= step;
    cur[best] = val(sc[best], x[best]);
    refresh(best);
  }
  fixSum(x, a, b, budget);
  return x;
}

interface Node {
  a: Float64Array;
  b: Float64Array;
  env: Envelope[];
  rel: Relaxation;
}

/** Max-heap of nodes by relaxation upper bound. */
class NodeHeap {
  private readonly h: Node[] = [];
  get size(): number {
    return this.h.length;
  }
  peek(): Node | undefined {
    return this.h[0];
  }
  push(nd: Node): void {
    const h = this.h;
    h.push(nd);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].rel.upper >= h[i].rel.upper) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): Node | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].rel.upper > h[m].rel.upper) m = l;
        if (r < h.length && h[r].rel.upper > h[m].rel.upper) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Allocates `budget` across channels with Hill response curves to maximize the total response, within
 * per-channel bounds `min[i] ≤ s_i ≤ max[i]` (max may be Infinity), by branch-and-bound over concave
 * envelopes (method and references in the module comment). Throws MktError value "boundsInfeasible" when
 * Σ min > budget or Σ max < budget, and "minAboveMax" for a channel whose min exceeds its max.
 *
 * At the returned allocation every channel strictly inside its bounds and on the concave part of its curve has
 * the same marginal return r_i'(s_i) = λ. `gap` certifies optimality: no allocation has a total response above
 * `upperBound`.
 */
export function optimizeAllocation(
  curves: readonly HillCurve[],
  budget: number,
  min: readonly number[],
  max: readonly number[],
  options: OptimizeOptions = {},
): OptimizedAllocation {
  const n = curves.length;
  const tol = options.tolerance ?? 1e-9;
  const maxNodes = options.maxNodes ?? 5000;
  if (!(Number.isFinite(budget) && budget >= 0)) {
    throw budgetError("negativeBudget", { field: "amount", value: shown(budget) });
  }
  let sumMin = 0;
  let sumMax = 0;
  for (let i = 0; i < n; i++) {
    if (min[i] > max[i])
      throw budgetError("minAboveMax", { field: "minSpend", channel: `#${i + 1}`, min: min[i], max: max[i] });
    sumMin += min[i];
    sumMax += max[i];
  }
  const slack = 1e-9 * Math.max(budget, 1);
  if (n === 0 || sumMin > budget + slack || sumMax < budget - slack) {
    throw budgetError("boundsInfeasible", {
      field: "bounds",
      sumMin: shown(sumMin),
      sumMax: shown(sumMax),
      total: shown(budget),
    });
  }
  if (budget === 0) {
    return finish(curves, new Array<number>(n).fill(0), 0, 0, true, min, max);
  }
  // Scaled problem: spend / budget, response / Σ Vmax.
  let vsum = 0;
  for (const c of curves) vsum += c.vmax;
  const sc: Scaled[] = curves.map((c) => scaledCurve(c.vmax / vsum, c.k / budget, c.alpha));
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  let sLo = 0;
  for (let i = 0; i < n; i++) sLo += lo[i] = min[i] / budget;
  for (let i = 0; i < n; i++) hi[i] = Math.max(lo[i], Math.min(max[i] / budget, 1 - (sLo - lo[i])));

  const total = (x: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += val(sc[i], x[i]);
    return s;
  };
  let bestX = greedy(sc, lo, hi, 1, 2000);
  let best = total(bestX);
  const consider = (x: Float64Array, v: number): void => {
    if (v > best) {
      best = v;
      bestX = x;
    }
  };

  const rootEnv = sc.map((s, i) => envelopeOf(s, lo[i], hi[i]));
  const rootRel = relax(sc, rootEnv, lo, hi, 1, 1);
  let nodes = 1;
  let upperBound = best;
  let converged = true;
  if (rootRel) {
    consider(rootRel.x, rootRel.lower);
    const heap = new NodeHeap();
    heap.push({ a: lo, b: hi, env: rootEnv, rel: rootRel });
    const done = (u: number): boolean => u - best <= tol * Math.max(best, 1e-300);
    while (heap.size > 0) {
      const top = heap.peek() as Node;
      if (done(top.rel.upper)) break;
      if (nodes >= maxNodes) {
        converged = false;
        break;
      }
      heap.pop();
      // Branch on the channel whose envelope overestimates most at the relaxed point.
      let j = -1;
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const g = envValue(sc[i], top.env[i], top.a[i], top.rel.x[i]) - val(sc[i], top.rel.x[i]);
        if (g > worst) {
          worst = g;
          j = i;
        }
      }
      if (j < 0) continue; // relaxation exact on this box: its point is already the incumbent candidate
      const aj = top.a[j];
      const bj = top.b[j];
      const margin = 1e-12 * (bj - aj);
      let split = sc[j].xinf > aj + margin && sc[j].xinf < bj - margin ? sc[j].xinf : top.rel.x[j];
      if (!(split > aj + margin && split < bj - margin)) split = 0.5 * (aj + bj);
      for (const [na, nb] of [
        [aj, split],
        [split, bj],
      ]) {
        const a = Float64Array.from(top.a);
        const b = Float64Array.from(top.b);
        a[j] = na;
        b[j] = nb;
        const env = top.env.slice();
        env[j] = envelopeOf(sc[j], na, nb);
        const rel = relax(sc, env, a, b, 1, top.rel.lambda);
        nodes++;
        if (!rel) continue;
        consider(rel.x, rel.lower);
        if (!done(rel.upper)) heap.push({ a, b, env, rel });
      }
    }
    const open = heap.peek();
    upperBound = Math.max(best, open ? open.rel.upper : best);
  }

  // Polish: with the funded set fixed, every funded channel on the concave part of its curve is exactly
  // concave, so re-solving gives the equal-marginal-return point of that region.
  const pa = new Float64Array(n);
  const pb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = bestX[i];
    if (x <= lo[i] + 1e-13) {
      pa[i] = pb[i] = lo[i];
    } else if (x >= Math.max(lo[i], sc[i].xinf)) {
      pa[i] = Math.max(lo[i], sc[i].xinf);
      pb[i] = hi[i];
    } else {
      pa[i] = pb[i] = x;
    }
  }
  const polished = relax(
    sc,
    sc.map((s, i) => envelopeOf(s, pa[i], pb[i])),
    pa,
    pb,
    1,
    rootRel ? rootRel.lambda : 1,
  );
  if (polished && polished.lower >= best * (1 - 1e-13)) {
    bestX = polished.x;
    best = Math.max(best, polished.lower);
  }
  upperBound = Math.max(upperBound, best);
  const amounts = Float64Array.from(bestX, (x) => x * budget);
  const cap = Array.from(hi, (h, i) => Math.max(min[i], Math.min(max[i], h * budget)));
  fixSum(amounts, min, cap, budget);
  return finish(curves, Array.from(amounts), upperBound * vsum, nodes, converged, min, cap);
}

function finish(
  curves: readonly HillCurve[],
  amounts: number[],
  upper: number,
  nodes: number,
  converged: boolean,
  min: readonly number[],
  max: readonly number[],
): OptimizedAllocation {
  const responses = amounts.map((s, i) => hillResponse(curves[i], s));
  const marginals = amounts.map((s, i) => hillMarginal(curves[i], s));
  const totalResponse = responses.reduce((p, q) => p + q, 0);
  const upperBound = Math.max(upper, totalResponse);
  // λ: mean marginal return of the channels strictly inside their bounds.
  let sum = 0;
  let count = 0;
  const budget = amounts.reduce((p, q) => p + q, 0);
  for (let i = 0; i < amounts.length; i++) {
    const eps = 1e-9 * Math.max(budget, 1);
    if (amounts[i] > min[i] + eps && amounts[i] < max[i] - eps && Number.isFinite(marginals[i])) {
      sum += marginals[i];
      count++;
    }
  }
  return {
    amounts,
    responses,
    marginals,
    totalResponse,
    upperBound,
    gap: upperBound > 0 ? (upperBound - totalResponse) / upperBound : 0,
    lambda: count > 0 ? sum / count : NaN,
    nodes,
    converged,
  };
}
