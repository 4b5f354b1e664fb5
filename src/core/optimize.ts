/**
 * Small unconstrained minimizers for maximum-likelihood fits: BFGS with a backtracking (Armijo) line
 * search and analytic gradients, Nelder-Mead as a derivative-free fallback, and {@link minimize} which
 * chains them. Models reparameterize positive parameters as logs so the problems are unconstrained.
 * Non-finite objective values are treated as +∞ (the line search backs off), so objectives may return
 * NaN/Infinity at extreme trial points; results never contain NaN.
 */

/** Objective with optional gradient: fill `grad` (if given) with ∂f/∂x and return f(x). */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array | undefined) => number;
/** Objective without gradient. */
export type Objective = (x: Float64Array) => number;

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** ‖∇f‖∞ at the solution (NaN-free; Infinity if unknown). */
  gradientNorm: number;
  method: "bfgs" | "nelder-mead";
}

export interface BfgsOptions {
  /** Stop when ‖∇f‖∞ ≤ gradTol · max(1, |f|). Default 1e-9. */
  gradTol?: number;
  /** Maximum iterations. Default 500. */
  maxIterations?: number;
}

function normInf(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function safe(f: number): number {
  return Number.isFinite(f) ? f : Infinity;
}

/**
 * BFGS quasi-Newton minimization (inverse-Hessian update, initial scaling s'y/y'y, update skipped when the
 * curvature condition s'y > 0 fails) with a backtracking Armijo line search (c1 = 1e-4, safeguarded
 * quadratic interpolation).
 * Reference: Nocedal & Wright, "Numerical Optimization" (2nd ed., 2006), Algorithm 6.1, eq. 6.17, 6.20, §3.5.
 */
export function bfgs(fg: ObjectiveWithGradient, x0: ArrayLike<number>, opts: BfgsOptions = {}): MinimizeResult {
  const n = x0.length;
  const gradTol = opts.gradTol ?? 1e-9;
  const maxIter = opts.maxIterations ?? 500;
  const x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = safe(fg(x, g));
  let evals = 1;
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) {
    return { x, f, iterations: 0, evaluations: evals, converged: false, gradientNorm: Infinity, method: "bfgs" };
  }
  const H = new Float64Array(n * n);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1 / Math.max(1, normInf(g)));
  const p = new Float64Array(n);
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iter = 0;
  let converged = false;
  let smallSteps = 0;
  let firstUpdate = true;
  for (; iter < maxIter; iter++) {
    if (normInf(g) <= gradTol * Math.max(1, Math.abs(f))) {
      converged = true;
      break;
    }
    // p = −H g
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j] * g[j];
      p[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      resetH(1 / Math.max(1, normInf(g)));
      slope = 0;
      for (let i = 0; i < n; i++) {
        p[i] = -H[i * n + i] * g[i];
        slope += p[i] * g[i];
      }
      firstUpdate = true;
    }
    // Backtracking line search.
    let step = 1;
    let fNew = Infinity;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * p[i];
      fNew = safe(fg(xNew, gNew));
      evals++;
      if (fNew <= f + 1e-4 * step * slope && gNew.every(Number.isFinite)) {
        accepted = true;
        break;
      }
      // Quadratic interpolation of f along p, kept within [0.1, 0.5] of the current step.
      let next = 0.5 * step;
      if (Number.isFinite(fNew)) {
        const q = (-slope * step * step) / (2 * (fNew - f - slope * step));
        if (Number.isFinite(q)) next = Math.min(0.5 * step, Math.max(0.1 * step, q));
      }
      step = next;
    }
    if (!accepted) break;
    let sy = 0;
    let yy = 0;
    let sMax = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
      sMax = Math.max(sMax, Math.abs(s[i]) / (1 + Math.abs(x[i])));
    }
    const fOld = f;
    x.set(xNew);
    const gTmp = g;
    g = gNew;
    gNew = gTmp;
    f = fNew;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += s[i] * s[i];
    if (sy > 1e-12 * Math.sqrt(yy * ss)) {
      if (firstUpdate) {
        resetH(sy / yy);
        firstUpdate = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / yᵀs
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
        Hy[i] = v;
        yHy += y[i] * v;
      }
      const k = rho * rho * yHy + rho;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] += k * s[i] * s[j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]);
        }
      }
    }
    if (sMax < 1e-14 || Math.abs(fOld - f) <= 1e-16 * Math.max(1, Math.abs(f))) {
      if (++smallSteps >= 3) break;
    } else smallSteps = 0;
  }
  const gn = normInf(g);
  if (!converged) converged = gn <= Math.sqrt(gradTol) * Math.max(1, Math.abs(f)) && smallSteps >= 3;
  return { x, f, iterations: iter, evaluations: evals, converged, gradientNorm: gn, method: "bfgs" };
}

export interface NelderMeadOptions {
  /** Initial simplex edge (in the units of x). Default 0.5. */
  step?: number;
  /** Stop when max |f_i − f_best| ≤ fTol · max(1, |f_best|) and the simplex diameter ≤ xTol. */
  fTol?: number;
  xTol?: number;
  maxEvaluations?: number;
}

/**
 * Nelder-Mead simplex minimization with the dimension-adaptive coefficients of Gao & Han (2012)
 * (reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n).
 * Reference: Nelder & Mead (1965), Computer Journal 7(4); Gao & Han (2012), Comput. Optim. Appl. 51.
 */
export function nelderMead(f: Objective, x0: ArrayLike<number>, opts: NelderMeadOptions = {}): MinimizeResult {
  const n = x0.length;
  const step = opts.step ?? 0.5;
  const fTol = opts.fTol ?? 1e-12;
  const xTol = opts.xTol ?? 1e-9;
  const maxEval = opts.maxEvaluations ?? 2000 * n;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rhoC = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  const pts: Float64Array[] = [];
  const fv: number[] = [];
  let evals = 0;
  const ev = (x: Float64Array): number => {
    evals++;
    return safe(f(x));
  };
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] += step;
    pts.push(p);
    fv.push(ev(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const xc = new Float64Array(n);
  let iter = 0;
  let converged = false;
  while (evals < maxEval) {
    iter++;
    order.sort((i, j) => fv[i] - fv[j]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    let spread = 0;
    let diam = 0;
    for (let k = 1; k <= n; k++) {
      spread = Math.max(spread, Math.abs(fv[order[k]] - fv[best]));
      for (let i = 0; i < n; i++) diam = Math.max(diam, Math.abs(pts[order[k]][i] - pts[best][i]));
    }
    if (spread <= fTol * Math.max(1, Math.abs(fv[best])) && diam <= xTol) {
      converged = Number.isFinite(fv[best]);
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += pts[order[k]][i] / n;
    for (let i = 0; i < n; i++) xr[i] = centroid[i] + alpha * (centroid[i] - pts[worst][i]);
    const fr = ev(xr);
    if (fr < fv[best]) {
      for (let i = 0; i < n; i++) xe[i] = centroid[i] + gamma * (xr[i] - centroid[i]);
      const fe = ev(xe);
      if (fe < fr) {
        pts[worst].set(xe);
        fv[worst] = fe;
      } else {
        pts[worst].set(xr);
        fv[worst] = fr;
      }
      continue;
    }
    if (fr < fv[second]) {
      pts[worst].set(xr);
      fv[worst] = fr;
      continue;
    }
    const outside = fr < fv[worst];
    for (let i = 0; i < n; i++) {
      xc[i] = outside ? centroid[i] + rhoC * (xr[i] - centroid[i]) : centroid[i] + rhoC * (pts[worst][i] - centroid[i]);
    }
    const fc = ev(xc);
    if (fc < (outside ? fr : fv[worst])) {
      pts[worst].set(xc);
      fv[worst] = fc;
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const idx = order[k];
      for (let i = 0; i < n; i++) pts[idx][i] = pts[best][i] + sigma * (pts[idx][i] - pts[best][i]);
      fv[idx] = ev(pts[idx]);
    }
  }
  let bi = 0;
  for (let k = 1; k <= n; k++) if (fv[k] < fv[bi]) bi = k;
  return {
    x: Float64Array.from(pts[bi]),
    f: fv[bi],
    iterations: iter,
    evaluations: evals,
    converged,
    gradientNorm: Infinity,
    method: "nelder-mead",
  };
}

/**
 * Central-difference gradient ∂f/∂x_i ≈ (f(x + h_i e_i) − f(x − h_i e_i)) / (2 h_i), h_i = h·max(1, |x_i|).
 * For tests and objectives without derivatives. Reference: Nocedal & Wright (2006), §8.1, eq. 8.7.
 */
export function numericGradient(f: Objective, x: ArrayLike<number>, h = 1e-6): Float64Array {
  const xx = Float64Array.from(x);
  const g = new Float64Array(xx.length);
  for (let i = 0; i < xx.length; i++) {
    const xi = xx[i];
    const d = h * Math.max(1, Math.abs(xi));
    xx[i] = xi + d;
    const fp = f(xx);
    xx[i] = xi - d;
    const fm = f(xx);
    xx[i] = xi;
    g[i] = (fp - fm) / (2 * d);
  }
  return g;
}

export interface MinimizeOptions extends BfgsOptions {
  /**
   * If the best BFGS point has a coordinate beyond ±bound (a parameter running off to 0 or ∞ in log
   * space), stop there and return it unconverged: the caller reports the model as not identifiable.
   */
  bound?: number;
  /** Evaluation budget of the Nelder-Mead fallback (default 2000). */
  maxFallbackEvaluations?: number;
}

/**
 * Robust minimization: BFGS from each start point until one converges; if none does (and the best point is
 * within `bound`), Nelder-Mead from the best point followed by a BFGS polish. Returns the best result
 * (check `converged`).
 */
export function minimize(
  fg: ObjectiveWithGradient,
  starts: ReadonlyArray<ArrayLike<number>>,
  opts: MinimizeOptions = {},
): MinimizeResult {
  let best: MinimizeResult | undefined;
  let evals = 0;
  for (const x0 of starts) {
    const r = bfgs(fg, x0, opts);
    evals += r.evaluations;
    if (!best || r.f < best.f || (r.converged && !best.converged && r.f <= best.f + 1e-9)) best = r;
    if (r.converged) break;
  }
  const bound = opts.bound ?? Infinity;
  if (best && !best.converged && !best.x.some((v) => Math.abs(v) > bound)) {
    const nm = nelderMead((x) => fg(x, undefined), best.x, { maxEvaluations: opts.maxFallbackEvaluations ?? 2000 });
    evals += nm.evaluations;
    const polish = bfgs(fg, nm.x, opts);
    evals += polish.evaluations;
    const cand = polish.f <= nm.f ? polish : nm;
    if (cand.f <= best.f || cand.converged) best = cand;
  }
  if (!best) throw new Error("minimize: no start point");
  return { ...best, evaluations: evals };
}
