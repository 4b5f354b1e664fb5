import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortCounts,
  cohortTable,
  parseMeasure,
  parsePeriod,
  retentionCurve,
  type CohortTable,
  type CustomerId,
} from "../../src/core/cohort";
import { COHORT_ERROR_MESSAGES } from "../../src/core/cohort-messages";
import { MktError, type MktErrorKind } from "../../src/core/errors";
import {
  addMonths,
  isoWeekOf,
  monthIndex,
  periodIndex,
  periodLabel,
  periodStartSerial,
  quarterIndex,
  serialToYmd,
  ymdToSerial,
  type CalendarPeriod,
} from "../../src/core/periods";

function expectThrows(fn: () => unknown, kind: MktErrorKind, key: string, arg: string): MktError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MktError);
  const e = caught as MktError;
  expect({ kind: e.kind, key: e.key, arg: e.params.arg }).toEqual({ kind, key, arg });
  expect(COHORT_ERROR_MESSAGES[key]).toBeDefined();
  expect(e.message).not.toMatch(/\{\w+\}/);
  return e;
}

const S = ymdToSerial;
const MS_PER_DAY = 86_400_000;
const jsDateOfSerial = (s: number): Date => new Date(Date.UTC(1899, 11, 30) + s * MS_PER_DAY);

// ---------------------------------------------------------------- periods.ts

describe("periods", () => {
  it("serial ↔ date in the 1900 system, including Excel's fake 1900-02-29", () => {
    expect(S(1900, 1, 1)).toBe(1);
    expect(S(1900, 2, 28)).toBe(59);
    expect(S(1900, 3, 1)).toBe(61);
    expect(S(1970, 1, 1)).toBe(25569);
    expect(S(2027, 1, 1)).toBe(46388);
    expect(S(9999, 12, 31)).toBe(2958465);
    expect(serialToYmd(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(serialToYmd(60)).toEqual({ year: 1900, month: 2, day: 28 }); // bogus 1900-02-29 read as 02-28
    expect(serialToYmd(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(serialToYmd(46388.75)).toEqual({ year: 2027, month: 1, day: 1 }); // time of day ignored
  });

  it("agrees with JS Date for every serial ≥ 61 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const d = jsDateOfSerial(s);
        expect(serialToYmd(s)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(S(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(s);
        expect(monthIndex(s)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
        expect(quarterIndex(s)).toBe(d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3));
      }),
      { numRuns: 3000 },
    );
  });

  it("labels", () => {
    expect(periodLabel("month", monthIndex(S(2027, 1, 15)))).toBe("2027-01");
    expect(periodLabel("month", monthIndex(S(2027, 12, 31)))).toBe("2027-12");
    expect(periodLabel("quarter", quarterIndex(S(2027, 3, 31)))).toBe("2027-Q1");
    expect(periodLabel("quarter", quarterIndex(S(2027, 10, 1)))).toBe("2027-Q4");
    expect(periodLabel("week", periodIndex("week", S(2027, 2, 1)))).toBe("2027-W05");
    // ISO week-numbering year differs from the calendar year around New Year.
    expect(periodLabel("week", periodIndex("week", S(2027, 1, 1)))).toBe("2026-W53"); // Friday
    expect(periodLabel("week", periodIndex("week", S(2027, 1, 4)))).toBe("2027-W01"); // Monday
    expect(periodLabel("week", periodIndex("week", S(2024, 12, 30)))).toBe("2025-W01");
    expect(periodLabel("week", periodIndex("week", S(2021, 1, 3)))).toBe("2020-W53"); // Sunday
    expect(isoWeekOf(S(2020, 12, 31))).toEqual({ year: 2020, week: 53 });
  });

  it("ISO weeks agree with the textbook Thursday rule computed with JS Date (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 2958000 }), (s) => {
        const d = jsDateOfSerial(s);
        const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
        const thursday = new Date(d.getTime() + (3 - dow) * MS_PER_DAY);
        const y = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / (7 * MS_PER_DAY)) + 1;
        expect(isoWeekOf(s)).toEqual({ year: y, week });
      }),
      { numRuns: 3000 },
    );
  });

  it("period starts: the first day of the period (a Monday for weeks), and s lies in its period", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 2958000 }),
        fc.constantFrom<CalendarPeriod>("month", "week", "quarter"),
        (s, p) => {
          const i = periodIndex(p, s);
          expect(periodStartSerial(p, i)).toBeLessThanOrEqual(s);
          expect(periodStartSerial(p, i + 1)).toBeGreaterThan(s);
          expect(periodIndex(p, periodStartSerial(p, i))).toBe(i);
          if (p === "week") expect(jsDateOfSerial(periodStartSerial(p, i)).getUTCDay()).toBe(1);
          else expect(serialToYmd(periodStartSerial(p, i)).day).toBe(1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("addMonths is Excel's EDATE (clamped to month end)", () => {
    expect(addMonths(S(2027, 1, 31), 1)).toBe(S(2027, 2, 28));
    expect(addMonths(S(2024, 3, 31), -1)).toBe(S(2024, 2, 29));
    expect(addMonths(S(2027, 5, 15), 12)).toBe(S(2028, 5, 15));
    expect(addMonths(S(2027, 1, 1), -3)).toBe(S(2026, 10, 1));
    expect(addMonths(S(2027, 11, 30), 3)).toBe(S(2028, 2, 29));
  });
});

// ---------------------------------------------------------------- parsing of words

describe("parsePeriod / parseMeasure", () => {
  it("English and Chinese period words", () => {
    for (const w of ["month", "Months", " MONTHLY ", "m", "月", "月份", "每月"]) expect(parsePeriod(w)).toBe("month");
    for (const w of ["week", "Weekly", "w", "周", "週", "星期", "每周"]) expect(parsePeriod(w)).toBe("week");
    for (const w of ["quarter", "Quarterly", "q", "季度", "季", "每季度"]) expect(parsePeriod(w)).toBe("quarter");
  });

  it("bad period words are value errors naming the argument", () => {
    expectThrows(() => parsePeriod("year"), "value", "unknownPeriod", "period");
    expectThrows(() => parsePeriod(""), "value", "unknownPeriod", "period");
    expectThrows(() => parsePeriod(3), "value", "unknownPeriod", "period");
    expectThrows(() => parsePeriod("toString"), "value", "unknownPeriod", "period");
    expectThrows(() => parsePeriod("年", "cohortPeriod"), "value", "unknownPeriod", "cohortPeriod");
  });

  it("measure words", () => {
    for (const w of ["customers", "Active", "客户数", "客戶數"]) expect(parseMeasure(w)).toBe("customers");
    for (const w of ["retention", "Retention Rate", "留存率", "留存"]) expect(parseMeasure(w)).toBe("retention");
    for (const w of ["revenue", "Sales", "收入", "营收"]) expect(parseMeasure(w)).toBe("revenue");
    expectThrows(() => parseMeasure("profit"), "value", "unknownMeasure", "measure");
  });
});

// ---------------------------------------------------------------- a small log worked by hand

// A: Jan 5 (twice, same day), Feb 10, Apr 1 — B: Jan 20 only — C: Mar 3, Mar 4, Apr 30 — D: Mar 31 only.
const HAND = {
  ids: ["A", "A", "B", "A", "C", "C", "D", "A", "C"] as CustomerId[],
  dates: [
    S(2027, 1, 5),
    S(2027, 1, 5),
    S(2027, 1, 20),
    S(2027, 2, 10),
    S(2027, 3, 3),
    S(2027, 3, 4),
    S(2027, 3, 31),
    S(2027, 4, 1),
    S(2027, 4, 30),
  ],
  amounts: [10, 5, 3, 20, 1, 2, 8, 7, 4],
};

describe("cohortTable on a hand-worked log", () => {
  it("active customers: cohorts Jan and Mar (no Feb cohort), blanks after the as-of period", () => {
    const t = cohortTable(HAND.ids, HAND.dates, { period: "month", measure: "customers" });
    expect(t.labels).toEqual(["2027-01", "2027-03"]);
    expect(t.sizes).toEqual([2, 2]);
    expect(t.values).toEqual([
      [2, 1, 0, 1],
      [2, 1, null, null],
    ]);
    expect(t.asOf).toBe(S(2027, 4, 30));
    expect(t.asOfLabel).toBe("2027-04");
    expect(t.cohortPeriods).toEqual([monthIndex(S(2027, 1, 1)), monthIndex(S(2027, 3, 1))]);
  });

  it("retention and revenue", () => {
    const r = cohortTable(HAND.ids, HAND.dates, { period: "month", measure: "retention" });
    expect(r.values).toEqual([
      [1, 0.5, 0, 0.5],
      [1, 0.5, null, null],
    ]);
    const v = cohortTable(HAND.ids, HAND.dates, { period: "month", measure: "revenue", amounts: HAND.amounts });
    expect(v.values).toEqual([
      [18, 20, 0, 7],
      [11, 4, null, null],
    ]);
  });

  it("as-of date: later purchases are ignored and unobservable cells are null", () => {
    const t = cohortTable(HAND.ids, HAND.dates, { period: "month", measure: "customers", asOf: S(2027, 3, 15) });
    expect(t.sizes).toEqual([2, 1]); // D (Mar 31) not yet acquired
    expect(t.values).toEqual([
      [2, 1, 0],
      [1, null, null],
    ]);
    // An as-of after the data: the empty periods are observed zeros.
    const later = cohortTable(HAND.ids, HAND.dates, { period: "month", measure: "customers", asOf: S(2027, 6, 1) });
    expect(later.values[1]).toEqual([2, 1, 0, 0, null, null]);
  });

  it("quarters and ISO weeks", () => {
    const q = cohortTable(HAND.ids, HAND.dates, { period: "quarter", measure: "customers" });
    expect(q.labels).toEqual(["2027-Q1"]);
    expect(q.values).toEqual([[4, 2]]);
    const w = cohortTable(HAND.ids, HAND.dates, { period: "week", measure: "customers" });
    expect(w.labels).toEqual(["2027-W01", "2027-W03", "2027-W09", "2027-W13"]);
    expect(w.sizes).toEqual([1, 1, 1, 1]);
    expect(w.values[0].length).toBe(17); // W01 … W17 (Apr 30 is in W17)
    expect(w.values[0][0]).toBe(1);
    expect(w.values[0][5]).toBe(1); // Feb 10 is in W06 (k = 5)
    const nulls = (k: number): null[] => new Array<null>(k).fill(null);
    expect(w.values[2]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, ...nulls(8)]); // C: W09, W09, W17
    expect(w.values[3]).toEqual([1, 0, 0, 0, 0, ...nulls(12)]); // D: W13 only
  });

  it("retentionCurve: size-weighted average over observable cohorts, monotone by cumulative minimum", () => {
    expect(retentionCurve(HAND.ids, HAND.dates, { period: "month", monotone: false })).toEqual([1, 0.5, 0, 0.5]);
    expect(retentionCurve(HAND.ids, HAND.dates, { period: "month" })).toEqual([1, 0.5, 0, 0]);
  });
});

// ---------------------------------------------------------------- CDNOW

interface Orders {
  ids: string[];
  ymd: string[];
  dates: number[];
  amounts: number[];
}

function loadCdnow(): Orders {
  const text = readFileSync("test/fixtures/lifetimes/CDNOW_master.txt", "utf8");
  const lines = text.split("\r\n");
  expect(lines[0].trim().split(/\s+/)).toEqual(["customer_id", "date", "number_of_cds", "dollar_value"]);
  const o: Orders = { ids: [], ymd: [], dates: [], amounts: [] };
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const [id, d, , v] = line.trim().split(/\s+/);
    o.ids.push(id);
    o.ymd.push(d);
    o.dates.push(S(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8))));
    o.amounts.push(Number(v));
  }
  return o;
}

describe("cohortTable on CDNOW (23,570 customers, first purchases January–March 1997)", () => {
  const cd = loadCdnow();
  const t = cohortTable(cd.ids, cd.dates, { period: "month", measure: "customers" });

  it("three monthly cohorts summing to 23,570, period 0 = 100%", () => {
    expect(cd.ids.length).toBe(69659);
    expect(t.labels).toEqual(["1997-01", "1997-02", "1997-03"]);
    expect(t.sizes.reduce((a, b) => a + b, 0)).toBe(23570);
    expect(t.sizes).toEqual([7846, 8476, 7248]);
    expect(t.asOfLabel).toBe("1998-06");
    expect(t.values[0].length).toBe(18);
    expect(t.values[2].slice(16)).toEqual([null, null]);
    const r = cohortTable(cd.ids, cd.dates, { period: "month", measure: "retention" });
    for (const row of r.values) {
      expect(row[0]).toBe(1);
      for (const v of row) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  it("one cohort row recomputed independently from the raw orders (plain grouped count)", () => {
    // Month of each order from the YYYYMMDD text: year·12 + month.
    const monthOf = (ymd: string): number => Number(ymd.slice(0, 4)) * 12 + Number(ymd.slice(4, 6)) - 1;
    const first = new Map<string, number>();
    cd.ids.forEach((id, i) => {
      const m = monthOf(cd.ymd[i]);
      if (!first.has(id) || m < (first.get(id) as number)) first.set(id, m);
    });
    const feb = 1997 * 12 + 1;
    const activeBySince = new Map<number, Set<string>>();
    cd.ids.forEach((id, i) => {
      if (first.get(id) !== feb) return;
      const k = monthOf(cd.ymd[i]) - feb;
      if (!activeBySince.has(k)) activeBySince.set(k, new Set());
      activeBySince.get(k)?.add(id);
    });
    const expected: (number | null)[] = [];
    for (let k = 0; k < 18; k++) expected.push(k <= 16 ? (activeBySince.get(k)?.size ?? 0) : null);
    expect(t.values[1]).toEqual(expected);
    expect(t.values[1][0]).toBe(8476);
    expect(t.values[1][1]).toBe(1312);
  });

  it("revenue cells add up to the total revenue; weekly and quarterly cohorts keep every customer", () => {
    const v = cohortTable(cd.ids, cd.dates, { period: "month", measure: "revenue", amounts: cd.amounts });
    const sum = v.values.flat().reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(sum).toBeCloseTo(
      cd.amounts.reduce((a, b) => a + b, 0),
      6,
    );
    const w = cohortTable(cd.ids, cd.dates, { period: "week", measure: "customers" });
    expect(w.sizes.reduce((a, b) => a + b, 0)).toBe(23570);
    expect(w.labels[0]).toBe("1997-W01");
    const q = cohortTable(cd.ids, cd.dates, { period: "quarter", measure: "customers" });
    expect(q.sizes).toEqual([23570]);
  });

  it("retention curve: S_0 = 1, non-increasing, equal to the pooled ratio at k = 1", () => {
    const s = retentionCurve(cd.ids, cd.dates, { period: "month" });
    expect(s.length).toBe(18);
    expect(s[0]).toBe(1);
    for (let k = 1; k < s.length; k++) expect(s[k]).toBeLessThanOrEqual(s[k - 1]);
    const k1 = ((t.values[0][1] as number) + (t.values[1][1] as number) + (t.values[2][1] as number)) / 23570;
    expect(s[1]).toBeCloseTo(k1, 15);
    // The last value comes from the January cohort only.
    const raw = retentionCurve(cd.ids, cd.dates, { period: "month", monotone: false });
    expect(raw[17]).toBeCloseTo((t.values[0][17] as number) / 7846, 15);
  });
});

// ---------------------------------------------------------------- errors

describe("cohortTable input errors (value errors naming the argument)", () => {
  const ids = ["a", "b"];
  const dates = [S(2027, 1, 1), S(2027, 2, 1)];
  const month = { period: "month", measure: "customers" } as const;
  it("bad dates", () => {
    expectThrows(() => cohortTable(ids, [dates[0], Number.NaN], month), "value", "notANumberAt", "dates");
    expect(
      expectThrows(
        () => cohortTable(ids, [dates[0], "2027-01-01" as unknown as number], month),
        "value",
        "notANumberAt",
        "dates",
      ).params.index,
    ).toBe(2);
    expectThrows(() => cohortTable(ids, [dates[0], Infinity], month), "value", "notANumberAt", "dates");
    expectThrows(() => cohortTable(ids, [dates[0], 0], month), "value", "dateOutOfRange", "dates");
    expectThrows(() => cohortTable(ids, [dates[0], 3e6], month), "value", "dateOutOfRange", "dates");
  });
  it("shapes, ids, amounts, options", () => {
    expectThrows(() => cohortTable(ids, [dates[0]], month), "value", "lengthMismatch", "dates");
    expectThrows(() => cohortTable([], [], month), "value", "noData", "customerIds");
    expectThrows(() => cohortTable(["a", ""], dates, month), "value", "invalidCustomerId", "customerIds");
    expectThrows(() => cohortTable(["a", Number.NaN], dates, month), "value", "invalidCustomerId", "customerIds");
    expectThrows(
      () => cohortTable(ids, dates, { period: "month", measure: "revenue" }),
      "value",
      "amountsRequired",
      "amounts",
    );
    expectThrows(
      () => cohortTable(ids, dates, { period: "month", measure: "revenue", amounts: [1] }),
      "value",
      "lengthMismatch",
      "amounts",
    );
    expectThrows(
      () => cohortTable(ids, dates, { period: "month", measure: "revenue", amounts: [1, Number.NaN] }),
      "value",
      "notANumberAt",
      "amounts",
    );
    expectThrows(
      () => cohortTable(ids, dates, { period: "year" as CalendarPeriod, measure: "customers" }),
      "value",
      "unknownPeriod",
      "period",
    );
    expectThrows(
      () => cohortTable(ids, dates, { period: "month", measure: "profit" as "revenue" }),
      "value",
      "unknownMeasure",
      "measure",
    );
  });
  it("as-of before every purchase, or not a date", () => {
    expectThrows(
      () => cohortTable(ids, dates, { ...month, asOf: S(2026, 12, 31) }),
      "value",
      "noPurchasesBeforeAsOf",
      "asOf",
    );
    expectThrows(
      () => retentionCurve(ids, dates, { period: "week", asOf: S(2026, 12, 31) }),
      "value",
      "noPurchasesBeforeAsOf",
      "asOf",
    );
    expectThrows(() => cohortTable(ids, dates, { ...month, asOf: Number.NaN }), "value", "notANumber", "asOf");
    expectThrows(() => cohortTable(ids, dates, { ...month, asOf: -5 }), "value", "dateArgOutOfRange", "asOf");
    expectThrows(
      () => cohortTable(ids, dates, { period: "week", measure: "customers", asOf: S(9000, 1, 1) }),
      "value",
      "tableTooLarge",
      "asOf",
    );
  });
});

// ---------------------------------------------------------------- properties

const BASE = S(2026, 1, 1);
const logArb = fc.array(
  fc.record({
    id: fc.integer({ min: 0, max: 25 }),
    day: fc.integer({ min: 0, max: 420 }),
    amt: fc.integer({ min: 1, max: 99 }),
  }),
  {
    minLength: 1,
    maxLength: 120,
  },
);
const periodArb = fc.constantFrom<CalendarPeriod>("month", "week", "quarter");
type Row = { id: number; day: number; amt: number };
const cols = (rows: Row[]): { ids: number[]; dates: number[]; amounts: number[] } => ({
  ids: rows.map((r) => r.id),
  dates: rows.map((r) => BASE + r.day),
  amounts: rows.map((r) => r.amt),
});

describe("cohortTable properties", () => {
  it("retention in [0, 1], period 0 = 100%, blanks exactly after the as-of period", () => {
    fc.assert(
      fc.property(logArb, periodArb, (rows, period) => {
        const { ids, dates } = cols(rows);
        const t = cohortTable(ids, dates, { period, measure: "retention" });
        const asOfPer = periodIndex(period, t.asOf);
        t.values.forEach((row, r) => {
          expect(row[0]).toBe(1);
          row.forEach((v, k) => {
            if (t.cohortPeriods[r] + k > asOfPer) expect(v).toBeNull();
            else {
              expect(v).not.toBeNull();
              expect(v as number).toBeGreaterThanOrEqual(0);
              expect(v as number).toBeLessThanOrEqual(1);
            }
          });
        });
        expect(t.sizes.reduce((a, b) => a + b, 0)).toBe(new Set(ids).size);
      }),
    );
  });

  it("shuffling the rows changes nothing; text ids give the same table as numeric ids", () => {
    fc.assert(
      fc.property(
        logArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
        ),
        periodArb,
        ([rows, shuffled], period) => {
          const a = cols(rows);
          const b = cols(shuffled);
          const opts = { period, measure: "revenue" as const };
          const ta = cohortTable(a.ids, a.dates, { ...opts, amounts: a.amounts });
          const tb = cohortTable(b.ids, b.dates, { ...opts, amounts: b.amounts });
          expect(roundTable(tb)).toEqual(roundTable(ta));
          const ca = cohortTable(a.ids, a.dates, { period, measure: "customers" });
          const cb = cohortTable(b.ids, b.dates, { period, measure: "customers" });
          expect(cb).toEqual(ca);
          const ct = cohortTable(
            a.ids.map((x) => `C${x}`),
            a.dates,
            { period, measure: "customers" },
          );
          expect(ct).toEqual(ca);
          // Sparse numeric ids take the Map path: same table.
          const cs = cohortTable(
            a.ids.map((x) => x * 1e9),
            a.dates,
            { period, measure: "customers" },
          );
          expect(cs).toEqual(ca);
        },
      ),
    );
  });

  it("the bitset and the counting-sort distinct counts agree", () => {
    fc.assert(
      fc.property(logArb, periodArb, (rows, period) => {
        const { ids, dates } = cols(rows);
        const a = cohortCounts(ids, dates, { period, algorithm: "bitset" });
        const b = cohortCounts(ids, dates, { period, algorithm: "sort" });
        expect(b).toEqual(a);
        expect(cohortCounts(ids, dates, { period })).toEqual(a);
      }),
    );
  });

  it("adding a one-purchase customer to a cohort lowers every later retention of that cohort (strictly where > 0)", () => {
    fc.assert(
      fc.property(logArb, periodArb, fc.nat(), (rows, period, pick) => {
        const { ids, dates } = cols(rows);
        const asOf = Math.max(...dates);
        const before = cohortTable(ids, dates, { period, measure: "retention", asOf });
        // The new customer buys once, on the first purchase day of an existing customer → same cohort.
        const target = ids[pick % ids.length];
        const firstDay = Math.min(...dates.filter((_, i) => ids[i] === target));
        const after = cohortTable([...ids, -1], [...dates, firstDay], { period, measure: "retention", asOf });
        const r = after.cohortPeriods.indexOf(periodIndex(period, firstDay));
        expect(after.labels).toEqual(before.labels);
        expect(after.sizes[r]).toBe(before.sizes[r] + 1);
        expect(after.values[r][0]).toBe(1);
        for (let k = 1; k < after.values[r].length; k++) {
          const old = before.values[r][k];
          const now = after.values[r][k];
          if (old === null) {
            expect(now).toBeNull();
            continue;
          }
          expect(now as number).toBeLessThanOrEqual(old);
          if (old > 0) expect(now as number).toBeLessThan(old);
          else expect(now).toBe(0);
        }
        // Other cohorts are unchanged.
        after.values.forEach((row, i) => {
          if (i !== r) expect(row).toEqual(before.values[i]);
        });
      }),
    );
  });

  it("retentionCurve = size-weighted average of the observable cohort cells; monotone = cumulative minimum", () => {
    fc.assert(
      fc.property(logArb, periodArb, (rows, period) => {
        const { ids, dates } = cols(rows);
        const t = cohortTable(ids, dates, { period, measure: "customers" });
        const raw = retentionCurve(ids, dates, { period, monotone: false });
        const mono = retentionCurve(ids, dates, { period });
        expect(raw.length).toBe(t.values[0].length);
        for (let k = 0; k < raw.length; k++) {
          let num = 0;
          let den = 0;
          t.values.forEach((row, r) => {
            if (row[k] !== null) {
              num += row[k] as number;
              den += t.sizes[r];
            }
          });
          expect(raw[k]).toBeCloseTo(num / den, 14);
          expect(mono[k]).toBe(Math.min(...raw.slice(0, k + 1)));
        }
        expect(mono[0]).toBe(1);
      }),
    );
  });
});

/** Revenue sums depend on summation order only through rounding. */
function roundTable(t: CohortTable): CohortTable {
  return { ...t, values: t.values.map((row) => row.map((v) => (v === null ? null : Math.round(v * 1e6) / 1e6))) };
}
