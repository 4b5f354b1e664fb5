/** Path parsing: separators, spaces, Unicode, aggregation, blank rows and bad input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTRIBUTION_ERROR_MESSAGES,
  parsePaths,
  pathChannelNames as seq,
  markovModel,
  pathsFromSequences,
} from "../../../src/core/attribution";

const err = (key: string, params?: Record<string, string | number>) =>
  expect.objectContaining({
    name: "MktError",
    kind: "value",
    key,
    ...(params ? { params: expect.objectContaining(params) } : {}),
  });

describe("parsePaths", () => {
  it("interns channels and aggregates identical paths (spaces ignored)", () => {
    const d = parsePaths({
      paths: [
        "Search > Social > Email",
        "Search>Social>Email",
        " Search  >Social> Email ",
        "Email",
        "Search > Social > Email >",
      ],
      conversions: [1, 2, 3, 4, 5],
      values: [10, 20, 30, 40, 50],
      nulls: [1, "", null, 0, 2],
    });
    expect(d.channels).toEqual(["Search", "Social", "Email"]);
    expect(d.pathCount).toBe(2);
    expect(seq(d, 0)).toEqual(["Search", "Social", "Email"]);
    expect(Array.from(d.conversions)).toEqual([11, 4]);
    expect(Array.from(d.values)).toEqual([110, 40]);
    expect(Array.from(d.nulls)).toEqual([3, 0]);
    expect([d.totalConversions, d.totalValue, d.totalNulls, d.rowCount]).toEqual([15, 150, 3, 5]);
    expect(d.hasValue && d.hasNulls).toBe(true);
  });

  it("custom separators and Chinese channel names", () => {
    const d = parsePaths({ paths: ["搜索 → 社交 → 邮件", "社交→搜索"], conversions: [1, 1] }, { separator: "→" });
    expect(d.channels).toEqual(["搜索", "社交", "邮件"]);
    expect(seq(d, 1)).toEqual(["社交", "搜索"]);
    expect(d.hasValue).toBe(false);
    expect(d.totalValue).toBe(0);
  });

  it("keeps repeated touches and is case-sensitive", () => {
    const d = parsePaths({ paths: ["a > a > A"], conversions: [1] });
    expect(seq(d, 0)).toEqual(["a", "a", "A"]);
  });

  it("numeric channel names and skipped empty pieces", () => {
    const d = parsePaths({ paths: [2024, "x >  > y"], conversions: [1, 1] });
    expect(d.channels).toEqual(["2024", "x", "y"]);
    expect(seq(d, 1)).toEqual(["x", "y"]);
  });

  it("skips fully blank rows (trailing rows of a range)", () => {
    const d = parsePaths({ paths: ["a", "", null], conversions: [1, "", null], nulls: [0, "", undefined] });
    expect(d.rowCount).toBe(1);
  });

  it("many distinct paths grow the buffers", () => {
    const paths = Array.from({ length: 5000 }, (_, i) => `c${i % 7} > c${i % 11} > c${i}`);
    const d = parsePaths({ paths, conversions: paths.map(() => 1) });
    expect(d.pathCount).toBe(5000);
    expect(d.totalConversions).toBe(5000);
    expect(seq(d, 4999)).toEqual(["c1", "c5", "c4999"]);
  });

  it("pathsFromSequences matches parsePaths", () => {
    const a = parsePaths({ paths: ["a > b", "b", "a > b"], conversions: [1, 2, 3], nulls: [4, 5, 6] });
    const b = pathsFromSequences([["a", "b"], ["b"], [" a", "b "]], [1, 2, 3], undefined, [4, 5, 6]);
    expect(Array.from(b.conversions)).toEqual(Array.from(a.conversions));
    expect(Array.from(b.nulls)).toEqual(Array.from(a.nulls));
    expect(Array.from(b.pathChannels)).toEqual(Array.from(a.pathChannels));
  });
});

describe("parsePaths errors name the row and argument", () => {
  it.each([
    [{ paths: [], conversions: [] }, "noRows", { arg: "paths" }],
    [{ paths: ["a", "b"], conversions: [1] }, "lengthMismatch", { arg: "conversions" }],
    [{ paths: ["a", " > > "], conversions: [1, 1] }, "emptyPath", { arg: "paths", row: 2 }],
    [{ paths: ["a", ""], conversions: [1, 1] }, "emptyPath", { arg: "paths", row: 2 }],
    [{ paths: ["a", true], conversions: [1, 1] }, "pathNotText", { arg: "paths", row: 2 }],
    [{ paths: ["a", "b"], conversions: [1, -1] }, "negative", { arg: "conversions", row: 2 }],
    [{ paths: ["a", "b", "c"], conversions: [1, 2, "x"] }, "notANumber", { arg: "conversions", row: 3 }],
    [{ paths: ["a"], conversions: [""] }, "notANumber", { arg: "conversions", row: 1 }],
    [{ paths: ["a"], conversions: [Number.NaN] }, "notANumber", { arg: "conversions", row: 1 }],
    [{ paths: ["a"], conversions: [Infinity] }, "notANumber", { arg: "conversions", row: 1 }],
    [{ paths: ["a", "b"], conversions: [1, 1], nulls: [0, -2] }, "negative", { arg: "nulls", row: 2 }],
    [{ paths: ["a", "b"], conversions: [1, 0], values: [3, 4] }, "valueWithoutConversions", { arg: "values", row: 2 }],
    [{ paths: ["", ""], conversions: ["", ""] }, "noRows", { arg: "paths" }],
  ])("%o → %s", (input, key, params) => {
    expect(() => parsePaths(input)).toThrow(err(key, params));
  });

  it("empty separator", () => {
    expect(() => parsePaths({ paths: ["a"], conversions: [1] }, { separator: "" })).toThrow(err("emptySeparator"));
  });

  it("messages are templates of the catalog", () => {
    expect(() => parsePaths({ paths: ["a", "> >"], conversions: [1, 1] })).toThrow(
      "paths row 2 has no channel (it is blank or contains only separators).",
    );
    for (const t of Object.values(ATTRIBUTION_ERROR_MESSAGES)) expect(t.length).toBeGreaterThan(10);
  });
});

describe("path splitting agrees with split + trim", () => {
  it("any separator, Unicode spaces, empty pieces", () => {
    const piece = fc.constantFrom("a", "b", "Paid Search", "搜索", " ", "\u00a0", "\u3000", "\t", "-", ">", "x>y", "-");
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 4 }).map((p) => p.join("")),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom(">", "->", "→", " > ", ","),
        (pieces, sep) => {
          const s = pieces.join(sep);
          const expected = s
            .split(sep)
            .map((x) => x.trim())
            .filter((x) => x !== "");
          fc.pre(expected.length > 0);
          const d = parsePaths({ paths: [s, s], conversions: [1, 2] }, { separator: sep });
          expect(seq(d, 0)).toEqual(expected);
          expect(d.pathCount).toBe(1);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("channel limits", () => {
  it("Markov order 4 needs fewer than 2^(53/4) channels", () => {
    const many = Array.from({ length: 9800 }, (_, i) => `c${i}`);
    const d = pathsFromSequences([many], [1]);
    expect(() => markovModel(d, { order: 4 })).toThrow(
      expect.objectContaining({ key: "tooManyChannels", params: expect.objectContaining({ limit: 9740, n: 9800 }) }),
    );
    expect(markovModel(d, { order: 1 }).conversions.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });
});
