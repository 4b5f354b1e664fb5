import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import {
  chooseK,
  createRng,
  inertiaOf,
  kmeans,
  readTable,
  sampleIndices,
  segmentTable,
  silhouetteSamples,
  silhouetteScore,
  silhouetteScores,
  standardize,
  type MatrixLike,
} from "../../../src/core/segment";

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

/** Adjusted Rand index (Hubert & Arabie 1985) of two labelings, from their contingency table. */
function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  const c2 = (x: number): number => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  let sb = 0;
  for (const v of ra.values()) sa += c2(v);
  for (const v of rb.values()) sb += c2(v);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Standard normal deviates from the module's seeded generator (Box–Muller). */
function normals(seed: number): () => number {
  const rng = createRng(seed);
  return () => {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  };
}

interface Planted {
  cells: unknown[][];
  truth: number[];
}

/**
 * `k` well-separated Gaussian blobs of customers (age, orders, spend, recency days: blob means several sds apart),
 * a city tier tied to the blob (85% its own tier) and a channel that is pure noise, in random row order.
 */
function plantedCustomers(n: number, k: number, seed: number): Planted {
  const rng = createRng(seed);
  const z = normals(seed + 1);
  const centres = [
    { age: 24, orders: 2, spend: 80, recency: 20, tier: "Tier-3" },
    { age: 38, orders: 14, spend: 900, recency: 10, tier: "Tier-1" },
    { age: 55, orders: 5, spend: 300, recency: 200, tier: "Tier-2" },
    { age: 30, orders: 8, spend: 450, recency: 90, tier: "Tier-1" },
  ];
  const tiers = ["Tier-1", "Tier-2", "Tier-3"];
  const cells: unknown[][] = [["Age", "Order count", "Spend", "Recency days", "City tier", "Channel"]];
  const truth: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = rng.int(k);
    const c = centres[g];
    truth.push(g);
    cells.push([
      Math.round(c.age + 2 * z()),
      Math.max(0, Math.round(c.orders + 0.7 * z())),
      Math.round((c.spend + 25 * z()) * 100) / 100,
      Math.max(0, Math.round(c.recency + 5 * z())),
      rng.next() < 0.85 ? c.tier : tiers[rng.int(3)],
      rng.next() < 0.5 ? "Online" : "Store",
    ]);
  }
  return { cells, truth };
}

function matrixOf(p: Planted) {
  return standardize(readTable(p.cells));
}

describe("kmeans", () => {
  it("recovers 3 and 4 planted segments with mixed categorical columns (ARI ≥ 0.95)", () => {
    for (const k of [3, 4]) {
      const p = plantedCustomers(1500, k, 11 * k);
      const r = kmeans(matrixOf(p), k, { seed: 7 });
      expect(adjustedRand(r.labels, p.truth)).toBeGreaterThanOrEqual(0.95);
      expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(1500);
      expect(r.converged).toBe(true);
    }
  });

  it("recovers planted segments on a large table (restarts on a sample, refinement on all rows)", () => {
    const p = plantedCustomers(12_000, 4, 5);
    const m = matrixOf(p);
    const r = kmeans(m, 4, { seed: 3 });
    expect(r.restartRows).toBe(10_000);
    expect(adjustedRand(r.labels, p.truth)).toBeGreaterThanOrEqual(0.95);
    const full = kmeans(m, 4, { seed: 3, restartSampleSize: 0 });
    expect(full.restartRows).toBe(12_000);
    expect(adjustedRand(full.labels, r.labels)).toBe(1);
    expect(full.inertia).toBeCloseTo(r.inertia, 6);
  });

  it("is deterministic for a seed and labels segments by size", () => {
    const m = matrixOf(plantedCustomers(800, 4, 2));
    const a = kmeans(m, 4, { seed: 42 });
    const b = kmeans(m, 4, { seed: 42 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(a.inertia).toBe(b.inertia);
    for (let j = 1; j < 4; j++) expect(a.sizes[j]).toBeLessThanOrEqual(a.sizes[j - 1]);
    // Other seeds find the same well-separated partition.
    expect(adjustedRand(kmeans(m, 4, { seed: 99 }).labels, a.labels)).toBe(1);
  });

  it("does not depend on the row order for well-separated data", () => {
    const p = plantedCustomers(900, 3, 8);
    const m = matrixOf(p);
    const base = kmeans(m, 3, { seed: 1 }).labels;
    const perm = Array.from(sampleIndices(900, 900, createRng(5)));
    // sampleIndices returns sorted indices: shuffle them explicitly.
    const rng = createRng(77);
    for (let i = perm.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const shuffled = [p.cells[0], ...perm.map((i) => p.cells[i + 1])];
    const labels = kmeans(standardize(readTable(shuffled)), 3, { seed: 1 }).labels;
    const back = new Int32Array(900);
    perm.forEach((orig, pos) => (back[orig] = labels[pos]));
    expect(adjustedRand(back, base)).toBe(1);
  });

  it("gives exact segment means, the reported inertia and nearest-centroid labels (property)", () => {
    const data = fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), {
      minLength: 2,
      maxLength: 60,
    });
    fc.assert(
      fc.property(data, fc.integer({ min: 1, max: 6 }), fc.integer(), (pts, kRaw, seed) => {
        const distinct = new Set(pts.map((p) => p.join())).size;
        const k = Math.min(kRaw, distinct);
        const m: MatrixLike = { data: Float64Array.from(pts.flat()), rows: pts.length, dims: 2 };
        const r = kmeans(m, k, { seed, nInit: 2, tol: 0 });
        expect(r.sizes.every((s) => s > 0)).toBe(true);
        for (let j = 0; j < k; j++) {
          for (let t = 0; t < 2; t++) {
            let s = 0;
            for (let i = 0; i < pts.length; i++) if (r.labels[i] === j) s += pts[i][t];
            expect(r.centroids[j * 2 + t]).toBeCloseTo(s / r.sizes[j], 9);
          }
        }
        expect(r.inertia).toBeCloseTo(inertiaOf(m, r.labels, r.centroids), 9);
        if (r.converged) {
          for (let i = 0; i < pts.length; i++) {
            const d = (j: number): number =>
              (pts[i][0] - r.centroids[j * 2]) ** 2 + (pts[i][1] - r.centroids[j * 2 + 1]) ** 2;
            for (let j = 0; j < k; j++) expect(d(r.labels[i])).toBeLessThanOrEqual(d(j) + 1e-9);
          }
        }
        if (distinct < 6) {
          expect(errorOf(() => kmeans(m, distinct + 1, { seed })).key).toBe(
            distinct + 1 > pts.length ? "kTooLarge" : "notEnoughDistinctRows",
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("uses the one-hot blocks only as a speed-up: same partition and inertia without them", () => {
    const m = matrixOf(plantedCustomers(600, 4, 21));
    const withBlocks = kmeans(m, 4, { seed: 2 });
    const dense = kmeans({ data: m.data, rows: m.rows, dims: m.dims }, 4, { seed: 2 });
    expect(adjustedRand(withBlocks.labels, dense.labels)).toBe(1);
    expect(withBlocks.inertia).toBeCloseTo(dense.inertia, 8);
    expect(withBlocks.inertia).toBeCloseTo(inertiaOf(m, withBlocks.labels, withBlocks.centroids), 8);
    // A declared block of the wrong shape is ignored, not trusted.
    const bad = kmeans({ data: m.data, rows: m.rows, dims: m.dims, blocks: [{ offset: 0, width: 3 }] }, 4, { seed: 2 });
    expect(bad.inertia).toBeCloseTo(dense.inertia, 8);
  });

  it("re-seeds an empty segment with the row farthest from its centroid", () => {
    const m: MatrixLike = { data: Float64Array.from([0, 1, 2, 10, 11, 12]), rows: 6, dims: 1 };
    // The third starting centroid attracts no row: row 0 (farthest from its centroid, first on a tie) moves to it.
    const r = kmeans(m, 3, { init: Float64Array.from([1, 11, 100]) });
    expect(Array.from(r.sizes)).toEqual([3, 2, 1]);
    expect(Array.from(r.labels)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(Array.from(r.centroids)).toEqual([11, 1.5, 0]);
    expect(r.inertia).toBeCloseTo(2.5, 12);
    expect(errorOf(() => kmeans(m, 3, { init: Float64Array.from([1, 2]) })).key).toBe("invalidOption");
  });

  it("rejects invalid k, options and data", () => {
    const m: MatrixLike = { data: Float64Array.from([0, 1, 2, 3]), rows: 4, dims: 1 };
    expect(errorOf(() => kmeans(m, 5))).toMatchObject({ kind: "value", key: "kTooLarge", params: { k: 5, n: 4 } });
    expect(errorOf(() => kmeans(m, 0)).key).toBe("invalidK");
    expect(errorOf(() => kmeans(m, 2.5)).key).toBe("invalidK");
    expect(errorOf(() => kmeans(m, 2, { nInit: 0 })).key).toBe("invalidOption");
    expect(errorOf(() => kmeans(m, 2, { restartSampleSize: 50 })).key).toBe("invalidOption");
    expect(errorOf(() => kmeans({ data: Float64Array.from([0, NaN]), rows: 2, dims: 1 }, 1)).key).toBe("invalidOption");
    expect(errorOf(() => kmeans({ data: new Float64Array(3), rows: 2, dims: 1 }, 1)).key).toBe("lengthMismatch");
    const same: MatrixLike = { data: new Float64Array(5).fill(1), rows: 5, dims: 1 };
    expect(errorOf(() => kmeans(same, 2))).toMatchObject({ key: "notEnoughDistinctRows", params: { distinct: 1 } });
    expect(kmeans(same, 1).inertia).toBe(0);
  });
});

describe("silhouette", () => {
  /** Direct O(n²) implementation of Rousseeuw's definition. */
  function naive(x: number[][], labels: number[]): number {
    const n = x.length;
    const dist = (i: number, j: number): number => Math.hypot(...x[i].map((v, t) => v - x[j][t]));
    let total = 0;
    for (let i = 0; i < n; i++) {
      const own = labels.filter((l, j) => l === labels[i] && j !== i).length;
      if (own === 0) continue;
      const mean = (c: number): number => {
        let s = 0;
        let m = 0;
        for (let j = 0; j < n; j++) {
          if (j !== i && labels[j] === c) {
            s += dist(i, j);
            m++;
          }
        }
        return s / m;
      };
      const a = mean(labels[i]);
      const others = [...new Set(labels)].filter((c) => c !== labels[i]).map(mean);
      const b = Math.min(...others);
      total += Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
    }
    return total / n;
  }

  it("matches a hand-computed example", () => {
    const m: MatrixLike = { data: Float64Array.from([0, 1, 10, 11]), rows: 4, dims: 1 };
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(silhouetteScore(m, [0, 0, 1, 1], 2)).toBeCloseTo(expected, 14);
    expect(Array.from(silhouetteSamples(m, [0, 0, 1, 1], 2))[0]).toBeCloseTo(9.5 / 10.5, 14);
    // A singleton segment scores 0 (Rousseeuw's convention).
    expect(silhouetteSamples(m, [0, 0, 0, 1], 2)[3]).toBe(0);
  });

  it("equals the definition on random data, also with one-hot blocks and several partitions at once", () => {
    const p = plantedCustomers(120, 3, 4);
    const m = matrixOf(p);
    const rows = Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.dims, (i + 1) * m.dims)));
    const parts = [2, 3, 5].map((k) => ({ k, labels: kmeans(m, k, { seed: 1 }).labels }));
    const res = silhouetteScores(m, parts);
    expect(res.sampled).toBe(120);
    parts.forEach((part, t) => {
      const exact = naive(rows, Array.from(part.labels));
      expect(res.scores[t]).toBeCloseTo(exact, 10);
      expect(silhouetteScore(m, part.labels, part.k)).toBeCloseTo(exact, 10);
      const perRow = silhouetteSamples(m, part.labels, part.k);
      expect(perRow.reduce((a, b) => a + b, 0) / 120).toBeCloseTo(exact, 10);
    });
  });

  it("samples large tables with a seed", () => {
    const m = matrixOf(plantedCustomers(5400, 3, 9));
    const labels = kmeans(m, 3, { seed: 1 }).labels;
    const a = silhouetteScores(m, [{ labels, k: 3 }], { seed: 4 });
    expect(a.sampled).toBe(5000);
    expect(silhouetteScores(m, [{ labels, k: 3 }], { seed: 4 }).scores[0]).toBe(a.scores[0]);
    const exact = silhouetteScores(m, [{ labels, k: 3 }], { sampleSize: 5400 }).scores[0];
    expect(Math.abs(a.scores[0] - exact)).toBeLessThan(0.01);
    expect(silhouetteScore(m, new Int32Array(5400), 1)).toBeNaN();
    expect(errorOf(() => silhouetteScore(m, new Int32Array(5), 2)).key).toBe("lengthMismatch");
    expect(errorOf(() => silhouetteScore(m, new Int32Array(5400).fill(3), 2)).key).toBe("invalidLabels");
  });
});

describe("chooseK", () => {
  it("picks the planted number of segments", () => {
    for (const k of [3, 4]) {
      const p = plantedCustomers(2000, k, 100 + k);
      const r = chooseK(matrixOf(p), { seed: 1 });
      expect(r.k).toBe(k);
      expect(r.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      const best = Math.max(...r.candidates.map((c) => c.silhouette));
      expect(r.candidates.find((c) => c.k === k)?.silhouette).toBe(best);
      expect(adjustedRand(r.kmeans.labels, p.truth)).toBeGreaterThanOrEqual(0.95);
      // The chosen segments are exactly those of kmeans with that k.
      expect(Array.from(r.kmeans.labels)).toEqual(Array.from(kmeans(matrixOf(p), k, { seed: 1 }).labels));
    }
  });

  it("picks the planted k on a table larger than the silhouette sample", () => {
    const p = plantedCustomers(7000, 3, 31);
    const r = chooseK(matrixOf(p), { seed: 2 });
    expect(r.silhouetteRows).toBe(5000);
    expect(r.k).toBe(3);
    expect(adjustedRand(r.kmeans.labels, p.truth)).toBeGreaterThanOrEqual(0.95);
  });

  it("limits k to rows − 1 and to the distinct rows", () => {
    const small: MatrixLike = { data: Float64Array.from([0, 0.1, 5, 5.1]), rows: 4, dims: 1 };
    expect(chooseK(small).candidates.map((c) => c.k)).toEqual([2, 3]);
    expect(chooseK(small).k).toBe(2);
    const dup: MatrixLike = { data: Float64Array.from([0, 0, 0, 5, 5, 5, 9, 9]), rows: 8, dims: 1 };
    const r = chooseK(dup);
    expect(r.candidates.map((c) => c.k)).toEqual([2, 3]);
    expect(r.warnings.map((w) => w.key)).toEqual(["kReduced"]);
    expect(errorOf(() => chooseK({ data: Float64Array.from([1, 2]), rows: 2, dims: 1 })).key).toBe("tooFewRows");
    expect(errorOf(() => chooseK(small, { kMin: 1 })).key).toBe("invalidOption");
  });
});

describe("segmentTable", () => {
  it("segments a selection end to end and maps labels back to sheet rows", () => {
    const p = plantedCustomers(1200, 3, 12);
    const withBlank = [...p.cells.slice(0, 501), ["", "", "", "", "", ""], ...p.cells.slice(501)];
    const r = segmentTable(withBlank, {
      columns: ["Age", "Order count", "Spend", "Recency days", "City tier"],
      profileColumns: ["Channel"],
      seed: 3,
    });
    expect(r.k).toBe(3);
    expect(r.table.rows).toBe(1200);
    expect(r.table.rowIndex[500]).toBe(502);
    expect(adjustedRand(r.labels, p.truth)).toBeGreaterThanOrEqual(0.95);
    expect(r.silhouette).toBeGreaterThan(0.5);
    expect(r.clusterColumns).toEqual(["Age", "Order count", "Spend", "Recency days", "City tier"]);
    expect(r.features.some((f) => f.column === "Channel")).toBe(false);
    expect(r.profiles[0].categorical.map((c) => c.column)).toEqual(["City tier", "Channel"]);
    expect(r.personas).toHaveLength(3);
    expect(r.personas.reduce((s, q) => s + q.share, 0)).toBeCloseTo(1, 12);
    expect(r.warnings.map((w) => w.key)).toContain("blankRowsSkipped");
    const fixed = segmentTable(withBlank, { columns: r.clusterColumns, k: 3, seed: 3 });
    expect(Array.from(fixed.labels)).toEqual(Array.from(r.labels));
    expect(fixed.candidates).toEqual([]);
    expect(fixed.silhouette).toBeCloseTo(r.silhouette ?? NaN, 12);
  });

  it("names the planted personas from their distinguishing features", () => {
    const p = plantedCustomers(1500, 3, 12);
    const r = segmentTable(p.cells, { columns: ["Age", "Order count", "Spend", "Recency days", "City tier"], seed: 1 });
    const names = r.personas.map((q) => q.suggestedName["en-US"]);
    expect(new Set(names).size).toBe(3);
    // Blob 1 (38 years, 14 orders, spend 900, recent, Tier-1) is the high-spend, frequent one.
    const top = r.personas.find((q) => q.suggestedName["en-US"].startsWith("High-spend"));
    expect(top?.suggestedName["en-US"]).toMatch(/^High-spend, frequent/);
    expect(top?.suggestedName["zh-CN"]).toMatch(/^高消费、高频/);
    expect(top?.suggestedName["zh-TW"]).toMatch(/^高消費、高頻/);
  });

  it("reports input errors the user must fix", () => {
    const p = plantedCustomers(10, 2, 1);
    expect(errorOf(() => segmentTable(p.cells, { k: 11 }))).toMatchObject({ kind: "value", key: "kTooLarge" });
    expect(errorOf(() => segmentTable(p.cells, { k: 1 })).key).toBe("invalidK");
    expect(errorOf(() => segmentTable(p.cells, { columns: [] })).key).toBe("noColumns");
    expect(errorOf(() => segmentTable(p.cells.slice(1))).key).toBe("noHeaderRow");
    expect(errorOf(() => segmentTable(p.cells.slice(0, 2), { k: 2 })).key).toBe("tooFewRows");
    const blankCol = p.cells.map((row, i) => [...row, i === 0 ? "Notes" : ""]);
    const e = errorOf(() => segmentTable(blankCol));
    expect(e.key).toBe("columnHasNoValues");
    expect(e.params.column).toBe("Notes");
  });
});
