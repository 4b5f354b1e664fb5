/** Property tests (fast-check) of the value calculations. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  bgnbdTotalLogLikelihood,
  fitBgNbd,
  type BgNbdParams,
} from "../../src/core/bgnbd";
import { clvFromSummary } from "../../src/core/clv";
import { isMktError } from "../../src/core/errors";
import { ltv, ltvFromSurvival } from "../../src/core/ltv";
import { rfmSummary, type RfmSummary } from "../../src/core/rfm";
import { breakEvenRevenue, cac, incrementalRoi, paybackPeriods, roas, roi } from "../../src/core/roi";

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Either a finite number or an MktError — never NaN, never another exception. */
function finiteOrMktError(f: () => number): boolean {
  try {
    return Number.isFinite(f());
  } catch (e) {
    return isMktError(e);
  }
}

describe("ROI properties", () => {
  it("ROI is increasing in revenue (cost > 0, margin > 0)", () => {
    fc.assert(
      fc.property(pos(0, 1e9), pos(0, 1e9), pos(1e-3, 1e9), pos(1e-3, 1), (r1, r2, cost, m) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(roi(hi, cost, m)).toBeGreaterThanOrEqual(roi(lo, cost, m));
        // strictly increasing whenever the change is above double-precision resolution of the result
        if (((hi - lo) * m) / cost > 1e-12 * Math.max(1, Math.abs(roi(hi, cost, m)))) {
          expect(roi(hi, cost, m)).toBeGreaterThan(roi(lo, cost, m));
        }
      }),
    );
  });
  it("break-even revenue gives ROI 0; incremental ROI with baseline 0 is ROI", () => {
    fc.assert(
      fc.property(pos(1e-3, 1e9), pos(1e-3, 1), pos(0, 1e9), (cost, m, rev) => {
        expect(Math.abs(roi(breakEvenRevenue(cost, m), cost, m))).toBeLessThan(1e-9);
        expect(incrementalRoi(rev, cost, 0, m)).toBeCloseTo(roi(rev, cost, m), 9);
      }),
    );
  });
  it("never returns NaN, whatever the inputs", () => {
    const anyNum = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1, -1));
    fc.assert(
      fc.property(anyNum, anyNum, anyNum, anyNum, (a, b, c, d) => {
        expect(finiteOrMktError(() => roi(a, b, c))).toBe(true);
        expect(finiteOrMktError(() => roas(a, b))).toBe(true);
        expect(finiteOrMktError(() => cac(a, b))).toBe(true);
        expect(finiteOrMktError(() => paybackPeriods(a, b, c))).toBe(true);
        expect(finiteOrMktError(() => breakEvenRevenue(a, c))).toBe(true);
        expect(finiteOrMktError(() => incrementalRoi(a, b, d, c))).toBe(true);
        expect(finiteOrMktError(() => ltv(a, c, b, undefined, d))).toBe(true);
      }),
    );
  });
});

describe("LTV properties", () => {
  it("equals the explicit discounted sum Σ m r^t / (1+d)^t", () => {
    fc.assert(
      fc.property(pos(0, 1e4), pos(0, 1), pos(0, 0.5), fc.integer({ min: 0, max: 120 }), pos(0, 1), (a, r, d, n, m) => {
        let s = 0;
        for (let t = 0; t < n; t++) s += (a * m * Math.pow(r, t)) / Math.pow(1 + d, t);
        expect(Math.abs(ltv(a, r, d, n, m) - s)).toBeLessThanOrEqual(1e-9 * Math.max(1, s));
      }),
    );
  });
  it("is non-decreasing in retention (finite and unlimited horizon)", () => {
    fc.assert(
      fc.property(
        pos(0.01, 1e4),
        pos(0, 0.999),
        pos(0, 0.999),
        pos(0, 0.3),
        fc.integer({ min: 1, max: 60 }),
        (a, r1, r2, d, n) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(ltv(a, hi, d, n)).toBeGreaterThanOrEqual(ltv(a, lo, d, n) * (1 - 1e-12));
          expect(ltv(a, hi, d)).toBeGreaterThanOrEqual(ltv(a, lo, d) * (1 - 1e-12));
        },
      ),
    );
  });
  it("a survival curve equals the explicit sum and is monotone in the curve", () => {
    const curve = fc.array(pos(0, 1), { minLength: 2, maxLength: 40 }).map((v) => {
      const s = [1];
      for (const x of v) s.push(s[s.length - 1] * x);
      return s;
    });
    fc.assert(
      fc.property(curve, pos(0, 1e3), pos(0, 0.3), pos(0.5, 1), (s, a, d, k) => {
        let sum = 0;
        s.forEach((v, t) => (sum += (a * v) / Math.pow(1 + d, t)));
        const got = ltvFromSurvival(a, s, d);
        expect(Math.abs(got - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
        const lower = s.map((v, t) => (t === 0 ? 1 : v * k)); // pointwise lower survival
        expect(ltvFromSurvival(a, lower, d)).toBeLessThanOrEqual(got * (1 + 1e-12) + 1e-12);
      }),
    );
  });
});

const params = fc.record({
  r: pos(0.05, 5),
  alpha: pos(0.1, 50),
  a: pos(0.05, 5),
  b: pos(0.05, 10),
});
const history = fc
  .tuple(fc.integer({ min: 0, max: 200 }), pos(0, 1), pos(0, 400))
  .map(([x, f, T]) => ({ x, tx: x === 0 ? 0 : f * T, T }));

describe("BG/NBD properties", () => {
  it("per-customer log-likelihood is finite", () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const ll = bgnbdLogLikelihood(p, h.x, h.tx, h.T);
        expect(Number.isFinite(ll)).toBe(true);
      }),
    );
  });
  it("P(alive) is in [0, 1]", () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const v = bgnbdProbabilityAlive(p, h.x, h.tx, h.T);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
  });
  it("the fitted log-likelihood is maximal: perturbed parameters never do better (CDNOW)", () => {
    const lines = readFileSync("test/fixtures/lifetimes/cdnow_customers_summary.csv", "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    const x = lines.map((l) => Number(l.split(",")[1]));
    const tx = lines.map((l) => Number(l.split(",")[2]));
    const T = lines.map((l) => Number(l.split(",")[3]));
    const fit = fitBgNbd(x, tx, T);
    const d = fc.double({ min: -0.3, max: 0.3, noNaN: true });
    fc.assert(
      fc.property(d, d, d, d, (e1, e2, e3, e4) => {
        const p: BgNbdParams = {
          r: fit.r * Math.exp(e1),
          alpha: fit.alpha * Math.exp(e2),
          a: fit.a * Math.exp(e3),
          b: fit.b * Math.exp(e4),
        };
        expect(bgnbdTotalLogLikelihood(p, x, tx, T)).toBeLessThanOrEqual(fit.logLikelihood + 1e-7);
      }),
      { numRuns: 60 },
    );
  });
  it("fits on data simulated from the model reach a maximum (or fail with an MktError)", () => {
    const sim = fc.record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      r: pos(0.2, 2),
      alpha: pos(1, 20),
      a: pos(0.3, 3),
      b: pos(1, 8),
    });
    let fitted = 0;
    fc.assert(
      fc.property(sim, (p) => {
        const { x, tx, T } = simulateBgNbd(p, 400);
        let fit;
        try {
          fit = fitBgNbd(x, tx, T);
        } catch (e) {
          expect(isMktError(e)).toBe(true);
          return;
        }
        fitted++;
        for (const k of ["r", "alpha", "a", "b"] as const) {
          for (const f of [0.95, 1.05]) {
            const q = { ...fit, [k]: fit[k] * f };
            expect(bgnbdTotalLogLikelihood(q, x, tx, T)).toBeLessThanOrEqual(fit.logLikelihood + 1e-6);
          }
        }
      }),
      { numRuns: 20 },
    );
    expect(fitted).toBeGreaterThan(10);
  });
});

/** mulberry32 uniforms in [0, 1). */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(k, 1) variate (Marsaglia & Tsang 2000). */
function gammaVariate(u: () => number, k: number): number {
  if (k < 1) return gammaVariate(u, k + 1) * Math.pow(1 - u(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const v0 = 1 + c * n;
    if (v0 <= 0) continue;
    const v = v0 * v0 * v0;
    if (Math.log(1 - u()) < 0.5 * n * n + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** (x, t_x, T) of n customers simulated from the BG/NBD process, T uniform in [10, 52]. */
function simulateBgNbd(p: BgNbdParams & { seed: number }, n: number): { x: number[]; tx: number[]; T: number[] } {
  const u = mulberry32(p.seed);
  const out = { x: [] as number[], tx: [] as number[], T: [] as number[] };
  for (let i = 0; i < n; i++) {
    const lambda = gammaVariate(u, p.r) / p.alpha;
    const g = gammaVariate(u, p.a);
    const death = g / (g + gammaVariate(u, p.b));
    const T = 10 + 42 * u();
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      if (u() < death) break;
    }
    out.x.push(x);
    out.tx.push(last);
    out.T.push(T);
  }
  return out;
}

describe("CLV properties", () => {
  it("CLV, expected purchases and spend are finite and non-negative", () => {
    const gg = fc.record({ p: pos(0.1, 20), q: pos(1.05, 20), gamma: pos(0.1, 100) });
    const rows = fc.array(fc.tuple(history, pos(0.01, 1000)), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(params, gg, rows, pos(0.5, 120), pos(0, 0.2), (bg, g, rs, horizon, d) => {
        const s = {
          frequency: rs.map(([h]) => h.x),
          recency: rs.map(([h]) => h.tx),
          T: rs.map(([h]) => h.T),
          monetary: rs.map(([h, m]) => (h.x > 0 ? m : 0)),
        };
        const v = clvFromSummary(s, bg, g, { horizon, discountRate: d });
        for (const arr of [v.clv, v.expectedPurchases, v.expectedSpend, v.pAlive]) {
          for (const y of arr) {
            expect(Number.isFinite(y)).toBe(true);
            expect(y).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("RFM properties", () => {
  const tx = fc.array(
    fc.tuple(fc.constantFrom("a", "b", "c", 1, 2, 3, 4), fc.integer({ min: 45000, max: 45060 }), pos(0, 500)),
    { minLength: 1, maxLength: 80 },
  );
  const byId = (s: RfmSummary) =>
    new Map(s.ids.map((id, i) => [id, [s.frequency[i], s.recency[i], s.T[i], s.monetary[i]]]));
  it("is invariant under shuffling the transaction order", () => {
    fc.assert(
      fc.property(
        tx.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        fc.integer({ min: 45000, max: 45070 }),
        ([rows, shuffled], asOf) => {
          const run = (rs: typeof rows) => {
            try {
              return rfmSummary(
                rs.map((r) => r[0]),
                rs.map((r) => r[1]),
                rs.map((r) => r[2]),
                { asOf, timeUnit: "weeks" },
              );
            } catch (e) {
              expect(isMktError(e)).toBe(true);
              return undefined;
            }
          };
          const s1 = run(rows);
          const s2 = run(shuffled);
          expect(s1 === undefined).toBe(s2 === undefined);
          if (!s1 || !s2) return;
          const m1 = byId(s1);
          const m2 = byId(s2);
          expect(new Set(m1.keys())).toEqual(new Set(m2.keys()));
          for (const [id, v1] of m1) {
            const v2 = m2.get(id)!;
            expect(v2.slice(0, 3)).toEqual(v1.slice(0, 3));
            expect(Math.abs(v2[3] - v1[3])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v1[3])));
          }
        },
      ),
    );
  });
});
