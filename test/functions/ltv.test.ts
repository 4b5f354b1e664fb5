// MKT.LTV called the way Excel calls it: a retention rate element-wise, or a survival curve.
import { beforeAll, describe, expect, it } from "vitest";
import { ltv, ltvFromSurvival } from "../../src/core/ltv";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";
import { EXCEL_ROWS } from "./excel-fixtures";

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
const LTV = (...args: unknown[]) => callAsExcel(reg, "LTV", ...args) as unknown[][];

describe("MKT.LTV with a retention rate", () => {
  it("computes the first-period-paid sum for scalars (unlimited horizon by default)", () => {
    expect(LTV(100, 0.6, 0.8)[0][0]).toBeCloseTo(300, 10);
    expect(LTV(100, 0.6, 0.8, 0.01)[0][0]).toBeCloseTo((60 * 1.01) / 0.21, 10);
    expect(LTV(100, 0.6, 0.8, 0.01, 12)).toEqual([[ltv(100, 0.8, 0.01, 12, 0.6)]]);
    expect(LTV(100, 0.6, 0.8, 0, 0)).toEqual([[0]]);
  });

  it("spills element-wise over ranges with Excel's broadcasting", () => {
    expect(LTV([[100], [200]], 0.6, [[0.8], [0.9]])).toEqual([
      [ltv(100, 0.8, 0, undefined, 0.6)],
      [ltv(200, 0.9, 0, undefined, 0.6)],
    ]);
    const grid = LTV([[100, 200]], [[0.5], [1]], 0.5);
    expect(grid).toEqual([
      [100, 200],
      [200, 400],
    ]);
    // periods as a range: one value per horizon
    expect(LTV(100, 1, 0.5, 0, [[1, 2, 3]])).toEqual([[100, 150, 175]]);
  });

  it('treats a blank or omitted discount_rate / periods as the defaults, [[null]] and [[""]] alike', () => {
    const expected = ltv(100, 0.8, 0, undefined, 0.6);
    expect(LTV(100, 0.6, 0.8, [[null]], [[null]])).toEqual([[expected]]);
    expect(LTV(100, 0.6, 0.8, [[""]], [[""]])).toEqual([[expected]]);
    expect(LTV(100, 0.6, 0.8, undefined, undefined)).toEqual([[expected]]);
  });

  it("reads numbers stored as text and percentages", () => {
    expect(LTV([["1,000"]], [["60%"]], [["0.8"]])).toEqual([[ltv(1000, 0.8, 0, undefined, 0.6)]]);
    expect(LTV(100, true, 0)).toEqual([[100]]);
  });

  it("drops trailing blank rows of whole-column references and leaves inner blank rows blank", () => {
    const arpu: unknown[][] = [[100], [null], [100]];
    const margin: unknown[][] = [[1], [null], [1]];
    const ret: unknown[][] = [[0.5], [null], [0.75]];
    for (let i = arpu.length; i < EXCEL_ROWS; i++) {
      arpu.push([null]);
      margin.push([null]);
      ret.push([""]);
    }
    expect(LTV(arpu, margin, ret)).toEqual([[200], [""], [400]]);
    // With a single margin the inner row is not blank in every argument: Excel arithmetic reads blanks as 0.
    expect(LTV(arpu, 1, ret)).toEqual([[200], [0], [400]]);
  });

  it("puts an error in the bad row only, naming the Excel argument", () => {
    const out = LTV(
      [[100], [100], [100], [100], [100]],
      1,
      [[0.5], [1.5], [1], [0.5], [0.5]],
      [[0], [0], [0], [-1], [0]],
      [[null], [null], [null], [null], [2.5]],
    );
    expect(out[0][0]).toBe(200);
    expect(out[1][0]).toEqual(err("#VALUE!", "retention must be between 0 and 1."));
    expect(out[2][0]).toEqual(err("#VALUE!", /^retention of 100% never decays/));
    expect(out[3][0]).toEqual(err("#VALUE!", /^discount_rate must be greater than -1/));
    expect(out[4][0]).toEqual(err("#VALUE!", "periods must be a whole number."));
  });

  it("rejects negative ARPU and a margin above 1 with #VALUE!", () => {
    expect(LTV(-1, 1, 0.5)[0][0]).toEqual(err("#VALUE!", /^arpu/));
    expect(LTV(1, 2, 0.5)[0][0]).toEqual(err("#VALUE!", /^margin must be between 0 and 1/));
    expect(LTV("abc", 1, 0.5)[0][0]).toEqual(err("#VALUE!", "arpu must be a number."));
  });

  it("propagates an error value from an input cell", () => {
    const na = { code: "#N/A" };
    expect(LTV([[100], [100]], 1, [[na], [0.5]])).toEqual([[na], [200]]);
  });
});

describe("MKT.LTV with a survival curve", () => {
  const curve = [0.8, 0.6, 0.5];
  const expected = ltvFromSurvival(100, curve, 0.01, undefined, 0.6);

  it("reads a column or a row of more than one cell as the curve when arpu and margin are single values", () => {
    expect(
      LTV(
        100,
        0.6,
        curve.map((s) => [s]),
        0.01,
      ),
    ).toEqual([[expected]]);
    expect(LTV(100, 0.6, [curve], 0.01)).toEqual([[expected]]);
    expect(expected).toBeCloseTo(60 * (1 + 0.8 / 1.01 + 0.6 / 1.01 ** 2 + 0.5 / 1.01 ** 3), 10);
    // a leading 1 (S_0) gives the same value
    expect(LTV(100, 0.6, [[1], ...curve.map((s) => [s])], 0.01)).toEqual([[expected]]);
  });

  it("cuts or extrapolates the curve to periods", () => {
    expect(
      LTV(
        100,
        0.6,
        curve.map((s) => [s]),
        0.01,
        12,
      ),
    ).toEqual([[ltvFromSurvival(100, curve, 0.01, 12, 0.6)]]);
    expect(
      LTV(
        100,
        0.6,
        curve.map((s) => [s]),
        0.01,
        2,
      ),
    ).toEqual([[ltvFromSurvival(100, curve, 0.01, 2, 0.6)]]);
  });

  it("skips a title cell and trims a whole column of trailing blanks", () => {
    const col: unknown[][] = [["Retention"], ["80%"], [0.6], ["0.5"]];
    while (col.length < EXCEL_ROWS) col.push([null]);
    expect(LTV(100, 0.6, col, 0.01)).toEqual([[expected]]);
  });

  it("rejects a blank inside the curve, naming the cell", () => {
    expect(LTV(100, 0.6, [[0.8], [null], [0.5]])).toEqual([
      [
        err(
          "#VALUE!",
          "retention has a blank cell inside the survival curve (value 2): fill it or end the range before it.",
        ),
      ],
    ]);
  });

  it("rejects an increasing curve, counting values as cells of the range (title included)", () => {
    expect(LTV(100, 0.6, [["Retention"], [0.8], [0.9]])).toEqual([
      [
        err(
          "#VALUE!",
          "retention must not increase from one period to the next (value 3 is larger than the one before).",
        ),
      ],
    ]);
    expect(LTV(100, 0.6, [[0.8], [1.2]])[0][0]).toEqual(err("#VALUE!", "retention must be between 0 and 1."));
  });

  it("needs single values for discount_rate and periods", () => {
    expect(LTV(100, 0.6, [[0.8], [0.6]], [[0.1], [0.2]])).toEqual([
      [err("#VALUE!", "discount_rate must be a single value, not a range.")],
    ]);
  });

  it("propagates the first error value and names arguments in Chinese messages", () => {
    expect(LTV(100, 0.6, [[0.8], [{ code: "#DIV/0!" }]])).toEqual([[{ code: "#DIV/0!" }]]);
    setFunctionLocale("zh-TW");
    try {
      const out = LTV(100, 0.6, [[0.8], [null], [0.5]]) as { code: string; message: string }[][];
      expect(out[0][0].message).toBe("retention 的留存曲線中有空白儲存格（第 2 個值）：請填寫，或讓範圍在它之前結束。");
    } finally {
      setFunctionLocale("en-US");
    }
  });
});
