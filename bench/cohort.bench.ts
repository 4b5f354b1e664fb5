/**
 * Benchmarks of the cohort module: a monthly cohort triangle (active customers, retention, revenue), the
 * weekly triangle, the average retention curve and churn by habit on a synthetic log of 1,000,000 orders
 * (100,000 customers, 24 months) generated with a seeded mulberry32 PRNG. Data generation is outside the
 * timed part. Target: monthly triangle of 1M orders (numeric ids) under 500 ms. Text ids go through a Map
 * keyed by string, which dominates the time (reported without a target). Run: `npx tsx bench/cohort.bench.ts`.
 */
import { churnByHabit } from "../src/core/churn";
import { cohortTable, retentionCurve } from "../src/core/cohort";
import { ymdToSerial } from "../src/core/periods";
import { measure, saveResults } from "./harness";
import { mulberry32 } from "./random";

interface Log {
  ids: number[];
  dates: number[];
  amounts: number[];
}

/**
 * `orders` orders of `customers` customers over `days` days from `start`: each customer gets a uniform
 * acquisition day and its orders (at least one) at uniform days between acquisition and the end, in
 * random row order (ids numeric, as read from a sheet).
 */
function makeLog(orders: number, customers: number, start: number, days: number, seed: number): Log {
  const u = mulberry32(seed);
  const first = new Float64Array(customers);
  for (let c = 0; c < customers; c++) first[c] = start + Math.floor(u() * days);
  const ids: number[] = new Array<number>(orders);
  const dates: number[] = new Array<number>(orders);
  const amounts: number[] = new Array<number>(orders);
  for (let i = 0; i < orders; i++) {
    const c = i < customers ? i : Math.floor(u() * customers);
    const f = first[c];
    ids[i] = 100000 + c;
    dates[i] = i < customers ? f : f + Math.floor(u() * (start + days - f));
    amounts[i] = Math.round(5 + u() * 95);
  }
  // Shuffle rows (Fisher-Yates) so the log is in no particular order.
  for (let i = orders - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
    [dates[i], dates[j]] = [dates[j], dates[i]];
    [amounts[i], amounts[j]] = [amounts[j], amounts[i]];
  }
  return { ids, dates, amounts };
}

const start = ymdToSerial(2025, 1, 1);
const days = ymdToSerial(2027, 1, 1) - start; // 24 months
const big = makeLog(1_000_000, 100_000, start, days, 20270101);
const notes = { orders: 1_000_000, customers: 100_000, months: 24 };

measure(
  "cohortTable month/customers, 1M orders",
  () => cohortTable(big.ids, big.dates, { period: "month", measure: "customers" }),
  { runs: 15, targetMs: 500, notes },
);
measure(
  "cohortTable month/retention, 1M orders",
  () => cohortTable(big.ids, big.dates, { period: "month", measure: "retention" }),
  { runs: 15, targetMs: 500, notes },
);
measure(
  "cohortTable month/revenue, 1M orders",
  () => cohortTable(big.ids, big.dates, { period: "month", measure: "revenue", amounts: big.amounts }),
  { runs: 15, targetMs: 500, notes },
);
const textIds = big.ids.map((x) => `C${x}`);
measure(
  "cohortTable month/customers, 1M orders, text ids (Map path)",
  () => cohortTable(textIds, big.dates, { period: "month", measure: "customers" }),
  { runs: 7, notes: { ...notes, ids: "text" } },
);
measure("cohortTable week/retention, 1M orders", () =>
  cohortTable(big.ids, big.dates, { period: "week", measure: "retention" }),
);
measure("retentionCurve month, 1M orders", () => retentionCurve(big.ids, big.dates, { period: "month" }));
measure("churnByHabit 3 months, 1M orders", () => churnByHabit(big.ids, big.dates, { windowMonths: 3 }));

saveResults("cohort.bench.ts");
