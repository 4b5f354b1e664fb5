/** The response-curve optimizer: optimality conditions, S-shaped curves, bounds, edge cases. */
import { describe, expect, it } from "vitest";
import { hillInflection, hillResponse, optimizeAllocation, type HillCurve } from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

const sum = (xs: readonly number[]): number => xs.reduce((p, q) => p + q, 0);
const total = (curves: readonly HillCurve[], s: readonly number[]): number =>
  sum(s.map((x, i) => hillResponse(curves[i], x)));
const INF = Infinity;

/** Best Σ response over a fine 1-D grid of the split between two channels. */
function grid2(curves: readonly HillCurve[], budget: number, steps = 20000): number {
  let best = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const s = (budget * i) / steps;
    best = Math.max(best, total(curves, [s, budget - s]));
  }
  return best;
}

describe("optimizeAllocation", () => {
  it("α = 1 closed form: two Michaelis–Menten channels with the same K split by √Vmax", () => {
    // r_i' = V_i K/(K+s_i)² equal ⇒ (K+s_1)/(K+s_2) = √(V_1/V_2).
    const curves = [
      { vmax: 400, k: 100, alpha: 1 },
      { vmax: 100, k: 100, alpha: 1 },
    ];
    const r = optimizeAllocation(curves, 1000, [0, 0], [INF, INF]);
    // (100 + s1) = 2 (100 + s2), s1 + s2 = 1000 → s2 = 1000/3 − 100/3 = 300, s1 = 700
    expect(r.amounts[0]).toBeCloseTo(700, 8);
    expect(r.amounts[1]).toBeCloseTo(300, 8);
    expect(r.marginals[0] / r.marginals[1]).toBeCloseTo(1, 10);
    expect(r.gap).toBeLessThan(1e-9);
    expect(r.converged).toBe(true);
  });

  it("interior channels have equal marginal return λ (concave curves)", () => {
    const curves = [
      { vmax: 5000, k: 2000, alpha: 0.6 },
      { vmax: 3000, k: 800, alpha: 1 },
      { vmax: 9000, k: 7000, alpha: 0.9 },
      { vmax: 1200, k: 100, alpha: 0.5 },
    ];
    const r = optimizeAllocation(curves, 10000, [0, 0, 0, 0], [INF, INF, INF, INF]);
    expect(sum(r.amounts)).toBeCloseTo(10000, 9);
    for (const m of r.marginals) expect(Math.abs(m / r.lambda - 1)).toBeLessThan(1e-7);
  });

  it("S-shaped curves: finds the global optimum that greedy increments miss", () => {
    // Channel 2 has a high threshold: a small step there gains almost nothing, but funding it fully pays.
    const curves = [
      { vmax: 1000, k: 400, alpha: 1 },
      { vmax: 3000, k: 600, alpha: 3 },
    ];
    const r = optimizeAllocation(curves, 1000, [0, 0], [INF, INF]);
    const g = grid2(curves, 1000);
    expect(r.totalResponse).toBeGreaterThanOrEqual(g - 1e-9);
    expect(r.upperBound).toBeGreaterThanOrEqual(g - 1e-9);
    expect(r.amounts[1]).toBeGreaterThan(hillInflection(curves[1]));
    expect(Math.abs(r.marginals[0] / r.marginals[1] - 1)).toBeLessThan(1e-7);
  });

  it("S-shaped curve not worth funding stays at zero", () => {
    const curves = [
      { vmax: 1000, k: 100, alpha: 1 },
      { vmax: 200, k: 5000, alpha: 3 },
    ];
    const r = optimizeAllocation(curves, 1000, [0, 0], [INF, INF]);
    expect(r.amounts[1]).toBe(0);
    expect(r.amounts[0]).toBe(1000);
    expect(r.totalResponse).toBeGreaterThanOrEqual(grid2(curves, 1000) - 1e-9);
  });

  it("respects minimums and maximums, and interior channels still equalize", () => {
    const curves = [
      { vmax: 5000, k: 1000, alpha: 1 },
      { vmax: 5000, k: 1000, alpha: 1 },
      { vmax: 100, k: 1000, alpha: 1 },
      { vmax: 8000, k: 500, alpha: 2 },
    ];
    const min = [0, 0, 700, 0];
    const max = [INF, 1000, INF, 2500];
    const r = optimizeAllocation(curves, 8000, min, max);
    expect(r.amounts[2]).toBeCloseTo(700, 9); // at its minimum
    expect(r.amounts[1]).toBeCloseTo(1000, 9); // at its maximum
    expect(r.amounts[3]).toBeCloseTo(2500, 9); // at its maximum
    expect(r.amounts[0]).toBeCloseTo(8000 - 700 - 1000 - 2500, 6);
    expect(sum(r.amounts)).toBeCloseTo(8000, 9);
    r.amounts.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(min[i]);
      expect(x).toBeLessThanOrEqual(max[i]);
    });
  });

  it("fixed channels (min = max) and a budget fully committed by minimums", () => {
    const curves = [
      { vmax: 10, k: 1, alpha: 1 },
      { vmax: 10, k: 1, alpha: 2 },
    ];
    expect(optimizeAllocation(curves, 100, [30, 0], [30, INF]).amounts).toEqual([30, 70]);
    expect(optimizeAllocation(curves, 100, [40, 60], [INF, INF]).amounts).toEqual([40, 60]);
  });

  it("zero budget", () => {
    const r = optimizeAllocation([{ vmax: 1, k: 1, alpha: 1 }], 0, [0], [INF]);
    expect(r.amounts).toEqual([0]);
    expect(r.totalResponse).toBe(0);
    expect(r.gap).toBe(0);
  });

  it("infeasible bounds → boundsInfeasible", () => {
    const c = { vmax: 1, k: 1, alpha: 1 };
    let e: unknown;
    try {
      optimizeAllocation([c, c], 100, [60, 60], [INF, INF]);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(MktError);
    expect((e as MktError).key).toBe("boundsInfeasible");
    expect(() => optimizeAllocation([c], 100, [0], [50])).toThrow(MktError);
  });

  it("many S-shaped channels: certified gap and better than every single-channel or even split", () => {
    const curves: HillCurve[] = [];
    for (let i = 0; i < 12; i++) {
      curves.push({ vmax: 500 + 300 * ((i * 7) % 5), k: 200 + 150 * ((i * 3) % 7), alpha: 0.6 + 0.2 * (i % 12) });
    }
    const B = 6000;
    const r = optimizeAllocation(
      curves,
      B,
      curves.map(() => 0),
      curves.map(() => INF),
    );
    expect(r.gap).toBeLessThan(1e-8);
    expect(sum(r.amounts)).toBeCloseTo(B, 8);
    const even = curves.map(() => B / curves.length);
    expect(r.totalResponse).toBeGreaterThanOrEqual(total(curves, even));
    for (let i = 0; i < curves.length; i++) {
      const one = curves.map((_, j) => (j === i ? B : 0));
      expect(r.totalResponse).toBeGreaterThanOrEqual(total(curves, one));
    }
  });
});
