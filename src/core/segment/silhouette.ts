/**
 * Silhouette scores of partitions (Rousseeuw 1987), with Euclidean distance on the feature matrix.
 *
 * For row i in segment A: a(i) = mean distance from i to the other rows of A, b(i) = min over other segments B
 * of the mean distance from i to the rows of B, s(i) = (b(i) − a(i)) / max(a(i), b(i)), and s(i) = 0 when i is
 * alone in its segment (Rousseeuw's convention; also when a = b = 0). The score of a partition is the mean of
 * s(i) over the rows, from −1 to 1; higher means tighter, better separated segments.
 *
 * The exact score needs all n(n−1)/2 distances. Above `sampleSize` rows (default 5,000) it is computed on a
 * seeded uniform random sample of that many rows (a(i), b(i) and the mean over the sample only), the practice
 * of scikit-learn's `silhouette_score(sample_size=…)`; the sample is the same for every partition scored in one
 * call, so candidate numbers of segments are compared on equal terms. Several partitions are scored in one pass
 * over the pairs (each distance computed once), which is what makes choosing k over 2..8 affordable.
 * Reference: P. J. Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and validation of
 * cluster analysis", J. Comput. Appl. Math. 20, 53–65.
 */
import { compactSubset, toCompact, type Compact } from "./compact";
import { checkMatrix } from "./kmeans";
import { intOption, segmentError } from "./messages";
import { createRng, sampleIndices, type Rng } from "./random";
import type { MatrixLike } from "./types";

/** Default number of rows above which silhouettes are computed on a sample. */
export const DEFAULT_SILHOUETTE_SAMPLE = 5000;

/** A partition to score: labels 0..k−1 per row. */
export interface Partition {
  labels: ArrayLike<number>;
  k: number;
}

/** Options of {@link silhouetteScores}. */
export interface SilhouetteOptions {
  /** Rows above which a random sample of this many rows is used, 2–100,000 (default 5,000). */
  sampleSize?: number;
  /** Seed of the sample (default 0). */
  seed?: number;
  /** Generator of the sample (overrides `seed`). */
  rng?: Rng;
}

/** Scores plus the number of rows they were computed on. */
export interface SilhouetteResult {
  /** Mean silhouette per partition (NaN when the rows scored fall into fewer than two segments). */
  scores: number[];
  /** Rows used: all rows, or the sample size. */
  sampled: number;
  /** Row indices used (ascending). */
  rows: Int32Array;
}

function checkLabels(p: Partition, n: number): void {
  if (!Number.isInteger(p.k) || p.k < 1) throw segmentError("value", "invalidK", { k: String(p.k), min: 1 });
  if (p.labels.length !== n) throw segmentError("value", "lengthMismatch", { arg: "labels", n: p.labels.length, m: n });
  for (let i = 0; i < n; i++) {
    const v = p.labels[i];
    if (!Number.isInteger(v) || v < 0 || v >= p.k) {
      throw segmentError("value", "invalidLabels", { max: p.k - 1, row: i + 1, value: String(v) });
    }
  }
}

/**
 * Mean silhouette of each partition, exact up to `sampleSize` rows and on one shared seeded sample above (see
 * the module doc). O(s² · (dims + partitions)) time for s rows scored, O(s · Σk) memory.
 * @throws value `lengthMismatch` / `invalidLabels` for labels that do not fit the matrix, `invalidOption`.
 */
export function silhouetteScores(
  matrix: MatrixLike,
  partitions: readonly Partition[],
  options: SilhouetteOptions = {},
): SilhouetteResult {
  checkMatrix(matrix);
  return silhouetteCompact(toCompact(matrix), partitions, options);
}

/** {@link silhouetteScores} on rows in compact form (shared with the choice of k). */
export function silhouetteCompact(
  c: Compact,
  partitions: readonly Partition[],
  options: SilhouetteOptions = {},
): SilhouetteResult {
  const n = c.n;
  for (const p of partitions) checkLabels(p, n);
  const sampleSize = intOption(options.sampleSize, "sampleSize", 2, 100_000, DEFAULT_SILHOUETTE_SAMPLE);
  const rows = sampleIndices(n, sampleSize, options.rng ?? createRng(options.seed ?? 0));
  const sampleLabels = partitions.map((p) => ({ k: p.k, labels: Int32Array.from(rows, (r) => p.labels[r]) }));
  return { scores: silhouetteOfRows(compactSubset(c, rows), sampleLabels), sampled: rows.length, rows };
}

/**
 * Mean silhouette of each partition of the rows of `cs` (all of them, no sampling; labels already validated, one
 * per row of `cs`). NaN for a partition whose rows fall into fewer than two segments.
 */
export function silhouetteOfRows(cs: Compact, partitions: readonly Partition[]): number[] {
  const s = cs.n;
  // Per partition: an s × k table of distance sums from each row to each segment.
  const labels = partitions.map((p) => Int32Array.from(p.labels));
  const sums = partitions.map((p) => new Float64Array(s * p.k));
  const mismatch = new Float64Array(cs.nb);
  for (let b = 0; b < cs.nb; b++) mismatch[b] = 2 * cs.vals[b] * cs.vals[b];
  const row = new Float64Array(s);
  for (let i = 0; i < s; i++) {
    distancesFrom(cs, i, mismatch, row);
    for (let t = 0; t < partitions.length; t++) accumulate(i, s, partitions[t].k, labels[t], row, sums[t]);
  }
  return partitions.map((p, t) => meanSilhouette(s, p.k, labels[t], sums[t]));
}

/** row[j] = distance from sample row i to row j, for j > i. */
function distancesFrom(cs: Compact, i: number, mismatch: Float64Array, row: Float64Array): void {
  const { xn, dn, codes, nb, n: s } = cs;
  const pi = i * dn;
  const ci = i * nb;
  for (let j = i + 1; j < s; j++) {
    const pj = j * dn;
    let e = 0;
    for (let q = 0; q < dn; q++) {
      const z = xn[pi + q] - xn[pj + q];
      e += z * z;
    }
    const cj = j * nb;
    for (let b = 0; b < nb; b++) if (codes[ci + b] !== codes[cj + b]) e += mismatch[b];
    row[j] = Math.sqrt(e);
  }
}

/** Adds d(i, j), j > i, to row i's sum for j's segment and to row j's sum for i's segment. */
function accumulate(i: number, s: number, k: number, lab: Int32Array, row: Float64Array, sums: Float64Array): void {
  const bi = i * k;
  const li = lab[i];
  for (let j = i + 1; j < s; j++) {
    const d = row[j];
    sums[bi + lab[j]] += d;
    sums[j * k + li] += d;
  }
}

/** Mean of s(i) = (b − a) / max(a, b) from the per-row, per-segment distance sums (NaN if < 2 segments). */
function meanSilhouette(s: number, k: number, lab: Int32Array, sums: Float64Array): number {
  const count = new Float64Array(k);
  for (let i = 0; i < s; i++) count[lab[i]]++;
  let present = 0;
  for (let c = 0; c < k; c++) if (count[c] > 0) present++;
  if (present < 2) return NaN;
  let total = 0;
  for (let i = 0; i < s; i++) {
    const own = lab[i];
    if (count[own] <= 1) continue;
    const base = i * k;
    const a = sums[base + own] / (count[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || count[c] === 0) continue;
      const m = sums[base + c] / count[c];
      if (m < b) b = m;
    }
    const den = a > b ? a : b;
    if (den > 0) total += (b - a) / den;
  }
  return total / s;
}

/**
 * Mean silhouette of one partition (see {@link silhouetteScores}); NaN when the rows scored fall into fewer than
 * two segments.
 */
export function silhouetteScore(
  matrix: MatrixLike,
  labels: ArrayLike<number>,
  k: number,
  options: SilhouetteOptions = {},
): number {
  return silhouetteScores(matrix, [{ labels, k }], options).scores[0];
}

/**
 * Exact silhouette s(i) of every row (no sampling; O(n² · dims), meant for small tables and tests).
 */
export function silhouetteSamples(matrix: MatrixLike, labels: ArrayLike<number>, k: number): Float64Array {
  checkMatrix(matrix);
  const { data: x, rows: n, dims: d } = matrix;
  checkLabels({ labels, k }, n);
  const count = new Float64Array(k);
  for (let i = 0; i < n; i++) count[labels[i]]++;
  const out = new Float64Array(n);
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let e = 0;
      for (let q = 0; q < d; q++) {
        const z = x[i * d + q] - x[j * d + q];
        e += z * z;
      }
      sums[labels[j]] += Math.sqrt(e);
    }
    const own = labels[i];
    if (count[own] <= 1) continue;
    const a = sums[own] / (count[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && count[c] > 0) b = Math.min(b, sums[c] / count[c]);
    if (!Number.isFinite(b)) continue;
    const den = Math.max(a, b);
    if (den > 0) out[i] = (b - a) / den;
  }
  return out;
}
