import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  atLeastAsGood,
  attainment,
  breakdownTarget,
  deriveFunnel,
  funnelRevenue,
  getKpi,
  KPI_LIBRARY,
  kpiStatus,
  largestRemainder,
  validateKpiInputs,
  type KpiTargetInput,
} from "../../../src/core/kpi";

const weights = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })), {
    minLength: 12,
    maxLength: 12,
  })
  .filter((w) => w.reduce((a, b) => a + b, 0) > 1e-6);
const optWeights = fc.option(weights, { nil: undefined });
const startMonth = fc.integer({ min: 1, max: 12 });
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("breakdown properties", () => {
  it("count months are non-negative integers summing exactly to the year; quarters sum their months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), optWeights, startMonth, (annual, w, s) => {
        const b = breakdownTarget({ kpi: getKpi("visits"), annual, weights: w, startMonth: s });
        expect(b.months.every((m) => Number.isInteger(m) && m >= 0)).toBe(true);
        expect(sum(b.months)).toBe(annual);
        for (let q = 0; q < 4; q++)
          expect(b.quarters[q]).toBe(b.months[3 * q] + b.months[3 * q + 1] + b.months[3 * q + 2]);
        expect(sum(b.quarters)).toBe(annual);
      }),
    );
  });

  it("currency months are whole cents summing exactly (in cents) to the year; quarters sum their months", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e10, noNaN: true }), optWeights, startMonth, (annual, w, s) => {
        const b = breakdownTarget({ kpi: getKpi("revenue"), annual, weights: w, startMonth: s });
        const cents = b.months.map((m) => Math.round(m * 100));
        cents.forEach((c, i) => expect(c / 100).toBe(b.months[i]));
        expect(sum(cents)).toBe(Math.round(annual * 100));
        b.quarters.forEach((q, i) =>
          expect(Math.round(q * 100)).toBe(cents[3 * i] + cents[3 * i + 1] + cents[3 * i + 2]),
        );
      }),
    );
  });

  it("each month is within one unit of its exact share (largest remainder)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), weights, (total, w) => {
        const parts = largestRemainder(total, w);
        const W = sum(w);
        parts.forEach((p, i) => {
          expect(Math.abs(p - (total * w[i]) / W)).toBeLessThan(1 + 1e-6);
          if (w[i] === 0) expect(p).toBe(0);
        });
        expect(sum(parts)).toBe(total);
      }),
    );
  });

  it("rates are carried, never summed: every month and quarter equals the rate", () => {
    const rateKpis = KPI_LIBRARY.filter((k) => k.aggregation === "rate");
    fc.assert(
      fc.property(
        fc.constantFrom(...rateKpis),
        fc.double({ min: 0, max: 1, noNaN: true }),
        optWeights,
        startMonth,
        (k, r, w, s) => {
          const b = breakdownTarget({ kpi: k, annual: r, weights: w, startMonth: s });
          expect(b.months.every((m) => m === r)).toBe(true);
          expect(b.quarters.every((q) => q === r)).toBe(true);
          expect(b.annual).toBe(r);
        },
      ),
    );
  });
});

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("status and attainment properties", () => {
  it("mirror: lower-is-better status equals higher-is-better status of the negated values", () => {
    fc.assert(
      fc.property(num, num, fc.option(num, { nil: null }), (a, t, f) => {
        expect(kpiStatus(a, t, f, "lower")).toBe(kpiStatus(-a, -t, f === null ? null : -f, "higher"));
      }),
    );
  });

  it("status flips at the target and the floor", () => {
    fc.assert(
      fc.property(num, num, num, fc.constantFrom("higher" as const, "lower" as const), (a, x, y, dir) => {
        const [t, f] = dir === "higher" ? [Math.max(x, y), Math.min(x, y)] : [Math.min(x, y), Math.max(x, y)];
        const s = kpiStatus(a, t, f, dir);
        const expected = atLeastAsGood(a, t, dir) ? "green" : atLeastAsGood(a, f, dir) ? "amber" : "red";
        expect(s).toBe(expected);
      }),
    );
  });

  it("attainment is monotone in actual for higher-is-better, anti-monotone for lower-is-better", () => {
    const pos = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, num, pos, (a1, a2, t) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(attainment(lo, t, "higher")).toBeLessThanOrEqual(attainment(hi, t, "higher"));
      }),
    );
    fc.assert(
      fc.property(pos, pos, fc.double({ min: 0, max: 1e6, noNaN: true }), (a1, a2, t) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(attainment(lo, t, "lower")).toBeGreaterThanOrEqual(attainment(hi, t, "lower"));
      }),
    );
  });
});

describe("funnel properties", () => {
  const rate = fc.double({ min: 1e-4, max: 1, noNaN: true });
  const money = fc.double({ min: 1, max: 1e9, noNaN: true });

  it("round-trips revenue → orders → visits → revenue (direct chain)", () => {
    fc.assert(
      fc.property(money, fc.double({ min: 0.01, max: 1e5, noNaN: true }), rate, (revenue, aov, cr) => {
        const f = deriveFunnel({ revenue, averageOrderValue: aov, conversionRate: cr });
        expect(Math.abs(f.orders * aov - revenue) / revenue).toBeLessThan(1e-12);
        const back = funnelRevenue({ visits: f.visits!, averageOrderValue: aov, conversionRate: cr });
        expect(Math.abs(back - revenue) / revenue).toBeLessThan(1e-12);
      }),
    );
  });

  it("round-trips through the lead chain", () => {
    fc.assert(
      fc.property(money, fc.double({ min: 0.01, max: 1e5, noNaN: true }), rate, rate, (revenue, aov, v2l, l2o) => {
        const f = deriveFunnel({ revenue, averageOrderValue: aov, visitToLeadRate: v2l, leadToOrderRate: l2o });
        expect(f.chain).toBe("leads");
        const back = funnelRevenue({
          visits: f.visits!,
          averageOrderValue: aov,
          visitToLeadRate: v2l,
          leadToOrderRate: l2o,
        });
        expect(Math.abs(back - revenue) / revenue).toBeLessThan(1e-12);
      }),
    );
  });

  it("a typed target equal to the derived one never warns", () => {
    fc.assert(
      fc.property(money, fc.double({ min: 0.01, max: 1e5, noNaN: true }), rate, (revenue, aov, cr) => {
        const f = deriveFunnel({ revenue, averageOrderValue: aov, conversionRate: cr, cac: 10 });
        const g = deriveFunnel({
          revenue,
          averageOrderValue: aov,
          conversionRate: cr,
          cac: 10,
          typed: { orders: f.orders, visits: f.visits, budget: f.budget, newCustomers: f.newCustomers },
          tolerance: 0,
        });
        expect(g.warnings).toEqual([]);
      }),
    );
  });
});

describe("target validation properties", () => {
  const anyNumber = fc.oneof(num, fc.constant(Number.NaN), fc.constant(null), fc.constant(1e300));
  const input: fc.Arbitrary<KpiTargetInput> = fc.record({
    kpiId: fc.constantFrom(...KPI_LIBRARY.map((k) => k.id), "nope"),
    baseline: anyNumber,
    target: fc.oneof(
      fc.record({ mode: fc.constant("absolute" as const), value: num }),
      fc.record({ mode: fc.constant("percentChange" as const), percent: fc.double({ min: -2, max: 2, noNaN: true }) }),
      fc.constant({ mode: "derived" as const }),
    ),
    floor: fc.oneof(
      fc.constant(undefined),
      fc.constant({ rule: "none" as const }),
      fc.record({ rule: fc.constant("typed" as const), value: num }),
      fc.record({ rule: fc.constant("baseline" as const), multiplier: fc.double({ min: -1, max: 2, noNaN: true }) }),
    ),
    stretch: fc.oneof(
      fc.constant(undefined),
      fc.record({ rule: fc.constant("typed" as const), value: num }),
      fc.record({
        rule: fc.constant("targetMultiple" as const),
        multiplier: fc.double({ min: 0.5, max: 2, noNaN: true }),
      }),
      fc.record({ rule: fc.constant("benchmark" as const), benchmark: num }),
    ),
  }) as fc.Arbitrary<KpiTargetInput>;

  it("never throws; every resolved row is ordered floor ≤ target ≤ stretch (reversed for lower) within range", () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 6 }), (rows) => {
        const v = validateKpiInputs(rows, { derived: { visits: 1000 } });
        expect(v.results.length).toBe(rows.length);
        expect(v.ok).toBe(v.errors.length === 0);
        for (const e of v.errors)
          expect(typeof e.params.kpi === "string" && typeof e.params.field === "string").toBe(true);
        for (const r of v.results) {
          if (!r) continue;
          const dir = r.kpi.direction;
          expect(atLeastAsGood(r.stretch, r.target, dir)).toBe(true);
          if (r.floor !== undefined) expect(atLeastAsGood(r.target, r.floor, dir)).toBe(true);
          for (const x of [r.target, r.stretch, r.floor ?? r.target]) {
            if (r.kpi.min !== undefined) expect(x).toBeGreaterThanOrEqual(r.kpi.min);
            if (r.kpi.max !== undefined) expect(x).toBeLessThanOrEqual(r.kpi.max);
          }
        }
      }),
    );
  });
});
