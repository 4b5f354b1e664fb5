/** Budget resolution, fixed shares, normalization, water-filling and weighted allocation. */
import { describe, expect, it } from "vitest";
import {
  allocateBudget,
  allocateFixedShares,
  allocateWeighted,
  largestRemainderRound,
  normalizeShares,
  resolveBudget,
  waterFill,
  type BudgetChannel,
  type BudgetInputs,
} from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

function thrown(fn: () => unknown): MktError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

const sum = (xs: readonly number[]): number => xs.reduce((p, q) => p + q, 0);

describe("resolveBudget", () => {
  it("total minus contingency reserve", () => {
    expect(resolveBudget({ kind: "total", amount: 100000 }, 10)).toEqual({
      total: 100000,
      reserve: 10000,
      allocatable: 90000,
    });
    expect(resolveBudget({ kind: "total", amount: 5000 })).toEqual({ total: 5000, reserve: 0, allocatable: 5000 });
  });

  it("revenue target × budget ratio", () => {
    const r = resolveBudget({ kind: "revenueTarget", revenueTarget: 2_000_000, budgetRatioPercent: 8 }, 5);
    expect(r.total).toBeCloseTo(160000, 8);
    expect(r.reserve).toBeCloseTo(8000, 8);
    expect(r.allocatable).toBeCloseTo(152000, 8);
  });

  it.each([
    [{ kind: "total", amount: -1 }, 0, "negativeBudget", "amount"],
    [{ kind: "total", amount: 0 }, 0, "emptyBudget", "amount"],
    [{ kind: "total", amount: undefined as unknown as number }, 0, "emptyBudget", "amount"],
    [{ kind: "total", amount: NaN }, 0, "invalidAmount", "amount"],
    [{ kind: "revenueTarget", revenueTarget: 0, budgetRatioPercent: 10 }, 0, "invalidRevenueTarget", "revenueTarget"],
    [
      { kind: "revenueTarget", revenueTarget: 1e6, budgetRatioPercent: 0 },
      0,
      "invalidBudgetRatio",
      "budgetRatioPercent",
    ],
    [
      { kind: "revenueTarget", revenueTarget: 1e6, budgetRatioPercent: 120 },
      0,
      "invalidBudgetRatio",
      "budgetRatioPercent",
    ],
    [{ kind: "total", amount: 100 }, 100, "invalidReserve", "reservePercent"],
    [{ kind: "total", amount: 100 }, -5, "invalidReserve", "reservePercent"],
  ] as const)("%o reserve %d → %s", (source, reserve, key, field) => {
    const e = thrown(() => resolveBudget(source, reserve));
    expect(e.kind).toBe("value");
    expect(e.key).toBe(key);
    expect(e.params.field).toBe(field);
  });
});

const three = (shares: (number | undefined)[], extra: Partial<BudgetChannel>[] = []): BudgetChannel[] =>
  ["Search", "Social", "Email"].map((name, i) => ({
    id: name.toLowerCase(),
    name,
    sharePercent: shares[i],
    ...(extra[i] ?? {}),
  }));

describe("allocateFixedShares", () => {
  it("60/30/10 of 90 000", () => {
    const lines = allocateFixedShares(three([60, 30, 10]), 90000);
    expect(lines.map((l) => l.amount)).toEqual([54000, 27000, 9000]);
    expect(lines.map((l) => l.sharePercent)).toEqual([60, 30, 10]);
    expect(lines[0]).toMatchObject({ id: "search", name: "Search", minSpend: 0, maxSpend: Infinity, atBound: null });
  });

  it("a sum within 0.01 of 100 is accepted and scaled so the amounts sum exactly to the budget", () => {
    const lines = allocateFixedShares(three([33.333, 33.333, 33.333]), 1000);
    expect(sum(lines.map((l) => l.amount))).toBeCloseTo(1000, 10);
  });

  it("shares not summing to 100 → sharesDoNotSumTo100 with the actual sum", () => {
    const e = thrown(() => allocateFixedShares(three([60, 30, 5]), 1000));
    expect(e.key).toBe("sharesDoNotSumTo100");
    expect(e.params).toMatchObject({ field: "shares", sum: 95 });
    expect(e.message).toBe("The shares must add up to 100% (they add up to 95%).");
    expect(thrown(() => allocateFixedShares(three([60, 30, 10.02]), 1000)).key).toBe("sharesDoNotSumTo100");
  });

  it("blank shares count as 0; negative shares are reported at the channel", () => {
    expect(allocateFixedShares(three([70, 30, undefined]), 100).map((l) => l.amount)).toEqual([70, 30, 0]);
    const e = thrown(() => allocateFixedShares(three([110, -10, 0]), 100));
    expect(e.key).toBe("negativeShare");
    expect(e.params).toMatchObject({ field: "sharePercent", channel: "Social", channelId: "social" });
  });

  it("bounds are checked, not clipped: the violating channel is named", () => {
    const below = thrown(() => allocateFixedShares(three([60, 30, 10], [{}, {}, { minSpend: 150 }]), 1000));
    expect(below.key).toBe("shareBelowMin");
    expect(below.params).toMatchObject({ field: "sharePercent", channel: "Email", amount: 100, min: 150, share: 10 });
    const above = thrown(() => allocateFixedShares(three([60, 30, 10], [{ maxSpend: 500 }]), 1000));
    expect(above.key).toBe("shareAboveMax");
    expect(above.params).toMatchObject({ channel: "Search", amount: 600, max: 500 });
    // exactly on the bound is fine
    const ok = allocateFixedShares(three([60, 30, 10], [{ maxSpend: 600 }, { minSpend: 300 }]), 1000);
    expect(ok.map((l) => l.atBound)).toEqual(["max", "min", null]);
  });

  it("a minimum above the budget, min > max, infeasible bounds", () => {
    expect(thrown(() => allocateFixedShares(three([60, 30, 10], [{ minSpend: 2000 }]), 1000)).key).toBe(
      "minAboveTotal",
    );
    expect(thrown(() => allocateFixedShares(three([60, 30, 10], [{ minSpend: 50, maxSpend: 40 }]), 1000)).key).toBe(
      "minAboveMax",
    );
    const e = thrown(() => allocateFixedShares(three([60, 30, 10], [{ minSpend: 600 }, { minSpend: 500 }]), 1000));
    expect(e.key).toBe("boundsInfeasible");
    expect(e.params).toMatchObject({ field: "bounds", sumMin: 1100, total: 1000, side: "min" });
    const f = thrown(() =>
      allocateFixedShares(three([60, 30, 10], [{ maxSpend: 100 }, { maxSpend: 100 }, { maxSpend: 100 }]), 1000),
    );
    expect(f.params).toMatchObject({ sumMax: 300, side: "max" });
  });
});

describe("normalizeShares", () => {
  it("scales to 100", () => {
    const s = normalizeShares([60, 30, 5]);
    expect(sum(s)).toBeCloseTo(100, 12);
    expect(s[0]).toBeCloseTo(63.1578947368, 8);
  });

  it("with decimals, rounded shares still sum to exactly 100", () => {
    expect(normalizeShares([1, 1, 1], 0)).toEqual([34, 33, 33]);
    const s = normalizeShares([1, 1, 1], 2);
    expect(s).toEqual([33.34, 33.33, 33.33]);
    expect(sum(s.map((x) => Math.round(x * 100)))).toBe(10000);
  });

  it("rejects all-zero or negative shares", () => {
    expect(thrown(() => normalizeShares([0, 0])).key).toBe("sharesAllZero");
    expect(thrown(() => normalizeShares([1, -1])).key).toBe("negativeShare");
  });
});

describe("largestRemainderRound", () => {
  it("Hamilton's method: floors, then the largest remainders get the missing units", () => {
    expect(largestRemainderRound([10.4, 20.4, 30.2])).toEqual([10, 21, 30]); // sum 61
    expect(largestRemainderRound([1.5, 1.5, 1.5, 1.5])).toEqual([2, 2, 1, 1]); // ties: earlier first
    expect(largestRemainderRound([0.25, 0.25, 0.5], 1, 1)).toEqual([0.3, 0.2, 0.5]);
    expect(largestRemainderRound([], 0)).toEqual([]);
  });

  it("scales values to a given total first", () => {
    expect(largestRemainderRound([1, 1, 1], 0, 100)).toEqual([34, 33, 33]);
  });
});

describe("waterFill", () => {
  it("proportional to the weights without binding bounds", () => {
    expect(waterFill([3, 1], [0, 0], [Infinity, Infinity], 100)).toEqual([75, 25]);
  });

  it("caps a channel at its maximum and redistributes the excess by weight", () => {
    const x = waterFill([6, 3, 1], [0, 0, 0], [500, Infinity, Infinity], 1000);
    expect(x[0]).toBe(500);
    expect(x[1]).toBeCloseTo(375, 10);
    expect(x[2]).toBeCloseTo(125, 10);
    expect(sum(x)).toBe(1000);
  });

  it("raises a channel to its minimum, taking from the others by weight", () => {
    const x = waterFill([6, 3, 1], [0, 0, 200], [Infinity, Infinity, Infinity], 1000);
    expect(x[2]).toBe(200);
    expect(x[0]).toBeCloseTo(533.3333333333, 8);
    expect(x[1]).toBeCloseTo(266.6666666667, 8);
  });

  it("mixed: one at max, one at min, the rest proportional", () => {
    const x = waterFill([10, 5, 4, 1], [0, 0, 0, 150], [300, Infinity, Infinity, Infinity], 1000);
    expect(x[0]).toBe(300);
    expect(x[3]).toBe(150);
    expect(x[1] / x[2]).toBeCloseTo(5 / 4, 10);
    expect(sum(x)).toBeCloseTo(1000, 9);
  });

  it("zero-weight channels stay at their minimum unless the weighted ones are all full", () => {
    expect(waterFill([1, 0], [0, 10], [Infinity, Infinity], 100)).toEqual([90, 10]);
    expect(waterFill([1, 0, 0], [0, 0, 0], [40, Infinity, Infinity], 100)).toEqual([40, 30, 30]);
  });

  it("infeasible bounds → boundsInfeasible", () => {
    expect(thrown(() => waterFill([1, 1], [60, 60], [Infinity, Infinity], 100)).key).toBe("boundsInfeasible");
    expect(thrown(() => waterFill([1, 1], [0, 0], [10, 10], 100)).key).toBe("boundsInfeasible");
  });
});

describe("allocateWeighted", () => {
  const chans: BudgetChannel[] = [
    { id: "a", name: "Search", history: [{ spend: 1000, revenue: 4000, conversions: 40 }] },
    {
      id: "b",
      name: "Social",
      history: [
        { spend: 500, revenue: 500, conversions: 25 },
        { spend: 1500, revenue: 2500, conversions: 35 },
      ],
    },
    { id: "c", name: "Email", history: [{ spend: 200, revenue: 1200, conversions: 20 }] },
  ];

  it("by ROI: weights = Σ revenue / Σ spend (4, 1.5, 6)", () => {
    const lines = allocateWeighted(chans, 11500, "roi");
    expect(lines.map((l) => l.weight)).toEqual([4, 1.5, 6]);
    expect(lines.map((l) => l.amount)).toEqual([4000, 1500, 6000]);
    expect(lines.every((l) => l.weightSource === "history")).toBe(true);
  });

  it("by conversions per spend (inverse cost per conversion: 0.04, 0.03, 0.1)", () => {
    const lines = allocateWeighted(chans, 1700, "conversionsPerSpend");
    expect(lines[0].amount).toBeCloseTo(400, 9);
    expect(lines[1].amount).toBeCloseTo(300, 9);
    expect(lines[2].amount).toBeCloseTo(1000, 9);
  });

  it("applies bounds by water-filling, summing exactly to the budget", () => {
    const bounded = chans.map((c, i) => (i === 2 ? { ...c, maxSpend: 2000 } : c));
    const lines = allocateWeighted(bounded, 11500, "roi");
    expect(lines[2].amount).toBe(2000);
    expect(lines[2].atBound).toBe("max");
    expect(lines[0].amount / lines[1].amount).toBeCloseTo(4 / 1.5, 10);
    expect(sum(lines.map((l) => l.amount))).toBeCloseTo(11500, 8);
  });

  it("a channel without history: error by default, naming it", () => {
    const withNew = [...chans, { id: "d", name: "TikTok" }];
    const e = thrown(() => allocateWeighted(withNew, 1000, "roi"));
    expect(e.key).toBe("missingHistory");
    expect(e.params).toMatchObject({ field: "history", channel: "TikTok", channelId: "d", outcome: "revenue" });
  });

  it("a channel without history: assumed metric, average, or excluded", () => {
    const assumed = allocateWeighted([...chans, { id: "d", name: "TikTok", assumedMetric: 2.5 }], 14000, "roi");
    expect(assumed[3]).toMatchObject({ weight: 2.5, weightSource: "assumed", amount: 2500 });
    const avg = allocateWeighted([...chans, { id: "d", name: "TikTok" }], 1000, "roi", "average");
    expect(avg[3].weight).toBeCloseTo((4 + 1.5 + 6) / 3, 12);
    expect(avg[3].weightSource).toBe("average");
    const ex = allocateWeighted([...chans, { id: "d", name: "TikTok", minSpend: 100 }], 11600, "roi", "exclude");
    expect(ex[3]).toMatchObject({ weight: 0, weightSource: "excluded", amount: 100 });
  });

  it("history without the needed outcome counts as missing; all-zero weights are an error", () => {
    const e = thrown(() =>
      allocateWeighted([{ id: "a", name: "A", history: [{ spend: 10, conversions: 1 }] }], 1, "roi"),
    );
    expect(e.key).toBe("missingHistory");
    const z = thrown(() =>
      allocateWeighted(
        [
          { id: "a", name: "A", history: [{ spend: 10, revenue: 0 }] },
          { id: "b", name: "B", history: [{ spend: 10, revenue: 0 }] },
        ],
        100,
        "roi",
      ),
    );
    expect(z.key).toBe("weightsAllZero");
  });
});

describe("allocateBudget", () => {
  const base: BudgetInputs = {
    period: { months: 12, startMonth: 1, startYear: 2026 },
    budget: { kind: "total", amount: 100000 },
    reservePercent: 10,
    channels: three([60, 30, 10]),
    method: { kind: "fixedShares" },
  };

  it("resolves the budget and applies the method", () => {
    const r = allocateBudget(base);
    expect(r).toMatchObject({ method: "fixedShares", total: 100000, reserve: 10000, allocatable: 90000 });
    expect(r.channels.map((c) => c.amount)).toEqual([54000, 27000, 9000]);
    expect(r.warnings).toEqual([]);
  });

  it("an unusual budget ratio is a warning, not an error", () => {
    const r = allocateBudget({
      ...base,
      budget: { kind: "revenueTarget", revenueTarget: 1e6, budgetRatioPercent: 25 },
    });
    expect(r.total).toBeCloseTo(250000, 6);
    expect(r.warnings.map((w) => [w.key, w.severity, w.field])).toEqual([
      ["budgetRatioUnusual", "warning", "budgetRatioPercent"],
    ]);
  });

  it("optimized: curves entered or fitted, equal marginal returns, certificate", () => {
    const r = allocateBudget({
      ...base,
      channels: [
        { id: "a", name: "Search", curve: { vmax: 120000, k: 30000, alpha: 1 } },
        {
          id: "b",
          name: "Social",
          history: [
            { spend: 10000, revenue: 20000 },
            { spend: 20000, revenue: 33000 },
            { spend: 40000, revenue: 48000 },
          ],
        },
        { id: "c", name: "Email", curve: { vmax: 30000, k: 5000, alpha: 0.8 }, maxSpend: 8000 },
      ],
      method: { kind: "optimized", outcome: "revenue" },
    });
    expect(r.method).toBe("optimized");
    expect(sum(r.channels.map((c) => c.amount))).toBeCloseTo(90000, 6);
    expect(r.channels[0].curveSource).toBe("entered");
    expect(r.channels[1].curveSource).toBe("fitted");
    expect(r.channels[1].fit?.points).toBe(3);
    const opt = r.optimization!;
    expect(opt.gap).toBeLessThan(1e-8);
    expect(opt.totalResponse).toBeCloseTo(sum(r.channels.map((c) => c.expectedResponse!)), 6);
    const interior = r.channels.filter((c) => c.atBound === null);
    for (const c of interior) expect(c.marginalReturn! / opt.lambda).toBeCloseTo(1, 6);
  });

  it("optimized with a channel that cannot fit → historyCannotFitCurve naming it", () => {
    const e = thrown(() =>
      allocateBudget({
        ...base,
        channels: [
          { id: "a", name: "Search", curve: { vmax: 1, k: 1, alpha: 1 } },
          { id: "b", name: "Social", history: [{ spend: 100, revenue: 300 }] },
        ],
        method: { kind: "optimized", outcome: "revenue" },
      }),
    );
    expect(e.key).toBe("historyCannotFitCurve");
    expect(e.params).toMatchObject({ channel: "Social", channelId: "b", reason: "tooFewPoints", field: "history" });
  });

  it("an unknown method → invalidMethod", () => {
    expect(thrown(() => allocateBudget({ ...base, method: { kind: "magic" } as never })).key).toBe("invalidMethod");
  });
});
