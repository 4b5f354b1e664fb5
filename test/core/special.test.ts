import { describe, expect, it } from "vitest";
import { isMktError } from "../../src/core/errors";
import {
  chebyshevCoefficients,
  chebyshevEvaluate,
  digamma,
  gammaSign,
  hyp2f1,
  hyp2f1Minus1,
  lbeta,
  lgamma,
} from "../../src/core/special";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

// Reference values computed with mpmath 1.3 at 40 digits (mp.hyp2f1, mp.loggamma, mp.digamma).
const HYP2F1: [number, number, number, number, number][] = [
  [1, 1, 2, 0.5, 1.3862943611198906],
  [0.5, 0.5, 1.5, 0.25, 1.0471975511965979],
  [2.2426, 3.4258, 2.2187, 0.3, 3.4358926896965643],
  [0.2426, 2.4258, 2.2187, 0.9466, 2.389316351728017],
  [1.9762, -0.2071, 4.2187, 0.55, 0.9380731915109686],
  [0.3, 0.7, 1.9, 0.97, 1.2191341766438875],
  [0.3, 0.7, 1.9, 0.999, 1.2501754177348683],
  [1.5, 2.5, 3.7, 0.995, 34.79874080111882],
  [2.5, 1.5, 3.0, 0.95, 30.94952365643249],
  [1.2, 2.3, 4.1, -0.5, 0.7507590796395187],
  [1.2, 2.3, 4.1, -3, 0.33669419063849537],
  [1.2, 2.3, 4.1, -50, 0.024587470714593752],
  [-3, 2.5, 1.5, 0.7, -0.099],
  [-3, 2.5, 1.5, -2, 63.0],
  [5.2, 6.1, 3.3, 0.6, 3168.1292684975238],
  [5.2, 6.1, 3.3, 0.93, 4788863754.544949],
  [0.25, 3.4, 2.2, 0.999, 2032.227657311833],
  [52.24, 54.4, 55.2, 0.8, 9.342286985157936e35],
  [1, 1, 2, 0.9999, 9.211261498126106],
  [0.5, 0.5, 2.0, 1.0, 1.2732395447351628],
];

describe("lgamma / digamma / lbeta", () => {
  const LG: [number, number, number][] = [
    [0.5, 0.5723649429247001, -1.9635100260214235],
    [1, 0, -0.5772156649015329],
    [2.5, 0.2846828704729192, 0.7031566406452432],
    [7.3, 7.147892523022248, 1.9178203356379862],
    [30.2, 71.93460296839498, 3.3911942727415623],
    [171.5, 709.1431630309282, 5.141664981433999],
    [0.001, 6.907178885383853, -1000.5755719318103],
    [-0.5, 1.2655121234846454, 0.03648997397857652],
    [-2.7, -0.07140708531564569, -1.1153471291406896],
  ];
  it.each(LG)("lgamma(%d) and digamma match mpmath", (x, lg, dg) => {
    expect(Math.abs(lgamma(x) - lg)).toBeLessThan(1e-13 * Math.max(1, Math.abs(lg)));
    expect(rel(digamma(x), dg)).toBeLessThan(1e-13);
  });
  it("lgamma of integers is ln((n−1)!)", () => {
    let f = 0;
    for (let n = 2; n < 30; n++) {
      f += Math.log(n - 1);
      expect(Math.abs(lgamma(n) - f)).toBeLessThan(1e-12 * Math.max(1, f));
    }
  });
  it("poles and signs", () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(gammaSign(2.5)).toBe(1);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(-2)).toBe(0);
  });
  it("lbeta matches B(2,3) = 1/12 and symmetry", () => {
    expect(Math.abs(lbeta(2, 3) - Math.log(1 / 12))).toBeLessThan(1e-14);
    expect(lbeta(0.7, 3.2)).toBeCloseTo(lbeta(3.2, 0.7), 14);
  });
  it("digamma is the derivative of lgamma", () => {
    for (const x of [0.3, 1.7, 4.2, 12.5]) {
      const h = 1e-5;
      expect((lgamma(x + h) - lgamma(x - h)) / (2 * h)).toBeCloseTo(digamma(x), 8);
    }
  });
});

describe("hyp2f1", () => {
  it.each(HYP2F1)("2F1(%d, %d; %d; %d) matches mpmath", (a, b, c, z, ref) => {
    expect(rel(hyp2f1(a, b, c, z), ref)).toBeLessThan(1e-12);
  });
  it("closed forms", () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.8, 0.99]) {
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-13);
      expect(rel(hyp2f1(0.7, 2.2, 2.2, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-13);
    }
    for (const x of [0.1, 0.5, 0.9]) {
      expect(rel(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-13);
    }
  });
  it("hyp2f1Minus1 keeps relative accuracy near 0", () => {
    const z = 1e-9;
    // 2F1(1,1;2;z) − 1 = −ln(1−z)/z − 1 ≈ z/2 + z²/3
    expect(rel(hyp2f1Minus1(1, 1, 2, z)!, z / 2 + (z * z) / 3)).toBeLessThan(1e-14);
    expect(hyp2f1Minus1(1, 1, 2, 0)).toBe(0);
    expect(rel(hyp2f1Minus1(1, 1, 2, 0.5)!, Math.log(4) - 1)).toBeLessThan(1e-14);
  });
  it("domain errors are MktError num", () => {
    const bad: [number, number, number, number][] = [
      [1, 1, -2, 0.5],
      [1, 1, 2, 1.5],
      [1, 1, 1.5, 1],
      [NaN, 1, 2, 0.5],
    ];
    for (const [a, b, c, z] of bad) {
      try {
        hyp2f1(a, b, c, z);
        expect.unreachable();
      } catch (e) {
        expect(isMktError(e) && e.kind).toBe("num");
      }
    }
  });
});

describe("Chebyshev interpolation", () => {
  it("reproduces exp on an interval to rounding level", () => {
    const c = chebyshevCoefficients(Math.exp, 0.2, 1.3, 20);
    for (const z of [0.2, 0.5, 0.77, 1.3])
      expect(rel(chebyshevEvaluate(c, 0.2, 1.3, z), Math.exp(z))).toBeLessThan(1e-14);
  });
});
