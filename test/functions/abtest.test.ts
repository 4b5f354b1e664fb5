// MKT.ABTEST and MKT.SAMPLESIZE called the way Excel calls them.
import { beforeAll, describe, expect, it } from "vitest";
import { abTest, sampleSize } from "../../src/core/abtest";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";

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
const AB = (...args: unknown[]) => callAsExcel(reg, "ABTEST", ...args) as unknown[][];
const SS = (...args: unknown[]) => callAsExcel(reg, "SAMPLESIZE", ...args) as unknown[][];

describe("MKT.ABTEST", () => {
  it("spills label/value rows equal to the core test (200/1000 vs 250/1000)", () => {
    const r = abTest(200, 1000, 250, 1000);
    expect(AB(200, 1000, 250, 1000)).toEqual([
      ["Rate A", 0.2],
      ["Rate B", 0.25],
      ["Relative lift", r.relativeLift],
      ["p-value", r.pValue],
      ["Lift CI low (95%)", r.relativeLiftLow],
      ["Lift CI high (95%)", r.relativeLiftHigh],
      ["Significant (95%)", true],
    ]);
    expect(r.pValue as number).toBeCloseTo(0.00742, 5);
  });

  it("uses the confidence level in the test, the interval and the labels", () => {
    const out = AB(200, 1000, 215, 1000, 0.9);
    const r = abTest(200, 1000, 215, 1000, 0.9);
    expect(out[4]).toEqual(["Lift CI low (90%)", r.relativeLiftLow]);
    expect(out[6]).toEqual(["Significant (90%)", false]);
    expect(AB(200, 1000, 215, 1000, "97.5%")[6][0]).toBe("Significant (97.5%)");
  });

  it("reads numbers stored as text and blank optional cells", () => {
    const expected = AB(200, 1000, 250, 1000);
    expect(AB("200", "1,000", [["250"]], [[1000]], [[null]])).toEqual(expected);
    expect(AB(200, 1000, 250, 1000, [[""]])).toEqual(expected);
    expect(AB(200, 1000, 250, 1000, "95%")).toEqual(expected);
  });

  it("shows an undefined field as its own error and keeps the others", () => {
    const zeroA = AB(0, 1000, 10, 1000);
    expect(zeroA[0]).toEqual(["Rate A", 0]);
    expect(zeroA[2][1]).toEqual(err("#DIV/0!"));
    expect(zeroA[4][1]).toEqual(err("#DIV/0!"));
    expect(typeof zeroA[3][1]).toBe("number");
    const zeroB = AB(10, 1000, 0, 1000);
    expect(zeroB[2][1]).toBe(-1);
    expect(zeroB[4][1]).toEqual(err("#NUM!"));
    expect(zeroB[5][1]).toEqual(err("#NUM!"));
    const none = AB(0, 500, 0, 500);
    expect(none[3][1]).toEqual(err("#DIV/0!"));
    expect(none[6][1]).toEqual(err("#DIV/0!"));
    for (const row of none) expect(row).toHaveLength(2);
  });

  it("rejects invalid counts with messages naming the Excel arguments", () => {
    const one = (t: unknown[][]) => (expect(t).toHaveLength(1), t[0][0]);
    expect(one(AB(1200, 1000, 250, 1000))).toEqual(
      err("#VALUE!", "conversions_a (1200) must not be larger than visitors_a (1000)."),
    );
    expect(one(AB(200, 1000, 250, 0))).toEqual(err("#VALUE!", "visitors_b must be greater than 0."));
    expect(one(AB(200, 1000.5, 250, 1000))).toEqual(err("#VALUE!", "visitors_a must be a whole number."));
    expect(one(AB(-1, 1000, 250, 1000))).toEqual(err("#VALUE!", "conversions_a must not be negative."));
    expect(one(AB(200, 1000, "many", 1000))).toEqual(err("#VALUE!", "conversions_b must be a number."));
    expect(one(AB(200, 1000, 250, 1000, 95))).toEqual(err("#VALUE!", "confidence must be strictly between 0 and 1."));
    expect(one(AB([[1], [2]], 1000, 250, 1000))).toEqual(
      err("#VALUE!", "conversions_a must be a single value, not a range."),
    );
    expect(one(AB(200, [[null]], 250, 1000))).toEqual(err("#VALUE!", "visitors_a must be greater than 0."));
  });

  it("propagates an error value from any input", () => {
    const na = { code: "#N/A" };
    expect(AB(200, 1000, na, 1000)).toEqual([[na]]);
    expect(AB(200, 1000, 250, 1000, [[{ code: "#REF!" }]])).toEqual([[{ code: "#REF!" }]]);
  });

  it("labels rows and messages in the display language", () => {
    setFunctionLocale("zh-CN");
    try {
      expect(AB(200, 1000, 250, 1000).map((r) => r[0])).toEqual([
        "A 转化率",
        "B 转化率",
        "相对提升",
        "p 值",
        "提升置信区间下限（95%）",
        "提升置信区间上限（95%）",
        "显著（95%）",
      ]);
      expect(AB(1200, 1000, 250, 1000)[0][0]).toEqual(
        err("#VALUE!", "conversions_a（1200）不能大于 visitors_a（1000）。"),
      );
      setFunctionLocale("zh-TW");
      expect(AB(200, 1000, 250, 1000)[6][0]).toBe("顯著（95%）");
    } finally {
      setFunctionLocale("en-US");
    }
  });
});

describe("MKT.SAMPLESIZE", () => {
  it("matches the core (R power.prop.test) with default alpha and power", () => {
    expect(SS(0.1, 0.2)).toEqual([[3841]]);
    expect(SS(0.1, 0.2, [[null]], [[""]])).toEqual([[3841]]);
    expect(SS(0.05, -0.1, 0.01, 0.9)).toEqual([[sampleSize(0.05, -0.1, 0.01, 0.9)]]);
    expect(SS("10%", "20%")).toEqual([[3841]]);
  });

  it("broadcasts a column of baselines against a row of lifts", () => {
    expect(SS([[0.05], [0.1]], [[0.1, 0.2]])).toEqual([
      [sampleSize(0.05, 0.1), sampleSize(0.05, 0.2)],
      [sampleSize(0.1, 0.1), 3841],
    ]);
  });

  it("puts errors in the bad cells only, naming the argument", () => {
    const out = SS(
      [[0], [0.1], [0.1], [0.9], [0.1]],
      [[0.2], [0], [0.2], [0.5], [0.2]],
      [[0.05], [0.05], [0.05], [0.05], [1]],
    );
    expect(out[0][0]).toEqual(err("#VALUE!", "baseline_rate must be strictly between 0 and 1."));
    expect(out[1][0]).toEqual(
      err("#VALUE!", "minimum_detectable_lift must not be 0: there is no difference to detect."),
    );
    expect(out[2][0]).toBe(3841);
    expect(out[3][0]).toEqual(err("#VALUE!", /^The rate to detect.*\(minimum_detectable_lift is too large/));
    expect(out[4][0]).toEqual(err("#VALUE!", "alpha must be strictly between 0 and 1."));
    expect(SS(0.1, 0.2, 0.5, 0.4)[0][0]).toEqual(err("#VALUE!", /^power \(0.4\) must be greater than/));
  });

  it("drops trailing blanks and propagates error cells", () => {
    const base: unknown[][] = [[0.1], [{ code: "#N/A" }]];
    const lift: unknown[][] = [[0.2], [0.2]];
    for (let i = 0; i < 500; i++) {
      base.push([null]);
      lift.push([null]);
    }
    expect(SS(base, lift)).toEqual([[3841], [{ code: "#N/A" }]]);
  });
});
