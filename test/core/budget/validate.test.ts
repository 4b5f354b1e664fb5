/** validateBudgetInputs: every problem at its field at once, consistent with the throwing functions. */
import { describe, expect, it } from "vitest";
import {
  BUDGET_ERROR_MESSAGES,
  buildBudgetPlan,
  formatBudgetMessage,
  validateBudgetInputs,
  type BudgetInputs,
  type BudgetIssue,
} from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

const valid: BudgetInputs = {
  period: { months: 12, startMonth: 1, startYear: 2026 },
  budget: { kind: "total", amount: 100000 },
  reservePercent: 10,
  channels: [
    { id: "s", name: "Search", sharePercent: 60 },
    { id: "o", name: "Social", sharePercent: 30 },
    { id: "e", name: "Email", sharePercent: 10 },
  ],
  method: { kind: "fixedShares" },
  phasing: { seasonality: { kind: "preset", preset: "westernRetail" } },
};

const keys = (issues: BudgetIssue[]): string[] => issues.map((i) => i.key);

describe("validateBudgetInputs", () => {
  it("valid inputs → no issues", () => {
    expect(validateBudgetInputs(valid)).toEqual([]);
  });

  it("reports every problem at once, each at its field and channel", () => {
    const issues = validateBudgetInputs({
      period: { months: 25, startMonth: 0, startYear: 2026.5 },
      budget: { kind: "total", amount: -5 },
      reservePercent: 100,
      channels: [
        { id: "s", name: "Search", sharePercent: 60, minSpend: 10, maxSpend: 5 },
        { id: "s", name: "", sharePercent: -1 },
        { id: "e", name: "Email", sharePercent: 10, history: [{ spend: -1, revenue: NaN }] },
      ],
      method: { kind: "fixedShares" },
      phasing: { seasonality: { kind: "custom", weights: [1, 2] }, decimals: 9 },
    });
    expect(keys(issues)).toEqual([
      "invalidMonths",
      "invalidStartMonth",
      "invalidStartYear",
      "negativeBudget",
      "invalidReserve",
      "minAboveMax",
      "duplicateChannelId",
      "emptyChannelName",
      "invalidHistory",
      "invalidHistory",
      "negativeShare",
      "seasonalityLength",
      "invalidDecimals",
    ]);
    const byKey = (k: string): BudgetIssue => issues.find((i) => i.key === k)!;
    expect(byKey("minAboveMax")).toMatchObject({ field: "minSpend", channelId: "s", severity: "error" });
    expect(byKey("minAboveMax").params).toMatchObject({ channel: "Search", min: 10, max: 5 });
    expect(byKey("negativeShare")).toMatchObject({ field: "sharePercent", channelId: "s" });
    expect(issues.filter((i) => i.key === "invalidHistory").map((i) => i.params.what)).toEqual(["spend", "revenue"]);
    expect(byKey("negativeBudget").message).toBe("The total budget must not be negative (got -5).");
    for (const i of issues) {
      expect(BUDGET_ERROR_MESSAGES[i.key]).toBeDefined();
      expect(i.message).toBe(formatBudgetMessage(i.key, i.params));
      expect(i.message).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(i.params.field).toBe(i.field);
    }
  });

  it("empty budget, shares not 100 %, minimum above the total, infeasible bounds", () => {
    expect(keys(validateBudgetInputs({ ...valid, budget: { kind: "total", amount: 0 } }))).toEqual(["emptyBudget"]);
    const shares = validateBudgetInputs({
      ...valid,
      channels: valid.channels.map((c, i) => (i === 2 ? { ...c, sharePercent: 5 } : c)),
    });
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ key: "sharesDoNotSumTo100", field: "shares", params: { sum: 95 } });
    const minTotal = validateBudgetInputs({
      ...valid,
      channels: valid.channels.map((c, i) => (i === 0 ? { ...c, minSpend: 95000 } : c)),
    });
    expect(minTotal[0]).toMatchObject({ key: "minAboveTotal", field: "minSpend", channelId: "s" });
    expect(minTotal[0].params).toMatchObject({ min: 95000, total: 90000 });
    const infeasible = validateBudgetInputs({
      ...valid,
      channels: valid.channels.map((c) => ({ ...c, minSpend: 40000 })),
    });
    expect(keys(infeasible)).toEqual(["boundsInfeasible"]);
    expect(infeasible[0].params).toMatchObject({ sumMin: 120000, total: 90000, side: "min", field: "bounds" });
  });

  it("shares outside bounds name every violating channel", () => {
    const issues = validateBudgetInputs({
      ...valid,
      channels: [
        { id: "s", name: "Search", sharePercent: 60, maxSpend: 50000 },
        { id: "o", name: "Social", sharePercent: 30 },
        { id: "e", name: "Email", sharePercent: 10, minSpend: 10000 },
      ],
    });
    expect(issues.map((i) => [i.key, i.channelId])).toEqual([
      ["shareAboveMax", "s"],
      ["shareBelowMin", "e"],
    ]);
  });

  it("weighted: missing history per channel; optimized: histories that cannot fit a curve", () => {
    const weighted = validateBudgetInputs({
      ...valid,
      channels: [
        { id: "a", name: "A", history: [{ spend: 100, revenue: 300 }] },
        { id: "b", name: "B" },
        { id: "c", name: "C", history: [{ spend: 100, conversions: 3 }] },
      ],
      method: { kind: "weighted", metric: "roi" },
    });
    expect(weighted.map((i) => [i.key, i.channelId, i.field])).toEqual([
      ["missingHistory", "b", "history"],
      ["missingHistory", "c", "history"],
    ]);
    const optimized = validateBudgetInputs({
      ...valid,
      channels: [
        { id: "a", name: "A", history: [{ spend: 100, revenue: 300 }] },
        {
          id: "b",
          name: "B",
          history: [
            { spend: 100, revenue: 300 },
            { spend: 100, revenue: 320 },
          ],
        },
        {
          id: "c",
          name: "C",
          history: [
            { spend: 100, revenue: 300 },
            { spend: 200, revenue: 250 },
          ],
        },
        { id: "d", name: "D", curve: { vmax: 0, k: 1, alpha: 1 } },
        {
          id: "e",
          name: "E",
          history: [
            { spend: 100, revenue: 100 },
            { spend: 200, revenue: 200 },
            { spend: 300, revenue: 300 },
          ],
        },
      ],
      method: { kind: "optimized", outcome: "revenue" },
    });
    expect(optimized.map((i) => [i.key, i.channelId, i.params.reason ?? "", i.severity])).toEqual([
      ["historyCannotFitCurve", "a", "tooFewPoints", "error"],
      ["historyCannotFitCurve", "b", "sameSpend", "error"],
      ["historyCannotFitCurve", "c", "notIncreasing", "error"],
      ["invalidCurve", "d", "", "error"],
      ["noSaturationInHistory", "e", "", "warning"],
    ]);
  });

  it("revenue-target budget: invalid values and the unusual-ratio warning", () => {
    const bad = validateBudgetInputs({
      ...valid,
      budget: { kind: "revenueTarget", revenueTarget: -1, budgetRatioPercent: 0 },
    });
    expect(keys(bad)).toEqual(["invalidRevenueTarget", "invalidBudgetRatio"]);
    const warn = validateBudgetInputs({
      ...valid,
      budget: { kind: "revenueTarget", revenueTarget: 1e6, budgetRatioPercent: 3 },
    });
    expect(warn.map((i) => [i.key, i.severity])).toEqual([["budgetRatioUnusual", "warning"]]);
  });

  it("no channels, no method", () => {
    expect(keys(validateBudgetInputs({ ...valid, channels: [] }))).toEqual(["noChannels"]);
    expect(keys(validateBudgetInputs({ ...valid, method: undefined as never }))).toEqual(["invalidMethod"]);
  });

  it("when it reports no error, buildBudgetPlan succeeds; otherwise it throws one of the reported keys", () => {
    const cases: BudgetInputs[] = [
      valid,
      { ...valid, budget: { kind: "total", amount: -1 } },
      { ...valid, channels: valid.channels.map((c) => ({ ...c, maxSpend: 1000 })) },
      { ...valid, phasing: { seasonality: { kind: "custom", weights: new Array(12).fill(0) } } },
      { ...valid, method: { kind: "weighted", metric: "roi", missingHistory: "error" } },
    ];
    for (const c of cases) {
      const errors = validateBudgetInputs(c).filter((i) => i.severity === "error");
      let thrown: MktError | undefined;
      try {
        buildBudgetPlan(c);
      } catch (e) {
        if (!(e instanceof MktError)) throw e;
        thrown = e;
      }
      if (errors.length === 0) expect(thrown).toBeUndefined();
      else expect(errors.map((e) => e.key)).toContain(thrown?.key);
    }
  });
});
