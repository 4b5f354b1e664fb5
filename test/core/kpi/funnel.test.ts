import { describe, expect, it } from "vitest";
import {
  deriveFunnel,
  funnelDerivedTargets,
  funnelRevenue,
  resolveKpiTarget,
  validateFunnel,
} from "../../../src/core/kpi";
import { errorOf } from "./helpers";

describe("deriveFunnel", () => {
  it("direct chain: orders = revenue / AOV, visits = orders / conversion rate, budget = orders × CAC", () => {
    const f = deriveFunnel({ revenue: 1_200_000, averageOrderValue: 120, conversionRate: 0.025, cac: 30 });
    expect(f.orders).toBeCloseTo(10_000, 9);
    expect(f.visits).toBeCloseTo(400_000, 6);
    expect(f.chain).toBe("direct");
    expect(f.leads).toBeUndefined();
    expect(f.newCustomerShare).toBe(1);
    expect(f.newCustomers).toBeCloseTo(10_000, 9);
    expect(f.budget).toBeCloseTo(300_000, 6);
    expect(f.effectiveConversionRate).toBeCloseTo(0.025, 15);
    expect(f.warnings).toEqual([]);
  });

  it("lead chain: leads = orders / lead-to-order, visits = leads / visit-to-lead; new-customer share", () => {
    const f = deriveFunnel({
      revenue: 500_000,
      averageOrderValue: 250,
      leadToOrderRate: 0.2,
      visitToLeadRate: 0.05,
      newCustomerShare: 0.6,
      cac: 100,
    });
    expect(f.orders).toBeCloseTo(2000, 9);
    expect(f.leads).toBeCloseTo(10_000, 6);
    expect(f.visits).toBeCloseTo(200_000, 4);
    expect(f.chain).toBe("leads");
    expect(f.newCustomers).toBeCloseTo(1200, 9);
    expect(f.budget).toBeCloseTo(120_000, 6);
  });

  it("direct chain with only a visit-to-lead rate gives leads = visits × rate; no rate → no visits", () => {
    const f = deriveFunnel({ revenue: 1000, averageOrderValue: 10, conversionRate: 0.1, visitToLeadRate: 0.3 });
    expect(f.visits).toBeCloseTo(1000, 9);
    expect(f.leads).toBeCloseTo(300, 9);
    const g = deriveFunnel({ revenue: 1000, averageOrderValue: 10 });
    expect(g.chain).toBe("none");
    expect(g.visits).toBeUndefined();
    expect(g.budget).toBeUndefined();
  });

  it("warns (does not throw) where typed targets contradict the funnel by more than the tolerance", () => {
    const f = deriveFunnel({
      revenue: 1_200_000,
      averageOrderValue: 120,
      conversionRate: 0.025,
      cac: 30,
      typed: { visits: 300_000, orders: 10_400, budget: 400_000 },
    });
    expect(f.warnings.map((w) => [w.key, w.params.field, w.params.kpi, w.params.deviation])).toEqual([
      ["typedBelowDerived", "visits", "visits", 25],
      ["typedAboveDerived", "budget", "budget", 33.3],
    ]);
    expect(f.warnings[0].message).toContain("300000");
    const loose = deriveFunnel({
      revenue: 1_200_000,
      averageOrderValue: 120,
      conversionRate: 0.025,
      typed: { visits: 300_000 },
      tolerance: 0.3,
    });
    expect(loose.warnings).toEqual([]);
  });

  it("warns when the conversion rate contradicts the lead chain", () => {
    const f = deriveFunnel({
      revenue: 1000,
      averageOrderValue: 10,
      conversionRate: 0.02,
      visitToLeadRate: 0.1,
      leadToOrderRate: 0.1,
    });
    expect(f.warnings.map((w) => w.key)).toEqual(["conversionRateMismatch"]);
    expect(f.visits).toBeCloseTo(10_000, 6);
  });

  it("input errors name the field", () => {
    const e = errorOf(() => deriveFunnel({ revenue: 1000, averageOrderValue: 0 }));
    expect([e.kind, e.key, e.params.field]).toEqual(["value", "notPositive", "averageOrderValue"]);
    expect(errorOf(() => deriveFunnel({ revenue: 1000, averageOrderValue: 10, conversionRate: 2 })).key).toBe(
      "rateOver100",
    );
    expect(
      validateFunnel({ revenue: -1, averageOrderValue: 10, cac: -5, newCustomerShare: 1.5 }).map((x) => x.key),
    ).toEqual(["notPositive", "rateOver100", "negativeValue"]);
  });

  it("derived targets round up and feed the target resolver", () => {
    const f = deriveFunnel({ revenue: 1000, averageOrderValue: 3, conversionRate: 0.03, leadToOrderRate: 0.5 });
    const d = funnelDerivedTargets(f);
    expect(d).toEqual({ orders: 334, visits: 11_112, signUps: 667 });
    expect(funnelDerivedTargets(deriveFunnel({ revenue: 1000, averageOrderValue: 10, conversionRate: 0.1 }))).toEqual({
      orders: 100,
      visits: 1000,
    });
    expect(resolveKpiTarget({ kpiId: "orders", target: { mode: "derived" } }, { derived: d }).target).toBe(334);
  });
});

describe("funnelRevenue", () => {
  it("is the forward funnel", () => {
    expect(funnelRevenue({ visits: 400_000, conversionRate: 0.025, averageOrderValue: 120 })).toBeCloseTo(1_200_000, 6);
    expect(
      funnelRevenue({ visits: 200_000, visitToLeadRate: 0.05, leadToOrderRate: 0.2, averageOrderValue: 250 }),
    ).toBeCloseTo(500_000, 6);
    expect(errorOf(() => funnelRevenue({ visits: 1, averageOrderValue: 1 })).key).toBe("invalidOption");
  });
});
