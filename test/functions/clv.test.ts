// MKT.CLV and MKT.CLVFIT called the way Excel calls them, with the CDNOW cross-check.
import { beforeAll, describe, expect, it } from "vitest";
import { fitClv } from "../../src/core/clv";
import { excelSerialFromYmd, isoDateFromExcelSerial } from "../../src/core/dates";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";
import { cdnowColumns, padToWholeColumn, type Column } from "./excel-fixtures";

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
  setFunctionLocale("en-US");
});

const err = (code: string, message?: RegExp | string) =>
  message === undefined
    ? expect.objectContaining({ code })
    : expect.objectContaining({
        code,
        message: typeof message === "string" ? message : expect.stringMatching(message),
      });
const CLV = (...args: unknown[]) => callAsExcel(reg, "CLV", ...args) as unknown[][];
const CLVFIT = (...args: unknown[]) => callAsExcel(reg, "CLVFIT", ...args) as unknown[][];
const asMap = (table: unknown[][]) => new Map(table.map(([k, v]) => [k as string, v]));

/** Agreement to 4 significant figures: |x − ref| ≤ half a unit in the 4th significant digit of ref. */
function expectSigFigs(x: unknown, ref: number, digits = 4): void {
  expect(typeof x).toBe("number");
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(ref))) - (digits - 1));
  expect(Math.abs((x as number) - ref)).toBeLessThanOrEqual(unit / 2);
}

const cdnow = cdnowColumns();
const calibrationEnd = excelSerialFromYmd(1997, 9, 30);

describe("MKT.CLVFIT on the CDNOW sample (calibration end 1997-09-30, weeks)", () => {
  it("reproduces the published BG/NBD parameters to 4 significant figures", () => {
    const fit = asMap(CLVFIT(cdnow.ids, cdnow.dates, cdnow.amounts, "1997-09-30", "weeks"));
    expectSigFigs(fit.get("r"), 0.2426);
    expectSigFigs(fit.get("alpha"), 4.4135);
    expectSigFigs(fit.get("a"), 0.7929);
    expectSigFigs(fit.get("b"), 2.4258);
    expect((fit.get("BG/NBD log-likelihood") as number).toFixed(1)).toBe("-9582.4");
    expectSigFigs(fit.get("p"), 6.2488, 3);
    expectSigFigs(fit.get("q"), 3.7446, 3);
    expectSigFigs(fit.get("gamma"), 15.4477, 3);
    expect(fit.get("Customers")).toBe(2357);
    expect(fit.get("Repeat customers")).toBe(946);
    expect(fit.get("Time unit")).toBe("weeks");
    expect(fit.get("As of")).toBe("1997-09-30");
  });

  it("gives the same fit from whole-column references (1,048,576 rows), a serial as_of and the default unit", () => {
    const [ids, dates, amounts] = padToWholeColumn([cdnow.ids, cdnow.dates, cdnow.amounts]);
    const whole = CLVFIT(ids, dates, amounts, calibrationEnd);
    expect(whole).toEqual(CLVFIT(cdnow.ids, cdnow.dates, cdnow.amounts, "1997-09-30", "weeks"));
    expect(whole).toHaveLength(13);
    for (const row of whole) expect(row).toHaveLength(2);
  });

  it("labels the table in the display language", () => {
    setFunctionLocale("zh-CN");
    try {
      const fit = CLVFIT(cdnow.ids, cdnow.dates, cdnow.amounts, "1997-09-30", "周");
      expect(fit.map((r) => r[0])).toEqual([
        "r",
        "alpha",
        "a",
        "b",
        "BG/NBD 对数似然",
        "p",
        "q",
        "gamma",
        "Gamma-Gamma 对数似然",
        "客户数",
        "复购客户数",
        "时间单位",
        "截至日期",
      ]);
      expect(fit[11][1]).toBe("周");
    } finally {
      setFunctionLocale("en-US");
    }
  });
});

describe("MKT.CLV", () => {
  const ids = cdnow.ids.slice(1).map((r) => r[0] as string);
  const dates = cdnow.dates.slice(1).map((r) => r[0] as number);
  const amounts = cdnow.amounts.slice(1).map((r) => r[0] as number);
  const weeklyRate = 0.001834;
  const core = fitClv(ids, dates, amounts, {
    asOf: calibrationEnd,
    timeUnit: "weeks",
    horizon: 52,
    discountRate: weeklyRate,
  });
  let table: unknown[][];
  beforeAll(() => {
    table = CLV(cdnow.ids, cdnow.dates, cdnow.amounts, undefined, weeklyRate, "1997-09-30");
  });

  it("spills a header row and one row per customer, equal to the core pipeline (default horizon 52 weeks)", () => {
    expect(table[0]).toEqual([
      "Customer",
      "Frequency",
      "Recency (weeks)",
      "T (weeks)",
      "P(alive)",
      "Expected purchases",
      "Expected spend",
      "CLV",
    ]);
    expect(table).toHaveLength(2358);
    const c = core.customers;
    for (const i of [0, 1, 2, 100, 2356]) {
      expect(table[i + 1]).toEqual([
        c.ids[i],
        c.frequency[i],
        c.recency[i],
        c.T[i],
        c.pAlive[i],
        c.expectedPurchases[i],
        c.expectedSpend[i],
        c.clv[i],
      ]);
    }
    expect(table[1][0]).toBe("00004");
    expect(table[1][7] as number).toBeCloseTo(36.74, 2);
  });

  it("uses one year of the time unit as the default horizon", () => {
    const months = CLV(cdnow.ids, cdnow.dates, cdnow.amounts, undefined, 0, "1997-09-30", "months");
    const explicit = CLV(cdnow.ids, cdnow.dates, cdnow.amounts, 12, 0, "1997-09-30", "月");
    expect(months).toEqual(explicit);
    expect(months[0][2]).toBe("Recency (months)");
  });

  it("accepts ISO date text, numbers stored as text, inner blank rows and trailing blanks", () => {
    const small: Column[] = [[["id"]], [["date"]], [["amount"]]];
    const sampleIds = new Set(ids.slice(0, 400));
    for (let i = 0; i < ids.length; i++) {
      if (!sampleIds.has(ids[i])) continue;
      small[0].push([ids[i]]);
      small[1].push([i % 2 ? isoDateFromExcelSerial(dates[i]) : dates[i]]);
      small[2].push([i % 3 ? String(amounts[i]) : amounts[i]]);
      if (i % 10 === 0) for (const c of small) c.push([null]);
    }
    for (const c of small) for (let k = 0; k < 100; k++) c.push([""]);
    const out = CLV(small[0], small[1], small[2], 52, 0, "1997-09-30");
    const plain = CLV(
      [["id"], ...[...ids.entries()].filter(([, id]) => sampleIds.has(id)).map(([, id]) => [id])],
      [["date"], ...[...dates.entries()].filter(([i]) => sampleIds.has(ids[i])).map(([, d]) => [d])],
      [["amount"], ...[...amounts.entries()].filter(([i]) => sampleIds.has(ids[i])).map(([, a]) => [a])],
      52,
      0,
      "1997-09-30",
    );
    expect(out).toEqual(plain);
    expect(out.length).toBeGreaterThan(100);
  });

  it("labels headers in Traditional Chinese", () => {
    setFunctionLocale("zh-TW");
    try {
      const zh = CLV(cdnow.ids, cdnow.dates, cdnow.amounts, 52, 0, "1997-09-30", "週");
      expect(zh[0]).toEqual([
        "客戶",
        "回購次數",
        "最近購買（週）",
        "T 客齡（週）",
        "存活機率",
        "預期購買次數",
        "預期單次消費",
        "CLV",
      ]);
    } finally {
      setFunctionLocale("en-US");
    }
  });
});

describe("MKT.CLV and MKT.CLVFIT errors", () => {
  const ids: Column = [["id"], ["a"], ["b"], ["a"]];
  const dates: Column = [["date"], [35500], [35501], [35510]];
  const amounts: Column = [["amount"], [10], [20], [30]];
  const one = (table: unknown[][]) => {
    expect(table).toHaveLength(1);
    expect(table[0]).toHaveLength(1);
    return table[0][0];
  };

  it("names the argument and the row of the range for a bad row (the title row counts)", () => {
    expect(one(CLV([["id"], ["a"], [null], ["a"]], dates, amounts))).toEqual(
      err("#VALUE!", "customer_ids contains an empty or invalid customer id (row 3)."),
    );
    expect(one(CLV(ids, [["date"], [35500], ["yesterday"], [35510]], amounts))).toEqual(
      err("#VALUE!", "dates row 3 must be a date: an Excel date or text such as 2024-03-31."),
    );
    expect(one(CLV(ids, [["date"], [35500], [-5], [35510]], amounts))).toEqual(err("#VALUE!", /^dates row 3/));
    expect(one(CLV(ids, [["date"], [35500], [true], [35510]], amounts))).toEqual(err("#VALUE!", /^dates row 3/));
    expect(one(CLV(ids, [["date"], [35500], [null], [35510]], amounts))).toEqual(
      err("#VALUE!", "dates row 3 is blank: fill it or clear the whole row."),
    );
    expect(one(CLV(ids, dates, [["amount"], [10], ["ten"], [30]]))).toEqual(
      err("#VALUE!", "amounts must contain only numbers (row 3 is not a number)."),
    );
    expect(one(CLVFIT(ids, dates, [["amount"], [10], [""], [30]]))).toEqual(
      err("#VALUE!", "amounts row 3 is blank: fill it or clear the whole row."),
    );
  });

  it("propagates the first error value of the data, then of the other arguments", () => {
    const na = { code: "#N/A" };
    const ref = { code: "#REF!" };
    expect(CLV(ids, dates, [["amount"], [10], [na], [ref]])).toEqual([[na]]);
    expect(CLV(ids, [["date"], [35500], [ref], [35510]], [["amount"], [10], [na], [30]])).toEqual([[ref]]);
    expect(CLV(ids, dates, amounts, ref, na)).toEqual([[ref]]);
    expect(CLVFIT(ids, dates, amounts, undefined, na)).toEqual([[na]]);
  });

  it("rejects bad single-value arguments with messages naming them", () => {
    expect(one(CLV(ids, dates, amounts, 0))).toEqual(err("#VALUE!", "horizon must be greater than 0."));
    expect(one(CLV(ids, dates, amounts, 52, -2))).toEqual(err("#VALUE!", /^discount_rate must be greater than -1/));
    expect(one(CLV(ids, dates, amounts, 52, 0, "end of Q3"))).toEqual(
      err("#VALUE!", "as_of must be a date: an Excel date or text such as 2024-03-31."),
    );
    expect(one(CLV(ids, dates, amounts, 52, 0, undefined, "fortnights"))).toEqual(
      err("#VALUE!", "time_unit must be one of days, weeks, months, years (天, 周, 月, 年)."),
    );
    expect(one(CLV(ids, dates, amounts, [[1], [2]]))).toEqual(
      err("#VALUE!", "horizon must be a single value, not a range."),
    );
    expect(one(CLVFIT(ids, dates, amounts, 30000))).toEqual(
      err("#VALUE!", "No transaction is on or before the as-of date 1982-02-18."),
    );
  });

  it("rejects misshapen ranges", () => {
    expect(
      one(
        CLV(
          [
            ["a", "b"],
            ["c", "d"],
          ],
          dates,
          amounts,
        ),
      ),
    ).toEqual(err("#VALUE!", "customer_ids must be one column or one row, not a block of several columns."));
    expect(one(CLV(ids, dates.slice(0, 3), amounts))).toEqual(
      err("#VALUE!", "dates must have the same number of rows as customer_ids (3 vs 4)."),
    );
  });

  it("reports empty data and unidentifiable models", () => {
    expect(one(CLV([[null]], [[null]], [[null]]))).toEqual(err("#VALUE!", "customer_ids is empty."));
    expect(one(CLVFIT([[""]], [[""]], [[""]]))).toEqual(err("#VALUE!", "customer_ids is empty."));
    expect(one(CLV([["id"]], [["date"]], [["amount"]]))).toEqual(err("#VALUE!", "customer_ids is empty."));
    // one repeat customer only: the fits cannot be identified (#NUM!, as for Excel's own failed estimations)
    expect(one(CLVFIT(ids, dates, amounts))).toEqual(err("#NUM!"));
    expect(one(CLV(7, 35500, 10))).toEqual(err("#NUM!"));
  });

  it("localizes the messages", () => {
    setFunctionLocale("zh-CN");
    try {
      expect(one(CLV(ids, [["date"], [35500], ["昨天"], [35510]], amounts))).toEqual(
        err("#VALUE!", "dates 第 3 行必须是日期：Excel 日期或 2024-03-31 这样的文本。"),
      );
    } finally {
      setFunctionLocale("en-US");
    }
  });
});
