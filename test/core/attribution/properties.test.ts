/** Property tests (fast-check) over random path data sets, for every model. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareModels,
  parsePaths,
  shapley,
  shapleyExact,
  type AttributionModel,
  type AttributionResult,
  type PathData,
} from "../../../src/core/attribution";

interface Row {
  path: string[];
  conv: number;
  value: number;
  nulls: number;
}

const NAMES = ["Search", "Social", "Email", "Direct", "Display", "搜索", "Affiliate"];
const ALL: AttributionModel[] = [
  "firstTouch",
  "lastTouch",
  "lastNonDirect",
  "linear",
  "positionBased",
  "timeDecay",
  "markov",
  "shapley",
  "shapleyExact",
];

const rowsArb: fc.Arbitrary<Row[]> = fc
  .array(
    fc.record({
      path: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 7 }),
      conv: fc.integer({ min: 0, max: 6 }),
      value: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
      nulls: fc.integer({ min: 0, max: 9 }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((rows) => {
    rows[0].conv += 1;
    return rows.map((r) => ({ ...r, value: r.conv > 0 ? r.value : 0 }));
  });

const toData = (rows: readonly Row[], rename: (s: string) => string = (s) => s): PathData =>
  parsePaths({
    paths: rows.map((r) => r.path.map(rename).join(" > ")),
    conversions: rows.map((r) => r.conv),
    values: rows.map((r) => r.value),
    nulls: rows.map((r) => r.nulls),
  });

const run = (d: PathData, order = 1): AttributionResult[] =>
  compareModels(d, { models: ALL, markov: { order } }).results;
const sum = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0);
const named = (r: AttributionResult, k: "conversions" | "value"): Map<string, number> =>
  new Map(r.channels.map((c, i) => [c, r[k][i]]));

describe("attribution properties", () => {
  it("shares sum to 1, conversions and value to the input totals (Markov orders 1-3)", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 3 }), (rows, order) => {
        const d = toData(rows);
        for (const r of run(d, order)) {
          expect(sum(r.share)).toBeCloseTo(1, 10);
          expect(sum(r.conversions)).toBeCloseTo(d.totalConversions, 9);
          if (d.totalValue > 0) expect(sum(r.value) / d.totalValue).toBeCloseTo(1, 10);
          r.conversions.forEach((c) => expect(c).toBeGreaterThanOrEqual(-1e-12));
        }
      }),
      { numRuns: 120 },
    );
  });

  it("a single-channel data set gives that channel everything in every model", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const d = toData(rows.map((r) => ({ ...r, path: r.path.map(() => "Only") })));
        for (const r of run(d)) {
          expect(r.channels).toEqual(["Only"]);
          expect(r.conversions[0]).toBeCloseTo(d.totalConversions, 10);
          expect(r.value[0]).toBeCloseTo(d.totalValue, 9);
          expect(r.share[0]).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("renaming channels and shuffling rows permutes the results", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 3 }), fc.infiniteStream(fc.integer()), (rows, order, rnd) => {
        // a permutation of the names (Direct keeps its role for last non-direct)
        const others = NAMES.filter((n) => n !== "Direct");
        const perm = new Map(others.map((n, i) => [n, others[(i * 5 + 3) % others.length]]));
        perm.set("Direct", "Direct");
        const keyed = rows.map((r) => [rnd.next().value, r] as const);
        const shuffled = keyed.sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        const a = run(toData(rows), order);
        const b = run(
          toData(shuffled, (s) => perm.get(s)!),
          order,
        );
        a.forEach((ra, m) => {
          for (const k of ["conversions", "value"] as const) {
            const mb = named(b[m], k);
            for (const [ch, x] of named(ra, k)) expect(mb.get(perm.get(ch)!)).toBeCloseTo(x, 8);
          }
        });
      }),
      { numRuns: 80 },
    );
  });

  it("duplicated rows equal doubled counts", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 3 }), (rows, order) => {
        const twice = toData([...rows, ...rows]);
        const doubled = toData(rows.map((r) => ({ ...r, conv: 2 * r.conv, value: 2 * r.value, nulls: 2 * r.nulls })));
        const a = run(twice, order);
        const b = run(doubled, order);
        a.forEach((ra, m) => {
          ra.conversions.forEach((x, i) => expect(x).toBeCloseTo(b[m].conversions[i], 9));
          ra.value.forEach((x, i) => expect(x).toBeCloseTo(b[m].value[i], 8));
        });
      }),
      { numRuns: 80 },
    );
  });

  it("Shapley (simplified and exact DP) = linear split over each path's distinct channels", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const expected = new Map<string, number>();
        for (const r of rows) {
          const set = [...new Set(r.path)];
          for (const ch of set) expected.set(ch, (expected.get(ch) ?? 0) + r.conv / set.length);
        }
        const d = toData(rows);
        for (const r of [shapley(d), shapleyExact(d)]) {
          const got = named(r, "conversions");
          for (const [ch, x] of expected) expect(got.get(ch)).toBeCloseTo(x, 10);
        }
      }),
      { numRuns: 150 },
    );
  });
});
