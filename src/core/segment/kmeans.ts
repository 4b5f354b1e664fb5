/**
 * k-means clustering of a row-major feature matrix (rows × dims, Float64Array).
 *
 * Objective: minimize the inertia Σ_i ‖x_i − c_{a(i)}‖² over assignments a and centroids c (Lloyd 1982).
 * - Initialization: k-means++ (Arthur & Vassilvitskii 2007): the first centre is a uniform random row, each
 *   next centre a row drawn with probability proportional to D(x)², its squared distance to the nearest centre
 *   chosen so far (the original, non-greedy variant).
 * - Iterations: Lloyd's algorithm (move every centroid to the mean of its rows, assign every row to its nearest
 *   centroid) until no row changes segment, or the centroids moved by at most `tol` (default 1e-4) relative to
 *   the data, Σ_j ‖c_j' − c_j‖² ≤ tol × (mean variance of the columns) (scikit-learn's criterion; the assignment
 *   step after that small move is still done, so every row ends in the segment of its nearest centroid), or
 *   after `maxIter` iterations. The final centroids are the means of the final segments. The assignment step
 *   uses Hamerly's exact acceleration (Hamerly 2010): an upper bound on each row's distance to its centroid and
 *   a lower bound on its distance to every other centroid, carried over iterations with the triangle inequality,
 *   skip most distance computations without changing any result of plain Lloyd (ties keep the current segment).
 * - Empty segments: a segment that loses all its rows is re-seeded with the row farthest from its centroid
 *   (among segments of more than one row), as in scikit-learn.
 * - Restarts: `nInit` runs (default 10) from independent k-means++ seeds; the run with the lowest inertia wins
 *   (the earlier run on a tie). With more than `restartSampleSize` rows (default 10,000), the restarts run on a
 *   seeded uniform sample of that many rows and only the winner is refined on all rows: Lloyd iterations on the
 *   full data starting from the winning sample centroids. Clustering subsamples to choose the starting point is
 *   the idea of Bradley & Fayyad (1998), and comparing the n_init initializations on a subsample and running the
 *   full algorithm once is what scikit-learn's MiniBatchKMeans does (`init_size`); it cuts the cost of 10
 *   restarts on 100,000 rows about tenfold. `restartSampleSize: 0` runs every restart on all rows.
 * - Determinism: a mulberry32 stream seeded with `seed` gives the sample (first draw) and the seed of restart r
 *   (draw r + 2), so the same matrix, k, options and seed always give the same result.
 * - `init`: Lloyd iterations on all rows from given centroids instead (scikit-learn's `init=array`).
 * - Labels are renumbered so that segment 0 is the largest (ties: the segment holding the earliest row first).
 * One-hot blocks declared on the matrix are stored as one code per row (see `compact.ts`): same distances,
 * fewer operations.
 * References: S. Lloyd (1982), "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2);
 * D. Arthur & S. Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA '07;
 * G. Hamerly (2010), "Making k-means even faster", SIAM SDM '10; P. S. Bradley & U. M. Fayyad (1998),
 * "Refining initial points for k-means clustering", ICML '98.
 */
import { compactSubset, denseRow, toCompact, toOriginalOrder, type Compact } from "./compact";
import { intOption, numberOption, segmentError } from "./messages";
import { createRng, sampleIndices, type Rng } from "./random";
import type { MatrixLike } from "./types";

/** Options of {@link kmeans}. */
export interface KMeansOptions {
  /** Seed of the sample and the restarts (default 0). */
  seed?: number;
  /** Number of k-means++ restarts, 1–1000 (default 10). */
  nInit?: number;
  /** Maximum Lloyd iterations per run, 1–10,000 (default 300). */
  maxIter?: number;
  /** Relative tolerance on the centre shift, 0–1 (default 1e-4; 0 = iterate until no row moves). */
  tol?: number;
  /** Rows above which restarts run on a sample of this many rows, 0 (never) or ≥ 100 (default 10,000). */
  restartSampleSize?: number;
  /**
   * Starting centroids, row-major k × dims (e.g. the segments of an earlier run): one Lloyd run from them on all
   * rows instead of k-means++ restarts (`nInit`, `restartSampleSize` and `seed` are then unused).
   */
  init?: Float64Array;
}

/** The best of the restarts. */
export interface KMeansResult {
  k: number;
  /** Segment 0..k−1 of every row; segment 0 is the largest. */
  labels: Int32Array;
  /** Row-major k × dims centroids (means of the segments' rows). */
  centroids: Float64Array;
  /** Rows per segment. */
  sizes: Int32Array;
  /** Σ squared distances of the rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the final run (the refinement on all rows when restarts ran on a sample). */
  iterations: number;
  /** Whether that run stopped because no row changed segment or by `tol` (else it hit `maxIter`). */
  converged: boolean;
  /** Rows the restarts ran on (all rows, or the restart sample size). */
  restartRows: number;
}

/** Default number of restarts. */
export const DEFAULT_N_INIT = 10;
/** Default maximum number of Lloyd iterations per run. */
export const DEFAULT_MAX_ITER = 300;
/** Default relative tolerance on the centre shift. */
export const DEFAULT_TOL = 1e-4;
/** Default number of rows above which restarts run on a sample. */
export const DEFAULT_RESTART_SAMPLE = 10_000;

/**
 * Validates a matrix: a Float64Array of rows × dims finite numbers, dims ≥ 1.
 * @throws value `invalidOption` / `lengthMismatch`.
 */
export function checkMatrix(m: MatrixLike): void {
  const { data, rows, dims } = m;
  if (!(data instanceof Float64Array) || !Number.isInteger(rows) || !Number.isInteger(dims) || rows < 0 || dims < 1) {
    throw segmentError("value", "invalidOption", { arg: "matrix", expected: "a rows × dims Float64Array" });
  }
  if (data.length !== rows * dims) {
    throw segmentError("value", "lengthMismatch", { arg: "matrix.data", n: data.length, m: rows * dims });
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw segmentError("value", "invalidOption", { arg: "matrix.data", expected: "finite numbers" });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Kernels. The hot loops live in small functions called once per pass with typed arrays as arguments, so V8
// optimizes each with complete type feedback (one big function would be optimized on-stack mid-loop and
// deoptimized again at every new branch).

/** Squared distance from compact row `i` to dense internal centre `j` (see `compact.ts` for the formula). */
function dist2(
  xn: Float64Array,
  dn: number,
  codes: Int32Array,
  nb: number,
  vals: Float64Array,
  i: number,
  C: Float64Array,
  D: number,
  Q: Float64Array,
  j: number,
): number {
  let s = 0;
  const p = i * dn;
  const q = j * D;
  for (let t = 0; t < dn; t++) {
    const z = xn[p + t] - C[q + t];
    s += z * z;
  }
  const pb = i * nb;
  const qb = j * nb;
  for (let b = 0; b < nb; b++) {
    const h = C[q + codes[pb + b]];
    const z = vals[b] - h;
    s += Q[qb + b] - h * h + z * z;
  }
  return s > 0 ? s : 0;
}

/** Q[j, b] = Σ_{t ∈ block b} C[j, t]² for centre j. */
function prepQ(C: Float64Array, D: number, Q: Float64Array, nb: number, blockStart: Int32Array, j: number): void {
  for (let b = 0; b < nb; b++) {
    let s = 0;
    for (let t = blockStart[b], e = blockStart[b + 1]; t < e; t++) s += C[j * D + t] * C[j * D + t];
    Q[j * nb + b] = s;
  }
}

/** Buffers of one data set (rows) and k. */
interface Work {
  c: Compact;
  k: number;
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  centers: Float64Array;
  newCenters: Float64Array;
  Q: Float64Array;
  sums: Float64Array;
  counts: Int32Array;
  delta: Float64Array;
  half: Float64Array;
}

function makeWork(c: Compact, k: number): Work {
  return {
    c,
    k,
    labels: new Int32Array(c.n),
    upper: new Float64Array(c.n),
    lower: new Float64Array(c.n),
    centers: new Float64Array(k * c.D),
    newCenters: new Float64Array(k * c.D),
    Q: new Float64Array(k * c.nb),
    sums: new Float64Array(k * c.D),
    counts: new Int32Array(k),
    delta: new Float64Array(k),
    half: new Float64Array(k),
  };
}

/** k-means++: squared distances of every row to centre j, folded into nearest (d1) / second nearest (d2). */
function seedPass(w: Work, j: number, d1: Float64Array, d2: Float64Array): void {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { centers: C, Q, labels } = w;
  for (let i = 0; i < n; i++) {
    const s = dist2(xn, dn, codes, nb, vals, i, C, D, Q, j);
    if (s < d1[i]) {
      d2[i] = d1[i];
      d1[i] = s;
      labels[i] = j;
    } else if (s < d2[i]) d2[i] = s;
  }
}

/** k-means++: index of the row where the running sum of `d1` first exceeds `r` (never a row with d1 = 0). */
function pickWeighted(d1: Float64Array, n: number, r: number): number {
  let acc = 0;
  let pick = -1;
  for (let i = 0; i < n; i++) {
    const v = d1[i];
    if (v > 0) {
      pick = i;
      acc += v;
      if (acc > r) break;
    }
  }
  return pick;
}

function sum(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  return s;
}

function sqrtAll(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) a[i] = Math.sqrt(a[i]);
}

/**
 * k-means++ seeding. Leaves in `w.labels` the nearest chosen centre of every row, in `w.upper` the distance to it
 * and in `w.lower` the distance to the second nearest (Hamerly's initial bounds, for free).
 * @throws value `notEnoughDistinctRows` when fewer than k distinct rows exist.
 */
function seedPlusPlus(w: Work, rng: Rng): void {
  const { c, k } = w;
  const { n, D, nb, blockStart } = c;
  const d1 = w.upper;
  const d2 = w.lower;
  d1.fill(Infinity);
  d2.fill(Infinity);
  let row = rng.int(n);
  for (let j = 0; j < k; j++) {
    if (j > 0) {
      const total = sum(d1, n);
      if (!(total > 0)) throw segmentError("value", "notEnoughDistinctRows", { distinct: j, k });
      row = pickWeighted(d1, n, rng.next() * total);
    }
    denseRow(c, row, w.centers, j * D);
    prepQ(w.centers, D, w.Q, nb, blockStart, j);
    seedPass(w, j, d1, d2);
  }
  sqrtAll(d1, n);
  sqrtAll(d2, n);
}

/** Exact nearest / second-nearest assignment of every row to the current centres (Hamerly's initial bounds). */
function assignAll(w: Work): void {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { centers: C, Q, labels, upper, lower, k } = w;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let b1 = Infinity;
    let b2 = Infinity;
    for (let j = 0; j < k; j++) {
      const e = dist2(xn, dn, codes, nb, vals, i, C, D, Q, j);
      if (e < b1) {
        b2 = b1;
        b1 = e;
        best = j;
      } else if (e < b2) b2 = e;
    }
    labels[i] = best;
    upper[i] = Math.sqrt(b1);
    lower[i] = Math.sqrt(b2);
  }
}

/** Σ of the rows of every segment into `w.sums` (dense internal), row counts into `w.counts`. */
function segmentSums(w: Work): void {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { labels, sums, counts } = w;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    counts[a]++;
    const p = i * dn;
    const q = a * D;
    for (let t = 0; t < dn; t++) sums[q + t] += xn[p + t];
    for (let b = 0; b < nb; b++) sums[q + codes[i * nb + b]] += vals[b];
  }
}

/** Moves row i from segment a to segment b in the running sums and counts. */
function moveRow(w: Work, i: number, a: number, b: number): void {
  const { xn, dn, codes, nb, vals, D } = w.c;
  const { sums, counts } = w;
  counts[a]--;
  counts[b]++;
  const p = i * dn;
  const qa = a * D;
  const qb = b * D;
  for (let t = 0; t < dn; t++) {
    const v = xn[p + t];
    sums[qa + t] -= v;
    sums[qb + t] += v;
  }
  for (let q = 0; q < nb; q++) {
    const h = codes[i * nb + q];
    sums[qa + h] -= vals[q];
    sums[qb + h] += vals[q];
  }
}

/** How far the centroids moved in the last update. */
interface Moves {
  /** Largest move, its centroid, second largest move. */
  max1: number;
  arg1: number;
  max2: number;
  /** Σ_j move_j² (the squared Frobenius norm of the centre shift). */
  shift: number;
}

/** New centroids = sums / counts (swapped into `w.centers`); `w.delta[j]` = distance centroid j moved. */
function moveCenters(w: Work): Moves {
  const { k } = w;
  const { D, nb, blockStart } = w.c;
  const { sums, counts, delta } = w;
  const prev = w.centers;
  const next = w.newCenters;
  let shift = 0;
  let max1 = 0;
  let max2 = 0;
  let arg1 = -1;
  for (let j = 0; j < k; j++) {
    const inv = 1 / counts[j];
    let s = 0;
    for (let t = j * D, e = t + D; t < e; t++) {
      const v = sums[t] * inv;
      const z = v - prev[t];
      next[t] = v;
      s += z * z;
    }
    shift += s;
    const m = Math.sqrt(s);
    delta[j] = m;
    if (m > max1) {
      max2 = max1;
      max1 = m;
      arg1 = j;
    } else if (m > max2) max2 = m;
  }
  w.centers = next;
  w.newCenters = prev;
  for (let j = 0; j < k; j++) prepQ(next, D, w.Q, nb, blockStart, j);
  return { max1, arg1, max2, shift };
}

/** Half the distance from each centroid to its nearest other centroid. */
function halfDistances(w: Work): void {
  const { k, half, centers: C } = w;
  const D = w.c.D;
  half.fill(Infinity);
  for (let j = 0; j < k; j++) {
    for (let q = j + 1; q < k; q++) {
      let s = 0;
      for (let t = 0; t < D; t++) {
        const z = C[j * D + t] - C[q * D + t];
        s += z * z;
      }
      const h = Math.sqrt(s) / 2;
      if (h < half[j]) half[j] = h;
      if (h < half[q]) half[q] = h;
    }
  }
}

/**
 * Hamerly's assignment step. First the bounds follow the last centroid move by the triangle inequality (upper +=
 * own centroid's move, lower −= the largest move of another centroid); rows whose bounds then prove their
 * centroid is still the nearest are skipped, the others get exact distances (ties keep the current segment).
 * Moved rows update the running sums. Returns the number of rows that changed segment.
 */
function assign(w: Work, moves: Moves): number {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { labels, upper, lower, half, delta, centers: C, Q, k } = w;
  const { max1, arg1, max2 } = moves;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const u0 = upper[i] + delta[a];
    const l0 = lower[i] - (a === arg1 ? max2 : max1);
    upper[i] = u0;
    lower[i] = l0;
    const bound = half[a] > l0 ? half[a] : l0;
    if (u0 <= bound) continue;
    const s = dist2(xn, dn, codes, nb, vals, i, C, D, Q, a);
    const u = Math.sqrt(s);
    upper[i] = u;
    if (u <= bound) continue;
    let best = a;
    let b1 = s;
    let b2 = Infinity;
    for (let j = 0; j < k; j++) {
      if (j === a) continue;
      const e = dist2(xn, dn, codes, nb, vals, i, C, D, Q, j);
      if (e < b1) {
        b2 = b1;
        b1 = e;
        best = j;
      } else if (e < b2) b2 = e;
    }
    lower[i] = Math.sqrt(b2);
    if (best !== a) {
      upper[i] = Math.sqrt(b1);
      labels[i] = best;
      moveRow(w, i, a, best);
      changed++;
    }
  }
  return changed;
}

/**
 * Re-seeds the empty segment `j` with the row farthest from its own centroid among segments of more than one row
 * (exact distances; a rare event). The moved row gets bounds 0 / 0 so it is re-examined next time.
 */
function reseedEmpty(w: Work, j: number): void {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { labels, counts, centers: C, Q } = w;
  let far = -1;
  let farDist = -1;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    if (counts[a] <= 1) continue;
    const s = dist2(xn, dn, codes, nb, vals, i, C, D, Q, a);
    if (s > farDist) {
      farDist = s;
      far = i;
    }
  }
  const from = labels[far];
  labels[far] = j;
  moveRow(w, far, from, j);
  w.upper[far] = 0;
  w.lower[far] = 0;
}

/** Σ_i ‖x_i − c_{labels[i]}‖² against the current centres of `w`. */
function inertiaOfWork(w: Work): number {
  const { xn, dn, codes, nb, vals, D, n } = w.c;
  const { labels, centers: C, Q } = w;
  let total = 0;
  for (let i = 0; i < n; i++) total += dist2(xn, dn, codes, nb, vals, i, C, D, Q, labels[i]);
  return total;
}

interface Run {
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Lloyd iterations from the labels and bounds in `w` (after seeding or `assignAll`) to convergence; leaves exact
 * segment means in `w.centers` and returns the inertia. `tolAbs`: absolute tolerance on the squared centre shift.
 */
function lloyd(w: Work, maxIter: number, tolAbs: number): Run {
  const k = w.k;
  segmentSums(w);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    iterations++;
    const moves = moveCenters(w);
    const last = moves.shift <= tolAbs;
    halfDistances(w);
    const changed = assign(w, moves);
    for (let j = 0; j < k; j++) if (w.counts[j] === 0) reseedEmpty(w, j);
    if (changed === 0 || last) {
      converged = true;
      break;
    }
  }
  // Exact centroids from the final labels (the running sums carry rounding).
  segmentSums(w);
  const { sums, counts, centers } = w;
  const { D, nb, blockStart } = w.c;
  for (let j = 0; j < k; j++) {
    for (let t = j * D, e = t + D; t < e; t++) centers[t] = sums[t] / counts[j];
    prepQ(centers, D, w.Q, nb, blockStart, j);
  }
  return { inertia: inertiaOfWork(w), iterations, converged };
}

/** Mean over the internal columns of the population variance of each column. */
function meanVariance(c: Compact): number {
  const { xn, dn, codes, nb, vals, D, n } = c;
  if (n === 0) return 0;
  const mean = new Float64Array(D);
  const sq = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < dn; t++) {
      const v = xn[i * dn + t];
      mean[t] += v;
      sq[t] += v * v;
    }
    for (let b = 0; b < nb; b++) {
      const h = codes[i * nb + b];
      mean[h] += vals[b];
      sq[h] += vals[b] * vals[b];
    }
  }
  let total = 0;
  for (let t = 0; t < D; t++) {
    const m = mean[t] / n;
    total += Math.max(0, sq[t] / n - m * m);
  }
  return total / D;
}

/**
 * Clusters the rows of `matrix` into k segments with k-means++ seeded, Hamerly-accelerated Lloyd iterations and
 * `nInit` restarts (see the module doc for every convention, including restarts on a sample of large tables).
 * @throws value `invalidK` (k not a whole number ≥ 1), `kTooLarge` (k > rows), `notEnoughDistinctRows` (fewer
 *   than k distinct rows), `invalidOption` (bad options or non-finite data).
 */
export function kmeans(matrix: MatrixLike, k: number, options: KMeansOptions = {}): KMeansResult {
  checkMatrix(matrix);
  return kmeansCompact(toCompact(matrix), k, options);
}

/** {@link kmeans} on rows already in compact form. */
export function kmeansCompact(c: Compact, k: number, options: KMeansOptions = {}): KMeansResult {
  const plan = restartPlan(c, k, options);
  if (options.init !== undefined) return fromCentroids(plan, options.init);
  const best = bestRestart(plan);
  if (!plan.sampled) return canonical(c, best.labels, best.centers, k, best.run, c.n);
  // Refine the winning sample centroids on all rows.
  const full = makeWork(c, k);
  full.centers.set(best.centers);
  for (let j = 0; j < k; j++) prepQ(full.centers, c.D, full.Q, c.nb, c.blockStart, j);
  return refineFrom(plan, full, plan.rc.n);
}

/** Validated options of one k-means call, the rows its restarts run on and the restart seeds. */
interface RestartPlan {
  c: Compact;
  k: number;
  nInit: number;
  maxIter: number;
  tolAbs: number;
  /** Rows the restarts run on (a sample of `c`, or `c`). */
  rc: Compact;
  sampled: boolean;
  seeds: number[];
}

/**
 * Validates k and the options and draws the restart sample and seeds (see the module doc).
 * @throws value `invalidK`, `kTooLarge`, `invalidOption`.
 */
function restartPlan(c: Compact, k: number, options: KMeansOptions): RestartPlan {
  const n = c.n;
  if (typeof k !== "number" || !Number.isInteger(k) || k < 1) {
    throw segmentError("value", "invalidK", { k: String(k), min: 1 });
  }
  if (k > n) throw segmentError("value", "kTooLarge", { k, n });
  const nInit = intOption(options.nInit, "nInit", 1, 1000, DEFAULT_N_INIT);
  const maxIter = intOption(options.maxIter, "maxIter", 1, 10_000, DEFAULT_MAX_ITER);
  const tol = numberOption(options.tol, "tol", 0, 1, DEFAULT_TOL);
  const sampleSize = intOption(options.restartSampleSize, "restartSampleSize", 0, 1e9, DEFAULT_RESTART_SAMPLE);
  if (sampleSize > 0 && sampleSize < 100) {
    throw segmentError("value", "invalidOption", { arg: "restartSampleSize", expected: "0 or at least 100" });
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw segmentError("value", "invalidOption", { arg: "seed", expected: "a number" });
  }
  const master = createRng(seed);
  const sampleSeed = master.uint32();
  const seeds = Array.from({ length: nInit }, () => master.uint32());
  const sampled = options.init === undefined && sampleSize > 0 && n > sampleSize && sampleSize >= k;
  const rc = sampled ? compactSubset(c, sampleIndices(n, sampleSize, createRng(sampleSeed))) : c;
  return { c, k, nInit, maxIter, tolAbs: tol * meanVariance(c), rc, sampled, seeds };
}

/**
 * Runs the plan's nInit restarts and returns the one with the lowest inertia (the earlier run on a tie). A sample
 * with fewer than k distinct rows falls back to restarts on all rows (`plan.sampled` becomes false).
 * @throws value `notEnoughDistinctRows` when the table itself has fewer than k distinct rows.
 */
function bestRestart(plan: RestartPlan): { run: Run; labels: Int32Array; centers: Float64Array } {
  const w = makeWork(plan.rc, plan.k);
  let best: { run: Run; labels: Int32Array; centers: Float64Array } | undefined;
  for (let r = 0; r < plan.nInit; r++) {
    try {
      seedPlusPlus(w, createRng(plan.seeds[r]));
    } catch (e) {
      if (!plan.sampled) throw e;
      // A sample can hold fewer distinct rows than the table: start again on all rows.
      plan.rc = plan.c;
      plan.sampled = false;
      return bestRestart(plan);
    }
    const run = lloyd(w, plan.maxIter, plan.tolAbs);
    if (best === undefined || run.inertia < best.run.inertia) {
      best = { run, labels: w.labels.slice(), centers: w.centers.slice() };
    }
  }
  return best as { run: Run; labels: Int32Array; centers: Float64Array };
}

/** One Lloyd run on all rows from user-given centroids (original column order, k × dims). */
function fromCentroids(plan: RestartPlan, init: Float64Array): KMeansResult {
  const { c, k } = plan;
  const D = c.D;
  if (!(init instanceof Float64Array) || init.length !== k * D || !init.every((v) => Number.isFinite(v))) {
    throw segmentError("value", "invalidOption", { arg: "init", expected: `${k} × ${D} finite centroids` });
  }
  const w = makeWork(c, k);
  for (let j = 0; j < k; j++) {
    for (let t = 0; t < D; t++) w.centers[j * D + t] = init[j * D + c.perm[t]];
    prepQ(w.centers, D, w.Q, c.nb, c.blockStart, j);
  }
  return refineFrom(plan, w, c.n);
}

/** Lloyd on all rows from the centroids in `w` (first an exact assignment; empty segments re-seeded). */
function refineFrom(plan: RestartPlan, w: Work, restartRows: number): KMeansResult {
  const { c, k } = plan;
  assignAll(w);
  for (let j = 0; j < k; j++) if (countOf(w.labels, j) === 0) reseedEmptyInitial(w, j);
  const run = lloyd(w, plan.maxIter, plan.tolAbs);
  return canonical(c, w.labels, w.centers, k, run, restartRows);
}

function countOf(labels: Int32Array, j: number): number {
  let m = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === j) m++;
  return m;
}

/** Before the first Lloyd step on all rows: gives an empty segment the row farthest from its centroid. */
function reseedEmptyInitial(w: Work, j: number): void {
  segmentSums(w);
  reseedEmpty(w, j);
}

/** Renumbers segments by size (largest first; ties: the segment of the earliest row first). */
function canonical(
  c: Compact,
  labels: Int32Array,
  centers: Float64Array,
  k: number,
  run: Run,
  restartRows: number,
): KMeansResult {
  const D = c.D;
  const counts = new Int32Array(k);
  const firstRow = new Int32Array(k).fill(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    if (counts[a]++ === 0) firstRow[a] = i;
  }
  const order = Array.from({ length: k }, (_, j) => j).sort(
    (a, b) => counts[b] - counts[a] || firstRow[a] - firstRow[b],
  );
  const rank = new Int32Array(k);
  order.forEach((j, r) => (rank[j] = r));
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = rank[labels[i]];
  const sorted = new Float64Array(k * D);
  const sizes = new Int32Array(k);
  order.forEach((j, r) => {
    sorted.set(centers.subarray(j * D, (j + 1) * D), r * D);
    sizes[r] = counts[j];
  });
  return {
    k,
    labels: out,
    centroids: toOriginalOrder(c, sorted, k),
    sizes,
    inertia: run.inertia,
    iterations: run.iterations,
    converged: run.converged,
    restartRows,
  };
}

/** Σ_i ‖x_i − c_{labels[i]}‖² for a row-major matrix and row-major k × dims centroids. */
export function inertiaOf(matrix: MatrixLike, labels: ArrayLike<number>, centroids: Float64Array): number {
  const { data: x, rows: n, dims: d } = matrix;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const q = labels[i] * d;
    for (let t = 0; t < d; t++) {
      const z = x[i * d + t] - centroids[q + t];
      total += z * z;
    }
  }
  return total;
}
