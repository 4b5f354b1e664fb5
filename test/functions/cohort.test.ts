// MKT.COHORT, MKT.RETENTION and MKT.CHURN called the way Excel calls them: the CDNOW cross-checks, a hand-worked
// log, MKT.LTV fed with MKT.RETENTION, localized headers and messages, every error path, and properties.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { churnByHabit } from "../../src/core/churn";
import { retentionCurve } from "../../src/core/cohort";
import { ltvFromSurvival } from "../../src/core/ltv";
import { isoDateOfSerial, ymdToSerial } from "../../src/core/periods";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";
import { padToWholeColumn, type Column } from "./excel-fixtures";

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
  setFunctionLocale("en-US");
});

const S = ymdToSerial;
const err = (code: string, message?: RegExp | string) =>
  message === undefined
    ? expect.objectContaining({ code })
    : expect.objectContaining({
        code,
        message: typeof message === "string" ? message : expect.stringMatching(message),
      });
const COHORT = (...args: unknown[]) => callAsExcel(reg, "COHORT", ...args) as unknown[][];
const RETENTION = (...args: unknown[]) => callAsExcel(reg, "RETENTION", ...args) as unknown[][];
const CHURN = (...args: unknown[]) => callAsExcel(reg, "CHURN", ...args) as unknown[][];
const LTV = (...args: unknown[]) => callAsExcel(reg, "LTV", ...args) as unknown[][];

/** The single cell of a 1 × 1 result (an error). */
function one(table: unknown[][]): unknown {
  expect(table).toHaveLength(1);
  expect(table[0]).toHaveLength(1);
  return table[0][0];
}

function withLocale<T>(locale: "zh-CN" | "zh-TW", body: () => T): T {
  setFunctionLocale(locale);
  try {
    return body();
  } finally {
    setFunctionLocale("en-US");
  }
}

// ---------------------------------------------------------------- CDNOW master (69,659 purchases, 23,570 customers)

interface Cdnow {
  /** Sheet columns with a title cell: id text ("00001"), date serial, dollar value. */
  ids: Column;
  dates: Column;
  amounts: Column;
  /** The raw YYYYMMDD date text of each purchase, for the independent recounts. */
  ymd: string[];
  rawIds: string[];
}

function loadCdnowMaster(): Cdnow {
  const lines = readFileSync("test/fixtures/lifetimes/CDNOW_master.txt", "utf8").split("\r\n");
  expect(lines[0].trim().split(/\s+/)).toEqual(["customer_id", "date", "number_of_cds", "dollar_value"]);
  const c: Cdnow = { ids: [["customer_id"]], dates: [["date"]], amounts: [["dollar_value"]], ymd: [], rawIds: [] };
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    const [id, d, , v] = line.trim().split(/\s+/);
    c.ids.push([id]);
    c.dates.push([S(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)))]);
    c.amounts.push([Number(v)]);
    c.ymd.push(d);
    c.rawIds.push(id);
  }
  return c;
}

const cd = loadCdnowMaster();

describe("MKT.COHORT on CDNOW (monthly)", () => {
  let customers: unknown[][];
  beforeAll(() => {
    customers = COHORT(cd.ids, cd.dates);
  });

  it("spills a header row and three cohorts whose sizes sum to 23,570", () => {
    expect(cd.rawIds).toHaveLength(69659);
    expect(customers[0]).toEqual(["Cohort", "Size", ...Array.from({ length: 18 }, (_, k) => k)]);
    expect(customers).toHaveLength(4);
    expect(customers.slice(1).map((r) => r[0])).toEqual(["1997-01", "1997-02", "1997-03"]);
    const sizes = customers.slice(1).map((r) => r[1] as number);
    expect(sizes).toEqual([7846, 8476, 7248]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(23570);
    for (const row of customers) expect(row).toHaveLength(20);
    // Not yet observable at the as-of month (1998-06): blank, not 0.
    expect(customers[2].slice(19)).toEqual([""]);
    expect(customers[3].slice(18)).toEqual(["", ""]);
  });

  it("one cohort's row equals a plain grouped count of the raw orders", () => {
    const monthOf = (ymd: string): number => Number(ymd.slice(0, 4)) * 12 + Number(ymd.slice(4, 6)) - 1;
    const first = new Map<string, number>();
    cd.rawIds.forEach((id, i) => {
      const m = monthOf(cd.ymd[i]);
      if (!first.has(id) || m < (first.get(id) as number)) first.set(id, m);
    });
    const lastMonth = Math.max(...cd.ymd.map(monthOf));
    const feb = 1997 * 12 + 1;
    const active = new Map<number, Set<string>>();
    cd.rawIds.forEach((id, i) => {
      if (first.get(id) !== feb) return;
      const k = monthOf(cd.ymd[i]) - feb;
      if (!active.has(k)) active.set(k, new Set());
      active.get(k)?.add(id);
    });
    const size = [...first.values()].filter((m) => m === feb).length;
    const expected: unknown[] = ["1997-02", size];
    for (let k = 0; k < 18; k++) expected.push(feb + k <= lastMonth ? (active.get(k)?.size ?? 0) : "");
    expect(customers[2]).toEqual(expected);
    expect(customers[2][2]).toBe(8476);
  });

  it("retention: period 0 is 100% for every cohort, every cell a fraction", () => {
    const r = COHORT(cd.ids, cd.dates, "month", "retention");
    expect(r.slice(1).map((row) => row[2])).toEqual([1, 1, 1]);
    for (const row of r.slice(1)) {
      for (const v of row.slice(2)) {
        if (v === "") continue;
        expect(v as number).toBeGreaterThanOrEqual(0);
        expect(v as number).toBeLessThanOrEqual(1);
      }
    }
    // retention = active ÷ size, cell by cell
    for (let i = 1; i < 4; i++) {
      for (let k = 2; k < 20; k++) {
        if (customers[i][k] === "") expect(r[i][k]).toBe("");
        else expect(r[i][k]).toBeCloseTo((customers[i][k] as number) / (customers[i][1] as number), 15);
      }
    }
  });

  it("revenue cells add up to the total of the amounts (title rows skipped)", () => {
    const v = COHORT(cd.ids, cd.dates, "month", "revenue", undefined, cd.amounts);
    const sum = v
      .slice(1)
      .flatMap((row) => row.slice(2))
      .reduce<number>((a, b) => a + (b === "" ? 0 : (b as number)), 0);
    const total = cd.amounts.slice(1).reduce<number>((a, b) => a + (b[0] as number), 0);
    expect(sum).toBeCloseTo(total, 6);
    expect(v.slice(1).map((row) => row[1])).toEqual([7846, 8476, 7248]);
  });

  it("gives the same table from whole-column references (1,048,576 rows) and with date text", () => {
    const [ids, dates] = padToWholeColumn([cd.ids, cd.dates]);
    expect(COHORT(ids, dates, "月")).toEqual(customers);
    const asText = cd.dates.map((r, i) => (i > 0 && i % 3 === 0 ? [isoDateOfSerial(r[0] as number)] : r));
    expect(COHORT(cd.ids, asText)).toEqual(customers);
  });

  it("quarterly and weekly cohorts keep every customer; as_of cuts the table", () => {
    const q = COHORT(cd.ids, cd.dates, "季度");
    expect(q.slice(1).map((r) => [r[0], r[1]])).toEqual([["1997-Q1", 23570]]);
    const w = COHORT(cd.ids, cd.dates, "week");
    expect(w.slice(1).reduce((a, r) => a + (r[1] as number), 0)).toBe(23570);
    expect(w[1][0]).toBe("1997-W01");
    const cut = COHORT(cd.ids, cd.dates, "month", "customers", "1997-02-15");
    expect(cut).toEqual([
      ["Cohort", "Size", 0, 1],
      ["1997-01", 7846, 7846, expect.any(Number)],
      ["1997-02", expect.any(Number), expect.any(Number), ""],
    ]);
    expect(cut[2][1]).toBeLessThan(8476);
  });
});

describe("MKT.RETENTION on CDNOW and MKT.LTV fed with it", () => {
  let curve: unknown[][];
  beforeAll(() => {
    curve = RETENTION(cd.ids, cd.dates);
  });

  it("spills one column starting with 1, non-increasing, equal to the core's retention curve", () => {
    const core = retentionCurve(
      cd.rawIds,
      cd.dates.slice(1).map((r) => r[0] as number),
      { period: "month" },
    );
    expect(curve).toEqual(core.map((s) => [s]));
    expect(curve).toHaveLength(18);
    expect(curve[0]).toEqual([1]);
    for (let k = 1; k < curve.length; k++) expect(curve[k][0] as number).toBeLessThanOrEqual(curve[k - 1][0] as number);
    // k = 1 pools the three cohorts: (1157 + 1312 + 1032) / 23570
    expect(curve[1][0]).toBeCloseTo((1157 + 1312 + 1032) / 23570, 15);
  });

  it("=MKT.LTV(arpu, margin, MKT.RETENTION(…)) equals ltvFromSurvival on the same curve", () => {
    const s = curve.map((r) => r[0] as number);
    expect(LTV(10, 0.5, curve)).toEqual([[ltvFromSurvival(10, s, 0, undefined, 0.5)]]);
    expect(LTV(25, 0.4, curve, 0.01)).toEqual([[ltvFromSurvival(25, s, 0.01, undefined, 0.4)]]);
    expect(LTV(25, 0.4, curve, 0.01, 36)).toEqual([[ltvFromSurvival(25, s, 0.01, 36, 0.4)]]);
    const weekly = RETENTION(cd.ids, cd.dates, "周", "1997-12-31");
    const ws = weekly.map((r) => r[0] as number);
    expect(LTV(3, 1, weekly)).toEqual([[ltvFromSurvival(3, ws, 0, undefined, 1)]]);
    expect(LTV(10, 0.5, curve)[0][0]).toBeCloseTo(5 * s.reduce((a, b) => a + b, 0), 10);
  });
});

describe("MKT.CHURN on CDNOW", () => {
  const serials = cd.dates.slice(1).map((r) => r[0] as number);

  it("default: 3-month windows around 1998-04-01, equal to the core, with a total row", () => {
    const t = CHURN(cd.ids, cd.dates);
    const core = churnByHabit(cd.rawIds, serials);
    expect(core.asOf).toBe(S(1998, 4, 1));
    expect(t).toEqual([
      ["Purchases", "Customers", "Churned", "Churn rate"],
      ...core.groups.map((g) => [g.label, g.customers, g.churned, g.churnRate]),
      ["Total", core.total.customers, core.total.churned, core.total.churnRate],
    ]);
    expect(t.map((r) => r[0])).toEqual(["Purchases", "1", "2", "3", "4+", "Total"]);
    expect(t[5][1]).toBe(3817);
    const groups = t.slice(1, 5);
    expect(groups.reduce((a, r) => a + (r[1] as number), 0)).toBe(3817);
    expect(groups.reduce((a, r) => a + (r[2] as number), 0)).toBe(t[5][2]);
  });

  it("window and as_of: 6 months around 1997-10-01", () => {
    const t = CHURN(cd.ids, cd.dates, 6, "1997-10-01");
    const core = churnByHabit(cd.rawIds, serials, { windowMonths: 6, asOf: S(1997, 10, 1) });
    expect(t.slice(1, 5)).toEqual(core.groups.map((g) => [g.label, g.customers, g.churned, g.churnRate]));
  });
});

// ---------------------------------------------------------------- a small log worked by hand

// A: Jan 5 (twice, same day), Feb 10, Apr 1 — B: Jan 20 only — C: Mar 3, Mar 4, Apr 30 — D: Mar 31 only.
const HAND = {
  ids: [["customer"], ["A"], ["A"], ["B"], ["A"], ["C"], ["C"], ["D"], ["A"], ["C"]] as Column,
  dates: [
    ["date"],
    [S(2027, 1, 5)],
    [S(2027, 1, 5) + 0.75], // same day, later time
    ["2027-01-20"],
    [S(2027, 2, 10)],
    [S(2027, 3, 3)],
    ["2027/3/4"],
    [S(2027, 3, 31)],
    [S(2027, 4, 1)],
    ["2027年4月30日"],
  ] as Column,
  amounts: [["amount"], [10], [5], [3], [20], [1], [2], [8], [7], ["4"]] as Column,
};

describe("MKT.COHORT, MKT.RETENTION and MKT.CHURN on a hand-worked log", () => {
  it("active customers, retention and revenue; one-purchase customers stay in their cohort", () => {
    expect(COHORT(HAND.ids, HAND.dates)).toEqual([
      ["Cohort", "Size", 0, 1, 2, 3],
      ["2027-01", 2, 2, 1, 0, 1],
      ["2027-03", 2, 2, 1, "", ""],
    ]);
    expect(COHORT(HAND.ids, HAND.dates, "month", "Retention")).toEqual([
      ["Cohort", "Size", 0, 1, 2, 3],
      ["2027-01", 2, 1, 0.5, 0, 0.5],
      ["2027-03", 2, 1, 0.5, "", ""],
    ]);
    expect(COHORT(HAND.ids, HAND.dates, undefined, "收入", undefined, HAND.amounts)).toEqual([
      ["Cohort", "Size", 0, 1, 2, 3],
      ["2027-01", 2, 18, 20, 0, 7],
      ["2027-03", 2, 11, 4, "", ""],
    ]);
  });

  it("blank and omitted optional arguments are the defaults; a blank row is skipped", () => {
    const table = COHORT(HAND.ids, HAND.dates);
    expect(COHORT(HAND.ids, HAND.dates, [[null]], [[""]], [[null]], [[null]])).toEqual(table);
    const ids = [...HAND.ids.slice(0, 4), [null], ...HAND.ids.slice(4), [""], [null]];
    const dates = [...HAND.dates.slice(0, 4), [""], ...HAND.dates.slice(4), [null], [""]];
    expect(COHORT(ids, dates)).toEqual(table);
    // a one-row range is read as a column
    expect(COHORT([HAND.ids.map((r) => r[0])], [HAND.dates.map((r) => r[0])])).toEqual(table);
    // amounts are not read for the other measures
    const badAmounts = HAND.amounts.map((r, i) => (i === 3 ? ["n/a"] : r));
    expect(COHORT(HAND.ids, HAND.dates, "month", "customers", undefined, badAmounts)).toEqual(table);
  });

  it("as_of: later purchases ignored, later periods observed as zeros, unobservable cells blank", () => {
    expect(COHORT(HAND.ids, HAND.dates, "month", "customers", "2027-03-15")).toEqual([
      ["Cohort", "Size", 0, 1, 2],
      ["2027-01", 2, 2, 1, 0],
      ["2027-03", 1, 1, "", ""],
    ]);
    expect(COHORT(HAND.ids, HAND.dates, "m", "customers", S(2027, 6, 1))[2]).toEqual([
      "2027-03",
      2,
      2,
      1,
      0,
      0,
      "",
      "",
    ]);
  });

  it("weeks and quarters, English and Chinese words", () => {
    const q = COHORT(HAND.ids, HAND.dates, "季度");
    expect(q).toEqual([
      ["Cohort", "Size", 0, 1],
      ["2027-Q1", 4, 4, 2],
    ]);
    expect(COHORT(HAND.ids, HAND.dates, "Quarterly")).toEqual(q);
    const w = COHORT(HAND.ids, HAND.dates, "週");
    expect(w.map((r) => r[0])).toEqual(["Cohort", "2027-W01", "2027-W03", "2027-W09", "2027-W13"]);
    expect(w[0]).toHaveLength(19); // W01 … W17
    expect(COHORT(HAND.ids, HAND.dates, " WEEK ")).toEqual(w);
  });

  it("retention curve: size-weighted, made non-increasing", () => {
    expect(RETENTION(HAND.ids, HAND.dates)).toEqual([[1], [0.5], [0], [0]]);
    expect(RETENTION(HAND.ids, HAND.dates, "quarter")).toEqual([[1], [0.5]]);
  });

  it("churn by habit (1-month windows around 2027-04-01), an empty group's rate blank", () => {
    expect(CHURN(HAND.ids, HAND.dates, 1, "2027-04-01")).toEqual([
      ["Purchases", "Customers", "Churned", "Churn rate"],
      ["1", 1, 1, 1], // D (Mar 31)
      ["2", 1, 0, 0], // C (Mar 3, Mar 4; Apr 30 in the next window)
      ["3", 0, 0, ""],
      ["4+", 0, 0, ""],
      ["Total", 2, 1, 0.5],
    ]);
  });
});

// ---------------------------------------------------------------- languages

describe("localized headers and messages", () => {
  it("Simplified Chinese", () => {
    withLocale("zh-CN", () => {
      expect(COHORT(HAND.ids, HAND.dates, "月")[0]).toEqual(["同期群", "人数", 0, 1, 2, 3]);
      expect(CHURN(HAND.ids, HAND.dates, 1, "2027-04-01").map((r) => r[0])).toEqual([
        "购买次数",
        "1",
        "2",
        "3",
        "4+",
        "合计",
      ]);
      expect(CHURN(HAND.ids, HAND.dates, 1, "2027-04-01")[0]).toEqual(["购买次数", "客户数", "流失数", "流失率"]);
      expect(one(COHORT(HAND.ids, HAND.dates, "年"))).toEqual(
        err("#VALUE!", "period 必须是 month、week、quarter（月、周、季度）之一。"),
      );
      expect(one(COHORT(HAND.ids, [["date"], [S(2027, 1, 5)], ["昨天"]]))).toEqual(
        err("#VALUE!", "dates 的行数必须与 customer_ids 相同（3 对 10）。"),
      );
      expect(one(RETENTION(HAND.ids.slice(0, 3), [["date"], [S(2027, 1, 5)], ["昨天"]]))).toEqual(
        err("#VALUE!", "dates 第 3 行必须是日期：Excel 日期或 2024-03-31 这样的文本。"),
      );
    });
  });

  it("Traditional Chinese", () => {
    withLocale("zh-TW", () => {
      expect(COHORT(HAND.ids, HAND.dates)[0]).toEqual(["同類群組", "人數", 0, 1, 2, 3]);
      expect(CHURN(HAND.ids, HAND.dates, 1, "2027-04-01")[0]).toEqual(["購買次數", "客戶數", "流失數", "流失率"]);
      expect(CHURN(HAND.ids, HAND.dates, 1, "2027-04-01")[5][0]).toBe("合計");
      expect(one(COHORT(HAND.ids, HAND.dates, "month", "revenue"))).toEqual(
        err("#VALUE!", "依營收統計時必須提供 amounts。"),
      );
      expect(one(CHURN(HAND.ids, HAND.dates, undefined, "2026-01-01"))).toEqual(
        err("#VALUE!", "截至日期 2026-01-01（as_of）當天或之前沒有任何購買。"),
      );
    });
  });
});

// ---------------------------------------------------------------- errors, with inputs as Excel passes them

describe("errors", () => {
  const ids: Column = [["id"], ["a"], ["b"], ["a"]];
  const dates: Column = [["date"], [S(2027, 1, 5)], [S(2027, 2, 1)], [S(2027, 3, 9)]];
  const all = [COHORT, RETENTION, CHURN] as const;

  it("dates that are not dates name dates and the row of the range", () => {
    for (const F of all) {
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], ["yesterday"], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", "dates row 3 must be a date: an Excel date or text such as 2024-03-31."),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], [true], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", /^dates row 3 must be a date/),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], [-3], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", /^dates row 3 must be a date/),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], [0], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", /^dates row 3 must be a date/),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], ["2027-02-30"], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", /^dates row 3 must be a date/),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], [3e6], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", /^dates row 3 must be a date/),
      );
      expect(one(F(ids, [["date"], [S(2027, 1, 5)], [null], [S(2027, 3, 9)]]))).toEqual(
        err("#VALUE!", "dates row 3 is blank: fill it or clear the whole row."),
      );
      // no title row: rows count from the range's first row
      expect(one(F([["a"], ["b"]], [[S(2027, 1, 5)], ["soon"]]))).toEqual(err("#VALUE!", /^dates row 2 /));
    }
  });

  it("ids and dates of different lengths, blocks of columns, bad ids, no data", () => {
    for (const F of all) {
      expect(one(F(ids, dates.slice(0, 3)))).toEqual(
        err("#VALUE!", "dates must have the same number of rows as customer_ids (3 vs 4)."),
      );
      expect(one(F(ids.slice(0, 3), dates))).toEqual(
        err("#VALUE!", "customer_ids must have the same number of rows as dates (3 vs 4)."),
      );
      expect(
        one(
          F(
            [
              ["a", "b"],
              ["c", "d"],
            ],
            dates.slice(0, 2),
          ),
        ),
      ).toEqual(err("#VALUE!", "customer_ids must be one column or one row, not a block of several columns."));
      expect(one(F([["id"], ["a"], [" "], ["a"]], dates))).toEqual(
        err("#VALUE!", "customer_ids contains an empty or invalid customer id (row 3)."),
      );
      expect(one(F([["id"], ["a"], [true], ["a"]], dates))).toEqual(
        err("#VALUE!", "customer_ids contains an empty or invalid customer id (row 3)."),
      );
      expect(one(F([[null]], [[null]]))).toEqual(err("#VALUE!", "customer_ids is empty."));
      expect(one(F([["id"]], [["date"]]))).toEqual(err("#VALUE!", "customer_ids is empty."));
      expect(one(F(undefined, undefined))).toEqual(err("#VALUE!", "customer_ids is empty."));
    }
  });

  it("an as-of date before every purchase names as_of", () => {
    const msg = "No purchase is on or before the as-of date 2026-12-31 (as_of).";
    expect(one(COHORT(ids, dates, "month", "customers", "2026-12-31"))).toEqual(err("#VALUE!", msg));
    expect(one(RETENTION(ids, dates, "week", S(2026, 12, 31)))).toEqual(err("#VALUE!", msg));
    expect(one(CHURN(ids, dates, 1, "2026-12-31"))).toEqual(err("#VALUE!", msg));
  });

  it("bad as_of values", () => {
    for (const F of all) {
      const asOf =
        F === COHORT
          ? (v: unknown) => F(ids, dates, undefined, undefined, v)
          : (v: unknown) => F(ids, dates, undefined, v);
      expect(one(asOf("end of Q1"))).toEqual(
        err("#VALUE!", "as_of must be a date: an Excel date or text such as 2024-03-31."),
      );
      expect(one(asOf(-1))).toEqual(err("#VALUE!", /^as_of must be a date/));
      expect(one(asOf(true))).toEqual(err("#VALUE!", /^as_of must be a date/));
      expect(one(asOf([[S(2027, 2, 1)], [S(2027, 3, 1)]]))).toEqual(
        err("#VALUE!", "as_of must be a single value, not a range."),
      );
    }
  });

  it("a period word that is not month, week or quarter names period", () => {
    const msg = "period must be one of month, week, quarter (月, 周, 季度).";
    for (const word of ["year", "年", "day", 3, true, "toString"]) {
      expect(one(COHORT(ids, dates, word))).toEqual(err("#VALUE!", msg));
      expect(one(RETENTION(ids, dates, word))).toEqual(err("#VALUE!", msg));
    }
    expect(one(COHORT(ids, dates, [["month", "week"]]))).toEqual(
      err("#VALUE!", "period must be a single value, not a range."),
    );
  });

  it("measure words and amounts", () => {
    expect(one(COHORT(ids, dates, "month", "profit"))).toEqual(
      err("#VALUE!", "measure must be one of customers, retention, revenue (客户数, 留存率, 收入)."),
    );
    expect(one(COHORT(ids, dates, "month", "revenue"))).toEqual(
      err("#VALUE!", "amounts is required for the revenue measure."),
    );
    expect(one(COHORT(ids, dates, "month", "revenue", undefined, [[null]]))).toEqual(
      err("#VALUE!", "amounts is required for the revenue measure."),
    );
    expect(one(COHORT(ids, dates, "month", "revenue", undefined, [["amount"], [1], ["lots"], [3]]))).toEqual(
      err("#VALUE!", "amounts must contain only numbers (row 3 is not a number)."),
    );
    expect(one(COHORT(ids, dates, "month", "revenue", undefined, [["amount"], [1], [""], [3]]))).toEqual(
      err("#VALUE!", "amounts row 3 is blank: fill it or clear the whole row."),
    );
    expect(one(COHORT(ids, dates, "month", "customers", undefined, [["amount"], [1]]))).toEqual(
      err("#VALUE!", "amounts must have the same number of rows as customer_ids (2 vs 4)."),
    );
  });

  it("churn windows", () => {
    for (const w of [0, 1.5, 1201, -3]) {
      expect(one(CHURN(ids, dates, w))).toEqual(
        err("#VALUE!", "window must be a whole number of months from 1 to 1200."),
      );
    }
    expect(one(CHURN(ids, dates, "three"))).toEqual(err("#VALUE!", "window must be a number."));
    expect(one(CHURN(ids, dates, 1, "2027-03-01"))).toEqual(
      err(
        "#VALUE!",
        "The churn window 2027-03-01 to 2027-03-31 is not fully observed: the last purchase is on 2027-03-09. Choose an earlier as_of.",
      ),
    );
    expect(one(CHURN(ids, dates, 12))).toEqual(
      err("#VALUE!", /^No customer bought between .* \(the window before as_of\)/),
    );
  });

  it("propagates the first error value of the data, then of the other arguments", () => {
    const na = { code: "#N/A" };
    const ref = { code: "#REF!" };
    expect(COHORT([["id"], ["a"], [na], ["a"]], [["date"], [1], [2], [ref]])).toEqual([[na]]);
    expect(COHORT(ids, [["date"], [ref], [2], [3]])).toEqual([[ref]]);
    expect(COHORT(ids, dates, na, ref)).toEqual([[na]]);
    expect(COHORT(ids, dates, "month", "revenue", undefined, [["amount"], [1], [ref], [3]])).toEqual([[ref]]);
    expect(RETENTION(ids, dates, undefined, ref)).toEqual([[ref]]);
    expect(CHURN(ids, dates, na)).toEqual([[na]]);
    expect(CHURN(ids, dates, 1, ref)).toEqual([[ref]]);
  });
});

// ---------------------------------------------------------------- properties through the functions

const BASE = S(2026, 1, 1);
/** A purchase log: customers 0…15 on days 0…400 after 2026-01-01. */
const logArb = fc.array(fc.record({ id: fc.integer({ min: 0, max: 15 }), day: fc.integer({ min: 0, max: 400 }) }), {
  minLength: 1,
  maxLength: 80,
});
const periodWord = fc.constantFrom("month", "week", "quarter", "月", "周", "週", "季度", "Monthly", "q");
type Row = { id: number; day: number };

/** The log as Excel columns with a title row; ids as text, some dates as ISO text. */
function excelColumns(rows: readonly Row[], textIds: boolean): { ids: Column; dates: Column } {
  return {
    ids: [["customer"], ...rows.map((r) => [textIds ? `c${r.id}` : r.id])],
    dates: [["date"], ...rows.map((r) => [r.day % 5 === 0 ? isoDateOfSerial(BASE + r.day) : BASE + r.day])],
  };
}

const withShuffle = logArb.chain((rows) =>
  fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
);

describe("properties through the functions", () => {
  it("COHORT retention: cells in [0, 1], period 0 is 1, blanks only after the as-of period; shuffling rows changes nothing", () => {
    fc.assert(
      fc.property(withShuffle, periodWord, fc.boolean(), ([rows, shuffled], period, textIds) => {
        const a = excelColumns(rows, textIds);
        const b = excelColumns(shuffled, textIds);
        const t = COHORT(a.ids, a.dates, period, "retention");
        expect(COHORT(b.ids, b.dates, period, "retention")).toEqual(t);
        expect(COHORT(b.ids, b.dates, period, "customers")).toEqual(COHORT(a.ids, a.dates, period, "customers"));
        expect(t[0].slice(0, 3)).toEqual(["Cohort", "Size", 0]);
        expect(t.slice(1).reduce((s, r) => s + (r[1] as number), 0)).toBe(new Set(rows.map((r) => r.id)).size);
        t.slice(1).forEach((row, i) => {
          expect(row).toHaveLength(t[0].length);
          expect(row[2]).toBe(1);
          const cells = row.slice(2);
          const firstBlank = cells.indexOf("");
          // the i-th cohort (0-based) can see all but its offset from the first cohort
          if (firstBlank >= 0) expect(cells.slice(firstBlank).every((v) => v === "")).toBe(true);
          if (i === 0) expect(firstBlank).toBe(-1);
          for (const v of cells) {
            if (v === "") continue;
            expect(typeof v).toBe("number");
            expect(v as number).toBeGreaterThanOrEqual(0);
            expect(v as number).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it("RETENTION: starts with 1, in [0, 1], non-increasing, shuffle-invariant, and accepted by MKT.LTV", () => {
    fc.assert(
      fc.property(withShuffle, periodWord, ([rows, shuffled], period) => {
        const a = excelColumns(rows, false);
        const b = excelColumns(shuffled, false);
        const curve = RETENTION(a.ids, a.dates, period);
        expect(RETENTION(b.ids, b.dates, period)).toEqual(curve);
        expect(curve[0]).toEqual([1]);
        for (let k = 0; k < curve.length; k++) {
          expect(curve[k]).toHaveLength(1);
          const v = curve[k][0] as number;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          if (k > 0) expect(v).toBeLessThanOrEqual(curve[k - 1][0] as number);
        }
        if (curve.length > 1) {
          const s = curve.map((r) => r[0] as number);
          expect(LTV(10, 0.5, curve, 0.01)).toEqual([[ltvFromSurvival(10, s, 0.01, undefined, 0.5)]]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("CHURN: shuffle- and id-type-invariant, rates in [0, 1], groups add up to the total", () => {
    fc.assert(
      fc.property(withShuffle, fc.integer({ min: 1, max: 4 }), ([rows, shuffled], w) => {
        // anchors: someone active early, and data running to day 400
        const rs = [...rows, { id: 20, day: 100 }, { id: 21, day: 400 }];
        const ss = [{ id: 21, day: 400 }, ...shuffled, { id: 20, day: 100 }];
        const a = excelColumns(rs, false);
        const t = CHURN(a.ids, a.dates, w);
        const b = excelColumns(ss, true);
        expect(CHURN(b.ids, b.dates, w)).toEqual(t);
        if (t.length === 1) {
          expect(t[0][0]).toEqual(err("#VALUE!", /^No customer bought between/));
          return;
        }
        expect(t).toHaveLength(6);
        const groups = t.slice(1, 5);
        expect(groups.reduce((s, r) => s + (r[1] as number), 0)).toBe(t[5][1]);
        expect(groups.reduce((s, r) => s + (r[2] as number), 0)).toBe(t[5][2]);
        for (const r of t.slice(1)) {
          if (r[3] === "") expect(r[1]).toBe(0);
          else {
            expect(r[3] as number).toBeGreaterThanOrEqual(0);
            expect(r[3] as number).toBeLessThanOrEqual(1);
            expect(r[3]).toBeCloseTo((r[2] as number) / (r[1] as number), 15);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
