import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive } from "../../src/core/bgnbd";
import { clvFromSummary, fitClv, type ClvOptions } from "../../src/core/clv";
import { excelSerialFromYmd, excelSerialFromYyyymmdd, perUnitRate } from "../../src/core/dates";
import { MktError } from "../../src/core/errors";
import { gammaGammaConditionalSpend } from "../../src/core/gammagamma";

const ids: number[] = [];
const dates: number[] = [];
const amounts: number[] = [];
for (const line of readFileSync("test/fixtures/lifetimes/CDNOW_sample.txt", "utf8").trim().split(/\r?\n/)) {
  const f = line.trim().split(/\s+/);
  ids.push(Number(f[1]));
  dates.push(excelSerialFromYyyymmdd(Number(f[2])));
  amounts.push(Number(f[4]));
}
const asOf = excelSerialFromYmd(1997, 9, 30);
const weekly = perUnitRate(0.1, "weeks");
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

describe("fitClv on CDNOW", () => {
  const opts: ClvOptions = { asOf, timeUnit: "weeks", horizon: 52, discountRate: weekly, margin: 0.3 };
  const res = fitClv(ids, dates, amounts, opts);
  const c = res.customers;

  it("fits both models close to the published parameters", () => {
    expect(c.ids.length).toBe(2357);
    expect(rel(res.bgnbd.r, 0.2426)).toBeLessThan(1e-3);
    expect(rel(res.bgnbd.alpha, 4.4135)).toBeLessThan(1e-3);
    expect(rel(res.bgnbd.a, 0.7929)).toBeLessThan(1e-3);
    expect(rel(res.bgnbd.b, 2.4258)).toBeLessThan(1e-3);
    expect(res.bgnbd.logLikelihood.toFixed(1)).toBe("-9582.4");
    expect(rel(res.gammaGamma.p, 6.2488)).toBeLessThan(1e-3);
    expect(rel(res.gammaGamma.q, 3.7446)).toBeLessThan(1e-3);
    expect(rel(res.gammaGamma.gamma, 15.4477)).toBeLessThan(1e-3);
    expect(res.discountRate).toBe(weekly);
  });

  it("per-customer values equal the explicit discounted sum (lifetimes scheme, one step per week)", () => {
    for (const i of [0, 1, 2, 10, 100, 2356]) {
      const [x, tx, T, m] = [c.frequency[i], c.recency[i], c.T[i], c.monetary[i]];
      const spend = gammaGammaConditionalSpend(res.gammaGamma, x, m);
      let clv = 0;
      let prev = 0;
      for (let step = 1; step <= 52; step++) {
        const e = bgnbdConditionalExpectedPurchases(res.bgnbd, step, x, tx, T);
        clv += ((e - prev) * spend * 0.3) / Math.pow(1 + weekly, step);
        prev = e;
      }
      expect(c.pAlive[i]).toBeCloseTo(bgnbdProbabilityAlive(res.bgnbd, x, tx, T), 14);
      expect(rel(c.expectedPurchases[i], prev)).toBeLessThan(1e-12);
      expect(rel(c.expectedSpend[i], spend)).toBeLessThan(1e-14);
      expect(rel(c.clv[i], clv)).toBeLessThan(1e-11);
    }
  });

  it("customer 1 of the sample", () => {
    expect(c.ids[0]).toBe(1);
    expect(c.frequency[0]).toBe(2);
    expect(c.pAlive[0]).toBeCloseTo(0.7266, 3);
    expect(c.clv.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
  });

  it("a fractional horizon ends with a partial step at H; d = 0 gives spend × E[Y(H)]", () => {
    const r = clvFromSummary(c, res.bgnbd, res.gammaGamma, { horizon: 2.5, discountRate: 0.01 });
    const i = 0;
    const [x, tx, T] = [c.frequency[i], c.recency[i], c.T[i]];
    const e = [1, 2, 2.5].map((t) => bgnbdConditionalExpectedPurchases(res.bgnbd, t, x, tx, T));
    const expected =
      c.expectedSpend[i] * (e[0] / 1.01 + (e[1] - e[0]) / 1.01 ** 2 + (e[2] - e[1]) / Math.pow(1.01, 2.5));
    expect(rel(r.clv[i], expected)).toBeLessThan(1e-12);
    const z = clvFromSummary(c, res.bgnbd, res.gammaGamma, { horizon: 26 });
    for (const k of [0, 5, 50]) expect(rel(z.clv[k], z.expectedSpend[k] * z.expectedPurchases[k])).toBeLessThan(1e-12);
  });

  it("units are explicit: a daily model over 364 days equals a weekly model over 52 weeks (d = 0)", () => {
    const w = fitClv(ids, dates, amounts, { asOf, timeUnit: "weeks", horizon: 52 });
    const d = fitClv(ids, dates, amounts, { asOf, timeUnit: "days", horizon: 364 });
    expect(rel(d.bgnbd.alpha, 7 * w.bgnbd.alpha)).toBeLessThan(1e-5);
    expect(rel(d.bgnbd.r, w.bgnbd.r)).toBeLessThan(1e-5);
    for (const i of [0, 1, 2, 500]) {
      expect(rel(d.customers.expectedPurchases[i], w.customers.expectedPurchases[i])).toBeLessThan(1e-5);
      expect(rel(d.customers.clv[i], w.customers.clv[i])).toBeLessThan(1e-5);
    }
  });
});

describe("CLV errors", () => {
  const base: ClvOptions = { asOf, timeUnit: "weeks", horizon: 52 };
  const cases: [string, () => unknown, string, string][] = [
    ["horizon 0", () => fitClv(ids, dates, amounts, { ...base, horizon: 0 }), "value", "notPositive"],
    ["horizon NaN", () => fitClv(ids, dates, amounts, { ...base, horizon: NaN }), "value", "notANumber"],
    [
      "discount −1",
      () => fitClv(ids, dates, amounts, { ...base, discountRate: -1 }),
      "value",
      "discountRateOutOfRange",
    ],
    ["margin 2", () => fitClv(ids, dates, amounts, { ...base, margin: 2 }), "value", "marginOutOfRange"],
    [
      "unknown unit",
      () => fitClv(ids, dates, amounts, { ...base, timeUnit: "fortnights" as "weeks" }),
      "value",
      "unknownTimeUnit",
    ],
    [
      "as-of before every purchase",
      () => fitClv(ids, dates, amounts, { ...base, asOf: asOf - 400 }),
      "value",
      "noTransactionsBeforeAsOf",
    ],
    ["lengths differ", () => fitClv(ids, dates.slice(1), amounts, base), "value", "lengthMismatch"],
    ["empty", () => fitClv([], [], [], base), "value", "noData"],
    [
      "repeat customer with zero spend",
      () =>
        fitClv(["a", "a", "b", "b", "c"], [asOf - 9, asOf - 2, asOf - 8, asOf - 1, asOf - 5], [5, 0, 3, 4, 1], base),
      "value",
      "customerMonetaryNotPositive",
    ],
    [
      "nobody buys twice",
      () => fitClv(["a", "b", "c"], [asOf - 9, asOf - 2, asOf - 8], [5, 1, 3], base),
      "num",
      "notIdentifiable",
    ],
  ];
  it.each(cases)("%s", (_n, f, kind, key) => {
    const e = errorOf(f);
    expect(e.kind).toBe(kind);
    expect(e.key).toBe(key);
  });
});
