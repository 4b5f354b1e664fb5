/** Seasonality presets, plan months and phasing with exact rounded sums. */
import { describe, expect, it } from "vitest";
import {
  buildBudgetPlan,
  monthWeights,
  phaseAllocation,
  phaseAmount,
  planMonths,
  presetWeights,
  SEASONALITY_PRESETS,
  SPRING_FESTIVAL_DATES,
  springFestivalJanuaryShare,
  type BudgetInputs,
} from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

const sum = (xs: readonly number[]): number => xs.reduce((p, q) => p + q, 0);

describe("Spring Festival", () => {
  it("table 2024–2035 falls between January 21 and February 20", () => {
    const years = Object.keys(SPRING_FESTIVAL_DATES).map(Number);
    expect(years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    for (const y of years) {
      const d = new Date(SPRING_FESTIVAL_DATES[y] + "T00:00:00Z");
      expect(d.getUTCFullYear()).toBe(y);
      const doy = (d.getTime() - Date.UTC(y, 0, 1)) / 86400000 + 1;
      expect(doy).toBeGreaterThanOrEqual(21);
      expect(doy).toBeLessThanOrEqual(51);
    }
  });

  it("January share of the 21-day pre-festival window", () => {
    expect(springFestivalJanuaryShare(2025)).toBe(1); // Jan 29
    expect(springFestivalJanuaryShare(2026)).toBeCloseTo(5 / 21, 15); // Feb 17: Jan 27–31 in January
    expect(springFestivalJanuaryShare(2024)).toBeCloseTo(12 / 21, 15); // Feb 10: Jan 20–31
    expect(springFestivalJanuaryShare(2034)).toBeCloseTo(3 / 21, 15); // Feb 19
    expect(springFestivalJanuaryShare(2040)).toBe(0.5); // outside the table
  });
});

describe("presets", () => {
  it.each(["chinaRetail", "westernRetail"] as const)(
    "%s sums to 1 in every year and peaks in November/December",
    (p) => {
      for (let y = 2020; y <= 2040; y++) {
        const w = presetWeights(p, y);
        expect(w).toHaveLength(12);
        expect(sum(w)).toBeCloseTo(1, 14);
        expect(w.every((x) => x > 0)).toBe(true);
      }
      const w = presetWeights(p, 2026);
      const top = w.indexOf(Math.max(...w)) + 1;
      expect([11, 12]).toContain(top);
    },
  );

  it("China: Double 11 > 618 > an ordinary month; Spring Festival moves between January and February", () => {
    const w = presetWeights("chinaRetail", 2026);
    expect(w[10]).toBeGreaterThan(w[5]);
    expect(w[5]).toBeGreaterThan(w[6]);
    const y2025 = presetWeights("chinaRetail", 2025); // festival Jan 29: uplift all in January
    const y2026 = presetWeights("chinaRetail", 2026); // festival Feb 17: mostly February
    expect(y2025[0]).toBeGreaterThan(y2026[0]);
    expect(y2025[1]).toBeLessThan(y2026[1]);
    expect(y2025[0] + y2025[1]).toBeCloseTo(y2026[0] + y2026[1], 14);
  });

  it("is defined from base indices plus event uplifts (editable defaults)", () => {
    const def = SEASONALITY_PRESETS.westernRetail;
    const raw = def.base.slice();
    raw[10] += 0.45;
    raw[11] += 0.55;
    const w = presetWeights("westernRetail", 2030);
    raw.forEach((r, i) => expect(w[i]).toBeCloseTo(r / sum(raw), 14));
  });
});

describe("plan months and weights", () => {
  it("a plan starting mid-year rolls over into the next year", () => {
    expect(planMonths({ months: 6, startMonth: 10, startYear: 2025 })).toEqual([
      { year: 2025, month: 10 },
      { year: 2025, month: 11 },
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
      { year: 2026, month: 2 },
      { year: 2026, month: 3 },
    ]);
  });

  it("covered months are renormalized; presets use each month's own year", () => {
    const q4 = monthWeights(
      { kind: "preset", preset: "westernRetail" },
      { months: 3, startMonth: 10, startYear: 2026 },
    );
    const y = presetWeights("westernRetail", 2026);
    const s = y[9] + y[10] + y[11];
    expect(q4[0]).toBeCloseTo(y[9] / s, 14);
    expect(q4[2]).toBeCloseTo(y[11] / s, 14);
    const cross = monthWeights(
      { kind: "preset", preset: "chinaRetail" },
      { months: 12, startMonth: 7, startYear: 2025 },
    );
    const y26 = presetWeights("chinaRetail", 2026);
    const y25 = presetWeights("chinaRetail", 2025);
    const raw = [...y25.slice(6), ...y26.slice(0, 6)];
    cross.forEach((w, i) => expect(w).toBeCloseTo(raw[i] / sum(raw), 14));
  });

  it("even and custom weights", () => {
    expect(monthWeights({ kind: "even" }, { months: 4, startMonth: 1, startYear: 2026 })).toEqual([
      0.25, 0.25, 0.25, 0.25,
    ]);
    const custom = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3];
    const w = monthWeights({ kind: "custom", weights: custom }, { months: 2, startMonth: 11, startYear: 2026 });
    expect(w).toEqual([0.5, 0.5]);
    const w2 = monthWeights({ kind: "custom", weights: custom }, { months: 3, startMonth: 10, startYear: 2026 });
    expect(w2).toEqual([1 / 7, 3 / 7, 3 / 7]);
  });

  it.each([
    [{ kind: "custom", weights: [1, 2, 3] }, "seasonalityLength"],
    [{ kind: "custom", weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1] }, "negativeSeasonality"],
    [{ kind: "custom", weights: new Array(12).fill(0) }, "seasonalityAllZero"],
    [{ kind: "custom", weights: [1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1] }, "seasonalityZeroInPeriod"],
    [{ kind: "preset", preset: "mars" }, "unknownPreset"],
  ])("%o → %s", (profile, key) => {
    let err: unknown;
    try {
      monthWeights(profile as never, { months: 3, startMonth: 7, startYear: 2026 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MktError);
    expect((err as MktError).key).toBe(key);
    expect((err as MktError).params.field).toBe("seasonality");
  });
});

describe("phaseAmount (largest remainder)", () => {
  it("100 over 3 even months → 34/33/33", () => {
    expect(phaseAmount(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
  });

  it("rounds the total itself: 1000.6 over 12 → sums to 1001", () => {
    const m = phaseAmount(1000.6, new Array(12).fill(1 / 12));
    expect(sum(m)).toBe(1001);
    expect(m.every((x) => Number.isInteger(x) && x >= 83 && x <= 84)).toBe(true);
  });

  it("cents: sums exactly in units", () => {
    const m = phaseAmount(1234.56, [0.1, 0.2, 0.3, 0.4], 2);
    expect(sum(m.map((x) => Math.round(x * 100)))).toBe(123456);
    expect(m).toEqual([123.46, 246.91, 370.37, 493.82]);
  });
});

describe("phaseAllocation / buildBudgetPlan", () => {
  const inputs: BudgetInputs = {
    period: { months: 12, startMonth: 1, startYear: 2026 },
    budget: { kind: "total", amount: 100001 },
    reservePercent: 3,
    channels: [
      { id: "s", name: "Search", sharePercent: 50 },
      { id: "t", name: "TV", sharePercent: 30, seasonality: { kind: "even" } },
      { id: "e", name: "Email", sharePercent: 20 },
    ],
    method: { kind: "fixedShares" },
    phasing: { seasonality: { kind: "preset", preset: "chinaRetail" } },
  };

  it("rows sum to the rounded channel totals, which sum to the rounded allocatable", () => {
    const { allocation, plan } = buildBudgetPlan(inputs);
    expect(allocation.allocatable).toBeCloseTo(97000.97, 8);
    expect(plan.grandTotal).toBe(97001);
    expect(sum(plan.channels.map((c) => c.total))).toBe(97001);
    for (const c of plan.channels) {
      expect(sum(c.monthly)).toBe(c.total);
      expect(c.monthly.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(sum(c.weights)).toBeCloseTo(1, 14);
    }
    expect(sum(plan.monthTotals)).toBe(97001);
    expect(plan.months).toHaveLength(12);
    // TV overrides the plan's seasonality with even months
    const tv = plan.channels[1];
    expect(Math.max(...tv.monthly) - Math.min(...tv.monthly)).toBeLessThanOrEqual(1);
    // Search follows the China preset: November is its biggest month
    const search = plan.channels[0];
    expect(search.monthly.indexOf(Math.max(...search.monthly))).toBe(10);
  });

  it("decimals = 2 keeps cents", () => {
    const plan = phaseAllocation(
      { allocatable: 1000.005, channels: [{ id: "s", name: "S", amount: 1000.005 } as never] },
      { ...inputs, channels: [{ id: "s", name: "S" }], phasing: { decimals: 2 } },
    );
    expect(plan.decimals).toBe(2);
    expect(sum(plan.channels[0].monthly.map((x) => Math.round(x * 100)))).toBe(Math.round(plan.grandTotal * 100));
  });

  it("invalid decimals and period are reported", () => {
    expect(() => buildBudgetPlan({ ...inputs, phasing: { decimals: 7 } })).toThrow(MktError);
    let err: unknown;
    try {
      buildBudgetPlan({ ...inputs, period: { months: 0, startMonth: 1, startYear: 2026 } });
    } catch (e) {
      err = e;
    }
    expect((err as MktError).key).toBe("invalidMonths");
  });
});
