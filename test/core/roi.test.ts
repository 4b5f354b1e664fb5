import { describe, expect, it } from "vitest";
import { MktError } from "../../src/core/errors";
import { breakEvenRevenue, cac, incrementalRoi, paybackPeriods, roas, roi } from "../../src/core/roi";
import { VALUE_ERROR_MESSAGES } from "../../src/core/value-messages";

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

describe("ROI family values", () => {
  it("roi", () => {
    expect(roi(150, 100)).toBeCloseTo(0.5, 15);
    expect(roi(1000, 100, 0.4)).toBeCloseTo(3, 15);
    expect(roi(0, 100)).toBe(-1);
    expect(roi(250, 100, 0)).toBe(-1);
  });
  it("roas", () => {
    expect(roas(400, 100)).toBe(4);
    expect(roas(0, 5)).toBe(0);
  });
  it("cac", () => {
    expect(cac(5000, 40)).toBe(125);
    expect(cac(0, 3)).toBe(0);
  });
  it("paybackPeriods", () => {
    expect(paybackPeriods(300, 50)).toBe(6);
    expect(paybackPeriods(300, 50, 0.5)).toBe(12);
  });
  it("breakEvenRevenue", () => {
    expect(breakEvenRevenue(1000, 0.25)).toBe(4000);
    expect(breakEvenRevenue(1000)).toBe(1000);
    expect(roi(breakEvenRevenue(1000, 0.25), 1000, 0.25)).toBeCloseTo(0, 15);
  });
  it("incrementalRoi", () => {
    expect(incrementalRoi(1500, 200, 1000, 0.5)).toBeCloseTo(0.25, 15);
    expect(incrementalRoi(900, 100, 1000)).toBe(-2);
    expect(incrementalRoi(1100, 100, 0, 1)).toBeCloseTo(roi(1100, 100), 15);
  });
});

describe("ROI family errors", () => {
  const cases: [string, () => unknown, string, string, string][] = [
    ["negative cost", () => roi(100, -1), "value", "negative", "cost"],
    ["negative revenue", () => roi(-5, 10), "value", "negative", "revenue"],
    ["margin > 1", () => roi(100, 10, 1.2), "value", "marginOutOfRange", "margin"],
    ["margin < 0", () => incrementalRoi(100, 10, 5, -0.1), "value", "marginOutOfRange", "margin"],
    ["cost 0", () => roi(100, 0), "div0", "divisionByZero", "cost"],
    ["roas cost 0", () => roas(100, 0), "div0", "divisionByZero", "cost"],
    ["NaN revenue", () => roas(NaN, 1), "value", "notANumber", "revenue"],
    ["Infinity cost", () => roi(1, Infinity), "value", "notANumber", "cost"],
    ["string input", () => roi("12" as unknown as number, 1), "value", "notANumber", "revenue"],
    ["negative spend", () => cac(-10, 5), "value", "negative", "spend"],
    ["zero customers", () => cac(10, 0), "div0", "divisionByZero", "newCustomers"],
    ["zero arpu", () => paybackPeriods(10, 0), "div0", "divisionByZero", "arpu"],
    ["zero margin payback", () => paybackPeriods(10, 5, 0), "div0", "divisionByZero", "margin"],
    ["zero margin break-even", () => breakEvenRevenue(10, 0), "div0", "divisionByZero", "margin"],
    ["negative baseline", () => incrementalRoi(10, 5, -1), "value", "negative", "baselineRevenue"],
    ["overflow", () => roi(1e308, 1e-308), "num", "resultNotFinite", ""],
  ];
  it.each(cases)("%s", (_name, f, kind, key, arg) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
    if (arg) expect(e.params.arg).toBe(arg);
    expect(VALUE_ERROR_MESSAGES[e.key]).toBeTypeOf("string");
    expect(e.message).not.toMatch(/\{arg\}/);
  });
});
