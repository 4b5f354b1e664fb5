import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import {
  SEGMENT_ERROR_MESSAGES,
  SEGMENT_WARNING_MESSAGES,
  cellNumber,
  describeColumns,
  isBlankCell,
  readTable,
  type CategoricalColumn,
  type NumericColumn,
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

const CELLS: unknown[][] = [
  ["Age", "Region", "Spend", "Channel"],
  [34, "North", 120.5, "Online"],
  [28, "South", "1,250.00", "Store"],
  ["", "North", 80, ""],
  [45, "  East ", "n/a", "Online"],
  [51, "North", 300, true],
  ["", "", "", ""],
  [39, "South", 95, "Online"],
];

describe("readTable", () => {
  it("types columns, imputes numeric blanks with the mean and keeps the selection row of every kept row", () => {
    const t = readTable(CELLS);
    expect(t.headers).toEqual(["Age", "Region", "Spend", "Channel"]);
    expect(t.rows).toBe(6);
    expect(Array.from(t.rowIndex)).toEqual([1, 2, 3, 4, 5, 7]);
    const [age, region, spend, channel] = t.columns;
    expect(age.kind).toBe("numeric");
    expect(region.kind).toBe("categorical");
    expect(spend.kind).toBe("categorical"); // 5 numbers of 6 non-blank cells = 83% < 90%
    expect(channel.kind).toBe("categorical");
    const a = age as NumericColumn;
    expect(a.mean).toBeCloseTo((34 + 28 + 45 + 51 + 39) / 5, 12);
    expect(a.values[2]).toBeCloseTo(a.mean, 12);
    expect(Array.from(a.missing)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(a.missingCount).toBe(1);
    const r = region as CategoricalColumn;
    expect(r.categories).toEqual(["North", "South", "East"]); // most frequent first, text trimmed
    expect(r.counts).toEqual([3, 2, 1]);
    const c = channel as CategoricalColumn;
    expect(c.categories).toEqual(["Online", "Store", "(blank)", "TRUE"]);
    expect(t.warnings.map((w) => w.key)).toEqual(["blankRowsSkipped", "valuesImputed", "blankCategory"]);
    expect(t.warnings[1].params).toMatchObject({ column: "Age", count: 1 });
  });

  it("reads numeric text and lets the wizard force a kind", () => {
    const t = readTable(CELLS, { columns: ["spend", "AGE"], kinds: { Spend: "numeric", age: "categorical" } });
    expect(t.columns.map((c) => c.name)).toEqual(["Spend", "Age"]);
    const spend = t.columns[0] as NumericColumn;
    expect(spend.kind).toBe("numeric");
    expect(spend.values[1]).toBe(1250);
    expect(spend.missing[3]).toBe(1); // "n/a"
    expect(spend.mean).toBeCloseTo((120.5 + 1250 + 80 + 300 + 95) / 5, 12);
    const age = t.columns[1] as CategoricalColumn;
    expect(age.kind).toBe("categorical");
    expect(age.categories).toContain("34");
    expect(age.categories).toContain("(blank)");
  });

  it("infers numeric at 90% numeric cells", () => {
    const rows: unknown[][] = [["x"]];
    for (let i = 0; i < 9; i++) rows.push([i]);
    rows.push(["unknown"]);
    expect(readTable(rows).columns[0].kind).toBe("numeric");
    rows.push(["unknown"]);
    expect(readTable(rows).columns[0].kind).toBe("categorical");
  });

  it("rejects selections without a proper header row", () => {
    expect(errorOf(() => readTable([])).key).toBe("noData");
    expect(
      errorOf(() =>
        readTable([
          [1, 2],
          [3, 4],
        ]),
      ).key,
    ).toBe("noHeaderRow");
    expect(
      errorOf(() =>
        readTable([
          ["a", ""],
          [3, 4],
        ]),
      ),
    ).toMatchObject({ key: "noHeaderRow", kind: "value" });
    expect(
      errorOf(() =>
        readTable([
          ["a", ""],
          [3, 4],
        ]),
      ).params,
    ).toEqual({ col: 2 });
    expect(
      errorOf(() =>
        readTable([
          ["2023", "2024"],
          [3, 4],
        ]),
      ).key,
    ).toBe("noHeaderRow");
    const dup = errorOf(() =>
      readTable([
        ["Spend", " spend "],
        [3, 4],
      ]),
    );
    expect(dup.key).toBe("duplicateHeader");
    expect(dup.params).toEqual({ column: "spend", col: 1, other: 2 });
  });

  it("rejects bad column choices and too little data", () => {
    expect(errorOf(() => readTable(CELLS, { columns: [] })).key).toBe("noColumns");
    const unknown = errorOf(() => readTable(CELLS, { columns: ["Income"] }));
    expect(unknown.key).toBe("unknownColumn");
    expect(unknown.message).toBe('There is no column "Income" in the selection.');
    const empty = errorOf(() =>
      readTable([
        ["a", "Notes"],
        [1, ""],
        [2, ""],
      ]),
    );
    expect(empty).toMatchObject({ kind: "value", key: "columnHasNoValues", params: { column: "Notes" } });
    expect(empty.message).toBe('Column "Notes" has no values: every cell below its header is blank.');
    expect(errorOf(() => readTable([["a"], [1]])).key).toBe("tooFewRows");
    expect(errorOf(() => readTable([["a"], [1], [""], [""]])).params).toEqual({ min: 2, n: 1 });
    expect(
      errorOf(() =>
        readTable(
          [
            ["a", "b"],
            ["x", 1],
            ["y", 2],
          ],
          { kinds: { a: "numeric" } },
        ),
      ).key,
    ).toBe("columnNotNumeric");
  });

  it("treats blanks, whitespace and Excel error values as missing", () => {
    for (const v of ["", "   ", null, undefined, "#N/A", "#DIV/0!", "#VALUE!"]) expect(isBlankCell(v)).toBe(true);
    for (const v of [0, "0", false, "n/a", "-"]) expect(isBlankCell(v)).toBe(false);
    expect(cellNumber(" -3.5 ")).toBe(-3.5);
    expect(cellNumber("1,234,567.5")).toBe(1234567.5);
    expect(cellNumber("2e3")).toBe(2000);
    for (const v of ["12,34", "1.2.3", "e5", "$5", true, "", NaN, Infinity]) expect(cellNumber(v)).toBeUndefined();
  });
});

describe("describeColumns", () => {
  it("summarizes every column for the picker without requiring data", () => {
    const info = describeColumns(CELLS);
    expect(info.map((c) => [c.name, c.kind, c.nonBlank, c.numeric, c.blank, c.distinct])).toEqual([
      ["Age", "numeric", 5, 5, 2, 5],
      ["Region", "categorical", 6, 0, 1, 3],
      ["Spend", "categorical", 6, 5, 1, 6],
      ["Channel", "categorical", 5, 0, 2, 3],
    ]);
    expect(describeColumns([["Only header"]])).toEqual([
      { name: "Only header", index: 0, kind: "categorical", nonBlank: 0, numeric: 0, blank: 0, distinct: 0 },
    ]);
  });
});

describe("messages", () => {
  it("has a template for every key and placeholders that match the params", () => {
    for (const t of [...Object.values(SEGMENT_ERROR_MESSAGES), ...Object.values(SEGMENT_WARNING_MESSAGES)]) {
      expect(t.length).toBeGreaterThan(10);
    }
    const e = errorOf(() =>
      readTable([
        ["a", "a"],
        [1, 2],
      ]),
    );
    expect(SEGMENT_ERROR_MESSAGES[e.key]).toBeDefined();
    expect(e.message).not.toMatch(/\{\w+\}/);
  });
});
