import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import {
  RFM_TIERS,
  RFM_TIER_LABELS,
  quintileScores,
  readTable,
  rfmTierOf,
  rfmTiers,
  rfmTiersFromTable,
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

/** Excel: =1+INT(5*(RANK.EQ(x,range,order)-1)/COUNT(range)). */
function excelScore(values: number[], x: number, ascending: boolean): number {
  const rank = 1 + values.filter((v) => (ascending ? v < x : v > x)).length;
  return 1 + Math.floor((5 * (rank - 1)) / values.length);
}

describe("quintileScores", () => {
  it("cuts distinct values into five equal groups, 5 = best", () => {
    const v = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(Array.from(quintileScores(v, true))).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
    expect(Array.from(quintileScores(v, false))).toEqual([1, 5, 1, 5, 2, 4, 2, 4, 3, 3]);
  });

  it("gives tied values the score of their lowest rank", () => {
    const f = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5];
    expect(Array.from(quintileScores(f, true))).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(Array.from(quintileScores([7, 7, 7], true))).toEqual([1, 1, 1]);
    expect(Array.from(quintileScores([7, 7, 7], false))).toEqual([1, 1, 1]);
  });

  it("matches the Excel RANK.EQ formula, is monotone and ties get equal scores (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 80 }), fc.boolean(), (v, up) => {
        const s = quintileScores(v, up);
        for (let i = 0; i < v.length; i++) {
          expect(s[i]).toBe(excelScore(v, v[i], up));
          expect(s[i]).toBeGreaterThanOrEqual(1);
          expect(s[i]).toBeLessThanOrEqual(5);
          for (let j = 0; j < v.length; j++) {
            if (v[i] === v[j]) expect(s[i]).toBe(s[j]);
            if (up ? v[i] < v[j] : v[i] > v[j]) expect(s[i]).toBeLessThanOrEqual(s[j]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("rfmTiers", () => {
  it("applies the documented tier rules", () => {
    expect(rfmTierOf(5, 5, 5)).toBe("highValue");
    expect(rfmTierOf(4, 4, 4)).toBe("highValue");
    expect(rfmTierOf(4, 4, 3)).toBe("regular");
    expect(rfmTierOf(1, 5, 1)).toBe("atRisk");
    expect(rfmTierOf(2, 1, 5)).toBe("atRisk");
    expect(rfmTierOf(1, 1, 1)).toBe("lapsed");
    expect(rfmTierOf(2, 2, 3)).toBe("lapsed");
    expect(rfmTierOf(2, 3, 3)).toBe("regular");
    expect(rfmTierOf(5, 1, 1)).toBe("potential");
    expect(rfmTierOf(4, 2, 5)).toBe("potential");
    expect(rfmTierOf(3, 5, 5)).toBe("regular");
  });

  it("gives every score combination exactly one tier, consistent with its definition", () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          const rules = {
            highValue: r >= 4 && f >= 4 && m >= 4,
            atRisk: r <= 2 && (f >= 4 || m >= 4),
            lapsed: r <= 2 && f <= 2 && m <= 3,
            potential: r >= 4 && f <= 2,
          };
          const matching = Object.entries(rules).filter(([, ok]) => ok);
          expect(matching.length).toBeLessThanOrEqual(1); // mutually exclusive
          const tier = rfmTierOf(r, f, m);
          expect(tier).toBe(matching.length === 1 ? matching[0][0] : "regular");
          seen.add(tier);
        }
      }
    }
    expect([...seen].sort()).toEqual([...RFM_TIERS].sort());
  });

  it("scores and tiers every customer (property)", () => {
    const customer = fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 30 }),
      fc.double({ min: -50, max: 5000, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 120 }), (rows) => {
        const res = rfmTiers(
          rows.map((c) => c[0]),
          rows.map((c) => c[1]),
          rows.map((c) => c[2]),
        );
        expect(res.tiers).toHaveLength(rows.length);
        expect(Object.values(res.counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
        for (let i = 0; i < rows.length; i++) {
          expect(res.tiers[i]).toBe(rfmTierOf(res.r[i], res.f[i], res.m[i]));
          expect(res.counts[res.tiers[i]]).toBeGreaterThan(0);
          // Fewer days since the last order never scores lower.
          for (let j = 0; j < rows.length; j++)
            if (rows[i][0] < rows[j][0]) expect(res.r[i]).toBeGreaterThanOrEqual(res.r[j]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reads the columns of a table and labels tiers in three languages", () => {
    const cells: unknown[][] = [["Recency days", "Orders", "Spend", "Region"]];
    for (let i = 0; i < 20; i++) cells.push([i * 10, 20 - i, 1000 - i * 40, i % 2 ? "North" : "South"]);
    const t = readTable(cells);
    const res = rfmTiersFromTable(t, { recency: "recency days", frequency: "ORDERS", monetary: "Spend" });
    expect(res.tiers.slice(0, 4)).toEqual(["highValue", "highValue", "highValue", "highValue"]);
    expect(res.tiers.slice(-4)).toEqual(["lapsed", "lapsed", "lapsed", "lapsed"]);
    expect(RFM_TIER_LABELS.atRisk).toEqual({ "en-US": "At risk", "zh-CN": "流失风险", "zh-TW": "流失風險" });
    expect(
      errorOf(() => rfmTiersFromTable(t, { recency: "Region", frequency: "Orders", monetary: "Spend" })),
    ).toMatchObject({ key: "columnNotNumeric", params: { column: "Region" } });
    expect(errorOf(() => rfmTiersFromTable(t, { recency: "Days", frequency: "Orders", monetary: "Spend" })).key).toBe(
      "unknownColumn",
    );
    cells[5][1] = -2;
    const neg = errorOf(() =>
      rfmTiersFromTable(readTable(cells), { recency: "Recency days", frequency: "Orders", monetary: "Spend" }),
    );
    expect(neg).toMatchObject({ kind: "value", key: "negativeValue", params: { column: "Orders", row: 6, value: -2 } });
  });

  it("rejects bad arrays", () => {
    expect(errorOf(() => rfmTiers([], [], [])).key).toBe("tooFewRows");
    expect(errorOf(() => rfmTiers([1, 2], [1], [1, 2])).key).toBe("lengthMismatch");
    expect(errorOf(() => rfmTiers([1, NaN], [1, 2], [1, 2])).key).toBe("columnNotNumeric");
    expect(errorOf(() => rfmTiers([-1, 2], [1, 2], [1, 2])).key).toBe("negativeValue");
    expect(rfmTiers([1, 2], [1, 2], [-5, 2]).tiers).toHaveLength(2);
  });
});
