/** Property tests (fast-check) of allocation, optimization, curve fitting and phasing. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateBudget,
  buildBudgetPlan,
  fitHill,
  hillInflection,
  hillResponse,
  largestRemainderRound,
  monthWeights,
  optimizeAllocation,
  phaseAmount,
  presetWeights,
  validateBudgetInputs,
  waterFill,
  type BudgetChannel,
  type BudgetInputs,
  type HillCurve,
  type SeasonalityProfile,
} from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

const sum = (xs: readonly number[]): number => xs.reduce((p, q) => p + q, 0);
const totalResponse = (curves: readonly HillCurve[], s: readonly number[]): number =>
  sum(s.map((x, i) => hillResponse(curves[i], x)));

/** A budget, n curves scaled to it, and feasible bounds (Σ min ≤ 0.8 B, Σ max ≥ B). */
interface Case {
  budget: number;
  curves: HillCurve[];
  min: number[];
  max: number[];
}

const curveArb = (budget: number): fc.Arbitrary<HillCurve> =>
  fc.record({
    vmax: fc.double({ min: 0.1, max: 10, noNaN: true }).map((v) => v * budget),
    k: fc.double({ min: 0.02, max: 2, noNaN: true }).map((k) => k * budget),
    alpha: fc.double({ min: 0.5, max: 3, noNaN: true }),
  });

const caseArb = (nMin: number, nMax: number, withBounds = true): fc.Arbitrary<Case> =>
  fc
    .record({
      budget: fc.double({ min: 100, max: 1e7, noNaN: true }),
      n: fc.integer({ min: nMin, max: nMax }),
      seed: fc.array(
        fc.record({
          minFrac: fc.oneof(
            fc.constant(0),
            fc.integer({ min: 0, max: 800 }).map((k) => k / 1000),
          ),
          maxFrac: fc.oneof(
            fc.constant(Infinity),
            fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
          ),
          curve: fc.record({
            v: fc.double({ min: 0.1, max: 10, noNaN: true }),
            k: fc.double({ min: 0.02, max: 2, noNaN: true }),
            alpha: fc.double({ min: 0.5, max: 3, noNaN: true }),
          }),
        }),
        { minLength: nMax, maxLength: nMax },
      ),
    })
    .map(({ budget, n, seed }) => {
      const s = seed.slice(0, n);
      const curves = s.map((x) => ({ vmax: x.curve.v * budget, k: x.curve.k * budget, alpha: x.curve.alpha }));
      if (!withBounds) return { budget, curves, min: curves.map(() => 0), max: curves.map(() => Infinity) };
      const min = s.map((x) => (x.minFrac * budget) / n);
      const max = s.map((x, i) => (x.maxFrac === Infinity ? Infinity : min[i] + x.maxFrac * budget));
      if (sum(max) < budget) max[n - 1] = Infinity;
      return { budget, curves, min, max };
    });

/**
 * Brute force: best Σ response over a grid of the feasible simplex (2 or 3 channels), refined by zooming
 * three times around the best cell.
 */
function gridSearch(c: Case, steps: number): number {
  const { budget: B, curves, min, max } = c;
  const n = curves.length;
  let best = -Infinity;
  const lo0 = Math.max(min[0], B - sum(max.slice(1)));
  const hi0 = Math.min(max[0], B - sum(min.slice(1)));
  let r0: [number, number] = [lo0, hi0];
  let r1: [number, number] = [0, 0];
  let bestS: number[] = [];
  for (let zoom = 0; zoom < 4; zoom++) {
    const [a0, b0] = r0;
    for (let i = 0; i <= steps; i++) {
      const s0 = a0 + ((b0 - a0) * i) / steps;
      if (n === 2) {
        // clamp to the bounds (no tolerance to exploit); the sum may then be off by rounding only
        const s = [s0, Math.min(max[1], Math.max(min[1], B - s0))];
        if (Math.abs(s[0] + s[1] - B) > 1e-12 * B) continue;
        const v = totalResponse(curves, s);
        if (v > best) [best, bestS] = [v, s];
        continue;
      }
      const lo1 = Math.max(min[1], B - s0 - max[2]);
      const hi1 = Math.min(max[1], B - s0 - min[2]);
      if (hi1 < lo1) continue;
      const a1 = zoom === 0 ? lo1 : Math.max(lo1, r1[0]);
      const b1 = zoom === 0 ? hi1 : Math.min(hi1, r1[1]);
      for (let j = 0; j <= steps; j++) {
        const s1 = a1 + ((b1 - a1) * j) / steps;
        const s = [s0, s1, Math.min(max[2], Math.max(min[2], B - s0 - s1))];
        if (Math.abs(s[0] + s[1] + s[2] - B) > 1e-12 * B) continue;
        const v = totalResponse(curves, s);
        if (v > best) [best, bestS] = [v, s];
      }
    }
    const w0 = (r0[1] - r0[0]) / steps;
    r0 = [Math.max(lo0, bestS[0] - 2 * w0), Math.min(hi0, bestS[0] + 2 * w0)];
    if (n === 3) {
      const w1 = Math.max(r1[1] - r1[0], zoom === 0 ? B : 0) / steps;
      r1 = [bestS[1] - 2 * w1, bestS[1] + 2 * w1];
    }
  }
  return best;
}

describe("optimizer properties", () => {
  it("allocations sum to the budget and respect the bounds", () => {
    fc.assert(
      fc.property(caseArb(1, 12), (c) => {
        const r = optimizeAllocation(c.curves, c.budget, c.min, c.max);
        expect(Math.abs(sum(r.amounts) - c.budget)).toBeLessThanOrEqual(1e-9 * c.budget);
        r.amounts.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(c.min[i] - 1e-9 * c.budget);
          expect(x).toBeLessThanOrEqual(c.max[i] + 1e-9 * c.budget);
        });
        expect(r.gap).toBeLessThanOrEqual(1e-8);
        expect(r.totalResponse).toBeLessThanOrEqual(r.upperBound * (1 + 1e-12));
      }),
      { numRuns: 150 },
    );
  });

  it("beats every fixed split it is tested against (random feasible splits, even split, greedy)", () => {
    fc.assert(
      fc.property(
        caseArb(2, 8),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (c, w) => {
          const r = optimizeAllocation(c.curves, c.budget, c.min, c.max);
          const weights = w.slice(0, c.curves.length).map((x) => x + 1e-3);
          const splits = [
            waterFill(weights, c.min, c.max, c.budget),
            waterFill(
              c.curves.map(() => 1),
              c.min,
              c.max,
              c.budget,
            ),
            waterFill(
              c.curves.map((cv) => cv.vmax),
              c.min,
              c.max,
              c.budget,
            ),
          ];
          for (const s of splits) {
            expect(r.totalResponse).toBeGreaterThanOrEqual(totalResponse(c.curves, s) * (1 - 1e-9));
            expect(r.upperBound).toBeGreaterThanOrEqual(totalResponse(c.curves, s) * (1 - 1e-9));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is within 0.1% of a brute-force grid search on 2 channels, and never below it", () => {
    fc.assert(
      fc.property(caseArb(2, 2), (c) => {
        const r = optimizeAllocation(c.curves, c.budget, c.min, c.max);
        const g = gridSearch(c, 400);
        expect(r.totalResponse).toBeGreaterThanOrEqual(g * (1 - 1e-9));
        expect(r.totalResponse).toBeLessThanOrEqual(g * 1.001);
        expect(r.upperBound).toBeGreaterThanOrEqual(g * (1 - 1e-9));
      }),
      { numRuns: 80 },
    );
  });

  it("is within 0.1% of a brute-force grid search on 3 channels, and never below it", () => {
    fc.assert(
      fc.property(caseArb(3, 3), (c) => {
        const r = optimizeAllocation(c.curves, c.budget, c.min, c.max);
        const g = gridSearch(c, 60);
        expect(r.totalResponse).toBeGreaterThanOrEqual(g * (1 - 1e-9));
        expect(r.totalResponse).toBeLessThanOrEqual(g * 1.001);
      }),
      { numRuns: 40 },
    );
  });

  it("interior channels on the concave part of their curves have equal marginal return", () => {
    fc.assert(
      fc.property(caseArb(2, 10), (c) => {
        const r = optimizeAllocation(c.curves, c.budget, c.min, c.max);
        const eps = 1e-7 * c.budget;
        const interior = r.amounts
          .map((x, i) => i)
          .filter(
            (i) =>
              r.amounts[i] > c.min[i] + eps &&
              r.amounts[i] < c.max[i] - eps &&
              r.amounts[i] >= hillInflection(c.curves[i]),
          );
        if (interior.length < 2) return;
        const m = interior.map((i) => r.marginals[i]);
        const mean = sum(m) / m.length;
        for (const x of m) expect(Math.abs(x / mean - 1)).toBeLessThan(1e-6);
      }),
      { numRuns: 150 },
    );
  });
});

describe("allocation properties (all methods)", () => {
  const channelsArb = fc.array(
    fc.record({
      share: fc.integer({ min: 0, max: 100 }),
      roi: fc.integer({ min: 0, max: 1000 }).map((k) => k / 100),
      spend: fc.double({ min: 1, max: 1e5, noNaN: true }),
      minFrac: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 500 }).map((k) => k / 1000),
      ),
      maxFrac: fc.oneof(
        fc.constant(Infinity),
        fc.integer({ min: 50, max: 1500 }).map((k) => k / 1000),
      ),
      curve: fc.record({
        v: fc.double({ min: 0.1, max: 10, noNaN: true }),
        k: fc.double({ min: 0.02, max: 2, noNaN: true }),
        alpha: fc.double({ min: 0.5, max: 3, noNaN: true }),
      }),
    }),
    { minLength: 1, maxLength: 8 },
  );

  it("Σ amounts = total × (1 − reserve) to 1e-9 relative, within bounds", () => {
    fc.assert(
      fc.property(
        channelsArb,
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.constantFrom("fixedShares", "roi", "conversionsPerSpend", "optimized"),
        (rows, amount, reserve, m) => {
          const allocatable = amount * (1 - reserve / 100);
          const n = rows.length;
          const shares = largestRemainderRound(
            rows.map((r) => r.share + 1),
            2,
            100,
          );
          const channels: BudgetChannel[] = rows.map((r, i) => {
            const base: BudgetChannel = {
              id: `c${i}`,
              name: `Channel ${i}`,
              sharePercent: shares[i],
              history: [{ spend: r.spend, revenue: r.roi * r.spend, conversions: (r.roi * r.spend) / 50 }],
              curve: { vmax: r.curve.v * allocatable, k: r.curve.k * allocatable, alpha: r.curve.alpha },
            };
            if (m === "fixedShares") return base; // bounds would make most fixed splits invalid
            const minSpend = (r.minFrac * allocatable) / n;
            return {
              ...base,
              minSpend,
              maxSpend: r.maxFrac === Infinity ? undefined : minSpend + r.maxFrac * allocatable,
            };
          });
          if (m !== "fixedShares" && sum(channels.map((c) => c.maxSpend ?? Infinity)) < allocatable) {
            channels[n - 1] = { ...channels[n - 1], maxSpend: undefined };
          }
          if (m !== "fixedShares" && m !== "optimized" && rows.every((r) => r.roi === 0)) return;
          const inputs: BudgetInputs = {
            period: { months: 12, startMonth: 1, startYear: 2026 },
            budget: { kind: "total", amount },
            reservePercent: reserve,
            channels,
            method:
              m === "fixedShares"
                ? { kind: "fixedShares" }
                : m === "optimized"
                  ? { kind: "optimized", outcome: "revenue" }
                  : { kind: "weighted", metric: m },
          };
          const r = allocateBudget(inputs);
          expect(Math.abs(r.allocatable - allocatable)).toBeLessThanOrEqual(1e-12 * amount);
          expect(Math.abs(sum(r.channels.map((c) => c.amount)) - r.allocatable)).toBeLessThanOrEqual(
            1e-9 * r.allocatable,
          );
          r.channels.forEach((c) => {
            expect(c.amount).toBeGreaterThanOrEqual(c.minSpend - 1e-9 * r.allocatable);
            expect(c.amount).toBeLessThanOrEqual(c.maxSpend + 1e-9 * r.allocatable);
          });
          expect(validateBudgetInputs(inputs).filter((i) => i.severity === "error")).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("water-filling: proportional to the weights among channels off their bounds", () => {
    fc.assert(
      fc.property(
        caseArb(2, 10),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 10 }),
        (c, w) => {
          const weights = c.curves.map((_, i) => w[i]);
          const x = waterFill(weights, c.min, c.max, c.budget);
          expect(Math.abs(sum(x) - c.budget)).toBeLessThanOrEqual(1e-9 * c.budget);
          const eps = 1e-9 * c.budget;
          const free = x.map((_, i) => i).filter((i) => x[i] > c.min[i] + eps && x[i] < c.max[i] - eps);
          const ratio = free.map((i) => x[i] / weights[i]);
          for (const q of ratio) expect(q / ratio[0]).toBeCloseTo(1, 8);
          // a channel at its minimum would get less than its minimum at the common ratio; at its max, more
          if (ratio.length > 0) {
            x.forEach((xi, i) => {
              if (free.includes(i) || c.max[i] - c.min[i] <= eps) return;
              if (xi <= c.min[i] + eps) expect(weights[i] * ratio[0]).toBeLessThanOrEqual(c.min[i] + 1e-6 * c.budget);
              else expect(weights[i] * ratio[0]).toBeGreaterThanOrEqual(c.max[i] - 1e-6 * c.budget);
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("curve fitting properties", () => {
  it("recovers a Hill curve from exact data at 3–8 spend levels around K", () => {
    fc.assert(
      fc.property(
        curveArb(1e5),
        fc.array(fc.double({ min: 0.3, max: 3, noNaN: true }), { minLength: 3, maxLength: 8 }),
        (truth, fr) => {
          const spends = [...new Set(fr.map((f) => Math.round(f * truth.k * 1000) / 1000))];
          fc.pre(spends.length >= 3 && Math.max(...spends) / Math.min(...spends) > 2);
          const fit = fitHill(spends.map((s) => ({ spend: s, outcome: hillResponse(truth, s) })));
          // the fitted curve reproduces the data (parameters may trade off when the data are nearly flat)
          for (const s of spends) {
            expect(Math.abs(hillResponse(fit.curve, s) - hillResponse(truth, s))).toBeLessThan(1e-5 * truth.vmax);
          }
          expect(fit.curve.alpha).toBeGreaterThanOrEqual(0.5);
          expect(fit.curve.alpha).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("phasing properties", () => {
  it("largest remainder: sums to the rounded total, each within one unit of its exact value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        (values, d) => {
          const scale = 10 ** d;
          const r = largestRemainderRound(values, d);
          expect(sum(r.map((x) => Math.round(x * scale)))).toBe(Math.round(sum(values) * scale));
          r.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(Math.abs(x - values[i])).toBeLessThan(1 / scale + 1e-9 * values[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  const profileArb: fc.Arbitrary<SeasonalityProfile> = fc.oneof(
    fc.constant({ kind: "even" } as const),
    fc.constantFrom("chinaRetail", "westernRetail").map((preset) => ({ kind: "preset", preset }) as const),
    fc
      .array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 12, maxLength: 12 })
      .map((weights) => ({ kind: "custom", weights }) as const),
  );
  const periodArb = fc.record({
    months: fc.integer({ min: 1, max: 24 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    startYear: fc.integer({ min: 2000, max: 2050 }),
  });

  it("presets sum to 1 in every year; plan weights sum to 1 and are non-negative", () => {
    fc.assert(
      fc.property(profileArb, periodArb, (profile, period) => {
        if (profile.kind === "preset") expect(sum(presetWeights(profile.preset, period.startYear))).toBeCloseTo(1, 14);
        const w = monthWeights(profile, period);
        expect(w).toHaveLength(period.months);
        expect(sum(w)).toBeCloseTo(1, 12);
        expect(w.every((x) => x >= 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("monthly amounts are whole units ≥ 0 summing exactly to the rounded channel total", () => {
    fc.assert(
      fc.property(profileArb, periodArb, fc.double({ min: 0, max: 1e9, noNaN: true }), (profile, period, total) => {
        const m = phaseAmount(total, monthWeights(profile, period));
        expect(sum(m)).toBe(Math.round(total));
        expect(m.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("a whole plan: rows, columns and grand total agree exactly", () => {
    fc.assert(
      fc.property(
        profileArb,
        periodArb,
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 7 }),
        (profile, period, amount, raw) => {
          const shares = largestRemainderRound(raw, 2, 100);
          const { plan } = buildBudgetPlan({
            period,
            budget: { kind: "total", amount },
            channels: shares.map((s, i) => ({ id: `c${i}`, name: `C${i}`, sharePercent: s })),
            method: { kind: "fixedShares" },
            phasing: { seasonality: profile },
          });
          expect(sum(plan.channels.map((c) => c.total))).toBe(plan.grandTotal);
          expect(plan.grandTotal).toBe(Math.round(amount));
          for (const c of plan.channels) expect(sum(c.monthly)).toBe(c.total);
          expect(sum(plan.monthTotals)).toBe(plan.grandTotal);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("validation agrees with the calculation", () => {
  it("no errors ⇔ buildBudgetPlan succeeds; a thrown key is always among the reported ones", () => {
    const chan = fc.record({
      share: fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 100 })),
      min: fc.oneof(fc.constant(undefined), fc.integer({ min: -10, max: 2000 })),
      max: fc.oneof(fc.constant(undefined), fc.integer({ min: -10, max: 5000 })),
      history: fc.oneof(
        fc.constant(undefined),
        fc.array(
          fc.record({
            spend: fc.integer({ min: -1, max: 1000 }),
            revenue: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 5000 })),
          }),
          { maxLength: 4 },
        ),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(chan, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: -100, max: 10000 }),
        fc.constantFrom("fixedShares", "roi", "optimized"),
        (rows, amount, m) => {
          const inputs: BudgetInputs = {
            period: { months: 12, startMonth: 3, startYear: 2026 },
            budget: { kind: "total", amount },
            channels: rows.map((r, i) => ({
              id: `c${i}`,
              name: `C${i}`,
              sharePercent: r.share,
              minSpend: r.min,
              maxSpend: r.max,
              history: r.history,
            })),
            method:
              m === "fixedShares"
                ? { kind: "fixedShares" }
                : m === "roi"
                  ? { kind: "weighted", metric: "roi", missingHistory: "exclude" }
                  : { kind: "optimized", outcome: "revenue" },
          };
          const errors = validateBudgetInputs(inputs).filter((i) => i.severity === "error");
          let thrown: MktError | undefined;
          try {
            buildBudgetPlan(inputs);
          } catch (e) {
            if (!(e instanceof MktError)) throw e;
            thrown = e;
          }
          if (errors.length === 0) expect(thrown).toBeUndefined();
          else expect(errors.map((e) => e.key)).toContain(thrown?.key);
        },
      ),
      { numRuns: 300 },
    );
  });
});
