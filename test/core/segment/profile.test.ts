import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import { draftPersonas, profileSegments, readTable, suggestName, type SegmentProfile } from "../../../src/core/segment";

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

/** 3 segments of 10 customers: big spenders in Tier-1 cities, small spenders in Tier-3, older Tier-2 customers. */
function table() {
  const cells: unknown[][] = [["Spend", "Order count", "City tier", "Age"]];
  for (let i = 0; i < 10; i++) cells.push([900 + 10 * i, 12 + (i % 3), "Tier-1", i === 0 ? "" : 35]);
  for (let i = 0; i < 10; i++) cells.push([100 + 10 * i, 1 + (i % 3), "Tier-3", 35]);
  for (let i = 0; i < 10; i++) cells.push([400 + 10 * i, 6 + (i % 3), i < 7 ? "Tier-2" : "Tier-1", 60]);
  const labels = Array.from({ length: 30 }, (_, i) => Math.floor(i / 10));
  return { t: readTable(cells), labels };
}

describe("profileSegments", () => {
  it("summarizes size, share, means and medians in original units and top categories", () => {
    const { t, labels } = table();
    const p = profileSegments(t, labels, 3);
    expect(p.map((s) => [s.segment, s.size, s.share])).toEqual([
      [0, 10, 1 / 3],
      [1, 10, 1 / 3],
      [2, 10, 1 / 3],
    ]);
    const spend = p[0].numeric[0];
    expect(spend.column).toBe("Spend");
    expect(spend.mean).toBeCloseTo(945, 12);
    expect(spend.median).toBeCloseTo(945, 12);
    expect(spend.populationMean).toBeCloseTo((945 + 145 + 445) / 3, 12);
    expect(spend.populationMedian).toBeCloseTo(445, 12);
    expect(spend.z).toBeCloseTo((945 - spend.populationMean) / spend.populationSd, 12);
    // Age: the blank cell is left out (not its imputed mean).
    const age = p[0].numeric[2];
    expect(age).toMatchObject({ column: "Age", mean: 35, median: 35, observed: 9 });
    expect(age.populationMean).toBeCloseTo((19 * 35 + 10 * 60) / 29, 12);
    expect(p[2].categorical[0]).toEqual({
      column: "City tier",
      top: [
        { category: "Tier-2", count: 7, share: 0.7, populationShare: 7 / 30 },
        { category: "Tier-1", count: 3, share: 0.3, populationShare: 13 / 30 },
      ],
    });
  });

  it("ranks distinguishing features by standardized difference", () => {
    const { t, labels } = table();
    const p = profileSegments(t, labels, 3, { maxDistinguishing: 3 });
    const d = p[1].distinguishing;
    expect(d).toHaveLength(3);
    for (let i = 1; i < d.length; i++) expect(Math.abs(d[i].z)).toBeLessThanOrEqual(Math.abs(d[i - 1].z));
    const tier3 = d.find((f) => f.category === "Tier-3");
    expect(tier3?.z).toBeCloseTo((1 - 1 / 3) / Math.sqrt((1 / 3) * (2 / 3)), 12);
    expect(tier3).toMatchObject({ column: "City tier", kind: "category", segmentValue: 1 });
    expect(d.filter((f) => f.kind === "numeric").every((f) => f.z < 0)).toBe(true);
  });

  it("rejects labels that do not fit the table", () => {
    const { t, labels } = table();
    expect(errorOf(() => profileSegments(t, labels.slice(1), 3)).key).toBe("lengthMismatch");
    expect(errorOf(() => profileSegments(t, labels, 2))).toMatchObject({ key: "invalidLabels", params: { row: 21 } });
    expect(errorOf(() => profileSegments(t, labels, 3, { columns: ["Income"] })).key).toBe("unknownColumn");
  });
});

describe("draft personas", () => {
  it("suggests names in en-US, zh-CN and zh-TW from the distinguishing features", () => {
    const { t, labels } = table();
    const personas = draftPersonas(profileSegments(t, labels, 3));
    expect(personas[0].suggestedName).toEqual({
      "en-US": "High-spend, frequent, Tier-1 city",
      "zh-CN": "高消费、高频、Tier-1城市",
      "zh-TW": "高消費、高頻、Tier-1城市",
    });
    expect(personas[1].suggestedName["en-US"]).toMatch(/^(Low-spend, infrequent|Infrequent, low-spend), Tier-3 city$/);
    expect(personas[2].suggestedName).toEqual({
      "en-US": "Older, Tier-2 city",
      "zh-CN": "年长、Tier-2城市",
      "zh-TW": "年長、Tier-2城市",
    });
    expect(personas[0]).toMatchObject({ segment: 0, size: 10, share: 1 / 3 });
    expect(personas[0].numericSummaries.map((s) => s.column)).toEqual(["Spend", "Order count", "Age"]);
    expect(personas[0].topCategories[0].top[0].category).toBe("Tier-1");
  });

  it("falls back to generic phrases, 'Typical customers' and numbered duplicates", () => {
    const base: SegmentProfile = {
      segment: 0,
      size: 50,
      share: 0.5,
      numeric: [],
      categorical: [{ column: "Channel", top: [{ category: "Online", count: 40, share: 0.8, populationShare: 0.5 }] }],
      distinguishing: [
        { column: "NPS score", kind: "numeric", z: 0.9, segmentValue: 9, populationValue: 7 },
        { column: "Channel", kind: "category", category: "Online", z: 0.6, segmentValue: 0.8, populationValue: 0.5 },
        { column: "Recency days", kind: "numeric", z: -0.55, segmentValue: 12, populationValue: 40 },
      ],
    };
    expect(suggestName(base)).toEqual({
      "en-US": "High NPS score, recent, Online Channel",
      "zh-CN": "NPS score高、近期活跃、OnlineChannel",
      "zh-TW": "NPS score高、近期活躍、OnlineChannel",
    });
    expect(suggestName(base, { maxNameParts: 1 })["en-US"]).toBe("High NPS score");
    const typical = { ...base, distinguishing: base.distinguishing.map((f) => ({ ...f, z: f.z / 10 })) };
    expect(suggestName(typical)).toEqual({ "en-US": "Typical customers", "zh-CN": "典型客户", "zh-TW": "典型客戶" });
    const twins = draftPersonas([typical, { ...typical, segment: 1 }]);
    expect(twins.map((p) => p.suggestedName["en-US"])).toEqual([
      "Typical customers (segment 1)",
      "Typical customers (segment 2)",
    ]);
    expect(twins[1].suggestedName["zh-CN"]).toBe("典型客户（分群2）");
    expect(errorOf(() => suggestName(base, { nameMinZ: -1 })).key).toBe("invalidOption");
  });

  it("lengthens names that share their phrases until they differ", () => {
    const f = (column: string, z: number) => ({
      column,
      kind: "numeric" as const,
      z,
      segmentValue: 0,
      populationValue: 0,
    });
    const mk = (segment: number, distinguishing: SegmentProfile["distinguishing"]): SegmentProfile => ({
      segment,
      size: 10,
      share: 0.5,
      numeric: [],
      categorical: [],
      distinguishing,
    });
    const personas = draftPersonas([
      mk(0, [f("Spend", 2), f("Orders", 1.5), f("Age", 1.2), f("Income", 1)]),
      mk(1, [f("Orders", 2), f("Spend", 1.8), f("Age", 1), f("Income", -0.9)]),
    ]);
    expect(personas.map((p) => p.suggestedName["en-US"])).toEqual([
      "High-spend, frequent, older, high-income",
      "Frequent, high-spend, older, lower-income",
    ]);
  });

  it("names a category only when it is the segment's most frequent one, never (blank)", () => {
    const p: SegmentProfile = {
      segment: 0,
      size: 40,
      share: 0.4,
      numeric: [],
      categorical: [
        {
          column: "Region",
          top: [
            { category: "(blank)", count: 20, share: 0.5, populationShare: 0.2 },
            { category: "North", count: 15, share: 0.375, populationShare: 0.1 },
          ],
        },
      ],
      distinguishing: [
        { column: "Region", kind: "category", category: "(blank)", z: 2, segmentValue: 0.5, populationValue: 0.2 },
        { column: "Region", kind: "category", category: "North", z: 1.5, segmentValue: 0.375, populationValue: 0.1 },
      ],
    };
    expect(suggestName(p)["en-US"]).toBe("Typical customers");
  });
});
