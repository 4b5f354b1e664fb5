/** compareModels / comparisonTable. */
import { describe, expect, it } from "vitest";
import { compareModels, comparisonTable, DEFAULT_MODELS, markovModel, parsePaths } from "../../../src/core/attribution";
import type { AttributionModel } from "../../../src/core/attribution";

const d = parsePaths({ paths: ["A > B", "B > C > Direct", "C"], conversions: [3, 1, 2], nulls: [4, 4, 1] });

describe("compareModels", () => {
  it("runs every default model side by side", () => {
    const cmp = compareModels(d);
    expect(cmp.results.map((r) => r.model)).toEqual(DEFAULT_MODELS);
    expect(cmp.channels).toEqual(["A", "B", "C", "Direct"]);
    expect(cmp.totalConversions).toBe(6);
    const mk = cmp.results.find((r) => r.model === "markov")!;
    expect(mk.conversions).toEqual(markovModel(d).conversions);
  });

  it("passes model options and builds a table", () => {
    const cmp = compareModels(d, { models: ["lastTouch", "lastNonDirect", "markov"], markov: { order: 2 } });
    const table = comparisonTable(cmp);
    expect(table[0]).toEqual(["channel", "lastTouch", "lastNonDirect", "markov"]);
    expect(table[4]).toEqual(["Direct", 1, 0, expect.any(Number)]);
    expect(comparisonTable(cmp, "share")[3][1]).toBeCloseTo(2 / 6, 15);
  });

  it("rejects unknown model names", () => {
    expect(() => compareModels(d, { models: ["magic" as AttributionModel] })).toThrow(
      expect.objectContaining({ kind: "value", key: "invalidOption" }),
    );
  });
});
