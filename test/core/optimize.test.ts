import { describe, expect, it } from "vitest";
import { bfgs, minimize, nelderMead, numericGradient, type ObjectiveWithGradient } from "../../src/core/optimize";

/** Rosenbrock function with gradient; minimum 0 at (1, 1). */
const rosen: ObjectiveWithGradient = (x, g) => {
  const a = 1 - x[0];
  const b = x[1] - x[0] * x[0];
  if (g) {
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
  }
  return a * a + 100 * b * b;
};

describe("optimizers", () => {
  it("BFGS minimizes Rosenbrock from the classic start", () => {
    const r = bfgs(rosen, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.iterations).toBeLessThan(100);
  });
  it("Nelder-Mead minimizes Rosenbrock", () => {
    const r = nelderMead((x) => rosen(x, undefined), [-1.2, 1], { maxEvaluations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
  it("treats non-finite values as +∞ and backs off", () => {
    // log-barrier: undefined for x ≤ 0, minimum at x = 1
    const f: ObjectiveWithGradient = (x, g) => {
      if (g) g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    };
    const r = bfgs(f, [20]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 7);
    expect(Number.isNaN(r.f)).toBe(false);
  });
  it("minimize stops at the bound for an unbounded direction", () => {
    // f = x decreases without bound; the objective refuses x ≤ −50 like the model objectives do
    const f: ObjectiveWithGradient = (x, g) => {
      if (g) g[0] = 1;
      return x[0] > -50 ? x[0] : Infinity;
    };
    const r = minimize(f, [[0]], { bound: 30 });
    expect(r.converged).toBe(false);
    expect(r.x[0]).toBeLessThan(-30);
  });
  it("numericGradient agrees with the analytic gradient", () => {
    const g = new Float64Array(2);
    rosen(Float64Array.from([0.3, -0.7]), g);
    const n = numericGradient((x) => rosen(x, undefined), [0.3, -0.7]);
    expect(n[0]).toBeCloseTo(g[0], 5);
    expect(n[1]).toBeCloseTo(g[1], 5);
  });
});
