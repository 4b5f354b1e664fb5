import { describe, expect, it } from "vitest";
import { MktError } from "../../src/core/errors";
import { ltv, ltvFromSurvival, ltvGuptaLehmann, normalizeSurvival } from "../../src/core/ltv";

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

/** Excel's NPV(rate, value1, …): Σ_{i=1}^{n} value_i / (1 + rate)^i — the first value is discounted once. */
function excelNpv(rate: number, values: number[]): number {
  let s = 0;
  for (let i = 1; i <= values.length; i++) s += values[i - 1] / Math.pow(1 + rate, i);
  return s;
}

describe("ltv (constant retention, first period paid)", () => {
  it("infinite horizon closed forms", () => {
    expect(ltv(100, 0.8)).toBeCloseTo(500, 10); // m / (1 − r)
    expect(ltv(100, 0.8, 0, undefined, 0.5)).toBeCloseTo(250, 10);
    expect(ltv(100, 0.8, 0.1)).toBeCloseTo((100 * 1.1) / 0.3, 10); // m (1+d) / (1+d−r)
    expect(ltv(100, 0)).toBe(100);
  });
  it.each([
    [100, 0.8, 0.1, 5, 1],
    [250, 0.65, 0.02, 12, 0.4],
    [10, 0.95, 0, 36, 0.7],
    [10, 1, 0.01, 24, 1],
    [10, 1, 0, 24, 1],
    [80, 0.3, 0.5, 1, 0.9],
  ])("arpu %d, r %d, d %d, N %d, margin %d equals NPV(d, flows) × (1 + d)", (arpu, r, d, n, m) => {
    const flows = Array.from({ length: n }, (_, t) => arpu * m * Math.pow(r, t));
    const expected = excelNpv(d, flows) * (1 + d);
    expect(Math.abs(ltv(arpu, r, d, n, m) - expected)).toBeLessThan(1e-10 * expected);
  });
  it("horizon 0 is 0, and a long horizon tends to the infinite value", () => {
    expect(ltv(100, 0.8, 0.1, 0)).toBe(0);
    expect(ltv(100, 0.8, 0.1, 2000)).toBeCloseTo(ltv(100, 0.8, 0.1), 9);
  });
  it("Gupta & Lehmann convention differs by exactly the first payment", () => {
    expect(ltvGuptaLehmann(100, 0.8, 0.1)).toBeCloseTo((100 * 0.8) / 0.3, 10);
    for (const [a, r, d, m] of [
      [100, 0.8, 0.1, 1],
      [40, 0.55, 0.12, 0.3],
    ]) {
      expect(ltv(a, r, d, undefined, m) - ltvGuptaLehmann(a, r, d, m)).toBeCloseTo(a * m, 10);
    }
  });
});

describe("ltvFromSurvival", () => {
  it("reads curves with and without the leading 1 the same way", () => {
    expect(Array.from(normalizeSurvival([0.8, 0.6, 0.5]))).toEqual([1, 0.8, 0.6, 0.5]);
    expect(Array.from(normalizeSurvival([1, 0.8, 0.6, 0.5]))).toEqual([1, 0.8, 0.6, 0.5]);
    expect(ltvFromSurvival(100, [0.8, 0.6, 0.5], 0.1)).toBe(ltvFromSurvival(100, [1, 0.8, 0.6, 0.5], 0.1));
  });
  it("equals NPV(d, m·S_t) × (1 + d) over the curve", () => {
    const s = [1, 0.7, 0.52, 0.41, 0.35, 0.31, 0.28];
    const flows = s.map((v) => 60 * 0.45 * v);
    expect(ltvFromSurvival(60, s, 0.03, undefined, 0.45)).toBeCloseTo(excelNpv(0.03, flows) * 1.03, 10);
    expect(ltvFromSurvival(60, s, 0.03, 4, 0.45)).toBeCloseTo(excelNpv(0.03, flows.slice(0, 4)) * 1.03, 10);
  });
  it("extrapolates with the last retention ratio beyond the curve", () => {
    const s = [1, 0.9, 0.72, 0.576]; // last ratio 0.8
    const explicit = [...s];
    while (explicit.length < 30) explicit.push(explicit[explicit.length - 1] * 0.8);
    const flows = explicit.map((v) => 20 * v);
    expect(ltvFromSurvival(20, s, 0.05, 30)).toBeCloseTo(excelNpv(0.05, flows) * 1.05, 10);
    // geometric curve = constant retention
    expect(ltvFromSurvival(20, [1, 0.8], 0.05, 25)).toBeCloseTo(ltv(20, 0.8, 0.05, 25), 10);
    // a curve that reaches 0 stays at 0
    expect(ltvFromSurvival(20, [1, 0.5, 0], 0, 10)).toBeCloseTo(30, 12);
  });
});

describe("LTV errors", () => {
  const cases: [string, () => unknown, string, string][] = [
    ["retention 1 without horizon", () => ltv(100, 1), "value", "retentionOneNeedsHorizon"],
    ["retention 1 without horizon (discounted)", () => ltv(100, 1, 0.1), "value", "retentionOneNeedsHorizon"],
    ["retention above 1", () => ltv(100, 1.05, 0, 10), "value", "probabilityOutOfRange"],
    ["negative retention", () => ltv(100, -0.1), "value", "probabilityOutOfRange"],
    ["diverging with negative discount", () => ltv(100, 0.9, -0.2), "value", "infiniteSumDiverges"],
    ["discount rate ≤ −1", () => ltv(100, 0.9, -1, 5), "value", "discountRateOutOfRange"],
    ["fractional horizon", () => ltv(100, 0.9, 0, 2.5), "value", "notInteger"],
    ["negative horizon", () => ltv(100, 0.9, 0, -1), "value", "negative"],
    ["negative arpu", () => ltv(-1, 0.9), "value", "negative"],
    ["NaN arpu", () => ltv(NaN, 0.9), "value", "notANumber"],
    ["margin above 1", () => ltv(10, 0.9, 0, undefined, 1.5), "value", "marginOutOfRange"],
    ["GL retention 1", () => ltvGuptaLehmann(10, 1, 0.1), "value", "retentionOneNeedsHorizon"],
    ["empty curve", () => ltvFromSurvival(10, []), "value", "survivalEmpty"],
    ["increasing curve", () => ltvFromSurvival(10, [1, 0.5, 0.6]), "value", "survivalNotDecreasing"],
    ["curve value above 1", () => ltvFromSurvival(10, [1.2, 0.5]), "value", "probabilityOutOfRange"],
    ["curve with text", () => ltvFromSurvival(10, [1, "x" as unknown as number]), "value", "notANumber"],
    ["one-point curve extrapolated", () => ltvFromSurvival(10, [1], 0, 5), "value", "survivalTooShortToExtrapolate"],
  ];
  it.each(cases)("%s", (_n, f, kind, key) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
  });
});
