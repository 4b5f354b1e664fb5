/**
 * Standard normal distribution: density, CDF Φ, upper tail 1 − Φ, and inverse CDF Φ⁻¹ in double precision
 * (the values of Excel's NORM.S.DIST and NORM.S.INV).
 *
 * Φ: W. J. Cody's ANORM, near-minimax rational approximations in three ranges (|x| ≤ 0.66291,
 * ≤ √32, beyond), evaluated for the normal distribution directly (no x/√2 rescaling, whose rounding would
 * cost relative accuracy in the tails) and with exp(−x²/2) split as exp(−x₀²/2)·exp(−(x−x₀)(x+x₀)/2),
 * x₀ = x rounded down to 1/16, to keep the exponential exact to rounding. Relative error ≈ 1e-16 in both
 * tails down to underflow (x ≈ −38.5).
 * Reference: W. J. Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp.
 * 23(107):631–637; W. J. Cody (1993), "Algorithm 715: SPECFUN", ACM TOMS 19(1):22–32 (routine ANORM, whose
 * published coefficients are used below). R's pnorm uses the same algorithm.
 *
 * Φ⁻¹: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37(3):477–484, routine PPND16 (rational approximations in q = p − ½ near the centre and
 * in r = √(−ln min(p, 1−p)) in the tails), relative accuracy about 1e-16. R's qnorm uses the same algorithm.
 */

const SQRT_2PI_INV = 0.3989422804014327; // 1/√(2π)

// Cody ANORM coefficients (Algorithm 715); the published 20-digit values written as their nearest doubles
// (here and in normInv), which is all the precision a double holds.
const A = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726, 6848.190450536283,
  11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097, 34900.95272114598,
  38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-5,
  0.023073441764940174,
];
const Q = [1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-5];

/** Lower and upper tail of the standard normal at x (Cody's ANORM). NaN in → NaN out. */
function anorm(x: number): { lower: number; upper: number } {
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > 1.1e-16 ? x * x : 0;
    let num = A[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
    const t = (x * (num + A[3])) / (den + B[3]);
    return { lower: 0.5 + t, upper: 0.5 - t };
  }
  let tail: number; // upper tail at |x|, i.e. Φ(−|x|)
  if (y <= 5.656854248) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    tail = (num + C[7]) / (den + D[7]);
  } else if (y < 40) {
    const xsq = 1 / (x * x);
    let num = P[5] * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * xsq;
      den = (den + Q[i]) * xsq;
    }
    tail = (SQRT_2PI_INV - (xsq * (num + P[4])) / (den + Q[4])) / y;
  } else {
    tail = 0; // below the smallest double (Φ(−38.5) ≈ 1e-324)
  }
  if (tail !== 0) {
    const x0 = Math.trunc(y * 16) / 16;
    const del = (y - x0) * (y + x0);
    tail *= Math.exp(-x0 * x0 * 0.5) * Math.exp(-del * 0.5);
  }
  return x > 0 ? { lower: 1 - tail, upper: tail } : { lower: tail, upper: 1 - tail };
}

/** Standard normal density φ(x) = exp(−x²/2)/√(2π) (Excel NORM.S.DIST(x, FALSE)). */
export function normPdf(x: number): number {
  return SQRT_2PI_INV * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal CDF Φ(x) = P(Z ≤ x) (Excel NORM.S.DIST(x, TRUE)), Cody's ANORM (see module doc);
 * ±Infinity give 1 / 0, NaN gives NaN.
 */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return anorm(x).lower;
}

/**
 * Upper tail 1 − Φ(x) = Φ(−x) = P(Z > x), computed without cancellation (accurate for large x, where
 * 1 − normCdf(x) would lose every digit). Two-sided p-value of a z statistic: 2 · normUpper(|z|).
 */
export function normUpper(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return anorm(x).upper;
}

/**
 * Inverse standard normal CDF Φ⁻¹(p) (Excel NORM.S.INV), Wichura's AS 241 PPND16 (see module doc).
 * Returns −Infinity for p = 0, +Infinity for p = 1 and NaN outside [0, 1] or for NaN (callers validate).
 * For p > ½ the tail variable uses 1 − p, which is exact in floating point (Sterbenz).
 */
export function normInv(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((7.745450142783414e-4 * r + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((1.0507500716444169e-9 * r + 5.475938084995345e-4) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((2.0103343992922881e-7 * r + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        7.868691311456133e-4) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}
