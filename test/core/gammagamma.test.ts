import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { excelSerialFromYmd, excelSerialFromYyyymmdd } from "../../src/core/dates";
import { MktError } from "../../src/core/errors";
import {
  fitGammaGamma,
  gammaGammaConditionalSpend,
  gammaGammaConditionalSpendMany,
  gammaGammaMeanSpend,
  gammaGammaTotalLogLikelihood,
  type GammaGammaParams,
} from "../../src/core/gammagamma";
import { rfmSummary } from "../../src/core/rfm";

const rows = readFileSync("test/fixtures/lifetimes/cdnow_customers_summary_with_transactions.csv", "utf8")
  .split("\r\n")
  .slice(1)
  .map((l) => l.split(",").map(Number));
const X = rows.map((r) => r[1]);
const ZBAR = rows.map((r) => r[4]);
const PUBLISHED: GammaGammaParams = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
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

describe("Gamma-Gamma on CDNOW (Fader, Hardie & Lee 2005; Fader & Hardie 2013)", () => {
  const fit = fitGammaGamma(X, ZBAR);
  it("reproduces p, q, γ and LL on the 946 repeat customers", () => {
    expect(fit.nCustomers).toBe(946);
    expect(fit.p.toFixed(4)).toBe("6.2488");
    expect(fit.q.toFixed(4)).toBe("3.7446");
    expect(fit.gamma.toFixed(4)).toBe("15.4477");
    expect(fit.logLikelihood.toFixed(2)).toBe("-4055.92");
  });
  it("the −4055.92 is the full density of m̄ (with the x-dependent terms)", () => {
    expect(gammaGammaTotalLogLikelihood(PUBLISHED, X, ZBAR).toFixed(2)).toBe("-4055.92");
  });
  it("fitting from the raw transactions (unrounded m̄) gives nearly the same parameters", () => {
    const ids: number[] = [];
    const dates: number[] = [];
    const amounts: number[] = [];
    for (const line of readFileSync("test/fixtures/lifetimes/CDNOW_sample.txt", "utf8").trim().split(/\r?\n/)) {
      const f = line.trim().split(/\s+/);
      ids.push(Number(f[1]));
      dates.push(excelSerialFromYyyymmdd(Number(f[2])));
      amounts.push(Number(f[4]));
    }
    const s = rfmSummary(ids, dates, amounts, { asOf: excelSerialFromYmd(1997, 9, 30), timeUnit: "weeks" });
    const raw = fitGammaGamma(s.frequency, s.monetary);
    expect(rel(raw.p, fit.p)).toBeLessThan(1e-3);
    expect(rel(raw.q, fit.q)).toBeLessThan(1e-3);
    expect(rel(raw.gamma, fit.gamma)).toBeLessThan(1e-3);
  });
  it("conditional expected spend", () => {
    const mean = gammaGammaMeanSpend(PUBLISHED);
    expect(mean).toBeCloseTo((6.2488 * 15.4477) / 2.7446, 12);
    expect(gammaGammaConditionalSpend(PUBLISHED, 0, 0)).toBe(mean);
    const { p, q } = PUBLISHED;
    for (const [x, m] of [
      [1, 11.77],
      [2, 22.345],
      [10, 80],
    ]) {
      const w = (p * x) / (p * x + q - 1);
      expect(gammaGammaConditionalSpend(PUBLISHED, x, m)).toBeCloseTo((1 - w) * mean + w * m, 10);
    }
    const many = gammaGammaConditionalSpendMany(PUBLISHED, X, ZBAR);
    expect(many[0]).toBeCloseTo(gammaGammaConditionalSpend(PUBLISHED, X[0], ZBAR[0]), 14);
    expect(many[2]).toBe(mean);
  });
});

describe("Gamma-Gamma errors", () => {
  const cases: [string, () => unknown, string, string][] = [
    ["q not above 1", () => gammaGammaMeanSpend({ p: 1, q: 1, gamma: 2 }), "num", "qNotAboveOne"],
    [
      "q below 1 conditional",
      () => gammaGammaConditionalSpend({ p: 1, q: 0.5, gamma: 2 }, 3, 10),
      "num",
      "qNotAboveOne",
    ],
    ["non-positive spend", () => fitGammaGamma([1, 2, 3], [10, 0, 5]), "value", "monetaryNotPositive"],
    ["negative spend conditional", () => gammaGammaConditionalSpend(PUBLISHED, 2, -3), "value", "monetaryNotPositive"],
    ["fewer than 2 repeat customers", () => fitGammaGamma([0, 0, 4], [0, 0, 12]), "num", "notIdentifiable"],
    ["empty", () => fitGammaGamma([], []), "value", "noData"],
    ["lengths differ", () => fitGammaGamma([1, 2], [3]), "value", "lengthMismatch"],
    ["fractional x", () => fitGammaGamma([1.5, 2], [3, 4]), "value", "invalidFrequency"],
    ["NaN spend", () => fitGammaGamma([1, 2], [NaN, 4]), "value", "notANumber"],
    [
      "bad parameter",
      () => gammaGammaTotalLogLikelihood({ p: -1, q: 2, gamma: 1 }, [1, 2], [3, 4]),
      "value",
      "notPositive",
    ],
  ];
  it.each(cases)("%s", (_n, f, kind, key) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
  });
});
