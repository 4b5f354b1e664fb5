// MKT.ROI / ROAS / CAC / PAYBACK called the way Excel calls them.
import { beforeAll, describe, expect, it } from "vitest";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
  setFunctionLocale("en-US");
});

const err = (code: string) => expect.objectContaining({ code });

describe("MKT.ROI", () => {
  it("computes (revenue × margin − cost) / cost for scalars, margin defaulting to 1", () => {
    expect(callAsExcel(reg, "ROI", 50000, 20000, 0.6)).toEqual([[0.5]]);
    expect(callAsExcel(reg, "ROI", 30000, 20000)).toEqual([[0.5]]);
  });

  it("spills element-wise over same-shape ranges and broadcasts a scalar", () => {
    const revenue = [[100], [200], [300]];
    const cost = [[50], [100], [100]];
    expect(callAsExcel(reg, "ROI", revenue, cost)).toEqual([[1], [1], [2]]);
    expect(callAsExcel(reg, "ROI", revenue, 100)).toEqual([[0], [1], [2]]);
    expect(callAsExcel(reg, "ROI", revenue, cost, [[0.5], [0.5], [1]])).toEqual([[0], [0], [2]]);
  });

  it("broadcasts a row against a column like Excel's array arithmetic", () => {
    const out = callAsExcel(reg, "ROI", [[100, 200]], [[50], [100]]) as number[][];
    expect(out).toEqual([
      [1, 3],
      [0, 1],
    ]);
  });

  it("gives #N/A where ranges of different sizes do not overlap", () => {
    expect(callAsExcel(reg, "ROI", [[100], [200], [300]], [[50], [100]])).toEqual([[1], [1], [err("#N/A")]]);
  });

  it("reads numbers stored as text, booleans and blank optional cells as Excel does", () => {
    expect(callAsExcel(reg, "ROI", [["1,000"]], [["500"]], [[null]])).toEqual([[1]]);
    expect(callAsExcel(reg, "ROI", [["200"]], [[100]], [[""]])).toEqual([[1]]);
    expect(callAsExcel(reg, "ROI", [[200]], [[100]], [["50%"]])).toEqual([[0]]);
  });

  it("drops trailing blank rows of whole-column references and leaves inner blank rows blank", () => {
    const revenue: unknown[][] = [[100], [null], [300]];
    const cost: unknown[][] = [[50], [null], [100]];
    for (let i = 0; i < 1000; i++) {
      revenue.push([null]);
      cost.push([""]);
    }
    expect(callAsExcel(reg, "ROI", revenue, cost)).toEqual([[1], [""], [2]]);
  });

  it("puts the error in the bad row only, with a message naming the argument", () => {
    const out = callAsExcel(reg, "ROI", [[100], ["abc"], [100], [100]], [[50], [50], [0], [-5]]) as unknown[][];
    expect(out[0]).toEqual([1]);
    expect(out[1][0]).toEqual({ code: "#VALUE!", message: "revenue must be a number." });
    expect(out[2][0]).toEqual(err("#DIV/0!"));
    expect(out[3][0]).toEqual(expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("cost") }));
  });

  it("rejects a margin outside [0, 1] with a localized message", () => {
    setFunctionLocale("zh-CN");
    try {
      const out = callAsExcel(reg, "ROI", 100, 50, 1.5) as { code: string; message: string }[][];
      expect(out[0][0].code).toBe("#VALUE!");
      expect(out[0][0].message).toMatch(/margin.*[\u4e00-\u9fff]/);
    } finally {
      setFunctionLocale("en-US");
    }
  });

  it("propagates an error value found in an input cell", () => {
    const na = { code: "#N/A" };
    expect(callAsExcel(reg, "ROI", [[na]], [[10]])).toEqual([[na]]);
  });

  it("uses Excel's CustomFunctions.Error inside Excel", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: RuntimeError, ErrorCode: {} };
    try {
      const out = callAsExcel(reg, "ROI", 100, 0) as unknown[][];
      expect(out[0][0]).toBeInstanceOf(RuntimeError);
      expect((out[0][0] as RuntimeError).code).toBe("#DIV/0!");
    } finally {
      delete g.CustomFunctions;
    }
  });
});

describe("MKT.ROAS, MKT.CAC, MKT.PAYBACK", () => {
  it("compute their ratios", () => {
    expect(callAsExcel(reg, "ROAS", 80000, 20000)).toEqual([[4]]);
    expect(callAsExcel(reg, "CAC", 30000, 600)).toEqual([[50]]);
    expect(callAsExcel(reg, "PAYBACK", 120, 20, 0.5)).toEqual([[12]]);
    expect(callAsExcel(reg, "PAYBACK", 120, 20)).toEqual([[6]]);
  });

  it("return #DIV/0! for a zero divisor, as Excel's own division does", () => {
    expect(callAsExcel(reg, "ROAS", 10, 0)).toEqual([[err("#DIV/0!")]]);
    expect(callAsExcel(reg, "CAC", 10, 0)).toEqual([[err("#DIV/0!")]]);
  });
});
