/** Heuristic models on small hand-computed examples. */
import { describe, expect, it } from "vitest";
import {
  firstTouch,
  lastNonDirect,
  lastTouch,
  linear,
  parsePaths,
  positionBased,
  timeDecay,
  type AttributionResult,
} from "../../../src/core/attribution";

// channels in order of appearance: A, B, Direct, C
const data = parsePaths({
  paths: ["A > B > Direct", "Direct > Direct", "B", "C > A > A > B > C", "A > C"],
  conversions: [2, 1, 3, 4, 0],
  values: [20, 10, 30, 40, 0],
  nulls: [5, 0, 1, 0, 9],
});
const byName = (r: AttributionResult, what: "conversions" | "value" = "conversions"): Record<string, number> =>
  Object.fromEntries(r.channels.map((c, i) => [c, r[what][i]]));
const close = (o: Record<string, number>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, expect.closeTo(v, 12)]));

describe("heuristic models", () => {
  it("first and last touch", () => {
    expect(byName(firstTouch(data))).toEqual({ A: 2, B: 3, Direct: 1, C: 4 });
    expect(byName(lastTouch(data))).toEqual({ A: 0, B: 3, Direct: 3, C: 4 });
    expect(byName(lastTouch(data), "value")).toEqual({ A: 0, B: 30, Direct: 30, C: 40 });
  });

  it("last non-direct skips Direct unless the path is only direct (name matched ignoring case)", () => {
    expect(byName(lastNonDirect(data))).toEqual({ A: 0, B: 5, Direct: 1, C: 4 });
    expect(byName(lastNonDirect(data, { direct: " direct " }))).toEqual({ A: 0, B: 5, Direct: 1, C: 4 });
    expect(byName(lastNonDirect(data, { direct: "Email" }))).toEqual(byName(lastTouch(data)));
  });

  it("linear counts repeated touches", () => {
    // A>B>Direct: 2/3 each; Direct>Direct: 1; B: 3; C>A>A>B>C: 4/5 per touch
    expect(byName(linear(data))).toEqual(close({ A: 2 / 3 + 1.6, B: 2 / 3 + 3 + 0.8, Direct: 2 / 3 + 1, C: 1.6 }));
  });

  it("position-based 40/20/40, length 1 and 2 conventions, custom weights", () => {
    // A>B>Direct (2): .8 .4 .8; Direct>Direct (1): .5+.5; B (3): 3; C>A>A>B>C (4): 1.6, .8/3 ×3, 1.6
    const mid = 0.8 / 3;
    expect(byName(positionBased(data))).toEqual(close({ A: 0.8 + 2 * mid, B: 0.4 + 3 + mid, Direct: 0.8 + 1, C: 3.2 }));
    const two = parsePaths({ paths: ["X > Y"], conversions: [1] });
    expect(byName(positionBased(two, { first: 0.3, last: 0.1 }))).toEqual(close({ X: 0.75, Y: 0.25 }));
    expect(byName(positionBased(two, { first: 0, last: 0 }))).toEqual(close({ X: 0.5, Y: 0.5 }));
    const three = parsePaths({ paths: ["X > Y > Z"], conversions: [10] });
    expect(byName(positionBased(three, { first: 0.5, last: 0.5 }))).toEqual(close({ X: 5, Y: 0, Z: 5 }));
  });

  it("time decay in steps: default half-life 1 step", () => {
    const d = parsePaths({ paths: ["X > Y > Z"], conversions: [7] });
    expect(byName(timeDecay(d))).toEqual(close({ X: 1, Y: 2, Z: 4 }));
    const h2 = byName(timeDecay(d, { halfLife: 2 }));
    const w = [0.5, Math.SQRT1_2, 1];
    const s = w[0] + w[1] + w[2];
    expect(h2).toEqual(close({ X: (7 * w[0]) / s, Y: (7 * w[1]) / s, Z: (7 * w[2]) / s }));
  });

  it("option errors", () => {
    const bad = (f: () => unknown, key: string): void =>
      expect(f).toThrow(expect.objectContaining({ kind: "value", key }));
    bad(() => positionBased(data, { first: 0.7, last: 0.4 }), "invalidOption");
    bad(() => positionBased(data, { first: -0.1 }), "invalidOption");
    bad(() => timeDecay(data, { halfLife: 0 }), "invalidOption");
    bad(() => timeDecay(data, { unit: "days" }), "daysWithoutTimestamps");
    bad(() => lastNonDirect(data, { direct: " " }), "invalidOption");
    bad(() => linear(parsePaths({ paths: ["a"], conversions: [0], nulls: [3] })), "noConversions");
  });
});
