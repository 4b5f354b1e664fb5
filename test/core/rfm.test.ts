import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { excelSerialFromYmd, excelSerialFromYyyymmdd, isoDateFromExcelSerial } from "../../src/core/dates";
import { MktError } from "../../src/core/errors";
import { rfmSummary, type RfmSummary } from "../../src/core/rfm";

const DIR = "test/fixtures/lifetimes/";

function loadCdnowSample(): { ids: number[]; dates: number[]; amounts: number[] } {
  const ids: number[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of readFileSync(DIR + "CDNOW_sample.txt", "utf8")
    .trim()
    .split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    ids.push(Number(f[1]));
    dates.push(excelSerialFromYyyymmdd(Number(f[2])));
    amounts.push(Number(f[4]));
  }
  return { ids, dates, amounts };
}

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

const positions = new WeakMap<RfmSummary, Map<string | number, number>>();
function row(s: RfmSummary, id: string | number): [number, number, number, number] {
  let pos = positions.get(s);
  if (!pos) {
    pos = new Map(s.ids.map((v, i) => [v, i]));
    positions.set(s, pos);
  }
  const i = pos.get(id) ?? -1;
  return [s.frequency[i], s.recency[i], s.T[i], s.monetary[i]];
}

describe("dates", () => {
  it("Excel serials", () => {
    expect(excelSerialFromYmd(1970, 1, 1)).toBe(25569);
    expect(excelSerialFromYmd(1997, 9, 30)).toBe(35703);
    expect(excelSerialFromYyyymmdd(19970101)).toBe(35431);
    expect(isoDateFromExcelSerial(35703.75)).toBe("1997-09-30");
  });
});

describe("rfmSummary on CDNOW", () => {
  const tx = loadCdnowSample();
  const asOf = excelSerialFromYmd(1997, 9, 30);
  const s = rfmSummary(tx.ids, tx.dates, tx.amounts, { asOf, timeUnit: "weeks" });
  const published = readFileSync(DIR + "cdnow_customers_summary_with_transactions.csv", "utf8")
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(",").map(Number));

  it("has the 2,357 customers", () => {
    expect(published.length).toBe(2357);
    expect(s.ids.length).toBe(2357);
  });

  it("reproduces x, t_x, T and zbar of every customer (file rounded to 2 decimals)", () => {
    let mismatches = 0;
    for (const [id, x, tx_, T, zbar] of published) {
      const [fx, ftx, fT, fm] = row(s, id);
      const ok =
        fx === x &&
        Math.abs(ftx - tx_) <= 0.005 + 1e-9 &&
        Math.abs(fT - T) <= 0.005 + 1e-9 &&
        Math.abs(fm - zbar) <= 0.005 + 1e-9;
      if (!ok) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("agrees with cdnow_customers_summary.csv (frequency, recency, T)", () => {
    const lines = readFileSync(DIR + "cdnow_customers_summary.csv", "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    for (const l of lines) {
      const [id, x, r, T] = l.split(",").map(Number);
      const [fx, ftx, fT] = row(s, id);
      expect(fx).toBe(x);
      expect(Math.abs(ftx - r)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(fT - T)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it("uses the documented convention: as-of inclusive, T measured to the as-of day", () => {
    // customer 1: first purchase 1997-01-01, repeats 01-18 and 08-02; 1997-12-12 is after as-of.
    const [x, tx_, T, m] = row(s, 1);
    expect(x).toBe(2);
    expect(tx_).toBeCloseTo(213 / 7, 12);
    expect(T).toBeCloseTo(272 / 7, 12);
    expect(m).toBeCloseTo((29.73 + 14.96) / 2, 10);
    // Measuring T to 1997-10-01 (39 whole weeks) would not reproduce the published 38.86.
    const alt = rfmSummary(tx.ids, tx.dates, tx.amounts, { asOf: asOf + 1, timeUnit: "weeks" });
    expect(row(alt, 1)[2]).toBeCloseTo(39, 12);
  });
});

describe("rfmSummary rules", () => {
  const d0 = excelSerialFromYmd(2024, 1, 1);
  it("combines same-day purchases, excludes the first day from monetary, ignores rows after as-of", () => {
    const s = rfmSummary(
      ["a", "a", "a", "a", "b", "c", "a"],
      [d0, d0 + 0.4, d0 + 7, d0 + 7.9, d0 + 3, d0 + 40, d0 + 50],
      [10, 5, 20, 4, 8, 100, 999],
      { asOf: d0 + 14, timeUnit: "days" },
    );
    expect(s.ids).toEqual(["a", "b"]); // c first buys after as-of
    expect(row(s, "a")).toEqual([1, 7, 14, 24]);
    expect(row(s, "b")).toEqual([0, 0, 11, 0]);
  });
  it("time units", () => {
    const ids = [1, 1, 1];
    const dates = [d0, d0 + 30, d0 + 365.25];
    const amounts = [1, 2, 3];
    const asOf = d0 + 400;
    const days = row(rfmSummary(ids, dates, amounts, { asOf, timeUnit: "days" }), 1);
    const months = row(rfmSummary(ids, dates, amounts, { asOf, timeUnit: "months" }), 1);
    const years = row(rfmSummary(ids, dates, amounts, { asOf, timeUnit: "years" }), 1);
    expect(days).toEqual([2, 365, 400, 2.5]);
    expect(months[1]).toBeCloseTo(365 / (365.25 / 12), 12);
    expect(years[2]).toBeCloseTo(400 / 365.25, 12);
  });
  it("handles unsorted input and mixed id types (1 and '1' are different customers)", () => {
    const s = rfmSummary([1, "1", 1, 1], [d0 + 9, d0 + 2, d0, d0 + 4], [3, 1, 1, 2], {
      asOf: d0 + 10,
      timeUnit: "days",
    });
    expect(s.ids).toEqual([1, "1"]);
    expect(row(s, 1)).toEqual([2, 9, 10, 2.5]);
    expect(row(s, "1")).toEqual([0, 0, 8, 0]);
  });
});

describe("rfmSummary errors", () => {
  const d = excelSerialFromYmd(2024, 1, 1);
  const cases: [string, () => unknown, string, string][] = [
    ["dates shorter", () => rfmSummary([1, 2], [d], [1, 2], { asOf: d, timeUnit: "days" }), "value", "lengthMismatch"],
    ["amounts longer", () => rfmSummary([1], [d], [1, 2], { asOf: d, timeUnit: "days" }), "value", "lengthMismatch"],
    ["empty", () => rfmSummary([], [], [], { asOf: d, timeUnit: "days" }), "value", "noData"],
    [
      "as-of before all",
      () => rfmSummary([1], [d], [1], { asOf: d - 1, timeUnit: "days" }),
      "value",
      "noTransactionsBeforeAsOf",
    ],
    ["NaN date", () => rfmSummary([1], [NaN], [1], { asOf: d, timeUnit: "days" }), "value", "notANumber"],
    ["huge date", () => rfmSummary([1], [1e12], [1], { asOf: d, timeUnit: "days" }), "value", "dateOutOfRange"],
    [
      "text amount",
      () => rfmSummary([1], [d], ["5" as unknown as number], { asOf: d, timeUnit: "days" }),
      "value",
      "notANumber",
    ],
    ["empty id", () => rfmSummary([""], [d], [1], { asOf: d, timeUnit: "days" }), "value", "invalidCustomerId"],
    [
      "null id",
      () => rfmSummary([null as unknown as number], [d], [1], { asOf: d, timeUnit: "days" }),
      "value",
      "invalidCustomerId",
    ],
    ["bad unit", () => rfmSummary([1], [d], [1], { asOf: d, timeUnit: "hours" as "days" }), "value", "unknownTimeUnit"],
    ["bad as-of", () => rfmSummary([1], [d], [1], { asOf: NaN, timeUnit: "days" }), "value", "notANumber"],
  ];
  it.each(cases)("%s", (_n, f, kind, key) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
  });
});
