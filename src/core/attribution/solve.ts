/**
 * Absorption solver of the attribution Markov chain: for every transient state s,
 *   x_s = P(conversion | s) solves (I − Q) x = r_conv,   y_s = E[conversion value | s] solves (I − Q) y = r_value,
 * where Q holds the transient→transient probabilities, r_conv(s) = P(s → conversion) and
 * r_value(s) = P(s → conversion) · mean value per conversion ending in s. "Removing" states (redirecting them to
 * (null), as in a removal effect) sets their x and y to 0.
 *
 * Small chains (n ≤ 64, e.g. order 1 with up to 63 channels) are solved exactly by Gaussian elimination with
 * partial pivoting; larger ones by Gauss-Seidel on the sparse rows, sweeping states backwards (later path states
 * first), until the estimated remaining error ‖Δ‖·ρ/(1−ρ) is below 1e-14 (relative to the largest value for y).
 * The removal solves start from the full chain's solution.
 */
import type { MarkovChain } from "./chain";
import { attributionError } from "./messages";

export interface Absorption {
  /** P(conversion) and expected conversion value from each transient state; index 0 = (start). */
  conv: Float64Array;
  value: Float64Array;
}

const DENSE_MAX = 64;
const TOL = 1e-14;
const MAX_SWEEPS = 200_000;

/**
 * Solves the absorption probabilities with the states flagged in `removed` sent to (null). `warm` (a solution
 * of the unreduced chain) speeds up the iterative method; `method` forces one method (tests).
 */
export function solveAbsorption(
  chain: MarkovChain,
  removed: Uint8Array | null,
  warm?: Absorption,
  method: "auto" | "dense" | "iterative" = "auto",
): Absorption {
  const dense = method === "dense" || (method === "auto" && chain.n <= DENSE_MAX);
  return dense ? solveDense(chain, removed) : solveGaussSeidel(chain, removed, warm);
}

function solveDense(ch: MarkovChain, removed: Uint8Array | null): Absorption {
  const n = ch.n;
  const a = new Float64Array(n * n);
  const b = new Float64Array(2 * n); // two right-hand sides: b[i] (conversion) and b[n + i] (value)
  for (let s = 0; s < n; s++) {
    a[s * n + s] = 1;
    if (removed && removed[s]) continue;
    for (let k = ch.rowPtr[s]; k < ch.rowPtr[s + 1]; k++) a[s * n + ch.col[k]] -= ch.prob[k];
    b[s] = ch.convProb[s];
    b[n + s] = ch.valueRhs[s];
  }
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) piv = r;
    if (piv !== c) {
      for (let k = c; k < n; k++) {
        const t = a[c * n + k];
        a[c * n + k] = a[piv * n + k];
        a[piv * n + k] = t;
      }
      for (const o of [0, n]) {
        const t = b[o + c];
        b[o + c] = b[o + piv];
        b[o + piv] = t;
      }
    }
    const d = a[c * n + c];
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c] / d;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
      b[n + r] -= f * b[n + c];
    }
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sx = b[r];
    let sy = b[n + r];
    for (let k = r + 1; k < n; k++) {
      sx -= a[r * n + k] * x[k];
      sy -= a[r * n + k] * y[k];
    }
    x[r] = sx / a[r * n + r];
    y[r] = sy / a[r * n + r];
  }
  return { conv: x, value: y };
}

function solveGaussSeidel(ch: MarkovChain, removed: Uint8Array | null, warm?: Absorption): Absorption {
  const { n, rowPtr, col, prob, convProb, valueRhs } = ch;
  const x = warm ? warm.conv.slice() : new Float64Array(n);
  const y = warm ? warm.value.slice() : new Float64Array(n);
  if (removed) {
    for (let s = 0; s < n; s++) {
      if (removed[s]) x[s] = y[s] = 0;
    }
  }
  let prevDx = Infinity;
  let prevDy = Infinity;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let dx = 0;
    let dy = 0;
    let ymax = 0;
    for (let s = n - 1; s >= 0; s--) {
      if (removed && removed[s]) continue;
      let sx = convProb[s];
      let sy = valueRhs[s];
      for (let k = rowPtr[s]; k < rowPtr[s + 1]; k++) {
        const t = col[k];
        sx += prob[k] * x[t];
        sy += prob[k] * y[t];
      }
      dx = Math.max(dx, Math.abs(sx - x[s]));
      dy = Math.max(dy, Math.abs(sy - y[s]));
      ymax = Math.max(ymax, sy);
      x[s] = sx;
      y[s] = sy;
    }
    if (converged(dx, prevDx, TOL) && converged(dy, prevDy, TOL * Math.max(ymax, 1e-300))) return { conv: x, value: y };
    prevDx = dx;
    prevDy = dy;
  }
  throw attributionError("num", "noConvergence", { states: n });
}

/** Stops when the change is 0, or when the geometric error estimate d·ρ/(1−ρ) (ρ = d/prev) is below tol. */
function converged(d: number, prev: number, tol: number): boolean {
  if (d === 0) return true;
  const rho = d / prev;
  if (!(rho < 1)) return false;
  return d <= tol && (d * rho) / (1 - rho) <= tol;
}
