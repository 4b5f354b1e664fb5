/**
 * Accuracy against ChannelAttribution 2.1.7 on its Data.csv (10,000 rows, 12 channels): heuristic models
 * exactly, Markov order 1 with nulls to the 5 printed decimals of the reference removal effects.
 */
import { describe, expect, it } from "vitest";
import { firstTouch, lastTouch, linear, markovModel, parsePaths, type PathData } from "../../../src/core/attribution";
import { loadChannelAttributionData } from "./fixtures";

const cols = loadChannelAttributionData();
const data: PathData = parsePaths(cols);
const sum = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0);
const at = (channels: readonly string[], xs: readonly number[], name: string): number => xs[channels.indexOf(name)];

describe("Data.csv parsing", () => {
  it("has the documented totals", () => {
    expect(data.rowCount).toBe(10_000);
    expect(data.pathCount).toBe(5408);
    expect(data.channels).toHaveLength(12);
    expect(data.totalConversions).toBe(19_785);
    expect(data.totalNulls).toBe(68_602);
    expect(data.totalValue).toBeCloseTo(74_802.972, 3);
  });
});

describe("heuristic models vs ChannelAttribution", () => {
  it.each([
    ["first touch", firstTouch, 6308],
    ["last touch", lastTouch, 8447],
    ["linear", linear, 7574.7186],
  ] as const)("%s: alpha", (_name, model, alpha) => {
    const r = model(data);
    expect(at(r.channels, r.conversions, "alpha")).toBeCloseTo(alpha, 4);
    expect(sum(r.conversions)).toBeCloseTo(19_785, 8);
    expect(sum(r.value)).toBeCloseTo(74_802.97158721, 6);
    expect(sum(r.share)).toBeCloseTo(1, 12);
  });
});

describe("Markov order 1 with nulls vs ChannelAttribution (exact removal effects)", () => {
  const m = markovModel(data, { order: 1 });
  it("base conversion probability = conversions / (conversions + nulls) = 0.22385", () => {
    expect(m.baseConversionProbability).toBeCloseTo(0.22385, 5);
    expect(m.baseConversionProbability).toBeCloseTo(19_785 / (19_785 + 68_602), 13);
  });
  it.each([
    ["alpha", 0.5584, 5344.95],
    ["iota", 0.40584, 3884.61],
    ["eta", 0.34903, 3340.85],
    ["beta", 0.26404, 2527.35],
  ])("%s: removal effect %f → %f conversions", (ch, re, conv) => {
    expect(Math.abs(at(m.channels, m.removalEffects, ch) - re)).toBeLessThanOrEqual(5e-6);
    expect(Math.abs(at(m.channels, m.conversions, ch) - conv)).toBeLessThanOrEqual(5e-3);
  });
  it("totals and determinism", () => {
    expect(sum(m.conversions)).toBeCloseTo(19_785, 8);
    expect(sum(m.value)).toBeCloseTo(data.totalValue, 6);
    expect(sum(m.share)).toBeCloseTo(1, 12);
    const again = markovModel(parsePaths(cols), { order: 1 });
    expect(again.removalEffects).toEqual(m.removalEffects);
    expect(again.conversions).toEqual(m.conversions);
  });
  it("value removal effects are close to, but not equal to, the conversion removal effects", () => {
    for (let c = 0; c < 12; c++) {
      expect(Math.abs(m.valueRemovalEffects[c] - m.removalEffects[c])).toBeLessThan(0.05);
    }
  });
});

describe("Markov higher orders on Data.csv", () => {
  it.each([2, 3, 4])("order %i: totals, base probability, determinism", (order) => {
    const m = markovModel(data, { order });
    expect(sum(m.conversions)).toBeCloseTo(19_785, 7);
    expect(m.baseConversionProbability).toBeCloseTo(19_785 / 88_387, 12);
    expect(m.states).toBeGreaterThan(12);
    const again = markovModel(data, { order });
    expect(again.removalEffects).toEqual(m.removalEffects);
  });
});
