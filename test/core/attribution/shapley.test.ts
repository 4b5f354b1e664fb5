/** Shapley attribution: simplified formula, exact coalition DP, conversion-rate worth, channel limit. */
import { describe, expect, it } from "vitest";
import {
  parsePaths,
  pathsFromSequences,
  shapley,
  shapleyExact,
  SHAPLEY_MAX_CHANNELS,
} from "../../../src/core/attribution";
import { loadChannelAttributionData } from "./fixtures";

describe("shapley", () => {
  it("splits each conversion over the distinct channels; ordered values by first-touch position", () => {
    const d = parsePaths({ paths: ["A > B > A", "B", "C > B"], conversions: [6, 2, 4], values: [60, 20, 40] });
    const r = shapley(d, { ordered: true });
    expect(r.conversions).toEqual([3, 3 + 2 + 2, 2]);
    expect(r.value).toEqual([30, 70, 20]);
    expect(r.ordered).toEqual([
      [3, 0],
      [2, 5],
      [2, 0],
    ]);
    expect(shapley(d).ordered).toBeUndefined();
  });

  it("exact DP with worth = conversions equals the simplified form (Data.csv, 12 channels)", () => {
    const d = parsePaths(loadChannelAttributionData());
    const a = shapley(d);
    const b = shapleyExact(d);
    a.conversions.forEach((x, i) => expect(b.conversions[i]).toBeCloseTo(x, 8));
    a.value.forEach((x, i) => expect(b.value[i]).toBeCloseTo(x, 8));
    expect(b.conversions.reduce((s, x) => s + x)).toBeCloseTo(19_785, 8);
  });

  it("conversion-rate worth on a two-channel example", () => {
    // v(A) = 1/4, v(B) = 1/2, v(AB) = (1+2+3)/(4+4+6) = 3/7; φ_A = ½(v(A) + v(AB) − v(B)), φ_B = ½(v(B) + v(AB) − v(A))
    const d = pathsFromSequences([["A"], ["B"], ["A", "B"]], [1, 2, 3], undefined, [3, 2, 3]);
    const r = shapleyExact(d, { worth: "conversionRate" });
    const vA = 1 / 4;
    const vB = 1 / 2;
    const vAB = 6 / 14;
    const phiA = (vA + vAB - vB) / 2;
    const phiB = (vB + vAB - vA) / 2;
    expect(r.conversions[0]).toBeCloseTo((6 * phiA) / (phiA + phiB), 13);
    expect(r.conversions[1]).toBeCloseTo((6 * phiB) / (phiA + phiB), 13);
  });

  it("more than 15 channels is an error for the exact DP, not for the simplified form", () => {
    const n = SHAPLEY_MAX_CHANNELS + 1;
    const d = pathsFromSequences([Array.from({ length: n }, (_, i) => `c${i}`)], [1]);
    expect(() => shapleyExact(d)).toThrow(
      expect.objectContaining({
        kind: "value",
        key: "tooManyChannels",
        params: expect.objectContaining({ limit: 15, n: 16 }),
      }),
    );
    expect(shapley(d).conversions.every((x) => Math.abs(x - 1 / 16) < 1e-15)).toBe(true);
    // channels only on non-converting paths are not players
    const e = pathsFromSequences([["a"], Array.from({ length: n }, (_, i) => `c${i}`)], [1, 0], undefined, [0, 5]);
    expect(shapleyExact(e).conversions[0]).toBe(1);
    expect(() => shapleyExact(e, { worth: "conversionRate" })).toThrow(
      expect.objectContaining({ key: "tooManyChannels" }),
    );
  });
});
