/**
 * Special functions for the probability models: log-gamma, digamma, log-beta and the Gauss hypergeometric
 * function 2F1. Pure, allocation-free numerics (double precision, ~1e-14 relative or better in the ranges
 * the models use).
 */
import { mktError } from "./value-messages";

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.9189385332046728;

/**
 * Natural log of |Γ(x)|. Lanczos approximation (g = 7, 9 terms) for x ≥ 0.5, reflection formula
 * Γ(x)Γ(1−x) = π / sin(πx) below. Returns +Infinity at the poles x = 0, −1, −2, ….
 * Reference: Lanczos (1964), SIAM J. Numer. Anal. B 1; Press et al., "Numerical Recipes" (3rd ed.), §6.1.
 */
export function lgamma(x: number): number {
  if (x < 0.5) {
    if (Number.isInteger(x)) return Infinity;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const y = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Sign of Γ(x): +1 for x > 0; for negative non-integers (−1)^⌈−x⌉; 0 at the poles (where 1/Γ = 0). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return 0;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x). Recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ B_{2k}/(2k x^{2k}); reflection ψ(1−x) − ψ(x) = π cot(πx) for x < 0.
 * Reference: Abramowitz & Stegun (1964), 6.3.5, 6.3.7, 6.3.18.
 */
export function digamma(x: number): number {
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const series =
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f / 12))))));
  return acc + Math.log(x) - 0.5 / x - series;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 * Reference: Abramowitz & Stegun (1964), 6.2.2.
 */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

const EPS = 1e-16;
const MAX_TERMS = 5_000_000;

/**
 * first + Σ_{n≥1} (a)_n (b)_n / ((c)_n n!) z^n with a tail-bound stopping rule (first = 1: the full
 * series; first = 0: the series minus its leading 1); `undefined` if it did not converge.
 * Terms: t_{n+1} = t_n (a+n)(b+n) z / ((c+n)(n+1)).
 */
function series(a: number, b: number, c: number, z: number, maxTerms: number, first = 1): number | undefined {
  let term = 1;
  let sum = first;
  // Beyond nSafe the term ratio is monotone in n and tends to z, so the geometric tail bound holds.
  const nSafe = Math.abs(a) + Math.abs(b) + Math.abs(c) + 2;
  const az = Math.abs(z);
  for (let n = 0; n < maxTerms; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum; // terminating (a or b a non-positive integer)
    if (n > nSafe) {
      const rho = Math.max(Math.abs(ratio), az);
      if (rho < 1 && Math.abs(term) * rho <= EPS * (1 - rho) * Math.abs(sum)) return sum;
    }
    if (!Number.isFinite(sum)) return undefined;
  }
  return undefined;
}

function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** 2F1 on 0 < z < 1 by the direct series or Euler's transformation, whichever converges faster. */
function hyp2f1Unit(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  // Direct terms behave like n^(a+b−c−1) z^n; after Euler's transformation like n^(c−a−b−1) z^n.
  const useEuler = s < 0 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b);
  // Expected number of terms; near z = 1 switch to the 1 − z connection formula when it is stable.
  const nEst = Math.log(EPS) / Math.log(z);
  const sRound = Math.abs(s - Math.round(s));
  if (nEst > 2000 && z > 0.9 && sRound > 1e-3 && !isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
    const v = connection(a, b, c, z, s);
    if (v !== undefined) return v;
  }
  if (useEuler) {
    const f = series(c - a, c - b, c, z, MAX_TERMS);
    if (f !== undefined) return Math.pow(1 - z, s) * f;
  } else {
    const f = series(a, b, c, z, MAX_TERMS);
    if (f !== undefined) return f;
  }
  throw mktError("num", "hypergeometricNoConvergence", { a, b, c, z });
}

/**
 * Abramowitz & Stegun 15.3.6 (c − a − b not an integer):
 * F(a,b;c;z) = Γ(c)Γ(s)/(Γ(c−a)Γ(c−b)) F(a,b;1−s;1−z) + (1−z)^s Γ(c)Γ(−s)/(Γ(a)Γ(b)) F(c−a,c−b;1+s;1−z).
 */
function connection(a: number, b: number, c: number, z: number, s: number): number | undefined {
  const w = 1 - z;
  const f1 = series(a, b, 1 - s, w, 100_000);
  const f2 = series(c - a, c - b, 1 + s, w, 100_000);
  if (f1 === undefined || f2 === undefined) return undefined;
  const sg1 = gammaSign(c) * gammaSign(s) * gammaSign(c - a) * gammaSign(c - b);
  const sg2 = gammaSign(c) * gammaSign(-s) * gammaSign(a) * gammaSign(b);
  const t1 =
    gammaSign(c - a) === 0 || gammaSign(c - b) === 0
      ? 0
      : sg1 * Math.exp(lgamma(c) + lgamma(s) - lgamma(c - a) - lgamma(c - b)) * f1;
  const t2 = sg2 * Math.exp(lgamma(c) + lgamma(-s) - lgamma(a) - lgamma(b) + s * Math.log(w)) * f2;
  const v = t1 + t2;
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) = Σ_n (a)_n (b)_n / ((c)_n n!) z^n for real arguments and
 * z < 1 (z = 1 when c − a − b > 0, by Gauss's theorem).
 *
 * Method: z < 0 is mapped into (0, 1) by Pfaff's transformation F = (1−z)^(−a) F(a, c−b; c; z/(z−1));
 * on (0, 1) the power series is summed directly or after Euler's transformation
 * F = (1−z)^(c−a−b) F(c−a, c−b; c; z) (whichever has faster-decaying terms), with a geometric tail bound
 * as stopping rule; close to 1 the 1 − z connection formula (A&S 15.3.6) is used when c − a − b is not
 * (nearly) an integer.
 * Reference: Abramowitz & Stegun (1964), 15.1.1, 15.1.20, 15.3.3–15.3.6; Pearson, Olver & Porter (2017),
 * "Numerical methods for the computation of the confluent and Gauss hypergeometric functions",
 * Numer. Algorithms 74.
 * @throws num "hypergeometricDomain" for c a non-positive integer or z outside the domain;
 *   num "hypergeometricNoConvergence" if the series does not converge.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw mktError("num", "hypergeometricDomain", { c, z });
  if (isNonPositiveInteger(c) && !(isNonPositiveInteger(a) && a > c) && !(isNonPositiveInteger(b) && b > c)) {
    throw mktError("num", "hypergeometricDomain", { c, z });
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    const f = series(a, b, c, z, MAX_TERMS);
    if (f === undefined) throw mktError("num", "hypergeometricNoConvergence", { a, b, c, z });
    return f;
  }
  if (z === 1) {
    const s = c - a - b;
    if (!(s > 0)) throw mktError("num", "hypergeometricDomain", { c, z });
    const sg = gammaSign(c) * gammaSign(s) * gammaSign(c - a) * gammaSign(c - b);
    return sg * Math.exp(lgamma(c) + lgamma(s) - lgamma(c - a) - lgamma(c - b));
  }
  if (z > 1) throw mktError("num", "hypergeometricDomain", { c, z });
  if (z < 0) {
    const w = z / (z - 1);
    // Pfaff: F(a,b;c;z) = (1−z)^(−a) F(a, c−b; c; w) = (1−z)^(−b) F(c−a, b; c; w).
    return Math.pow(1 - z, -a) * hyp2f1Unit(a, c - b, c, w);
  }
  return hyp2f1Unit(a, b, c, z);
}

/**
 * 2F1(a, b; c; z) − 1 = Σ_{n≥1} (a)_n (b)_n / ((c)_n n!) z^n, summed directly so that it keeps full relative
 * accuracy when the result is small (z near 0), for 0 ≤ z < 1 and c − a − b > 0 (the direct series is then
 * the right method; callers pick the parameters by Euler's transformation). Returns undefined if the series
 * needs more than 100,000 terms (z very close to 1): use {@link hyp2f1} then.
 */
export function hyp2f1Minus1(a: number, b: number, c: number, z: number): number | undefined {
  if (z === 0) return 0;
  if (!(z > 0 && z < 1) || isNonPositiveInteger(c)) return undefined;
  return series(a, b, c, z, 100_000, 0);
}

/**
 * Coefficients c_0..c_{n−1} of the degree n−1 Chebyshev interpolant of f on [lo, hi] at the Chebyshev
 * points of the first kind: f(z) ≈ Σ' c_j T_j(u), u = (2z − lo − hi)/(hi − lo) (c_0 already halved).
 * For functions analytic on a Bernstein ellipse of parameter ρ the error decays like ρ^(−n).
 * Reference: Trefethen, "Approximation Theory and Approximation Practice" (2013), ch. 3, 8; Press et al.,
 * "Numerical Recipes" (3rd ed.), §5.8.
 */
export function chebyshevCoefficients(f: (z: number) => number, lo: number, hi: number, n: number): Float64Array {
  const vals = new Float64Array(n);
  const mid = 0.5 * (lo + hi);
  const half = 0.5 * (hi - lo);
  for (let k = 0; k < n; k++) vals[k] = f(mid + half * Math.cos((Math.PI * (k + 0.5)) / n));
  const c = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += vals[k] * Math.cos((Math.PI * j * (k + 0.5)) / n);
    c[j] = (2 / n) * s;
  }
  c[0] *= 0.5;
  return c;
}

/** Evaluates Σ c_j T_j(u), u = (2z − lo − hi)/(hi − lo), by Clenshaw's recurrence. */
export function chebyshevEvaluate(c: Float64Array, lo: number, hi: number, z: number): number {
  const u = (2 * z - lo - hi) / (hi - lo);
  const u2 = 2 * u;
  let b1 = 0;
  let b2 = 0;
  for (let j = c.length - 1; j >= 1; j--) {
    const t = u2 * b1 - b2 + c[j];
    b2 = b1;
    b1 = t;
  }
  return u * b1 - b2 + c[0];
}
