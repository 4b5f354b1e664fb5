/**
 * Benchmarks of the segmentation module on a synthetic customer table of 100,000 rows × 10 columns as Office.js
 * gives it (`Range.values`: header row, numbers, text, blanks): 7 numeric columns (age, order count, spend,
 * recency days, visits, tenure months, discount share) and 3 categorical ones (region: 6, city tier: 4,
 * channel: 3 categories), drawn from 5 latent customer groups with overlapping Gaussian noise and 1% blank
 * cells, with a seeded mulberry32 PRNG. Data generation is outside the timed part.
 * Targets (median, 5 runs): standardize + k-means with k fixed, and standardize + k chosen by the sampled
 * silhouette (k = 2..8), each under 2 s. Run: `node --import tsx bench/segment.bench.ts`.
 */
import {
  chooseK,
  kmeans,
  readTable,
  rfmTiersFromTable,
  segmentTable,
  standardize,
  type ChooseKResult,
  type KMeansResult,
} from "../src/core/segment";
import { measure, saveResults } from "./harness";
import { mulberry32 } from "./random";

const HEADERS = [
  "Age",
  "Region",
  "Order count",
  "Spend",
  "City tier",
  "Recency days",
  "Visits",
  "Channel",
  "Tenure months",
  "Discount share",
];

/** 5 latent groups: [age, orders, spend, recency, visits, tenure, discount], favourite tier and channel. */
const GROUPS = [
  { mean: [26, 2, 120, 30, 14, 6, 0.35], tier: 2, channel: 0 },
  { mean: [38, 12, 1400, 12, 30, 40, 0.08], tier: 0, channel: 0 },
  { mean: [52, 6, 600, 60, 8, 70, 0.1], tier: 1, channel: 1 },
  { mean: [45, 3, 300, 240, 3, 50, 0.2], tier: 3, channel: 1 },
  { mean: [33, 8, 700, 20, 22, 24, 0.3], tier: 1, channel: 2 },
];
const SDS = [5, 2, 150, 15, 4, 10, 0.05];
const REGIONS = ["North", "South", "East", "West", "Central", "Overseas"];
const TIERS = ["Tier-1", "Tier-2", "Tier-3", "Tier-4"];
const CHANNELS = ["Online", "Store", "App"];

function makeCells(n: number, seed: number): unknown[][] {
  const u = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const blank = (v: unknown): unknown => (u() < 0.01 ? "" : v);
  const cells: unknown[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const g = GROUPS[Math.floor(u() * GROUPS.length)];
    const x = g.mean.map((m, t) => m + SDS[t] * normal());
    cells.push([
      blank(Math.round(x[0])),
      blank(REGIONS[Math.floor(u() * REGIONS.length)]),
      blank(Math.max(0, Math.round(x[1]))),
      blank(Math.round(Math.max(0, x[2]) * 100) / 100),
      blank(u() < 0.7 ? TIERS[g.tier] : TIERS[Math.floor(u() * TIERS.length)]),
      blank(Math.max(0, Math.round(x[3]))),
      blank(Math.max(0, Math.round(x[4]))),
      blank(u() < 0.6 ? CHANNELS[g.channel] : CHANNELS[Math.floor(u() * CHANNELS.length)]),
      blank(Math.max(0, Math.round(x[5]))),
      blank(Math.min(1, Math.max(0, Math.round(x[6] * 1000) / 1000))),
    ]);
  }
  return cells;
}

const N = 100_000;
const cells = makeCells(N, 20240601);
const table = readTable(cells);
const matrix = standardize(table);
const notes = { rows: N, columns: 10, dims: matrix.dims };

measure("readTable 100k × 10 (typing, imputation)", () => readTable(cells), { runs: 5, warmup: 1, notes });

let fixed: KMeansResult | undefined;
measure(
  "standardize + kmeans k=5 (10 restarts), 100k × 10",
  () => (fixed = kmeans(standardize(table), 5, { seed: 1 })),
  { runs: 5, warmup: 1, targetMs: 2000, notes },
);

let auto: ChooseKResult | undefined;
measure(
  "standardize + chooseK k=2..8 (sampled silhouette), 100k × 10",
  () => (auto = chooseK(standardize(table), { seed: 1 })),
  { runs: 5, warmup: 1, targetMs: 2000, notes },
);

measure("segmentTable k=5 end to end (read → personas), 100k × 10", () => segmentTable(cells, { k: 5, seed: 1 }), {
  runs: 5,
  warmup: 1,
  notes,
});
measure("segmentTable auto k end to end, 100k × 10", () => segmentTable(cells, { seed: 1 }), {
  runs: 5,
  warmup: 1,
  notes,
});
measure(
  "rfmTiersFromTable 100k",
  () => rfmTiersFromTable(table, { recency: "Recency days", frequency: "Order count", monetary: "Spend" }),
  { runs: 5, warmup: 1, notes },
);

if (fixed && auto) {
  console.log(
    `k=5: iterations ${fixed.iterations}, sizes ${Array.from(fixed.sizes).join("/")}; ` +
      `auto: k=${auto.k}, silhouettes ${auto.candidates.map((c) => `${c.k}:${c.silhouette.toFixed(3)}`).join(" ")}`,
  );
}
saveResults("segment.bench.ts");
