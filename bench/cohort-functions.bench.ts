/**
 * Overhead of the Excel-facing MKT.COHORT, MKT.RETENTION and MKT.CHURN (src/functions/cohort.ts) over the core
 * calls they make (src/core/cohort.ts, src/core/churn.ts), on a synthetic purchase log of 1,000,000 orders
 * (100,000 customers, 24 months, numeric ids, seeded mulberry32) passed as Excel passes whole-column references:
 * 1,048,576 rows, one small array per row, a title row on top and blank rows below the data.
 *
 * The wrapper's own work is reading the cells (trailing blanks, title row, error values, id and date checks) and
 * building the spilled array. Reported: the wrapper's and the core's median, their ratio, and the per-row price of
 * the reading. Target: MKT.COHORT on the whole columns under 1,000 ms (the core's target is 500 ms).
 * Data generation is outside the timed part. Run: `npm run bench -- cohort-functions`.
 */
import { churnByHabit } from "../src/core/churn";
import { cohortTable, retentionCurve } from "../src/core/cohort";
import { ymdToSerial } from "../src/core/periods";
import { churn, cohort, retention } from "../src/functions/functions";
import { measure, saveResults, type BenchResult } from "./harness";

/** mulberry32: 32-bit seeded PRNG returning uniforms in [0, 1). */
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

const EXCEL_ROWS = 1_048_576;
const ORDERS = 1_000_000;
const CUSTOMERS = 100_000;
const start = ymdToSerial(2025, 1, 1);
const days = ymdToSerial(2027, 1, 1) - start;

// Each customer: a uniform acquisition day, orders at uniform days between it and the end, rows in random order.
const u = mulberry32(20270101);
const first = new Float64Array(CUSTOMERS);
for (let c = 0; c < CUSTOMERS; c++) first[c] = start + Math.floor(u() * days);
const ids: number[] = new Array<number>(ORDERS);
const dates: number[] = new Array<number>(ORDERS);
for (let i = 0; i < ORDERS; i++) {
  const c = i < CUSTOMERS ? i : Math.floor(u() * CUSTOMERS);
  ids[i] = c + 1;
  dates[i] = i < CUSTOMERS ? first[c] : first[c] + Math.floor(u() * (start + days - first[c]));
}
for (let i = ORDERS - 1; i > 0; i--) {
  const j = Math.floor(u() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
  [dates[i], dates[j]] = [dates[j], dates[i]];
}

/** A whole-column reference: title, the values, blanks down to row 1,048,576. */
function wholeColumn(title: string, values: readonly unknown[]): unknown[][] {
  const col: unknown[][] = [[title]];
  for (const v of values) col.push([v]);
  while (col.length < EXCEL_ROWS) col.push([null]);
  return col;
}
const idCol = wholeColumn("customer", ids);
const dateCol = wholeColumn("date", dates);
const notes = { orders: ORDERS, customers: CUSTOMERS, months: 24, rows: EXCEL_ROWS };

function ratio(wrapper: BenchResult, core: BenchResult): void {
  wrapper.notes = {
    ...(wrapper.notes ?? {}),
    coreMedianMs: core.medianMs.toFixed(2),
    ratio: (wrapper.medianMs / core.medianMs).toFixed(3),
    readingNsPerRow: (((wrapper.medianMs - core.medianMs) * 1e6) / EXCEL_ROWS).toFixed(1),
  };
  console.log(`    wrapper ÷ core: ${wrapper.notes.ratio}`);
}

// Same answers before timing.
const table = cohort(idCol, dateCol, [["month"]], [["customers"]]);
const coreTable = cohortTable(ids, dates, { period: "month", measure: "customers" });
if (table.length !== coreTable.labels.length + 1 || table[1][2] !== coreTable.values[0][0]) {
  throw new Error("MKT.COHORT and cohortTable disagree");
}

ratio(
  measure("MKT.COHORT month/customers, 1,048,576-row columns", () => cohort(idCol, dateCol, [["month"]]), {
    runs: 11,
    targetMs: 1000,
    notes,
  }),
  measure("core cohortTable month/customers, same 1M orders", () =>
    cohortTable(ids, dates, { period: "month", measure: "customers" }),
  ),
);
ratio(
  measure("MKT.RETENTION month, 1,048,576-row columns", () => retention(idCol, dateCol), { runs: 11, notes }),
  measure("core retentionCurve month, same 1M orders", () => retentionCurve(ids, dates, { period: "month" })),
);
ratio(
  measure("MKT.CHURN 3 months, 1,048,576-row columns", () => churn(idCol, dateCol), { runs: 11, notes }),
  measure("core churnByHabit 3 months, same 1M orders", () => churnByHabit(ids, dates, { windowMonths: 3 })),
);

saveResults("cohort-functions.bench.ts");
