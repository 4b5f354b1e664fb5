/**
 * Benchmarks of the attribution engine on 1,000,000 synthetic path rows (seeded mulberry32): path strings as
 * Excel passes them (one string object per row, channels joined by " > ") plus conversion, value and null
 * counts. Journeys follow a sticky, Zipf-weighted channel process with skewed lengths 1–30, which gives
 * hundreds of thousands of distinct paths. Timings include parsing (string → interned, aggregated paths)
 * unless the name says otherwise; data generation is outside the timed part.
 * Run: `npm run bench -- attribution` (or `node --expose-gc --import tsx bench/attribution.bench.ts`).
 */
import {
  firstTouch,
  lastNonDirect,
  lastTouch,
  linear,
  markovModel,
  parsePaths,
  pathsFromTouchpoints,
  positionBased,
  shapley,
  shapleyExact,
  timeDecay,
  type PathData,
} from "../src/core/attribution";
import { availableParallelism, loadavg } from "node:os";
import { buildChain } from "../src/core/attribution/chain";
import { heapMB, measure, saveResults } from "./harness";
import { mulberry32 } from "./random";

const CHANNEL_NAMES = [
  "Paid Search",
  "Organic Search",
  "Direct",
  "Email",
  "Social",
  "Display",
  "Affiliate",
  "Referral",
  "Video",
  "Push",
  "SMS",
  "Podcast",
  "Print",
  "TV",
  "Radio",
  "Out of Home",
  "Influencer",
  "Marketplace",
  "Retargeting",
  "Partner",
];

/** n path rows over `channels` channels: Zipf(1.1) popularity, 35% chance of repeating the last channel. */
function generate(
  n: number,
  channels: number,
  seed: number,
): { paths: string[]; conversions: number[]; values: number[]; nulls: number[] } {
  const u = mulberry32(seed);
  const names = CHANNEL_NAMES.slice(0, channels);
  const cum: number[] = [];
  let acc = 0;
  for (let i = 0; i < channels; i++) cum.push((acc += 1 / Math.pow(i + 1, 1.1)));
  const pick = (): string => {
    const x = u() * acc;
    let i = 0;
    while (cum[i] < x) i++;
    return names[i];
  };
  const paths: string[] = new Array<string>(n);
  const conversions = new Float64Array(n);
  const values = new Float64Array(n);
  const nulls = new Float64Array(n);
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    const len = Math.min(30, 1 + Math.floor(-Math.log(1 - u()) * 3.2));
    parts.length = 0;
    for (let j = 0; j < len; j++) parts.push(j > 0 && u() < 0.35 ? parts[j - 1] : pick());
    paths[r] = parts.join(" > ");
    const pConv = Math.min(0.9, 0.05 + 0.04 * len);
    conversions[r] = u() < pConv ? 1 + Math.floor(-Math.log(1 - u()) * 0.7) : 0;
    values[r] = (conversions[r] * Math.round(2000 + 8000 * u())) / 100;
    nulls[r] = Math.floor(-Math.log(1 - u()) * 3);
  }
  return { paths, conversions: Array.from(conversions), values: Array.from(values), nulls: Array.from(nulls) };
}

const N = 1_000_000;

/** MB held by the typed arrays among the own properties of `o` (PathData, Markov chain). */
function typedMB(o: object): number {
  let bytes = 0;
  for (const v of Object.values(o)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes / 1e6;
}

/** Wall time of 1e8 integer additions: a yardstick for this machine (≈ 70–100 ms on a current desktop core). */
function yardstickMs(): number {
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < 1e8; i++) s += i & 7;
  return s < 0 ? -1 : performance.now() - t;
}

/** measure() plus the process CPU time per run (the wall-clock median suffers when the machine is shared). */
function timed(name: string, fn: () => unknown, opts: Parameters<typeof measure>[2] = {}): void {
  const c0 = process.cpuUsage();
  const r = measure(name, fn, opts);
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / ((opts.runs ?? 15) + (opts.warmup ?? 3));
  r.notes = { ...(r.notes ?? {}), cpuMsPerRun: Math.round(cpuMs) };
  console.log(`${"".padEnd(60)}cpu ≈ ${cpuMs.toFixed(0)} ms/run`);
}

const cols16 = generate(N, 16, 20240601);
const cols12 = generate(N, 12, 7);
const d16: PathData = parsePaths(cols16);
const d12: PathData = parsePaths(cols12);
yardstickMs();
console.log(
  `1M rows, 16 channels: ${d16.pathCount} distinct paths, ${d16.pathChannels.length} touches in distinct paths, ` +
    `PathData typed arrays ${typedMB(d16).toFixed(1)} MB; 12 channels: ${d12.pathCount} distinct paths. ` +
    `Machine: load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores, 1e8 integer adds ${yardstickMs().toFixed(0)} ms`,
);

// the floor of any parser: one hash lookup per row string (strings are distinct objects, as from Excel)
timed(
  "baseline: Map lookup of 1M path strings (no parsing)",
  () => {
    const m = new Map<string, number>();
    for (const s of cols16.paths) if (m.get(s) === undefined) m.set(s, m.size);
    return m;
  },
  { runs: 7 },
);
timed("parse 1M path rows (16 channels)", () => parsePaths(cols16), {
  runs: 7,
  notes: { distinctPaths: d16.pathCount, pathDataMB: typedMB(d16).toFixed(1), heapMB: heapMB().toFixed(0) },
});

const heuristics = [
  ["first touch", firstTouch],
  ["last touch", lastTouch],
  ["last non-direct", lastNonDirect],
  ["linear", linear],
  ["position-based 40/20/40", positionBased],
  ["time decay (steps)", timeDecay],
] as const;
timed(
  "parse 1M + all 6 heuristic models",
  () => {
    const d = parsePaths(cols16);
    return heuristics.map(([, f]) => f(d));
  },
  { runs: 7, targetMs: 300 },
);
for (const [name, f] of heuristics) timed(`  ${name} on parsed paths`, () => f(d16), { runs: 9 });

const m1 = markovModel(d16, { order: 1 });
timed("parse 1M + Markov order 1 (16 channels)", () => markovModel(parsePaths(cols16), { order: 1 }), {
  runs: 7,
  targetMs: 800,
  notes: { states: m1.states, transitions: m1.transitions },
});
timed("  Markov order 1 on parsed paths", () => markovModel(d16, { order: 1 }), { runs: 9 });
for (const order of [2, 3]) {
  const chain = buildChain(d16, order);
  const chainMB = typedMB(chain);
  timed(`parse 1M + Markov order ${order} (16 channels)`, () => markovModel(parsePaths(cols16), { order }), {
    runs: 5,
    warmup: 1,
    notes: { states: chain.n, transitions: chain.col.length, chainMB: chainMB.toFixed(2), heapMB: heapMB().toFixed(0) },
  });
  timed(`  Markov order ${order} on parsed paths`, () => markovModel(d16, { order }), { runs: 5, warmup: 1 });
}

const sx = shapleyExact(d12);
timed("parse 1M + exact Shapley (12 channels, 4096 coalitions)", () => shapleyExact(parsePaths(cols12)), {
  runs: 7,
  notes: {
    channels: sx.channels.length,
    coalitionTablesMB: ((3 * 8 * 4096) / 1e6).toFixed(2),
    heapMB: heapMB().toFixed(0),
  },
});
timed("  exact Shapley on parsed paths (12 channels)", () => shapleyExact(d12), { runs: 9 });
timed("  simplified Shapley on parsed paths (16 channels)", () => shapley(d16), { runs: 9 });

// touchpoints: 1M touch rows in ~250k journeys with timestamps, 30-day lookback
{
  const u = mulberry32(99);
  const journeys: number[] = new Array<number>(N);
  const times: number[] = new Array<number>(N);
  const channels: string[] = new Array<string>(N);
  const values: number[] = new Array<number>(N);
  let j = 0;
  let t = 45000;
  for (let i = 0; i < N; i++) {
    if (u() < 0.25) {
      j++;
      t = 45000 + u() * 300;
    }
    t += -Math.log(1 - u()) * 3;
    journeys[i] = j;
    times[i] = t;
    channels[i] = CHANNEL_NAMES[Math.floor(Math.pow(u(), 2) * 16)];
    values[i] = u() < 0.08 ? Math.round(1000 + 9000 * u()) / 100 : 0;
  }
  const cols = { journeys, timestamps: times, channels, values };
  const tp = pathsFromTouchpoints(cols, { lookbackDays: 30 });
  timed("touchpoints 1M rows → paths (30-day lookback)", () => pathsFromTouchpoints(cols, { lookbackDays: 30 }), {
    runs: 5,
    notes: { journeys: tp.journeyCount, distinctPaths: tp.pathCount, conversions: tp.totalConversions },
  });
  timed("  time decay (days, half-life 7) on touchpoint paths", () => timeDecay(tp), { runs: 9 });
}

saveResults("attribution.bench.ts");
