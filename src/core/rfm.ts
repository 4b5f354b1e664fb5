/**
 * RFM summary of a transaction log for the "buy till you die" models (BG/NBD, Gamma-Gamma).
 *
 * Per customer, using only transactions on or before the as-of date (calibration end, inclusive) and
 * combining all purchases of one calendar day into one purchase whose amount is the day's sum:
 *   frequency x  = number of distinct purchase days − 1 (repeat purchases),
 *   recency  t_x = (last purchase day − first purchase day) / unit,
 *   age      T   = (as-of day − first purchase day) / unit,
 *   monetary     = mean amount of the repeat purchase days (the first day excluded), 0 when x = 0.
 * Customers whose first purchase is after the as-of date are not in the summary.
 *
 * With the as-of day counted inclusively and T measured to the as-of day itself, this reproduces the CDNOW
 * calibration summary of Fader, Hardie & Lee (2005) exactly (as-of 1997-09-30, unit = 7 days: a customer
 * first buying on 1997-01-01 has T = 272/7 = 38.86 weeks), as does lifetimes'
 * `summary_data_from_transaction_data` (Davidson-Pilon, lifetimes, MIT).
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 * Fader, Hardie & Lee (2005), "RFM and CLV: Using iso-value curves", J. Marketing Research 42(4).
 */
import { daysPerUnit, type TimeUnit } from "./dates";
import { finite, mktError } from "./value-messages";

export type CustomerId = string | number;

export interface RfmOptions {
  /** Calibration end as an Excel serial day (inclusive; the time of day is ignored). */
  asOf: number;
  /** Unit of recency and T. */
  timeUnit: TimeUnit;
}

export interface RfmSummary {
  /** Customer ids in order of first appearance in the input (among rows on or before as-of). */
  ids: CustomerId[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  /** First and last purchase day (whole Excel serial days) and the as-of day, for exact grouping. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  asOfDay: number;
  timeUnit: TimeUnit;
  daysPerUnit: number;
}

const MAX_DAY = 1e8;

function dayOf(v: unknown, arg: string, row: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw mktError("value", "notANumber", { arg, index: row + 1 });
  if (Math.abs(v) >= MAX_DAY) throw mktError("value", "dateOutOfRange", { arg, index: row + 1 });
  return Math.floor(v);
}

/**
 * Builds the RFM summary (see module doc for the definitions) from parallel arrays of customer ids,
 * transaction dates (Excel serial day numbers) and amounts.
 * Linear time apart from sorting days within customers whose rows are not in date order: ids are mapped to
 * integers once, rows are bucketed by customer with a counting sort into typed arrays.
 * @throws value for arrays of different lengths, empty input, invalid ids / dates / amounts, an unknown
 *   time unit, or no transaction on or before the as-of date.
 */
export function rfmSummary(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: RfmOptions,
): RfmSummary {
  const unit = daysPerUnit(options.timeUnit);
  const n = customerIds.length;
  if (dates.length !== n) {
    throw mktError("value", "lengthMismatch", { arg: "dates", other: "customerIds", n: dates.length, m: n });
  }
  if (amounts.length !== n) {
    throw mktError("value", "lengthMismatch", { arg: "amounts", other: "customerIds", n: amounts.length, m: n });
  }
  if (n === 0) throw mktError("value", "noData", { arg: "customerIds" });
  const asOfDay = dayOf(finite(options.asOf, "asOf"), "asOf", 0);

  const index = new Map<CustomerId, number>();
  const ids: CustomerId[] = [];
  const rowCust = new Int32Array(n);
  const rowDay = new Int32Array(n);
  const rowAmt = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const day = dayOf(dates[i], "dates", i);
    const amt = amounts[i];
    if (typeof amt !== "number" || !Number.isFinite(amt)) {
      throw mktError("value", "notANumber", { arg: "amounts", index: i + 1 });
    }
    const id = customerIds[i];
    if (typeof id === "number" ? !Number.isFinite(id) : typeof id !== "string" || id === "") {
      throw mktError("value", "invalidCustomerId", { arg: "customerIds", index: i + 1 });
    }
    if (day > asOfDay) continue;
    let c = index.get(id);
    if (c === undefined) {
      c = ids.length;
      index.set(id, c);
      ids.push(id);
    }
    rowCust[k] = c;
    rowDay[k] = day;
    rowAmt[k] = amt;
    k++;
  }
  if (k === 0) throw mktError("value", "noTransactionsBeforeAsOf", { asOf: options.asOf });

  // Counting sort of the kept rows by customer (stable).
  const m = ids.length;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < k; i++) start[rowCust[i] + 1]++;
  for (let c = 0; c < m; c++) start[c + 1] += start[c];
  const pos = start.slice(0, m);
  const day = new Int32Array(k);
  const amt = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const p = pos[rowCust[i]]++;
    day[p] = rowDay[i];
    amt[p] = rowAmt[i];
  }

  const frequency = new Float64Array(m);
  const recency = new Float64Array(m);
  const T = new Float64Array(m);
  const monetary = new Float64Array(m);
  const firstDay = new Int32Array(m);
  const lastDay = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const s = start[c];
    const e = start[c + 1];
    let first = day[s];
    let last = first;
    let sorted = true;
    for (let i = s + 1; i < e; i++) {
      const d = day[i];
      if (d < day[i - 1]) sorted = false;
      if (d < first) first = d;
      if (d > last) last = d;
    }
    let total = 0;
    let firstAmt = 0;
    for (let i = s; i < e; i++) {
      total += amt[i];
      if (day[i] === first) firstAmt += amt[i];
    }
    if (!sorted) day.subarray(s, e).sort();
    let distinct = 1;
    for (let i = s + 1; i < e; i++) if (day[i] !== day[i - 1]) distinct++;
    const x = distinct - 1;
    frequency[c] = x;
    recency[c] = (last - first) / unit;
    T[c] = (asOfDay - first) / unit;
    monetary[c] = x > 0 ? (total - firstAmt) / x : 0;
    firstDay[c] = first;
    lastDay[c] = last;
  }
  return {
    ids,
    frequency,
    recency,
    T,
    monetary,
    firstDay,
    lastDay,
    asOfDay,
    timeUnit: options.timeUnit,
    daysPerUnit: unit,
  };
}
