/** Touchpoint rows → paths: grouping, time order, conversions, lookback, timing for time decay in days. */
import { describe, expect, it } from "vitest";
import { linear, markovModel, pathsFromTouchpoints, timeDecay, type PathData } from "../../../src/core/attribution";

const paths = (d: PathData): Record<string, [number, number, number]> => {
  const out: Record<string, [number, number, number]> = {};
  for (let p = 0; p < d.pathCount; p++) {
    const key = Array.from(d.pathChannels.subarray(d.pathOffsets[p], d.pathOffsets[p + 1]), (c) => d.channels[c]).join(
      ">",
    );
    out[key] = [d.conversions[p], d.values[p], d.nulls[p]];
  }
  return out;
};

// journey u1: Search(d1) Social(d3) Email(d10, buys 50) Social(d12); u2: Direct(d2) Search(d5, marker);
// u3: Social(d4) only; rows deliberately out of time order
const cols = {
  journeys: ["u1", "u2", "u1", "u3", "u1", "u2", "u1", 7],
  timestamps: [10, 2, 1, 4, 3, 5, 12, 1],
  channels: ["Email", "Direct", "Search", "Social", "Social", "Search", "Social", "Search"],
  values: [50, "", 0, 0, null, 0, 0, 0],
  conversions: [false, false, false, false, false, true, 0, 0],
};

describe("pathsFromTouchpoints", () => {
  it("groups by journey, orders by time, closes a path at each conversion", () => {
    const d = pathsFromTouchpoints(cols);
    expect(paths(d)).toEqual({
      "Search>Social>Email": [1, 50, 0],
      "Direct>Search": [1, 0, 0],
      Social: [0, 0, 2], // u1 after its purchase, and u3
      Search: [0, 0, 1], // journey 7 (a number id)
    });
    expect(d.journeyCount).toBe(4);
    expect([d.totalConversions, d.totalValue, d.totalNulls]).toEqual([2, 50, 3]);
    expect(Array.from(d.timing!.ageDays)).toEqual([9, 7, 0, 3, 0]);
  });

  it("a journey with two conversions gives two converting paths; pure conversion rows", () => {
    const d = pathsFromTouchpoints({
      journeys: ["a", "a", "a", "a", "a"],
      channels: ["X", "", "Y", "Z", ""],
      values: [0, 10, 0, 0, 5],
    });
    expect(paths(d)).toEqual({ X: [1, 10, 0], "Y>Z": [1, 5, 0] });
    expect(d.timing).toBeUndefined();
  });

  it("lookback drops old touches and reports conversions left without touches", () => {
    const d = pathsFromTouchpoints(cols, { lookbackDays: 7 });
    expect(paths(d)).toEqual({
      "Social>Email": [1, 50, 0],
      "Direct>Search": [1, 0, 0],
      Social: [0, 0, 2],
      Search: [0, 0, 1],
    });
    const lost = pathsFromTouchpoints(
      { journeys: ["a", "a", "b"], channels: ["X", "", "Y"], timestamps: [1, 100, 3], values: [0, 9, 4] },
      { lookbackDays: 30 },
    );
    expect([lost.conversionsWithoutTouches, lost.valueWithoutTouches]).toEqual([1, 9]);
    expect(lost.totalConversions).toBe(1);
  });

  it("time decay uses days (half-life 7) when timestamps exist", () => {
    const d = pathsFromTouchpoints({
      journeys: [1, 1, 1],
      channels: ["A", "B", "C"],
      timestamps: [45000, 45007, 45014.5],
      values: [0, 0, 100],
    });
    const r = timeDecay(d);
    const w = [Math.pow(2, -14.5 / 7), Math.pow(2, -7.5 / 7), 1];
    const s = w[0] + w[1] + w[2];
    r.conversions.forEach((c, i) => expect(c).toBeCloseTo(w[i] / s, 14));
    r.value.forEach((v, i) => expect(v).toBeCloseTo((100 * w[i]) / s, 12));
    const steps = timeDecay(d, { unit: "steps" });
    expect(steps.conversions).toEqual([1 / 7, 2 / 7, 4 / 7].map((x) => expect.closeTo(x, 14)));
    // very old touches do not underflow
    const old = pathsFromTouchpoints({
      journeys: [1, 1],
      channels: ["A", "B"],
      timestamps: [0, 30000],
      values: [0, 1],
    });
    expect(timeDecay(old).conversions).toEqual([expect.closeTo(0, 12), expect.closeTo(1, 12)]);
  });

  it("feeds the other models", () => {
    const d = pathsFromTouchpoints(cols);
    expect(linear(d).conversions.reduce((a, b) => a + b)).toBeCloseTo(2, 14);
    expect(markovModel(d).baseConversionProbability).toBeCloseTo(2 / 5, 14);
  });

  it("errors name the row and argument", () => {
    const bad = (input: Parameters<typeof pathsFromTouchpoints>[0], key: string, row?: number, opts = {}): void =>
      expect(() => pathsFromTouchpoints(input, opts)).toThrow(
        expect.objectContaining({ kind: "value", key, ...(row ? { params: expect.objectContaining({ row }) } : {}) }),
      );
    bad({ journeys: [], channels: [] }, "noRows");
    bad({ journeys: ["a", ""], channels: ["X", "Y"] }, "invalidJourneyId", 2);
    bad({ journeys: ["a", null], channels: ["X", "Y"] }, "invalidJourneyId", 2);
    bad({ journeys: ["a", "a"], channels: ["X", ""] }, "emptyChannel", 2);
    bad({ journeys: ["a", "a"], channels: ["X", true] }, "pathNotText", 2);
    bad({ journeys: ["a", "a"], channels: ["X", "Y"], timestamps: [1, "x"] }, "invalidTimestamp", 2);
    bad({ journeys: ["a", "a"], channels: ["X", "Y"], values: [1, -1] }, "negative", 2);
    bad({ journeys: ["a", "a"], channels: ["X", "Y"], values: [1, "ten"] }, "notANumber", 2);
    bad({ journeys: ["a", "a"], channels: ["X", "Y"], conversions: [1, "yes"] }, "invalidMarker", 2);
    bad({ journeys: ["a"], channels: ["X", "Y"] }, "lengthMismatch");
    bad({ journeys: ["a"], channels: ["X"] }, "lookbackWithoutTimestamps", undefined, { lookbackDays: 30 });
    bad({ journeys: ["a"], channels: ["X"], timestamps: [1] }, "invalidOption", undefined, { lookbackDays: -1 });
    bad({ journeys: ["a"], channels: [""], values: [5] }, "noConversions");
  });
});
