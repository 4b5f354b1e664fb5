/** Hill response curves: evaluation, derivative, inflection and least-squares fitting. */
import { describe, expect, it } from "vitest";
import {
  BUDGET_ERROR_MESSAGES,
  fitHill,
  fitHillOrReason,
  hillInflection,
  hillMarginal,
  hillResponse,
  historyCurvePoints,
  isValidHillCurve,
  type HillCurve,
} from "../../../src/core/budget";
import { MktError } from "../../../src/core/errors";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("hillResponse / hillMarginal / hillInflection", () => {
  const c: HillCurve = { vmax: 1000, k: 300, alpha: 2 };

  it("matches the textbook formula Vmax s^α / (K^α + s^α)", () => {
    for (const s of [1, 50, 300, 1000, 1e6]) {
      expect(rel(hillResponse(c, s), (1000 * s ** 2) / (300 ** 2 + s ** 2))).toBeLessThan(1e-14);
    }
    expect(hillResponse(c, 300)).toBeCloseTo(500, 12); // half saturation at K
    expect(hillResponse(c, 0)).toBe(0);
    expect(hillResponse(c, -5)).toBe(0);
    expect(hillResponse(c, 1e300)).toBeCloseTo(1000, 9);
  });

  it("marginal equals the analytic derivative and a central difference", () => {
    for (const curve of [c, { vmax: 50, k: 10, alpha: 0.6 }, { vmax: 7, k: 2e5, alpha: 1 }]) {
      for (const s of [0.5, 3, 10, 250, 4e4, 9e5]) {
        const a = curve.alpha;
        const analytic = (curve.vmax * a * curve.k ** a * s ** (a - 1)) / (curve.k ** a + s ** a) ** 2;
        expect(rel(hillMarginal(curve, s), analytic)).toBeLessThan(1e-12);
        const h = s * 1e-6;
        const fd = (hillResponse(curve, s + h) - hillResponse(curve, s - h)) / (2 * h);
        // central difference: truncation O(h²) plus cancellation ≈ ε·Vmax/h where the curve is flat
        expect(Math.abs(hillMarginal(curve, s) - fd)).toBeLessThan(1e-5 * fd + (1e-8 * curve.vmax) / s);
      }
    }
  });

  it("marginal at zero: ∞ for α < 1, Vmax/K for α = 1, 0 for α > 1", () => {
    expect(hillMarginal({ vmax: 1, k: 2, alpha: 0.5 }, 0)).toBe(Infinity);
    expect(hillMarginal({ vmax: 10, k: 4, alpha: 1 }, 0)).toBe(2.5);
    expect(hillMarginal(c, 0)).toBe(0);
  });

  it("inflection point K((α−1)/(α+1))^(1/α) maximizes the marginal", () => {
    const x = hillInflection(c);
    expect(x).toBeCloseTo(300 / Math.sqrt(3), 10);
    expect(hillMarginal(c, x)).toBeGreaterThan(hillMarginal(c, x * 0.99));
    expect(hillMarginal(c, x)).toBeGreaterThan(hillMarginal(c, x * 1.01));
    expect(hillInflection({ vmax: 1, k: 1, alpha: 1 })).toBe(0);
  });

  it("isValidHillCurve checks Vmax, K > 0 and α in [0.1, 10]", () => {
    expect(isValidHillCurve(c)).toBe(true);
    expect(isValidHillCurve({ vmax: 0, k: 1, alpha: 1 })).toBe(false);
    expect(isValidHillCurve({ vmax: 1, k: -1, alpha: 1 })).toBe(false);
    expect(isValidHillCurve({ vmax: 1, k: 1, alpha: 11 })).toBe(false);
    expect(isValidHillCurve({ vmax: 1, k: 1, alpha: NaN })).toBe(false);
    expect(isValidHillCurve(undefined)).toBe(false);
  });
});

describe("fitHill", () => {
  it("two spend levels: α fixed at 1 and the curve interpolates both points", () => {
    const truth = { vmax: 500, k: 200, alpha: 1 };
    const pts = [100, 400].map((s) => ({ spend: s, outcome: hillResponse(truth, s) }));
    const fit = fitHill(pts);
    expect(fit.alphaFixed).toBe(true);
    expect(fit.curve.alpha).toBe(1);
    expect(rel(fit.curve.k, 200)).toBeLessThan(1e-6);
    expect(rel(fit.curve.vmax, 500)).toBeLessThan(1e-6);
    for (const p of pts) expect(rel(hillResponse(fit.curve, p.spend), p.outcome)).toBeLessThan(1e-7);
  });

  it("two points by hand: (100, 50) and (200, 80) → Vmax = 200, K = 300", () => {
    // 1/y = 1/V + (K/V)(1/s): 1/50 = 1/V + K/(100V), 1/80 = 1/V + K/(200V) → V = 200, K = 300.
    const fit = fitHill([
      { spend: 100, outcome: 50 },
      { spend: 200, outcome: 80 },
    ]);
    expect(fit.curve.vmax).toBeCloseTo(200, 4);
    expect(fit.curve.k).toBeCloseTo(300, 4);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  it.each([
    { vmax: 1000, k: 300, alpha: 2 },
    { vmax: 80, k: 5000, alpha: 0.7 },
    { vmax: 3e6, k: 40000, alpha: 2.8 },
    { vmax: 12, k: 90, alpha: 1.3 },
  ])("three or more levels recover (Vmax, K, α) = %o from exact data", (truth) => {
    const spends = [0.3, 0.6, 1, 1.5, 2.2, 3].map((f) => f * truth.k);
    const fit = fitHill(spends.map((s) => ({ spend: s, outcome: hillResponse(truth, s) })));
    expect(fit.alphaFixed).toBe(false);
    expect(rel(fit.curve.alpha, truth.alpha)).toBeLessThan(1e-4);
    expect(rel(fit.curve.k, truth.k)).toBeLessThan(1e-4);
    expect(rel(fit.curve.vmax, truth.vmax)).toBeLessThan(1e-4);
    expect(fit.r2).toBeGreaterThan(1 - 1e-9);
    expect(fit.warnings).toEqual([]);
  });

  it("with noise the fit is close and α stays within [0.5, 3]", () => {
    const truth = { vmax: 1000, k: 300, alpha: 1.5 };
    const noise = [0.03, -0.02, 0.01, -0.04, 0.02, 0.0, -0.01, 0.03];
    const pts = [50, 100, 150, 250, 350, 500, 700, 900].map((s, i) => ({
      spend: s,
      outcome: hillResponse(truth, s) * (1 + noise[i]),
    }));
    const fit = fitHill(pts);
    expect(fit.curve.alpha).toBeGreaterThanOrEqual(0.5);
    expect(fit.curve.alpha).toBeLessThanOrEqual(3);
    expect(rel(fit.curve.k, 300)).toBeLessThan(0.15);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it("a step-like history clamps α at 3 and says so", () => {
    const truth = { vmax: 100, k: 100, alpha: 8 };
    const fit = fitHill([60, 80, 100, 120, 140].map((s) => ({ spend: s, outcome: hillResponse(truth, s) })));
    expect(fit.curve.alpha).toBe(3);
    expect(fit.warnings).toContain("alphaAtBound");
  });

  it("linear history gives K at its upper limit (10 × max spend) and the noSaturationInHistory warning", () => {
    const fit = fitHill([100, 200, 300, 400].map((s) => ({ spend: s, outcome: 2 * s })));
    expect(fit.curve.k).toBeCloseTo(4000, 3);
    expect(fit.warnings).toContain("noSaturationInHistory");
  });

  it("points at zero spend take part (curve through the origin)", () => {
    const truth = { vmax: 10, k: 5, alpha: 1 };
    const fit = fitHill([0, 2, 5, 9].map((s) => ({ spend: s, outcome: hillResponse(truth, s) })));
    expect(rel(fit.curve.k, 5)).toBeLessThan(1e-4);
  });

  it.each([
    ["tooFewPoints", [{ spend: 100, outcome: 5 }]],
    ["tooFewPoints", []],
    [
      "tooFewPoints",
      [
        { spend: 0, outcome: 0 },
        { spend: 100, outcome: 5 },
      ],
    ],
    [
      "sameSpend",
      [
        { spend: 100, outcome: 5 },
        { spend: 100, outcome: 7 },
      ],
    ],
    [
      "notIncreasing",
      [
        { spend: 100, outcome: 5 },
        { spend: 200, outcome: 5 },
      ],
    ],
    [
      "notIncreasing",
      [
        { spend: 100, outcome: 9 },
        { spend: 200, outcome: 5 },
        { spend: 300, outcome: 4 },
      ],
    ],
    [
      "notIncreasing",
      [
        { spend: 100, outcome: 0 },
        { spend: 200, outcome: 0 },
      ],
    ],
    [
      "invalidValues",
      [
        { spend: -1, outcome: 5 },
        { spend: 200, outcome: 6 },
      ],
    ],
  ])("degenerate history → %s", (reason, pts) => {
    expect(fitHillOrReason(pts)).toBe(reason);
    let err: unknown;
    try {
      fitHill(pts, { channel: { id: "s", name: "Search" }, outcome: "revenue" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MktError);
    const m = err as MktError;
    expect(m.kind).toBe("value");
    expect(m.key).toBe("historyCannotFitCurve");
    expect(m.params).toMatchObject({ field: "history", channel: "Search", channelId: "s", reason });
    expect(m.message).toContain("Search");
    expect(BUDGET_ERROR_MESSAGES[m.key]).toBeDefined();
  });

  it("historyCurvePoints takes the chosen outcome and skips points without it", () => {
    const h = [
      { spend: 10, revenue: 30, conversions: 2 },
      { spend: 20, conversions: 3 },
      { spend: 30, revenue: 70 },
    ];
    expect(historyCurvePoints(h, "revenue")).toEqual([
      { spend: 10, outcome: 30 },
      { spend: 30, outcome: 70 },
    ]);
    expect(historyCurvePoints(h, "conversions")).toHaveLength(2);
    expect(historyCurvePoints(undefined, "revenue")).toEqual([]);
  });
});
