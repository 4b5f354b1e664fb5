import { describe, expect, it } from "vitest";
import {
  assessKpi,
  attainment,
  attainmentFormula,
  breakdownTarget,
  getKpi,
  kpiStatus,
  monthsElapsed,
  monthsElapsedFormula,
  statusFormula,
  ytdActual,
  ytdComparison,
  ytdFormula,
  ytdTarget,
} from "../../../src/core/kpi";
import { errorOf } from "./helpers";

describe("attainment", () => {
  it("actual / target for higher-is-better, target / actual for lower-is-better", () => {
    expect(attainment(90, 100, "higher")).toBeCloseTo(0.9, 15);
    expect(attainment(40, 50, "lower")).toBeCloseTo(1.25, 15);
    expect(attainment(60, 50, "lower")).toBeCloseTo(50 / 60, 15);
    expect(attainment(0, 50, "lower")).toBe(1);
  });
  it("undefined cases", () => {
    expect(errorOf(() => attainment(5, 0, "higher")).kind).toBe("div0");
    expect(errorOf(() => attainment(5, -10, "higher")).key).toBe("attainmentUndefined");
    expect(errorOf(() => attainment(-5, 10, "lower")).kind).toBe("na");
    expect(assessKpi(getKpi("nps"), -5, -10)).toEqual({ attainment: null, status: "green" });
  });
});

describe("status", () => {
  it("higher-is-better: green at/above target, amber at/above floor, red below", () => {
    expect(kpiStatus(100, 100, 80, "higher")).toBe("green");
    expect(kpiStatus(80, 100, 80, "higher")).toBe("amber");
    expect(kpiStatus(79, 100, 80, "higher")).toBe("red");
    expect(kpiStatus(90, 100, null, "higher")).toBe("red");
  });
  it("lower-is-better reverses the comparisons", () => {
    expect(kpiStatus(50, 50, 60, "lower")).toBe("green");
    expect(kpiStatus(60, 50, 60, "lower")).toBe("amber");
    expect(kpiStatus(61, 50, 60, "lower")).toBe("red");
    expect(assessKpi(getKpi("cac"), 40, 50, 60)).toEqual({ attainment: 1.25, status: "green" });
  });
});

describe("Excel formula text", () => {
  it("status, attainment, YTD and months elapsed", () => {
    expect(statusFormula("higher", { actual: "C5", target: "D5", floor: "E5" })).toBe(
      '=IF(C5>=D5,"green",IF(C5>=E5,"amber","red"))',
    );
    expect(statusFormula("lower", { actual: "C5", target: "D5", floor: "E5" })).toBe(
      '=IF(C5<=D5,"green",IF(C5<=E5,"amber","red"))',
    );
    expect(
      statusFormula("higher", { actual: "C5", target: "D5" }, { green: "达成", amber: '"注意"', red: "未达成" }),
    ).toBe('=IF(C5>=D5,"达成","未达成")');
    expect(
      statusFormula("higher", { actual: "A1", target: "B1", floor: "C1" }, { green: "g", amber: 'a"b', red: "r" }),
    ).toBe('=IF(A1>=B1,"g",IF(A1>=C1,"a""b","r"))');
    expect(attainmentFormula("higher", { actual: "C5", target: "D5" })).toBe("=IF(D5<0,NA(),C5/D5)");
    expect(attainmentFormula("lower", { actual: "C5", target: "D5" })).toBe("=IF(OR(C5<0,D5<0),NA(),IF(C5=0,1,D5/C5))");
    expect(ytdFormula("sum", { values: "C5:N5", months: "C2:N2", elapsed: "$B$1" })).toBe(
      "=SUMPRODUCT((C2:N2<=$B$1)*C5:N5)",
    );
    expect(ytdFormula("rate", { values: "C6:N6", months: "C2:N2", elapsed: "$B$1", weights: "C5:N5" })).toBe(
      '=SUMPRODUCT((C2:N2<=$B$1)*(C6:N6<>"")*C6:N6*C5:N5)/SUMPRODUCT((C2:N2<=$B$1)*(C6:N6<>"")*C5:N5)',
    );
    expect(ytdFormula("rate", { values: "C6:N6", months: "C2:N2", elapsed: "$B$1" })).toBe(
      '=AVERAGEIFS(C6:N6,C2:N2,"<="&$B$1)',
    );
    expect(monthsElapsedFormula({ asOf: "B2", startYear: "B3", startMonth: "B4" })).toBe(
      "=MAX(0,MIN(12,(YEAR(B2)-B3)*12+MONTH(B2)-B4+1))",
    );
  });
});

describe("year to date", () => {
  it("months elapsed counts the as-of month and clamps", () => {
    expect(monthsElapsed(2026, 4, 2026, 6)).toBe(3);
    expect(monthsElapsed(2026, 4, 2027, 2)).toBe(11);
    expect(monthsElapsed(2026, 4, 2026, 3)).toBe(0);
    expect(monthsElapsed(2026, 1, 2030, 1)).toBe(12);
    expect(errorOf(() => monthsElapsed(2026, 13, 2026, 1)).key).toBe("invalidStartMonth");
    expect(errorOf(() => monthsElapsed(20260, 1, 2026, 1)).key).toBe("invalidYear");
  });

  it("volumes: actual to date vs the seasonal pro-rata target and floor", () => {
    const visits = getKpi("visits");
    const b = breakdownTarget({ kpi: visits, annual: 1200, weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9] });
    expect(ytdTarget(visits, b.months, 3)).toBe(180);
    const r = ytdComparison({
      kpi: visits,
      monthlyTargets: b.months,
      monthlyActuals: [50, 60, null, 55, ...Array(8).fill(null)],
      floor: 1000,
    });
    expect(r.monthsElapsed).toBe(4);
    expect(r.target).toBe(240);
    expect(r.actual).toBe(165);
    expect(r.floor).toBeCloseTo(200, 9);
    expect(r.status).toBe("red");
    expect(r.attainment).toBeCloseTo(165 / 240, 12);
  });

  it("rates: the rate is the target; actual rates are weighted by the weight KPI's actuals", () => {
    const cr = getKpi("conversionRate");
    const b = breakdownTarget({ kpi: cr, annual: 0.03 });
    expect(ytdTarget(cr, b.months, 5)).toBeCloseTo(0.03, 15);
    expect(ytdActual(cr, [0.02, 0.04, null], 3, [100, 300, 500])).toBeCloseTo(0.035, 15);
    const r = ytdComparison({
      kpi: cr,
      monthlyTargets: b.months,
      monthlyActuals: [0.02, 0.04, ...Array(10).fill(null)],
      actualWeights: [100, 300, ...Array(10).fill(null)],
      floor: 0.025,
    });
    expect(r.target).toBeCloseTo(0.03, 15);
    expect(r.actual).toBeCloseTo(0.035, 15);
    expect(r.floor).toBe(0.025);
    expect(r.status).toBe("green");
    expect(
      errorOf(() => ytdComparison({ kpi: cr, monthlyTargets: b.months, monthlyActuals: Array(12).fill(null) })).key,
    ).toBe("noMonthsElapsed");
  });

  it("lower-is-better YTD (CAC)", () => {
    const cac = getKpi("cac");
    const r = ytdComparison({
      kpi: cac,
      monthlyTargets: Array(12).fill(50),
      monthlyActuals: [55, 58, ...Array(10).fill(null)],
      floor: 60,
    });
    expect(r.actual).toBeCloseTo(56.5, 12);
    expect(r.status).toBe("amber");
    expect(r.attainment).toBeCloseTo(50 / 56.5, 12);
  });

  it("errors: bad months elapsed, length mismatch", () => {
    const v = getKpi("visits");
    expect(errorOf(() => ytdTarget(v, [1, 2], 3)).key).toBe("invalidMonthsElapsed");
    expect(errorOf(() => ytdComparison({ kpi: v, monthlyTargets: [1, 2], monthlyActuals: [1] })).key).toBe(
      "lengthMismatch",
    );
  });
});
