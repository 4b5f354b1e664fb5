/**
 * Churn by purchase habit: how churn over the next window depends on how often a customer bought in the
 * window before.
 *
 * Convention (this module). With as-of date t and a window of w calendar months (EDATE arithmetic, see
 * `addMonths` in periods.ts):
 *   preceding window P = [t − w months, t)      (start inclusive, end exclusive, whole days)
 *   next window      N = [t, t + w months)
 *   at risk  = customers with at least one purchase in P;
 *   habit    = number of distinct purchase days in P (same-day purchases count once), grouped 1, 2, 3, 4+;
 *   churned  = at-risk customers with no purchase in N;
 *   churn rate of a group = churned / at risk.
 * Purchases before P and after N are ignored: a customer who bought only before P is already lapsed and is
 * not at risk; a customer acquired inside P is at risk with the purchases made so far.
 *
 * Alternatives not used here: counting order rows instead of purchase days (inflates the habit of
 * customers who split a basket); counting everyone who ever bought before t as at risk (adds long-lapsed
 * customers, who nearly all "churn", to the 1-purchase group); "churned = no purchase until the end of the
 * data" (windows of unequal length per as-of date). The convention used keeps both windows the same length,
 * so the rates are comparable across as-of dates and window lengths.
 *
 * Observation: N must be fully observed, i.e. t + w months ≤ last purchase date + 1 day (the last purchase
 * date in the data stands for the end of the data). Default as-of: t = (last purchase date + 1 day) − w
 * months, the latest as-of whose next window is complete.
 */
import { cohortError } from "./cohort-messages";
import { checkLogShape, dateArg, encodeCustomerIds, encodeDays, type CustomerId } from "./cohort";
import { addMonths, dayNumberToSerial, isoDateOfSerial, serialToDayNumber } from "./periods";

/** Options of {@link churnByHabit}. */
export interface ChurnByHabitOptions {
  /** Length w of the preceding and the next window in calendar months (whole number 1–1200, default 3). */
  windowMonths?: number;
  /** As-of date t (Excel serial). Default: last purchase date + 1 day − w months (see module doc). */
  asOf?: number;
}

/** One habit group (or the total) of {@link churnByHabit}. */
export interface ChurnHabitGroup {
  /** "1", "2", "3", "4+" or "all". */
  label: string;
  /** Minimum distinct purchase days in the preceding window (1, 2, 3, 4; 1 for "all"). */
  minPurchases: number;
  /** Customers at risk (bought in the preceding window). */
  customers: number;
  /** At-risk customers without a purchase in the next window. */
  churned: number;
  /** churned / customers, or null when the group is empty. */
  churnRate: number | null;
}

/** Result of {@link churnByHabit}; dates are Excel serials. */
export interface ChurnByHabitResult {
  windowMonths: number;
  asOf: number;
  /** First day of the preceding window (t − w months). */
  precedingStart: number;
  /** Last day of the next window (t + w months − 1 day). */
  nextEnd: number;
  /** Last purchase date in the data. */
  lastPurchase: number;
  /** Groups "1", "2", "3", "4+" in this order. */
  groups: ChurnHabitGroup[];
  /** All at-risk customers together. */
  total: ChurnHabitGroup;
}

/**
 * Churn rate over the next `windowMonths` months by number of distinct purchase days in the preceding
 * `windowMonths` months (1, 2, 3, 4+), with counts. See the module doc for the exact convention.
 * Runs in O(n log n) (one typed-array sort of the purchase days in the preceding window).
 * @throws value for arrays of different lengths, empty input, invalid ids or dates, windowMonths not a
 *   whole number in 1…1200, a next window that ends after the last purchase date (`churnWindowNotObserved`,
 *   arg "asOf"), or no customer active in the preceding window (`noActiveCustomers`).
 */
export function churnByHabit(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  opts: ChurnByHabitOptions = {},
): ChurnByHabitResult {
  const n = checkLogShape(customerIds, dates);
  const w = opts.windowMonths ?? 3;
  if (typeof w !== "number" || !Number.isInteger(w) || w < 1 || w > 1200) {
    throw cohortError("value", "windowMonthsOutOfRange", { arg: "windowMonths" });
  }
  const { rowDay: day, maxDay } = encodeDays(dates, n);
  const { rowCust } = encodeCustomerIds(customerIds, n);
  const lastPurchase = dayNumberToSerial(maxDay);
  const asOf = opts.asOf === undefined ? addMonths(lastPurchase + 1, -w) : dateArg(opts.asOf, "asOf");
  const precedingStart = addMonths(asOf, -w);
  const nextEndExcl = addMonths(asOf, w);
  if (nextEndExcl > lastPurchase + 1) {
    throw cohortError("value", "churnWindowNotObserved", {
      arg: "asOf",
      start: isoDateOfSerial(asOf),
      end: isoDateOfSerial(nextEndExcl - 1),
      last: isoDateOfSerial(lastPurchase),
    });
  }
  const pStart = serialToDayNumber(precedingStart);
  const t = serialToDayNumber(asOf);
  const nEnd = serialToDayNumber(nextEndExcl);
  const spanP = t - pStart; // ≥ 28 days

  // Purchase days in P become keys c · spanP + (day − start of P); customers buying in N are flagged.
  const keys = new Float64Array(n);
  let nKeys = 0;
  const boughtNext = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = day[i];
    if (d < pStart || d >= nEnd) continue;
    const c = rowCust[i];
    if (d < t) keys[nKeys++] = c * spanP + (d - pStart);
    else boughtNext[c] = 1;
  }
  const sorted = keys.subarray(0, nKeys).sort();
  const groups = [1, 2, 3, 4].map((m) => ({ customers: 0, churned: 0, minPurchases: m }));
  let i = 0;
  while (i < nKeys) {
    const c = Math.floor(sorted[i] / spanP);
    let days = 0;
    let prev = -1;
    while (i < nKeys && Math.floor(sorted[i] / spanP) === c) {
      if (sorted[i] !== prev) days++;
      prev = sorted[i];
      i++;
    }
    const g = groups[Math.min(days, 4) - 1];
    g.customers++;
    if (boughtNext[c] === 0) g.churned++;
  }
  const totalCustomers = groups.reduce((s, g) => s + g.customers, 0);
  if (totalCustomers === 0) {
    throw cohortError("value", "noActiveCustomers", {
      arg: "asOf",
      start: isoDateOfSerial(precedingStart),
      end: isoDateOfSerial(asOf - 1),
    });
  }
  const totalChurned = groups.reduce((s, g) => s + g.churned, 0);
  const rate = (ch: number, cu: number): number | null => (cu === 0 ? null : ch / cu);
  return {
    windowMonths: w,
    asOf,
    precedingStart,
    nextEnd: nextEndExcl - 1,
    lastPurchase,
    groups: groups.map((g) => ({
      label: g.minPurchases === 4 ? "4+" : String(g.minPurchases),
      minPurchases: g.minPurchases,
      customers: g.customers,
      churned: g.churned,
      churnRate: rate(g.churned, g.customers),
    })),
    total: {
      label: "all",
      minPurchases: 1,
      customers: totalCustomers,
      churned: totalChurned,
      churnRate: totalChurned / totalCustomers,
    },
  };
}
