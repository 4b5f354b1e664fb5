import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abTest, sampleSize, sampleSizeDetails, type NumberOrError } from "../../src/core/abtest";
import { COHORT_ERROR_MESSAGES } from "../../src/core/cohort-messages";
import { MktError, type MktErrorKind } from "../../src/core/errors";
import { normCdf } from "../../src/core/normal";

function num(x: NumberOrError | boolean): number {
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x)}`);
  return x;
}

function expectFieldError(x: unknown, kind: MktErrorKind, key: string): void {
  expect(x).toBeInstanceOf(MktError);
  const e = x as MktError;
  expect(e.kind).toBe(kind);
  expect(e.key).toBe(key);
  expect(COHORT_ERROR_MESSAGES[key]).toBeDefined();
}

function expectThrows(fn: () => unknown, kind: MktErrorKind, key: string, arg: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MktError);
  const e = caught as MktError;
  expect({ kind: e.kind, key: e.key, arg: e.params.arg }).toEqual({ kind, key, arg });
  expect(COHORT_ERROR_MESSAGES[key]).toBeDefined();
  expect(e.message).not.toMatch(/\{\w+\}/);
}

describe("abTest", () => {
  // Textbook example 200/1000 vs 250/1000. R: prop.test(c(250, 200), c(1000, 1000), correct = FALSE) gives
  // X-squared = 7.1685, p-value ≈ 0.00742 (for a 2×2 table the pooled z² equals Pearson's χ²).
  const r = abTest(200, 1000, 250, 1000);

  it("z² equals Pearson's chi-square of the 2×2 table and matches R prop.test", () => {
    const obs = [
      [250, 750],
      [200, 800],
    ];
    const rows = obs.map((o) => o[0] + o[1]);
    const cols = [obs[0][0] + obs[1][0], obs[0][1] + obs[1][1]];
    const total = rows[0] + rows[1];
    let chi2 = 0;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const e = (rows[i] * cols[j]) / total;
        chi2 += (obs[i][j] - e) ** 2 / e;
      }
    }
    expect(chi2).toBeCloseTo(7.1685, 4);
    expect(num(r.z) ** 2).toBeCloseTo(chi2, 12);
    expect(num(r.z)).toBeCloseTo(2.677397763008329, 12);
    expect(num(r.pValue)).toBeCloseTo(0.00742, 5);
    // scipy.stats.norm.sf(z) · 2 = 0.007419649261025687
    expect(Math.abs(num(r.pValue) - 0.007419649261025687)).toBeLessThan(1e-15);
    expect(r.significant).toBe(true);
  });

  it("rates, lift and both confidence intervals", () => {
    expect(r.rateA).toBe(0.2);
    expect(r.rateB).toBe(0.25);
    expect(r.absoluteDiff).toBeCloseTo(0.05, 15);
    expect(num(r.relativeLift)).toBeCloseTo(0.25, 15);
    // Wald: 0.05 ± 1.959964 · √(0.2·0.8/1000 + 0.25·0.75/1000) = 0.05 ± 0.0365364
    expect(r.absoluteDiffLow).toBeCloseTo(0.0134636, 6);
    expect(r.absoluteDiffHigh).toBeCloseTo(0.0865364, 6);
    // Katz log ratio: 1.25 · exp(±1.959964 · √(1/250 − 1/1000 + 1/200 − 1/1000)) − 1 = [0.060946, 0.472742]
    expect(num(r.relativeLiftLow)).toBeCloseTo(0.0609463, 6);
    expect(num(r.relativeLiftHigh)).toBeCloseTo(0.4727419, 6);
    expect(r.zCritical).toBeCloseTo(1.959963984540054, 14);
    expect(r.confidence).toBe(0.95);
  });

  it("significance follows p < 1 − confidence", () => {
    expect(abTest(200, 1000, 250, 1000, 0.99).significant).toBe(true); // p = 0.0074 < 0.01
    expect(abTest(200, 1000, 250, 1000, 0.995).significant).toBe(false); // p = 0.0074 > 0.005
    expect(abTest(100, 1000, 105, 1000).significant).toBe(false);
  });

  it("undefined fields are per-field errors, the rest is still computed", () => {
    const a0 = abTest(0, 500, 10, 500);
    expectFieldError(a0.relativeLift, "div0", "liftBaselineZero");
    expectFieldError(a0.relativeLiftLow, "div0", "liftBaselineZero");
    expect(num(a0.z)).toBeGreaterThan(0);
    expect(num(a0.pValue)).toBeLessThan(0.01);

    const b0 = abTest(10, 500, 0, 500);
    expect(num(b0.relativeLift)).toBe(-1);
    expectFieldError(b0.relativeLiftLow, "num", "liftCiNoConversions");
    expectFieldError(b0.relativeLiftHigh, "num", "liftCiNoConversions");

    const none = abTest(0, 100, 0, 200);
    expectFieldError(none.z, "div0", "noVariance");
    expectFieldError(none.pValue, "div0", "noVariance");
    expectFieldError(none.significant, "div0", "noVariance");
    expect(none.absoluteDiff).toBe(0);
    expect([none.absoluteDiffLow, none.absoluteDiffHigh]).toEqual([0, 0]);

    const all = abTest(100, 100, 50, 50);
    expectFieldError(all.z, "div0", "noVariance");
    expect(num(all.relativeLift)).toBe(0);
    expect([num(all.relativeLiftLow), num(all.relativeLiftHigh)]).toEqual([0, 0]);
  });

  it("validates its arguments (value errors naming the argument)", () => {
    expectThrows(() => abTest(-1, 100, 5, 100), "value", "negative", "convA");
    expectThrows(() => abTest(1.5, 100, 5, 100), "value", "notInteger", "convA");
    expectThrows(() => abTest(1, 100.2, 5, 100), "value", "notInteger", "visitorsA");
    expectThrows(() => abTest(1, 100, Number.NaN, 100), "value", "notANumber", "convB");
    expectThrows(() => abTest(1, 100, "5" as unknown as number, 100), "value", "notANumber", "convB");
    expectThrows(() => abTest(1, 0, 0, 100), "value", "notPositive", "visitorsA");
    expectThrows(() => abTest(0, 100, 0, 0), "value", "notPositive", "visitorsB");
    expectThrows(() => abTest(101, 100, 5, 100), "value", "conversionsExceedVisitors", "convA");
    expectThrows(() => abTest(1, 100, 101, 100), "value", "conversionsExceedVisitors", "convB");
    expectThrows(() => abTest(1, 100, 5, 100, 1), "value", "probabilityOpen", "confidence");
    expectThrows(() => abTest(1, 100, 5, 100, 0), "value", "probabilityOpen", "confidence");
    expectThrows(() => abTest(1, 100, 5, 100, 95), "value", "probabilityOpen", "confidence");
    // Counts that are whole numbers up to floating-point noise are accepted.
    expect(abTest(0.1 + 0.2 - 0.3 + 30, 100, 40, 100).rateA).toBe(0.3);
  });

  it("properties: swapping A and B negates z and keeps p; intervals contain the estimates", () => {
    const arm = fc
      .integer({ min: 1, max: 100_000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(arm, arm, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([cA, nA], [cB, nB], conf) => {
        const ab = abTest(cA, nA, cB, nB, conf);
        const ba = abTest(cB, nB, cA, nA, conf);
        expect(ab.absoluteDiffLow).toBeLessThanOrEqual(ab.absoluteDiff + 1e-15);
        expect(ab.absoluteDiffHigh).toBeGreaterThanOrEqual(ab.absoluteDiff - 1e-15);
        if (typeof ab.z === "number") {
          expect(num(ba.z)).toBeCloseTo(-ab.z, 9);
          expect(num(ab.pValue)).toBeGreaterThanOrEqual(0);
          expect(num(ab.pValue)).toBeLessThanOrEqual(1);
          expect(num(ba.pValue)).toBeCloseTo(num(ab.pValue), 12);
          expect(ab.significant).toBe(num(ab.pValue) < 1 - conf);
        }
        if (typeof ab.relativeLiftLow === "number") {
          const lift = num(ab.relativeLift);
          expect(ab.relativeLiftLow).toBeGreaterThanOrEqual(-1);
          expect(ab.relativeLiftLow).toBeLessThanOrEqual(lift * (1 + 1e-12) + 1e-12);
          expect(num(ab.relativeLiftHigh)).toBeGreaterThanOrEqual(lift * (1 - 1e-12) - 1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("sampleSize", () => {
  it("reproduces R power.prop.test(p1 = 0.10, p2 = 0.12, power = 0.8): n = 3840.847 → 3841", () => {
    const d = sampleSizeDetails(0.1, 0.2);
    expect(d.p1).toBe(0.1);
    expect(d.p2).toBeCloseTo(0.12, 15);
    expect(d.exact).toBeCloseTo(3840.847, 3);
    expect(d.perVariant).toBe(3841);
    expect(sampleSize(0.1, 0.2, 0.05, 0.8)).toBe(3841);
  });

  it("n solves the power equation power = Φ((|p2 − p1|√n − z_{α/2}√(2p̄q̄)) / √(p1q1 + p2q2))", () => {
    for (const [p1, lift, alpha, power] of [
      [0.1, 0.2, 0.05, 0.8],
      [0.5, 0.5, 0.05, 0.9],
      [0.05, -0.2, 0.01, 0.95],
      [0.3, 0.1, 0.1, 0.6],
    ]) {
      const d = sampleSizeDetails(p1, lift, alpha, power);
      const p2 = p1 * (1 + lift);
      const pBar = (p1 + p2) / 2;
      const zA = -inverseByBisection(alpha / 2);
      const achieved = normCdf(
        (Math.abs(p2 - p1) * Math.sqrt(d.exact) - zA * Math.sqrt(2 * pBar * (1 - pBar))) /
          Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)),
      );
      expect(achieved).toBeCloseTo(power, 10);
      expect(d.perVariant).toBe(Math.ceil(d.exact));
    }
  });

  it("a negative lift (detect a drop) and a larger effect need fewer visitors", () => {
    expect(sampleSize(0.1, 0.5)).toBeLessThan(sampleSize(0.1, 0.2));
    expect(sampleSize(0.1, -0.2)).toBeGreaterThan(0);
    expect(sampleSize(0.1, 0.2, 0.05, 0.9)).toBeGreaterThan(sampleSize(0.1, 0.2, 0.05, 0.8));
  });

  it("validates its arguments", () => {
    expectThrows(() => sampleSize(0, 0.2), "value", "probabilityOpen", "baselineRate");
    expectThrows(() => sampleSize(1, 0.2), "value", "probabilityOpen", "baselineRate");
    expectThrows(() => sampleSize(0.1, 0), "value", "liftZero", "minimumDetectableLift");
    expectThrows(() => sampleSize(0.1, Number.NaN), "value", "notANumber", "minimumDetectableLift");
    expectThrows(() => sampleSize(0.6, 1), "value", "targetRateOutOfRange", "minimumDetectableLift");
    expectThrows(() => sampleSize(0.1, -1), "value", "targetRateOutOfRange", "minimumDetectableLift");
    expectThrows(() => sampleSize(0.1, 0.2, 0), "value", "probabilityOpen", "alpha");
    expectThrows(() => sampleSize(0.1, 0.2, 0.05, 1), "value", "probabilityOpen", "power");
    expectThrows(() => sampleSize(0.1, 0.2, 0.05, 0.05), "value", "powerNotAboveAlpha", "power");
  });
});

/** Φ⁻¹ by bisection on normCdf: an independent check of the critical value used by sampleSize. */
function inverseByBisection(p: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
