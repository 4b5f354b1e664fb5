import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bgnbdAliveExpectedPurchases,
  bgnbdAliveExpectedPurchasesGrid,
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  bgnbdProbabilityAliveMany,
  bgnbdTotalLogLikelihood,
  fitBgNbd,
  type BgNbdParams,
} from "../../src/core/bgnbd";
import { MktError } from "../../src/core/errors";

const lines = readFileSync("test/fixtures/lifetimes/cdnow_customers_summary.csv", "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1);
const X = lines.map((l) => Number(l.split(",")[1]));
const TX = lines.map((l) => Number(l.split(",")[2]));
const TT = lines.map((l) => Number(l.split(",")[3]));
const PUBLISHED: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}

describe("BG/NBD fit on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const fit = fitBgNbd(X, TX, TT);
  it("reproduces r, α, a, b and the log-likelihood", () => {
    expect(fit.r.toFixed(4)).toBe("0.2426");
    expect(fit.alpha.toFixed(4)).toBe("4.4135");
    expect(fit.a.toFixed(4)).toBe("0.7929");
    expect(fit.b.toFixed(4)).toBe("2.4258");
    expect(fit.logLikelihood.toFixed(1)).toBe("-9582.4");
    expect(fit.nCustomers).toBe(2357);
  });
  it("log-likelihood at the published parameters is −9582.43", () => {
    expect(bgnbdTotalLogLikelihood(PUBLISHED, X, TX, TT)).toBeCloseTo(-9582.43, 2);
  });
  it("aggregated rows with weights give the same fit", () => {
    const key = (i: number): string => `${X[i]}|${TX[i]}|${TT[i]}`;
    const groups = new Map<string, number>();
    X.forEach((_, i) => groups.set(key(i), (groups.get(key(i)) ?? 0) + 1));
    const rows = [...groups.entries()].map(([k, w]) => [...k.split("|").map(Number), w]);
    const wfit = fitBgNbd(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      { weights: rows.map((r) => r[3]) },
    );
    expect(rows.length).toBeLessThan(X.length);
    expect(rel(wfit.r, fit.r)).toBeLessThan(1e-6);
    expect(rel(wfit.b, fit.b)).toBeLessThan(1e-6);
    expect(wfit.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });
  it("a penalizer shrinks towards the origin of the log-parameters", () => {
    const p = fitBgNbd(X, TX, TT, { penalizer: 0.1 });
    expect(p.logLikelihood).toBeLessThan(fit.logLikelihood);
  });
  it("per-customer log-likelihood matches mpmath and sums to the total", () => {
    expect(bgnbdLogLikelihood(PUBLISHED, 2, 30.43, 38.86)).toBeCloseTo(-9.459681082320499, 12);
    expect(bgnbdLogLikelihood(PUBLISHED, 0, 0, 38.86)).toBeCloseTo(-0.5538248473788362, 12);
    expect(bgnbdLogLikelihood(PUBLISHED, 14, 35, 38.86)).toBeCloseTo(-32.79963138133657, 11);
    let s = 0;
    for (let i = 0; i < X.length; i++) s += bgnbdLogLikelihood(PUBLISHED, X[i], TX[i], TT[i]);
    expect(s).toBeCloseTo(bgnbdTotalLogLikelihood(PUBLISHED, X, TX, TT), 7);
  });
  it("expected purchases E[X(t)] (eq. 9) as in Hardie's spreadsheet", () => {
    const published: [number, number][] = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
    ];
    for (const [t, v] of published) expect(bgnbdExpectedPurchases(fit, t).toFixed(4)).toBe(v.toFixed(4));
    // t = 78: the spreadsheet shows 1.8576; the exact value at the fitted parameters is 1.85797 (mpmath).
    expect(Math.abs(bgnbdExpectedPurchases(fit, 78) - 1.8576)).toBeLessThan(5e-4);
  });
  it("E[X(t)] matches mpmath at the published parameters, including tiny and huge t", () => {
    const ref: [number, number][] = [
      [0.1429, 0.007816356037092914],
      [1, 0.0531866559492396],
      [31.8571, 1.0405260410450812],
      [78, 1.8580217586441488],
      [1e-6, 5.496771079349205e-8],
      [1000, 6.573172983131272],
    ];
    for (const [t, v] of ref) expect(rel(bgnbdExpectedPurchases(PUBLISHED, t), v)).toBeLessThan(1e-11);
    expect(bgnbdExpectedPurchases(PUBLISHED, 0)).toBe(0);
  });
  it("conditional expectation (eq. 10): 1.226 for x = 2, t_x = 30.43, T = 38.86, t = 39", () => {
    expect(bgnbdConditionalExpectedPurchases(fit, 39, 2, 30.43, 38.86).toFixed(3)).toBe("1.226");
    const ref: [number, number, number, number, number][] = [
      [39, 2, 30.43, 38.86, 1.225911199899223],
      [52, 0, 0, 38.86, 0.25167302746953796],
      [10, 25, 35.1, 38.86, 4.155240929467618],
      [200, 60, 38, 38.86, 121.53039459143564],
      [5, 1, 0.5, 20, 0.0719254545022045],
    ];
    for (const [t, x, tx, T, v] of ref) {
      expect(rel(bgnbdConditionalExpectedPurchases(PUBLISHED, t, x, tx, T), v)).toBeLessThan(1e-11);
    }
  });
  it("P(alive) matches mpmath, is 1 without repeat purchases and in [0, 1]", () => {
    const ref: [number, number, number, number][] = [
      [2, 30.43, 38.86, 0.7266079973001562],
      [1, 1.71, 38.86, 0.21222445924803884],
      [25, 35.1, 38.86, 0.7706342150000912],
      [60, 1, 38.86, 3.2025346672122103e-53],
    ];
    for (const [x, tx, T, v] of ref) expect(rel(bgnbdProbabilityAlive(PUBLISHED, x, tx, T), v)).toBeLessThan(1e-11);
    expect(bgnbdProbabilityAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
    const many = bgnbdProbabilityAliveMany(fit, X, TX, TT);
    expect(many.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(many[0]).toBe(bgnbdProbabilityAlive(fit, X[0], TX[0], TT[0]));
  });
  it("grid evaluation equals the pointwise function (Chebyshev and series paths)", () => {
    const times = Array.from({ length: 52 }, (_, i) => i + 1);
    for (const [x, ages] of [
      [0, [27, 30.5, 38.86]],
      [3, [20, 38.86]],
      [40, [1, 2, 3, 38.86]],
      [1, Array.from({ length: 40 }, (_, i) => i)],
    ] as [number, number[]][]) {
      const g = bgnbdAliveExpectedPurchasesGrid(fit, x, ages, times);
      ages.forEach((T, k) =>
        times.forEach((t, j) => {
          const exact = bgnbdAliveExpectedPurchases(fit, t, x, T);
          expect(Math.abs(g[k * times.length + j] - exact)).toBeLessThanOrEqual(1e-12 * exact);
        }),
      );
    }
  });
  it("is continuous across a = 1 and finite for large x", () => {
    const at = (a: number): number => bgnbdAliveExpectedPurchases({ ...PUBLISHED, a }, 20, 3, 30);
    const mid = at(1);
    expect(Number.isFinite(mid)).toBe(true);
    expect(Math.abs(mid - (at(1 - 1e-4) + at(1 + 1e-4)) / 2)).toBeLessThan(1e-8 * mid);
    expect(Math.abs(at(1 + 3e-6) - mid)).toBeLessThan(1e-5 * mid);
    const big = bgnbdConditionalExpectedPurchases(PUBLISHED, 52, 500, 38, 38.86);
    expect(Number.isFinite(big) && big > 0).toBe(true);
  });
});

describe("BG/NBD errors", () => {
  const cases: [string, () => unknown, string, string][] = [
    ["no customers", () => fitBgNbd([], [], []), "value", "noData"],
    ["all frequencies zero", () => fitBgNbd([0, 0, 0], [0, 0, 0], [5, 6, 7]), "num", "notIdentifiable"],
    ["one repeat customer", () => fitBgNbd([0, 2, 0], [0, 3, 0], [5, 6, 7]), "num", "notIdentifiable"],
    ["lengths differ", () => fitBgNbd([1, 2], [1], [3, 3]), "value", "lengthMismatch"],
    ["negative frequency", () => fitBgNbd([-1, 2], [0, 1], [3, 3]), "value", "invalidFrequency"],
    ["fractional frequency", () => fitBgNbd([1.5, 2], [1, 1], [3, 3]), "value", "invalidFrequency"],
    ["recency above T", () => fitBgNbd([1, 2], [4, 1], [3, 3]), "value", "invalidRecency"],
    ["NaN T", () => fitBgNbd([1, 2], [1, 1], [NaN, 3]), "value", "notANumber"],
    ["negative weight", () => fitBgNbd([1, 2], [1, 1], [3, 3], { weights: [1, -1] }), "value", "negative"],
    ["negative penalizer", () => fitBgNbd(X, TX, TT, { penalizer: -1 }), "value", "negative"],
    ["bad parameter", () => bgnbdExpectedPurchases({ ...PUBLISHED, r: 0 }, 1), "value", "notPositive"],
    ["NaN parameter", () => bgnbdProbabilityAlive({ ...PUBLISHED, b: NaN }, 1, 1, 2), "value", "notANumber"],
    ["negative t", () => bgnbdExpectedPurchases(PUBLISHED, -1), "value", "negative"],
    ["bad history", () => bgnbdConditionalExpectedPurchases(PUBLISHED, 1, 2, 5, 3), "value", "invalidRecency"],
  ];
  it.each(cases)("%s", (_n, f, kind, key) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
  });
});
