import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normCdf, normInv, normPdf, normUpper } from "../../src/core/normal";

/** |a − b| ≤ tol · |b| (relative error), with b ≠ 0. */
function expectRel(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
}

// Reference values: Excel NORM.S.DIST / NORM.S.INV (Φ(−3) = 0.0013498980316301, Φ⁻¹(0.975) =
// 1.959963984540054, …), here to 20 digits from mpmath at 40-digit precision (mpmath.ncdf, −√2·erfinv(1 − 2p)).
const CDF: [number, number][] = [
  [1.959963984540054, 0.975],
  [-3, 0.0013498980316300946],
  [1, 0.8413447460685429],
  [-1, 0.15865525393145705],
  [0.5, 0.6914624612740131],
  [-0.3, 0.3820885778110474],
  [2.5, 0.9937903346742238],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
  [-37, 5.725571222524577e-300],
];
// Φ⁻¹ at the exact double nearest to each p (the double 0.975 is 0.97499999999999997780…): mpmath values.
const INV: [number, number][] = [
  [0.975, 1.9599639845400538],
  [0.025, -1.9599639845400543],
  [0.9, 1.2815515655446006],
  [0.95, 1.6448536269514722],
  [0.99, 2.3263478740408408],
  [0.3, -0.5244005127080408],
  [1e-10, -6.361340902404057],
  [1e-300, -37.0470962993612],
  [1 - 2 ** -20, 4.7630010342678135],
];

describe("normCdf / normUpper", () => {
  it("matches reference values to ~1e-15 relative, including the far lower tail", () => {
    for (const [x, p] of CDF) expectRel(normCdf(x), p, 2e-15);
    expect(normCdf(0)).toBe(0.5);
  });

  it("upper tail is accurate where 1 − Φ would cancel", () => {
    expectRel(normUpper(6), 9.86587645037698e-10, 2e-15);
    expectRel(normUpper(8), 6.220960574271784e-16, 2e-15);
    expectRel(normUpper(-3), 0.9986501019683699, 2e-16);
    expectRel(normUpper(1.959963984540054), 0.025000000000000015, 2e-15);
  });

  it("handles infinities, underflow and NaN", () => {
    expect(normCdf(-Infinity)).toBe(0);
    expect(normCdf(Infinity)).toBe(1);
    expect(normCdf(-50)).toBe(0);
    expect(normUpper(50)).toBe(0);
    expect(normCdf(Number.NaN)).toBeNaN();
    expect(normUpper(Number.NaN)).toBeNaN();
  });

  it("is symmetric, monotone and consistent with the density", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(normCdf(x)).toBe(normUpper(-x));
        expect(normCdf(x) + normUpper(x)).toBeCloseTo(1, 15);
        expect(normCdf(x + 1e-3)).toBeGreaterThanOrEqual(normCdf(x));
      }),
    );
    // Φ' = φ: central difference.
    for (const x of [-2, -0.5, 0, 0.7, 1.5, 3]) {
      const h = 1e-5;
      expect((normCdf(x + h) - normCdf(x - h)) / (2 * h)).toBeCloseTo(normPdf(x), 9);
    }
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 16);
  });
});

describe("normInv", () => {
  it("matches reference values to ~1e-15 relative", () => {
    for (const [p, x] of INV) expectRel(normInv(p), x, 1e-15);
    expect(normInv(0.5)).toBe(0);
    expect(Math.abs(normInv(0.975) - 1.959963984540054)).toBeLessThan(1e-15);
  });

  it("edges: 0 → −∞, 1 → +∞, outside [0, 1] or NaN → NaN", () => {
    expect(normInv(0)).toBe(-Infinity);
    expect(normInv(1)).toBe(Infinity);
    expect(normInv(-0.1)).toBeNaN();
    expect(normInv(1.1)).toBeNaN();
    expect(normInv(Number.NaN)).toBeNaN();
  });

  it("inverts normCdf over the whole range (round trip)", () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
        const p = normCdf(x);
        if (p <= 0 || p >= 1) return;
        // Relative accuracy of x is limited by the conditioning of Φ⁻¹ near p = 1 (|dx| ≈ ulp(p)/φ(x)).
        const tol = 4e-15 * Math.max(1, Math.abs(x)) + (x > 0 ? Number.EPSILON / normPdf(x) : 0);
        expect(Math.abs(normInv(p) - x)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 2000 },
    );
  });

  it("is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) for p where 1 − p is exact", () => {
    for (const p of [0.5, 0.25, 0.125, 0.0625, 1 / 1024]) expect(normInv(1 - p)).toBeCloseTo(-normInv(p), 14);
  });
});
