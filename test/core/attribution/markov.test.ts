/** Markov-chain attribution: hand-computed chains, an independent naive implementation, solver agreement. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markovModel, markovTransitions, pathsFromSequences, type PathData } from "../../../src/core/attribution";
import { buildChain } from "../../../src/core/attribution/chain";
import { solveAbsorption } from "../../../src/core/attribution/solve";
import { naiveMarkov, type RawRow } from "./fixtures";

const build = (rows: readonly RawRow[]): PathData =>
  pathsFromSequences(
    rows.map((r) => r.path),
    rows.map((r) => r.conv),
    rows.map((r) => r.value),
    rows.map((r) => r.nulls),
  );

describe("hand-computed chains", () => {
  it("order 1: a>b converts, b>a does not", () => {
    // x_a = ½·x_b, x_b = ½ + ½·x_a → x_a = 1/3, x_b = 2/3, P = ½; without a: P = ¼; without b: P = 0
    const d = build([
      { path: ["a", "b"], conv: 1, value: 10, nulls: 0 },
      { path: ["b", "a"], conv: 0, value: 0, nulls: 1 },
    ]);
    const m = markovModel(d);
    expect(m.baseConversionProbability).toBeCloseTo(0.5, 15);
    expect(m.removalEffects[0]).toBeCloseTo(0.5, 15);
    expect(m.removalEffects[1]).toBeCloseTo(1, 15);
    expect(m.conversions[0]).toBeCloseTo(1 / 3, 15);
    expect(m.conversions[1]).toBeCloseTo(2 / 3, 15);
    expect(m.value[0]).toBeCloseTo(10 / 3, 13);
    expect(m.baseValuePerJourney).toBeCloseTo(5, 13);
  });

  it("order 2: sliding windows, a short path is one shorter state", () => {
    // states (a,b), (b,c), (c); P = 2/3; removing a or b leaves P = 1/3, removing c leaves 0
    const d = build([
      { path: ["a", "b", "c"], conv: 1, value: 0, nulls: 0 },
      { path: ["a", "b"], conv: 0, value: 0, nulls: 1 },
      { path: ["c"], conv: 1, value: 0, nulls: 0 },
    ]);
    const m = markovModel(d, { order: 2 });
    expect(m.states).toBe(4);
    expect(m.baseConversionProbability).toBeCloseTo(2 / 3, 15);
    expect(m.removalEffects).toEqual([0.5, 0.5, 1].map((x) => expect.closeTo(x, 14)));
    expect(m.conversions).toEqual([0.5, 0.5, 1].map((x) => expect.closeTo(x, 14)));
    expect(m.value).toEqual([0, 0, 0]);
  });

  it("repeated touches (self-loops) do not change the removal effects", () => {
    const a = build([
      { path: ["a", "a", "b"], conv: 3, value: 0, nulls: 2 },
      { path: ["b", "b", "b", "a"], conv: 1, value: 0, nulls: 4 },
    ]);
    const b = build([
      { path: ["a", "b"], conv: 3, value: 0, nulls: 2 },
      { path: ["b", "a"], conv: 1, value: 0, nulls: 4 },
    ]);
    expect(markovModel(a).removalEffects).toEqual(markovModel(b).removalEffects);
  });

  it("transition table", () => {
    const d = build([
      { path: ["a", "b"], conv: 1, value: 0, nulls: 0 },
      { path: ["b", "a"], conv: 0, value: 0, nulls: 3 },
    ]);
    const rows = markovTransitions(d);
    expect(rows).toContainEqual({ from: "(start)", to: "a", probability: 0.25 });
    expect(rows).toContainEqual({ from: "(start)", to: "b", probability: 0.75 });
    expect(rows).toContainEqual({ from: "b", to: "(conversion)", probability: 0.25 });
    expect(rows).toContainEqual({ from: "a", to: "(null)", probability: 0.75 });
    const t2 = markovTransitions(d, { order: 2 });
    expect(t2).toContainEqual({ from: "(start)", to: "a > b", probability: 0.25 });
  });

  it("without nulls every journey converts", () => {
    const d = pathsFromSequences([["a", "b"], ["b"]], [2, 1]);
    const m = markovModel(d);
    expect(m.baseConversionProbability).toBeCloseTo(1, 15);
    expect(m.removalEffects).toEqual([expect.closeTo(2 / 3, 14), expect.closeTo(1, 14)]);
  });

  it("rejects bad orders", () => {
    const d = pathsFromSequences([["a"]], [1]);
    for (const order of [0, 5, 1.5, Number.NaN]) {
      expect(() => markovModel(d, { order })).toThrow(expect.objectContaining({ kind: "value", key: "invalidOrder" }));
    }
  });
});

const rowsArb = (channels: number, maxLen: number): fc.Arbitrary<RawRow[]> =>
  fc
    .array(
      fc.record({
        path: fc.array(
          fc.integer({ min: 0, max: channels - 1 }).map((i) => `ch${i}`),
          { minLength: 1, maxLength: maxLen },
        ),
        conv: fc.integer({ min: 0, max: 5 }),
        nulls: fc.integer({ min: 0, max: 8 }),
        value: fc.constant(0),
      }),
      { minLength: 1, maxLength: 25 },
    )
    .map((rows) => {
      rows[0].conv += 1;
      return rows.map((r) => ({ ...r, value: r.conv * (1 + r.path.length) }));
    });

describe("agreement with an independent naive implementation", () => {
  it("orders 1-3: base probability and removal effects", () => {
    fc.assert(
      fc.property(rowsArb(5, 6), fc.integer({ min: 1, max: 3 }), (rows, order) => {
        const d = build(rows);
        const m = markovModel(d, { order });
        const ref = naiveMarkov(rows, order);
        expect(m.baseConversionProbability).toBeCloseTo(ref.p, 12);
        for (const [ch, re] of ref.re) expect(m.removalEffects[d.channelIndex.get(ch)!]).toBeCloseTo(re, 11);
      }),
      { numRuns: 150 },
    );
  });

  it("dense elimination and Gauss-Seidel give the same solution", () => {
    fc.assert(
      fc.property(rowsArb(6, 8), fc.integer({ min: 1, max: 4 }), (rows, order) => {
        const chain = buildChain(build(rows), order);
        const removed = new Uint8Array(chain.n);
        const dense = solveAbsorption(chain, null, undefined, "dense");
        const iter = solveAbsorption(chain, null, undefined, "iterative");
        for (let s = 0; s < chain.n; s++) {
          expect(iter.conv[s]).toBeCloseTo(dense.conv[s], 12);
          expect(iter.value[s]).toBeCloseTo(dense.value[s], 9);
        }
        for (let k = chain.removalPtr[0]; k < chain.removalPtr[1]; k++) removed[chain.removalStates[k]] = 1;
        const d2 = solveAbsorption(chain, removed, undefined, "dense");
        const i2 = solveAbsorption(chain, removed, dense, "iterative");
        expect(i2.conv[0]).toBeCloseTo(d2.conv[0], 12);
      }),
      { numRuns: 150 },
    );
  });

  it("value removal effects equal conversion removal effects when every conversion is worth the same", () => {
    fc.assert(
      fc.property(rowsArb(5, 5), fc.integer({ min: 1, max: 3 }), (rows, order) => {
        const d = build(rows.map((r) => ({ ...r, value: 7 * r.conv })));
        const m = markovModel(d, { order });
        m.removalEffects.forEach((re, c) => expect(m.valueRemovalEffects[c]).toBeCloseTo(re, 11));
      }),
      { numRuns: 100 },
    );
  });
});
