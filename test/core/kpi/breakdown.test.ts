import { describe, expect, it } from "vitest";
import {
  aggregateOverTime,
  breakdownTarget,
  getKpi,
  largestRemainder,
  planMonths,
  planShares,
  validateSeasonality,
} from "../../../src/core/kpi";
import { errorOf } from "./helpers";

const RETAIL = [6, 5, 7, 7, 8, 8, 8, 8, 9, 9, 11, 14];

describe("breakdownTarget", () => {
  it("splits a count evenly with largest-remainder rounding", () => {
    const b = breakdownTarget({ kpi: getKpi("visits"), annual: 1000 });
    expect(b.months).toEqual([84, 84, 84, 84, 83, 83, 83, 83, 83, 83, 83, 83]);
    expect(b.quarters).toEqual([252, 250, 249, 249]);
    expect(b.annual).toBe(1000);
  });

  it("rounds a non-integer annual count to the nearest integer first", () => {
    const b = breakdownTarget({ kpi: getKpi("orders"), annual: 99.6 });
    expect(b.annual).toBe(100);
    expect(b.months.reduce((a, c) => a + c, 0)).toBe(100);
  });

  it("splits currency to cents, summing exactly in cents", () => {
    const b = breakdownTarget({ kpi: getKpi("revenue"), annual: 1_000_000, weights: RETAIL });
    const cents = b.months.map((m) => Math.round(m * 100));
    expect(cents.every((c, i) => c / 100 === b.months[i])).toBe(true);
    expect(cents.reduce((a, c) => a + c, 0)).toBe(100_000_000);
    expect(b.months[11]).toBeCloseTo((1_000_000 * 14) / 100, 2);
    const yen = breakdownTarget({ kpi: getKpi("revenue"), annual: 1000, currencyDecimals: 0 });
    expect(yen.months.every(Number.isInteger)).toBe(true);
  });

  it("rotates seasonality to a plan starting in April (fiscal year)", () => {
    const b = breakdownTarget({ kpi: getKpi("visits"), annual: 100, weights: RETAIL, startMonth: 4 });
    expect(b.calendarMonths).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]);
    expect(b.yearOffsets).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(b.months).toEqual([7, 8, 8, 8, 8, 9, 9, 11, 14, 6, 5, 7]);
    expect(b.quarters).toEqual([23, 25, 34, 18]);
  });

  it("carries a rate in every month and quarter", () => {
    const b = breakdownTarget({ kpi: getKpi("conversionRate"), annual: 0.03, weights: RETAIL });
    expect(b.months).toEqual(Array(12).fill(0.03));
    expect(b.quarters).toEqual([0.03, 0.03, 0.03, 0.03]);
    expect(errorOf(() => breakdownTarget({ kpi: getKpi("conversionRate"), annual: 3 })).key).toBe("rateOver100");
  });

  it("validates weights, start month and size", () => {
    expect(validateSeasonality([1, 2, 3]).map((e) => e.key)).toEqual(["weightsLength"]);
    expect(
      validateSeasonality([1, 1, 1, 1, -1, 1, 1, 1, 1, Number.NaN, 1, 1]).map((e) => [e.key, e.params.index]),
    ).toEqual([
      ["invalidWeight", 5],
      ["invalidWeight", 10],
    ]);
    expect(validateSeasonality(Array(12).fill(0)).map((e) => e.key)).toEqual(["weightsAllZero"]);
    expect(errorOf(() => planMonths(13)).key).toBe("invalidStartMonth");
    expect(errorOf(() => breakdownTarget({ kpi: getKpi("visits"), annual: 1, startMonth: 0 })).key).toBe(
      "invalidStartMonth",
    );
    expect(errorOf(() => breakdownTarget({ kpi: getKpi("visits"), annual: -5 })).key).toBe("negativeValue");
    expect(errorOf(() => breakdownTarget({ kpi: getKpi("revenue"), annual: 1e15 })).key).toBe("valueTooLarge");
    expect(planShares(undefined).every((s) => s === 1 / 12)).toBe(true);
  });
});

describe("largestRemainder", () => {
  it("apportions by weights, ties to the earlier part, zero weights get nothing", () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
    expect(largestRemainder(0, [1, 2])).toEqual([0, 0]);
    expect(errorOf(() => largestRemainder(1.5, [1])).key).toBe("notWholeNumber");
  });
});

describe("aggregateOverTime", () => {
  it("sums volumes, averages rates (weighted by the weight KPI when given)", () => {
    expect(aggregateOverTime(getKpi("visits"), [1, 2, 3])).toBe(6);
    expect(aggregateOverTime(getKpi("conversionRate"), [0.02, 0.04])).toBeCloseTo(0.03, 15);
    // 100 visits at 2% + 300 visits at 4% = 14 orders / 400 visits = 3.5%
    expect(aggregateOverTime(getKpi("conversionRate"), [0.02, 0.04], [100, 300])).toBeCloseTo(0.035, 15);
    expect(errorOf(() => aggregateOverTime(getKpi("conversionRate"), [0.02], [0])).kind).toBe("div0");
    expect(errorOf(() => aggregateOverTime(getKpi("conversionRate"), [])).key).toBe("noMonthsElapsed");
    expect(errorOf(() => aggregateOverTime(getKpi("conversionRate"), [0.1], [1, 2])).key).toBe("lengthMismatch");
  });
});
