/**
 * Seeded pseudo-random numbers for the segmentation module, so that k-means++ seeding, restarts and silhouette
 * sampling are reproducible: the same data, options and seed give the same segments on every machine (only
 * integer arithmetic and exact IEEE division are used, no platform-dependent Math functions).
 *
 * Generator: mulberry32 (Tommy Ettinger, 2017; public domain), a 32-bit state generator with period 2^32 that
 * passes gjrand and PractRand to several GB, ample for seeding and sampling; it is not cryptographic.
 */

/** A seeded uniform generator. */
export interface Rng {
  /** Uniform double in [0, 1) with 32 random bits. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32 (multiply-shift on 32 bits; bias below 2^-32·n, negligible). */
  int(n: number): number;
}

/**
 * Mixes any number into a 32-bit seed: the integer part's low 32 bits and the high bits of large seeds are
 * combined with the murmur3 finalizer, so nearby seeds (1, 2, 3 …) give unrelated streams. Non-finite seeds
 * map to 0.
 */
export function seed32(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  const t = Math.trunc(seed);
  let h = (t >>> 0) ^ Math.floor(Math.abs(t) / 4294967296) ^ (t < 0 ? 0x9e3779b9 : 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A mulberry32 generator for `seed` (any number; see {@link seed32}).
 * Reference: T. Ettinger, mulberry32 (2017), https://gist.github.com/tommyettinger/46a874533244883189143505d203312c.
 */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed32(seed));
}

/** mulberry32 state and steps (a class, so every generator shares the same methods: monomorphic hot calls). */
class Mulberry32 implements Rng {
  private s: number;

  constructor(state: number) {
    this.s = state >>> 0;
  }

  uint32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.uint32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor((this.uint32() / 4294967296) * n);
  }
}

/**
 * A uniform random subset of `m` of the indices 0..n−1 (without replacement), in ascending order; all of them
 * when m ≥ n. Partial Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P): O(n) memory and time.
 */
export function sampleIndices(n: number, m: number, rng: Rng): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (m >= n) return all;
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, m).sort();
}
