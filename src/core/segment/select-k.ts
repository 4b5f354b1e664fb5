/**
 * Chooses the number of segments k by the mean silhouette (Rousseeuw 1987) over k = kMin..kMax (default 2..8,
 * at most rows − 1): the highest score wins (the smaller k on a tie).
 *
 * Procedure, for a feature matrix of n rows:
 * 1. A seeded uniform sample of `silhouetteSampleSize` rows (default 5,000; all rows when n is smaller) is drawn
 *    once, so every candidate is scored on the same rows (exact silhouettes cost O(n²); scoring a sample is the
 *    practice of scikit-learn's `silhouette_score(sample_size=…)`).
 * 2. Each candidate k is fitted on those rows with `selectNInit` k-means++ restarts (default 3) and scored by
 *    the silhouette of that partition; all candidates are scored in one pass over the sample's pairs of rows.
 * 3. The chosen k is fitted on all rows with `kmeans` and the same options (nInit restarts, seed …), so the
 *    segments are exactly those of `kmeans(matrix, k, options)`.
 * Fitting the candidates on the sample (rather than on all rows) changes only which k is chosen, not the final
 * segments; it keeps the choice among 7 candidates affordable on 100,000 rows.
 * A table with fewer distinct rows than a candidate k stops the search at the previous k (warning `kReduced`).
 */
import { compactSubset, toCompact } from "./compact";
import { DEFAULT_N_INIT, checkMatrix, kmeansCompact, type KMeansOptions, type KMeansResult } from "./kmeans";
import { intOption, segmentError, segmentWarning, type SegmentWarning } from "./messages";
import { createRng, sampleIndices, seed32, type Rng } from "./random";
import { DEFAULT_SILHOUETTE_SAMPLE, silhouetteOfRows, type Partition } from "./silhouette";
import type { MatrixLike } from "./types";
import { isMktError } from "../errors";

/** Default smallest k tried. */
export const DEFAULT_K_MIN = 2;
/** Default largest k tried (never more than rows − 1). */
export const DEFAULT_K_MAX = 8;
/** Default number of restarts per candidate k while choosing. */
export const DEFAULT_SELECT_N_INIT = 3;

/** Options of {@link chooseK}: those of `kmeans` plus the search range and the silhouette sample. */
export interface ChooseKOptions extends KMeansOptions {
  /** Smallest k tried, ≥ 2 (default 2). */
  kMin?: number;
  /** Largest k tried (default 8; never more than rows − 1). */
  kMax?: number;
  /** Restarts per candidate while choosing, 1..nInit (default 3). */
  selectNInit?: number;
  /** Rows above which silhouettes use a sample of this many rows, 2–100,000 (default 5,000). */
  silhouetteSampleSize?: number;
}

/** One candidate k and its mean silhouette. */
export interface KCandidate {
  k: number;
  /** Mean silhouette on the silhouette rows (NaN if they fell into one segment). */
  silhouette: number;
}

/** The chosen k, its k-means result and the scores of every candidate. */
export interface ChooseKResult {
  k: number;
  kmeans: KMeansResult;
  candidates: KCandidate[];
  /** Rows the silhouettes were computed on. */
  silhouetteRows: number;
  warnings: SegmentWarning[];
}

/**
 * The generator of the silhouette sample for a seed (shared by the automatic and the fixed-k paths of
 * `segmentTable`, so both score the same rows): mulberry32 seeded with seed32(seed) XOR a constant, so the
 * sample does not reuse the stream of the k-means restarts.
 */
export function silhouetteSampleRng(seed: number): Rng {
  return createRng(seed32(seed) ^ 0x5111e77e);
}

/**
 * Chooses k by the sampled mean silhouette and returns the k-means result for it (see the module doc).
 * @throws value `tooFewRows` (fewer than 3 rows), `invalidOption` / `invalidK` / `kTooLarge` for a bad range,
 *   `notEnoughDistinctRows` (fewer than kMin distinct rows), and the errors of `kmeans`.
 */
export function chooseK(matrix: MatrixLike, options: ChooseKOptions = {}): ChooseKResult {
  checkMatrix(matrix);
  const n = matrix.rows;
  if (n < 3) throw segmentError("value", "tooFewRows", { min: 3, n });
  const kMin = intOption(options.kMin, "kMin", 2, 1e6, DEFAULT_K_MIN);
  const kMaxAsked = intOption(options.kMax, "kMax", kMin, 1e6, Math.max(kMin, DEFAULT_K_MAX));
  if (kMin > n - 1) throw segmentError("value", "kTooLarge", { k: kMin, n });
  const kMax = Math.min(kMaxAsked, n - 1);
  const nInit = intOption(options.nInit, "nInit", 1, 1000, DEFAULT_N_INIT);
  const selectNInit = intOption(options.selectNInit, "selectNInit", 1, nInit, Math.min(DEFAULT_SELECT_N_INIT, nInit));
  const sampleSize = intOption(
    options.silhouetteSampleSize,
    "silhouetteSampleSize",
    2,
    100_000,
    DEFAULT_SILHOUETTE_SAMPLE,
  );
  const seed = options.seed ?? 0;

  const c = toCompact(matrix);
  const rows = sampleIndices(n, sampleSize, silhouetteSampleRng(seed));
  const cs = compactSubset(c, rows);
  const warnings: SegmentWarning[] = [];
  const partitions: Partition[] = [];
  const kTop = Math.min(kMax, cs.n - 1);
  for (let k = kMin; k <= kTop; k++) {
    try {
      const fit = kmeansCompact(cs, k, { ...options, nInit: selectNInit, restartSampleSize: 0 });
      partitions.push({ k, labels: fit.labels });
    } catch (e) {
      if (isMktError(e) && e.key === "notEnoughDistinctRows" && k > kMin) {
        const distinct = e.params.distinct ?? k - 1;
        warnings.push(segmentWarning("kReduced", { distinct, max: k - 1, requested: kMaxAsked }));
        break;
      }
      throw e;
    }
  }
  const scores = silhouetteOfRows(cs, partitions);
  let bestIndex = 0;
  for (let t = 1; t < scores.length; t++) {
    const s = scores[t];
    const b = scores[bestIndex];
    if (s > b || (Number.isNaN(b) && !Number.isNaN(s))) bestIndex = t;
  }
  const k = partitions[bestIndex].k;
  return {
    k,
    kmeans: kmeansCompact(c, k, options),
    candidates: partitions.map((p, t) => ({ k: p.k, silhouette: scores[t] })),
    silhouetteRows: rows.length,
    warnings,
  };
}
