/**
 * Benchmarks of the budget wizard's core: the response-curve optimizer on 20 channels whose Hill curves are
 * fitted to synthetic history (mixed concave and S-shaped, α from 0.6 to 2.8, some bounds), the curve fits
 * themselves, and the whole wizard computation (allocation with fitting + monthly phasing). Data come from a
 * seeded mulberry32 PRNG; fitting for the optimizer line is outside the timed part.
 * Target: optimize 20 fitted channels, median under 50 ms. Run: `node --import tsx bench/budget.bench.ts`.
 */
import {
  buildBudgetPlan,
  fitHill,
  hillResponse,
  optimizeAllocation,
  type BudgetChannel,
  type HillCurve,
} from "../src/core/budget";
import { measure, saveResults } from "./harness";
import { mulberry32 } from "./random";

const N = 20;
const BUDGET = 2_000_000;
const u = mulberry32(20260101);

/** 20 channels: a true curve each, six history points with ±5 % noise, bounds on a few channels. */
const channels: BudgetChannel[] = [];
for (let i = 0; i < N; i++) {
  const truth: HillCurve = {
    vmax: (0.5 + 3 * u()) * (BUDGET / N),
    k: (0.3 + 1.5 * u()) * (BUDGET / N),
    alpha: 0.6 + (2.2 * i) / (N - 1),
  };
  const history = [0.3, 0.6, 0.9, 1.2, 1.6, 2.0].map((f) => {
    const spend = f * truth.k;
    return { spend, revenue: hillResponse(truth, spend) * (1 + 0.1 * (u() - 0.5)) };
  });
  channels.push({
    id: `ch${i}`,
    name: `Channel ${i + 1}`,
    history,
    ...(i % 5 === 0 ? { minSpend: 0.01 * BUDGET } : {}),
    ...(i % 7 === 3 ? { maxSpend: 0.04 * BUDGET } : {}),
  });
}

const fits = channels.map((c) =>
  fitHill(
    (c.history ?? []).map((h) => ({ spend: h.spend, outcome: h.revenue ?? 0 })),
    { channel: c },
  ),
);
const curves = fits.map((f) => f.curve);
const min = channels.map((c) => c.minSpend ?? 0);
const max = channels.map((c) => c.maxSpend ?? Infinity);
const probe = optimizeAllocation(curves, BUDGET, min, max);

measure("optimizeAllocation, 20 fitted channels", () => optimizeAllocation(curves, BUDGET, min, max), {
  runs: 31,
  targetMs: 50,
  notes: {
    nodes: probe.nodes,
    gap: probe.gap.toExponential(1),
    sCurves: curves.filter((c) => c.alpha > 1).length,
  },
});

// A budget far below the curves' thresholds makes the S-shaped channels compete: most must stay unfunded,
// and branch-and-bound has to decide which (about 20 nodes instead of 1).
const tight = BUDGET / 128;
const minTight = min.map((m) => m / 128);
const probeTight = optimizeAllocation(curves, tight, minTight, max);
measure(
  "optimizeAllocation, 20 fitted channels, budget / 128",
  () => optimizeAllocation(curves, tight, minTight, max),
  {
    runs: 31,
    targetMs: 50,
    notes: { nodes: probeTight.nodes, gap: probeTight.gap.toExponential(1) },
  },
);

measure(
  "fitHill × 20 channels (6 points each)",
  () => channels.map((c) => fitHill((c.history ?? []).map((h) => ({ spend: h.spend, outcome: h.revenue ?? 0 })))),
  { runs: 15 },
);

measure(
  "buildBudgetPlan: fit + optimize + phase 20 channels × 12 months",
  () =>
    buildBudgetPlan({
      period: { months: 12, startMonth: 1, startYear: 2026 },
      budget: { kind: "total", amount: BUDGET / 0.95 },
      reservePercent: 5,
      channels,
      method: { kind: "optimized", outcome: "revenue" },
      phasing: { seasonality: { kind: "preset", preset: "chinaRetail" } },
    }),
  { runs: 15 },
);

saveResults("budget.bench.ts");
