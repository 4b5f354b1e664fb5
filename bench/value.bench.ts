/**
 * Benchmarks of the value models: the full CLV pipeline (RFM → BG/NBD → Gamma-Gamma → per-customer CLV)
 * (a) on the CDNOW sample (6,919 transactions, 2,357 customers) and (b) on synthetic BG/NBD + Gamma-Gamma
 * transaction logs of 10k, 100k and 1M transactions generated with a seeded PRNG. Data generation and
 * parsing are outside the timed part. Run: `npx tsx bench/value.bench.ts`.
 */
import { readFileSync } from "node:fs";
import { fitClv, type ClvOptions } from "../src/core/clv";
import { excelSerialFromYmd, excelSerialFromYyyymmdd, perUnitRate } from "../src/core/dates";
import { measure, saveResults } from "./harness";
import { mulberry32 } from "./random";

// ---------- seeded random numbers ----------

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape k, scale 1): Marsaglia & Tsang (2000), with the k < 1 boost U^(1/k). */
function gammaVariate(u: () => number, k: number): number {
  if (k < 1) return gammaVariate(u, k + 1) * Math.pow(1 - u(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

interface Log {
  ids: number[];
  dates: number[];
  amounts: number[];
  customers: number;
}

/**
 * BG/NBD purchase process (rate λ ~ Gamma(r = 1, α = 2) per week, death after each repeat purchase with
 * p ~ Beta(a = 0.8, b = 9); ≈10 transactions per customer) with Gamma-Gamma spend (CDNOW values p = 6.25,
 * q = 3.74, γ = 15.4: ν ~ Gamma(q, γ), spend ~ Gamma(p, ν)); first purchases spread
 * over the first 12 weeks, observation to week 39 (273 days), as in CDNOW's calibration period.
 * Customers are added until `target` transactions exist.
 */
function synthetic(target: number, seed: number, start: number): Log {
  const u = mulberry32(seed);
  const r = 1.0;
  const alpha = 2;
  const a = 0.8;
  const b = 9;
  const pg = 6.25;
  const q = 3.74;
  const gam = 15.4;
  const endDay = 273;
  const log: Log = { ids: [], dates: [], amounts: [], customers: 0 };
  for (let c = 0; log.ids.length < target; c++) {
    log.customers++;
    const lambda = gammaVariate(u, r) / alpha;
    const x1 = gammaVariate(u, a);
    const p = x1 / (x1 + gammaVariate(u, b));
    const nu = gammaVariate(u, q) / gam;
    const birth = Math.floor(u() * 84);
    let t = 0; // weeks since birth
    for (;;) {
      const day = birth + Math.floor(t * 7);
      if (day >= endDay) break;
      log.ids.push(c);
      log.dates.push(start + day);
      log.amounts.push(Math.round((gammaVariate(u, pg) / nu) * 100) / 100);
      if (t > 0 && u() < p) break; // dies after a repeat purchase
      t += -Math.log(1 - u()) / lambda;
      if (log.ids.length >= target) break;
    }
  }
  return log;
}

// ---------- (a) CDNOW ----------

const raw = readFileSync("test/fixtures/lifetimes/CDNOW_sample.txt", "utf8").trim().split(/\r?\n/);
const cd: Log = { ids: [], dates: [], amounts: [], customers: 2357 };
for (const line of raw) {
  const f = line.trim().split(/\s+/);
  cd.ids.push(Number(f[1]));
  cd.dates.push(excelSerialFromYyyymmdd(Number(f[2])));
  cd.amounts.push(Number(f[4]));
}
const cdOptions: ClvOptions = {
  asOf: excelSerialFromYmd(1997, 9, 30),
  timeUnit: "weeks",
  horizon: 52,
  discountRate: perUnitRate(0.1, "weeks"),
};
const cdFit = fitClv(cd.ids, cd.dates, cd.amounts, cdOptions);
measure("CDNOW 6,919 tx → BG/NBD + GG + CLV (52 weeks)", () => fitClv(cd.ids, cd.dates, cd.amounts, cdOptions), {
  runs: 30,
  warmup: 5,
  targetMs: 25,
  notes: {
    customers: cdFit.customers.ids.length,
    r: cdFit.bgnbd.r.toFixed(4),
    ll: cdFit.bgnbd.logLikelihood.toFixed(2),
  },
});

// ---------- (b) synthetic ----------

const start = excelSerialFromYmd(2024, 1, 1);
const synOptions: ClvOptions = {
  asOf: start + 272,
  timeUnit: "weeks",
  horizon: 52,
  discountRate: perUnitRate(0.1, "weeks"),
};
const medians: [number, number][] = [];
for (const n of [10_000, 100_000, 1_000_000]) {
  const log = synthetic(n, 20240101 + n, start);
  const fit = fitClv(log.ids, log.dates, log.amounts, synOptions);
  const res = measure(
    `synthetic ${n.toLocaleString("en-US")} tx → BG/NBD + GG + CLV`,
    () => fitClv(log.ids, log.dates, log.amounts, synOptions),
    {
      runs: n >= 1_000_000 ? 5 : 11,
      warmup: n >= 1_000_000 ? 1 : 3,
      targetMs: n >= 1_000_000 ? 2000 : undefined,
      notes: {
        customers: log.customers,
        r: fit.bgnbd.r.toFixed(3),
        alpha: fit.bgnbd.alpha.toFixed(3),
        a: fit.bgnbd.a.toFixed(3),
        b: fit.bgnbd.b.toFixed(3),
        p: fit.gammaGamma.p.toFixed(2),
        q: fit.gammaGamma.q.toFixed(2),
      },
    },
  );
  medians.push([n, res.medianMs]);
}
for (let i = 1; i < medians.length; i++) {
  const [n0, t0] = medians[i - 1];
  const [n1, t1] = medians[i];
  console.log(`scaling ${n0} → ${n1} transactions: time ×${(t1 / t0).toFixed(2)} for data ×${n1 / n0}`);
}

saveResults("value.bench.ts");
