import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import { readTable, standardize, type CategoricalColumn } from "../../../src/core/segment";

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

const CELLS: unknown[][] = [
  ["Spend", "Orders", "Tier", "Store"],
  [100, 1, "Tier-1", "A"],
  [200, 3, "Tier-2", "A"],
  [300, 5, "Tier-1", "A"],
  [400, 7, "Tier-3", "A"],
];

describe("standardize", () => {
  it("z-scores numeric columns with the population sd", () => {
    const m = standardize(readTable(CELLS), { columns: ["Spend", "Orders"] });
    expect(m.dims).toBe(2);
    const sd = Math.sqrt((150 ** 2 + 50 ** 2 + 50 ** 2 + 150 ** 2) / 4);
    expect(m.features[0]).toMatchObject({ column: "Spend", kind: "numeric", center: 250 });
    expect(m.features[0].sd).toBeCloseTo(sd, 12);
    expect(m.data[0]).toBeCloseTo(-150 / sd, 12);
    for (let t = 0; t < 2; t++) {
      let s = 0;
      let ss = 0;
      for (let i = 0; i < 4; i++) {
        s += m.data[i * 2 + t];
        ss += m.data[i * 2 + t] ** 2;
      }
      expect(s).toBeCloseTo(0, 12);
      expect(ss / 4).toBeCloseTo(1, 12);
    }
    expect(m.blocks).toEqual([]);
  });

  it("one-hot encodes categories with weight sqrt(γ/2) and flags constant columns", () => {
    const m = standardize(readTable(CELLS), { columns: ["Tier", "Store"] });
    // Tier: 3 indicators, Store: one constant indicator (all zeros)
    expect(m.features.map((f) => [f.column, f.category])).toEqual([
      ["Tier", "Tier-1"],
      ["Tier", "Tier-2"],
      ["Tier", "Tier-3"],
      ["Store", "A"],
    ]);
    expect(m.blocks).toEqual([
      { offset: 0, width: 3 },
      { offset: 3, width: 1 },
    ]);
    expect(Array.from(m.data.subarray(0, 8))).toEqual([0.5, 0, 0, 0, 0, 0.5, 0, 0]);
    expect(m.features[0].center).toBe(0.5);
    expect(m.warnings.map((w) => [w.key, w.params.column])).toEqual([["constantColumn", "Store"]]);
    const heavy = standardize(readTable(CELLS), { columns: ["Tier"], categoricalWeight: 2 });
    expect(heavy.data[0]).toBe(1);
  });

  it("keeps the 20 most frequent categories and groups the rest as other", () => {
    const rows: unknown[][] = [["City"]];
    for (let c = 0; c < 25; c++) for (let r = 0; r <= 25 - c; r++) rows.push([`C${c}`]);
    const t = readTable(rows);
    const m = standardize(t);
    expect(m.dims).toBe(21);
    expect(m.features[20]).toMatchObject({ column: "City", category: "other" });
    const col = t.columns[0] as CategoricalColumn;
    const otherCount = col.counts.slice(20).reduce((a, b) => a + b, 0);
    expect(m.features[20].center).toBeCloseTo(otherCount / t.rows, 12);
    expect(m.warnings[0]).toMatchObject({ key: "categoriesGrouped", params: { column: "City", count: 25, kept: 20 } });
    expect(standardize(t, { maxCategories: 5 }).dims).toBe(6);
  });

  it("constant numeric column gives zeros and a warning", () => {
    const m = standardize(
      readTable([
        ["x", "y"],
        [5, 1],
        [5, 2],
        [5, 3],
      ]),
    );
    expect(Array.from(m.data).filter((_, i) => i % 2 === 0)).toEqual([0, 0, 0]);
    expect(m.warnings.map((w) => w.key)).toEqual(["constantColumn"]);
  });

  it("squared distance = Σ z-differences² + γ · categorical mismatches (Huang's k-prototypes measure)", () => {
    const row = fc.tuple(
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.constantFrom("a", "b", "c", "d"),
      fc.constantFrom("x", "y"),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 30 }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        (rows, gamma) => {
          const t = readTable([["n1", "n2", "c1", "c2"], ...rows]);
          const m = standardize(t, { categoricalWeight: gamma });
          const num = m.features.filter((f) => f.kind === "numeric");
          for (let i = 0; i < rows.length; i++) {
            for (let j = i + 1; j < rows.length; j++) {
              let d2 = 0;
              for (let q = 0; q < m.dims; q++) d2 += (m.data[i * m.dims + q] - m.data[j * m.dims + q]) ** 2;
              let expected = 0;
              num.forEach(
                (f, q) => (expected += ((rows[i][q] as number) - (rows[j][q] as number)) ** 2 * f.scale ** 2),
              );
              for (const q of [2, 3]) {
                const col = t.columns[q] as CategoricalColumn;
                if (rows[i][q] !== rows[j][q] && col.categories.length > 1) expected += gamma;
              }
              expect(d2).toBeCloseTo(expected, 6);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("rejects bad options and columns", () => {
    const t = readTable(CELLS);
    expect(errorOf(() => standardize(t, { columns: [] })).key).toBe("noColumns");
    expect(errorOf(() => standardize(t, { columns: ["nope"] })).key).toBe("unknownColumn");
    expect(errorOf(() => standardize(t, { maxCategories: 0 })).key).toBe("invalidOption");
    expect(errorOf(() => standardize(t, { categoricalWeight: -1 })).key).toBe("invalidOption");
  });
});
