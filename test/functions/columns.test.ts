// Reading table-shaped arguments: trimming, header rows, shapes, error values, dates, relabelled core errors.
import { describe, expect, it } from "vitest";
import { excelSerialFromYmd } from "../../src/core/dates";
import { MktError } from "../../src/core/errors";
import {
  dateOf,
  readColumns,
  relabel,
  relabelCoreErrors,
  serialFromDateText,
  MAX_EXCEL_SERIAL,
} from "../../src/functions/columns";
import { EXCEL_ROWS } from "./excel-fixtures";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("readColumns", () => {
  it("drops the trailing blanks of whole columns and reads the used rows only", () => {
    const a: unknown[][] = [["x"], ["y"], [null], ["z"]];
    const b: unknown[][] = [[1], [2], [null], [""]];
    while (a.length < EXCEL_ROWS) a.push([null]);
    while (b.length < EXCEL_ROWS) b.push([""]);
    const t = readColumns([
      { name: "a", value: a, kind: "text" },
      { name: "b", value: b, kind: "number" },
    ]);
    expect(t).toEqual({
      cells: [
        ["x", "y", null, "z"],
        [1, 2, null, null],
      ],
      start: 0,
      rows: 4,
    });
  });

  it("skips a title row when the numeric/date columns start with text that is no number or date", () => {
    const t = readColumns([
      { name: "id", value: [["Customer"], ["a"]], kind: "text" },
      { name: "date", value: [["Date"], ["2024-03-31"]], kind: "date" },
      { name: "amount", value: [["金额"], ["1,234"]], kind: "number" },
    ]);
    expect(t).toEqual({ cells: [["a"], [excelSerialFromYmd(2024, 3, 31)], [1234]], start: 1, rows: 1 });
    // a first row with a number is data, even if another column holds text there
    const data = readColumns([
      { name: "date", value: [["2024-03-31"], [45000]], kind: "date" },
      { name: "amount", value: [["oops"], [1]], kind: "number" },
    ]);
    expect(data.start).toBe(0);
    expect(data.cells[1]).toEqual(["oops", 1]);
  });

  it("reads a single row as a column, one column of a wider range, and leaves omitted optionals undefined", () => {
    const t = readColumns([
      { name: "row", value: [["a", "b", "c"]], kind: "text" },
      {
        name: "wide",
        value: [
          [1, "x"],
          [2, "y"],
          [3, "z"],
        ],
        column: 1,
        kind: "text",
      },
      { name: "opt", value: null, optional: true },
      { name: "opt2", value: [[""]], optional: true },
    ]);
    expect(t.cells).toEqual([["a", "b", "c"], ["x", "y", "z"], undefined, undefined]);
  });

  it("rejects blocks, too-narrow ranges and ranges that stop before the data does", () => {
    const key = (e: unknown) => (e as MktError).key;
    expect(
      key(
        thrown(() =>
          readColumns([
            {
              name: "a",
              value: [
                [1, 2],
                [3, 4],
              ],
            },
          ]),
        ),
      ),
    ).toBe("expectedColumn");
    expect(key(thrown(() => readColumns([{ name: "a", value: [[1, 2]], column: 3 }])))).toBe("expectedColumns");
    const e = thrown(() =>
      readColumns([
        { name: "a", value: [[1], [2]] },
        { name: "b", value: [[1], [2], [3]] },
      ]),
    ) as MktError;
    expect([e.key, e.params]).toEqual(["lengthMismatch", { arg: "a", other: "b", n: 2, m: 3 }]);
    // a longer range is fine when its extra rows are blank
    expect(
      readColumns([
        { name: "a", value: [[1], [2]] },
        { name: "b", value: [[1], [2], [null]] },
      ]).rows,
    ).toBe(2);
  });

  it("throws the first error value in argument order, before any other check", () => {
    const na = { code: "#N/A" };
    const ref = { code: "#REF!" };
    expect(
      thrown(() =>
        readColumns([
          { name: "a", value: [[1], [2], [na]] },
          { name: "b", value: [[ref], [2]] },
        ]),
      ),
    ).toBe(na);
    // within one multi-column range: row by row
    const range = [
      [1, ref],
      [na, 2],
    ];
    expect(
      thrown(() =>
        readColumns([
          { name: "a", value: range, column: 0 },
          { name: "b", value: range, column: 1 },
        ]),
      ),
    ).toBe(ref);
  });
});

describe("dates", () => {
  it("reads ISO, slash, dotted and Chinese date text, with an optional time", () => {
    const d = excelSerialFromYmd(2024, 3, 31);
    expect(serialFromDateText("2024-03-31")).toBe(d);
    expect(serialFromDateText("2024/3/31")).toBe(d);
    expect(serialFromDateText("2024.03.31")).toBe(d);
    expect(serialFromDateText("2024年3月31日")).toBe(d);
    expect(serialFromDateText(" 2024-03-31 12:00 ")).toBe(d + 0.5);
    expect(serialFromDateText("2024-03-31T06:00:00Z")).toBe(d + 0.25);
    expect(serialFromDateText("1997-09-30")).toBe(35703);
  });

  it("rejects impossible dates and other text", () => {
    for (const s of ["2023-02-29", "2024-13-01", "2024-03-31 25:00", "31/03/2024", "March 31", "", "1899-12-31"]) {
      expect(serialFromDateText(s), s).toBeUndefined();
    }
  });

  it("accepts serial numbers within Excel's date range", () => {
    expect(dateOf(45000)).toBe(45000);
    expect(dateOf("45000")).toBe(45000);
    expect(dateOf(MAX_EXCEL_SERIAL + 0.5)).toBe(MAX_EXCEL_SERIAL + 0.5);
    expect(dateOf(MAX_EXCEL_SERIAL + 1)).toBeUndefined();
    expect(dateOf(-1)).toBeUndefined();
    expect(dateOf(19970101)).toBeUndefined();
    expect(dateOf(true)).toBeUndefined();
  });
});

describe("relabel", () => {
  it("renames arguments, shifts rows and prefixes keys of core errors; leaves other values alone", () => {
    const core = new MktError("value", "lengthMismatch", "x", {
      arg: "convA",
      other: "visitorsA",
      row: 2,
      index: 5,
      n: 1,
    });
    const e = relabel(core, {
      names: { convA: "conversions_a", visitorsA: "visitors_a" },
      rowOffset: 1,
      keyPrefix: "p.",
    });
    expect(e).toBeInstanceOf(MktError);
    expect((e as MktError).key).toBe("p.lengthMismatch");
    expect((e as MktError).params).toEqual({ arg: "conversions_a", other: "visitors_a", row: 3, index: 6, n: 1 });
    const plain = new Error("boom");
    expect(relabel(plain, { names: {} })).toBe(plain);
    expect(
      thrown(() =>
        relabelCoreErrors({ names: { a: "b" } }, () => {
          throw new MktError("value", "negative", "a must not be negative.", { arg: "a" });
        }),
      ),
    ).toMatchObject({ key: "negative", params: { arg: "b" }, message: "b must not be negative." });
  });
});
