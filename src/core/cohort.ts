/**
 * Acquisition-cohort tables and the average retention curve from a transaction log.
 *
 * Input: parallel arrays of customer ids and purchase dates (Excel serial days; the time of day is ignored),
 * optionally amounts. Only purchases on or before the as-of date count (default: the last purchase date).
 *
 *   cohort of a customer   = calendar period (month, ISO week, quarter) of the customer's first purchase;
 *   k (periods since acq.) = period of a purchase − cohort period (0, 1, 2, …), in calendar periods;
 *   active_k               = distinct customers of the cohort with ≥ 1 purchase in period cohort + k;
 *   retention_k            = active_k / cohort size (so retention_0 = 100%);
 *   revenue_k              = sum of the amounts of the cohort's purchases in period cohort + k.
 *
 * Several purchases of one customer in one period (same day or not) count once for active customers. A
 * customer with a single purchase is a member of its cohort who never returns. A cell whose period lies after
 * the as-of period (cohort period + k > as-of period) is not yet observable and is `null` (a blank cell), not
 * 0. The as-of period itself is counted although it may be incomplete (as-of in the middle of a month): pass
 * the last day of the last complete period as as-of to see complete periods only.
 *
 * Customer ids are compared by value and type (the number 1 and the text "1" are different customers),
 * as in rfm.ts.
 */
import { cohortError, finiteArg } from "./cohort-messages";
import {
  EXCEL_MAX_SERIAL,
  EXCEL_MIN_SERIAL,
  dayNumberToSerial,
  isoDateOfSerial,
  periodIndexOfDayNumber,
  periodLabel,
  serialToDayNumber,
  type CalendarPeriod,
} from "./periods";

export type { CalendarPeriod } from "./periods";

export type CustomerId = string | number;

/** What the cells of a cohort table show. */
export type CohortMeasure = "customers" | "retention" | "revenue";

const PERIOD_WORDS: Readonly<Record<string, CalendarPeriod>> = {
  month: "month",
  months: "month",
  monthly: "month",
  mo: "month",
  m: "month",
  月: "month",
  月份: "month",
  月度: "month",
  每月: "month",
  按月: "month",
  week: "week",
  weeks: "week",
  weekly: "week",
  wk: "week",
  w: "week",
  周: "week",
  週: "week",
  星期: "week",
  每周: "week",
  每週: "week",
  按周: "week",
  按週: "week",
  quarter: "quarter",
  quarters: "quarter",
  quarterly: "quarter",
  qtr: "quarter",
  q: "quarter",
  季度: "quarter",
  季: "quarter",
  每季度: "quarter",
  按季度: "quarter",
  按季: "quarter",
};

const MEASURE_WORDS: Readonly<Record<string, CohortMeasure>> = {
  customers: "customers",
  customer: "customers",
  "active customers": "customers",
  active: "customers",
  count: "customers",
  客户: "customers",
  客户数: "customers",
  客戶: "customers",
  客戶數: "customers",
  活跃客户: "customers",
  活躍客戶: "customers",
  人数: "customers",
  人數: "customers",
  retention: "retention",
  "retention rate": "retention",
  rate: "retention",
  留存: "retention",
  留存率: "retention",
  保留率: "retention",
  revenue: "revenue",
  sales: "revenue",
  amount: "revenue",
  收入: "revenue",
  营收: "revenue",
  營收: "revenue",
  销售额: "revenue",
  銷售額: "revenue",
};

function lookupWord<T>(table: Readonly<Record<string, T>>, word: unknown): T | undefined {
  if (typeof word !== "string") return undefined;
  const w = word.trim().toLowerCase().replace(/\s+/g, " ");
  return Object.prototype.hasOwnProperty.call(table, w) ? table[w] : undefined;
}

/**
 * Maps a period word to {@link CalendarPeriod}: English (month/months/monthly/m, week/weekly/w,
 * quarter/quarterly/q; case and surrounding spaces ignored) or Chinese (月, 月份, 月度, 每月, 按月; 周, 週, 星期,
 * 每周, 按周; 季度, 季, 每季度, 按季度, 按季).
 * @throws value `unknownPeriod` naming `arg` for anything else.
 */
export function parsePeriod(word: unknown, arg = "period"): CalendarPeriod {
  const p = lookupWord(PERIOD_WORDS, word);
  if (p === undefined) throw cohortError("value", "unknownPeriod", { arg });
  return p;
}

/**
 * Maps a measure word to {@link CohortMeasure}: customers (customer, active, count, 客户数, 客戶數, 人数),
 * retention (rate, 留存, 留存率), revenue (sales, amount, 收入, 营收, 销售额).
 * @throws value `unknownMeasure` naming `arg` for anything else.
 */
export function parseMeasure(word: unknown, arg = "measure"): CohortMeasure {
  const m = lookupWord(MEASURE_WORDS, word);
  if (m === undefined) throw cohortError("value", "unknownMeasure", { arg });
  return m;
}

/** Validates one date cell and returns its day number (days since 1970-01-01). */
export function dateCell(v: unknown, arg: string, row: number): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw cohortError("value", "notANumberAt", { arg, index: row + 1 });
  if (v < EXCEL_MIN_SERIAL || v >= EXCEL_MAX_SERIAL + 1) {
    throw cohortError("value", "dateOutOfRange", { arg, index: row + 1 });
  }
  return serialToDayNumber(v);
}

/** Validates a single date argument (as-of) and returns its whole serial day. */
export function dateArg(v: unknown, arg: string): number {
  const x = finiteArg(v, arg);
  if (x < EXCEL_MIN_SERIAL || x >= EXCEL_MAX_SERIAL + 1) throw cohortError("value", "dateArgOutOfRange", { arg });
  return Math.floor(x);
}

/** True for a usable customer id: a finite number or a non-blank string. */
export function isValidCustomerId(id: unknown): id is CustomerId {
  return typeof id === "number" ? Number.isFinite(id) : typeof id === "string" && id.trim() !== "";
}

/** Checks that the log arrays are array-like, non-empty and of equal length; returns the row count. */
export function checkLogShape(
  customerIds: ArrayLike<unknown>,
  dates: ArrayLike<unknown>,
  amounts?: ArrayLike<unknown>,
): number {
  if (customerIds == null || typeof customerIds.length !== "number") {
    throw cohortError("value", "noData", { arg: "customerIds" });
  }
  if (dates == null || typeof dates.length !== "number") throw cohortError("value", "noData", { arg: "dates" });
  const n = customerIds.length;
  if (dates.length !== n) {
    throw cohortError("value", "lengthMismatch", { arg: "dates", other: "customerIds", n: dates.length, m: n });
  }
  if (amounts !== undefined && (amounts == null || amounts.length !== n)) {
    const len = amounts == null || typeof amounts.length !== "number" ? 0 : amounts.length;
    throw cohortError("value", "lengthMismatch", { arg: "amounts", other: "customerIds", n: len, m: n });
  }
  if (n === 0) throw cohortError("value", "noData", { arg: "customerIds" });
  return n;
}

/** Day numbers (days since 1970-01-01) of validated date cells, with their range. */
export interface EncodedDays {
  rowDay: Int32Array;
  minDay: number;
  maxDay: number;
}

/** Validates every date (Excel serial in 1…2958465) and converts it to a day number. */
export function encodeDays(dates: ArrayLike<unknown>, n: number, arg = "dates"): EncodedDays {
  const rowDay = new Int32Array(n);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = dateCell(dates[i], arg, i);
    rowDay[i] = d;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  return { rowDay, minDay, maxDay };
}

/** Customer ids mapped to 0 … count − 1 in order of first appearance. */
export interface EncodedIds {
  rowCust: Int32Array;
  count: number;
}

/**
 * Validates the ids and maps them to consecutive integers (first appearance order). Whole-number ids in a
 * compact range (the common case of numeric ids from a sheet) use a direct-address table; anything else
 * (text, fractions, sparse numbers) a Map. 1 and "1" are different ids.
 */
export function encodeCustomerIds(customerIds: ArrayLike<unknown>, n: number, arg = "customerIds"): EncodedIds {
  let lo = Infinity;
  let hi = -Infinity;
  let allInt = true;
  for (let i = 0; i < n; i++) {
    const id = customerIds[i];
    if (!isValidCustomerId(id)) throw cohortError("value", "invalidCustomerId", { arg, index: i + 1 });
    if (allInt) {
      if (typeof id === "number" && Number.isInteger(id)) {
        if (id < lo) lo = id;
        if (id > hi) hi = id;
      } else allInt = false;
    }
  }
  const rowCust = new Int32Array(n);
  let count = 0;
  if (allInt && hi - lo <= Math.max(4 * n, 1 << 16)) {
    const slot = new Int32Array(hi - lo + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const k = (customerIds[i] as number) - lo;
      let c = slot[k];
      if (c < 0) c = slot[k] = count++;
      rowCust[i] = c;
    }
  } else {
    const index = new Map<unknown, number>();
    for (let i = 0; i < n; i++) {
      const id = customerIds[i];
      let c = index.get(id);
      if (c === undefined) {
        c = count++;
        index.set(id, c);
      }
      rowCust[i] = c;
    }
  }
  return { rowCust, count };
}

/** Largest bitset (32-bit words) used for distinct counting before falling back to the counting sort. */
const BITSET_MAX_WORDS = 1 << 22;

/** Options shared by {@link cohortCounts}, {@link cohortTable} and {@link retentionCurve}. */
export interface CohortOptions {
  period: CalendarPeriod;
  /** As-of date (Excel serial, inclusive). Default: the last purchase date. Later purchases are ignored. */
  asOf?: number;
}

/** Raw cohort counts in typed arrays (the building block of {@link cohortTable} and {@link retentionCurve}). */
export interface CohortCounts {
  period: CalendarPeriod;
  /** Period index (periods.ts) of each cohort, ascending; only periods in which someone was acquired. */
  cohortPeriods: Int32Array;
  /** Customers acquired in each cohort. */
  sizes: Float64Array;
  /** Number of columns: k = 0 … columns − 1, where columns − 1 = as-of period − first cohort period. */
  columns: number;
  /** active[r · columns + k] = distinct customers of cohort r active in period cohort + k (0 if unobservable). */
  active: Float64Array;
  /** revenue[r · columns + k] = sum of amounts (only when amounts were given). */
  revenue?: Float64Array;
  /** observable[r] = number of observable columns of cohort r = as-of period − cohort period + 1. */
  observable: Int32Array;
  asOf: number;
  asOfPeriod: number;
  customers: number;
  /** Purchase rows used (on or before as-of). */
  rowsUsed: number;
}

/**
 * Cohort counts from a transaction log (see the module doc for definitions).
 *
 * Linear time: ids are mapped to integers once (a Map, or a direct-address table for compact whole-number
 * ids); dates go to periods through a day → period lookup table; each kept row becomes (customer, period)
 * in typed arrays; the first period per customer is a running minimum. Distinct (customer, k) pairs are
 * counted with a bitset of ⌈columns/32⌉ words per customer (one pass; used while it needs ≤ 16 MB), else by
 * bucketing rows by customer with a counting sort and a per-k "last customer seen" stamp array (memory linear
 * in the rows). No per-row objects are created.
 * @throws value for arrays of different lengths, empty input, non-numeric or out-of-range dates, invalid ids,
 *   non-numeric amounts, or an as-of date before every purchase.
 */
export function cohortCounts(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  opts: CohortOptions & {
    amounts?: ArrayLike<number>;
    /** Distinct-count method (for tests and benchmarks; both give the same counts). Default "auto". */
    algorithm?: "auto" | "bitset" | "sort";
  },
): CohortCounts {
  const period = opts.period;
  if (period !== "month" && period !== "week" && period !== "quarter") {
    throw cohortError("value", "unknownPeriod", { arg: "period" });
  }
  const amounts = opts.amounts;
  const n = checkLogShape(customerIds, dates, amounts);
  const asOfSerialArg = opts.asOf === undefined ? undefined : dateArg(opts.asOf, "asOf");

  // Validate and encode: ids → 0…m−1, dates → day numbers, day → period through a lookup table.
  const days = encodeDays(dates, n);
  const ids = encodeCustomerIds(customerIds, n);
  let rowAmt: Float64Array | undefined;
  if (amounts !== undefined) {
    rowAmt = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = amounts[i];
      if (typeof a !== "number" || !Number.isFinite(a)) {
        throw cohortError("value", "notANumberAt", { arg: "amounts", index: i + 1 });
      }
      rowAmt[i] = a;
    }
  }
  const asOfDay = asOfSerialArg === undefined ? days.maxDay : serialToDayNumber(asOfSerialArg);
  if (asOfDay < days.minDay) {
    throw cohortError("value", "noPurchasesBeforeAsOf", { arg: "asOf", asOf: isoDateOfSerial(asOfSerialArg ?? 0) });
  }
  const asOfSerial = asOfSerialArg ?? dayNumberToSerial(days.maxDay);
  const asOfPeriod = periodIndexOfDayNumber(period, asOfDay);
  const lastDay = Math.min(asOfDay, days.maxDay);
  const perOfDay = new Int32Array(lastDay - days.minDay + 1);
  for (let d = days.minDay; d <= lastDay; d++) perOfDay[d - days.minDay] = periodIndexOfDayNumber(period, d);

  // Rows on or before as-of: (customer, period); per-customer first period (MAX = no row kept).
  const nAll = ids.count;
  const rowCust = ids.rowCust;
  const rowDay = days.rowDay;
  const rowPer = new Int32Array(n);
  const firstPer = new Int32Array(nAll).fill(0x7fffffff);
  let minPer = 0x7fffffff;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const d = rowDay[i];
    if (d > asOfDay) continue;
    const c = rowCust[i];
    const p = perOfDay[d - days.minDay];
    rowCust[kept] = c;
    rowPer[kept] = p;
    if (rowAmt !== undefined) rowAmt[kept] = rowAmt[i];
    if (p < firstPer[c]) firstPer[c] = p;
    if (p < minPer) minPer = p;
    kept++;
  }
  const nCust = nAll; // customers whose first purchase is after as-of have firstPer = MAX and are skipped

  // Cohort rows: distinct first periods, ascending.
  const span = asOfPeriod - minPer + 1;
  const rowOfPer = new Int32Array(span).fill(-1);
  const sizeByPer = new Float64Array(span);
  let customers = 0;
  for (let c = 0; c < nCust; c++) {
    if (firstPer[c] === 0x7fffffff) continue;
    sizeByPer[firstPer[c] - minPer]++;
    customers++;
  }
  let R = 0;
  for (let j = 0; j < span; j++) if (sizeByPer[j] > 0) rowOfPer[j] = R++;
  const cohortPeriods = new Int32Array(R);
  const sizes = new Float64Array(R);
  const observable = new Int32Array(R);
  for (let j = 0; j < span; j++) {
    const r = rowOfPer[j];
    if (r < 0) continue;
    cohortPeriods[r] = minPer + j;
    sizes[r] = sizeByPer[j];
    observable[r] = asOfPeriod - (minPer + j) + 1;
  }
  const C = span;
  if (C > 16384 || R * C > 1 << 23) {
    throw cohortError("value", "tableTooLarge", { arg: "asOf", rows: R, columns: C });
  }
  const cohortRow = new Int32Array(nCust);
  for (let c = 0; c < nCust; c++) cohortRow[c] = firstPer[c] === 0x7fffffff ? -1 : rowOfPer[firstPer[c] - minPer];

  const active = new Float64Array(R * C);
  const words = (C + 31) >>> 5;
  const algorithm = opts.algorithm ?? "auto";
  if (algorithm === "bitset" || (algorithm === "auto" && nCust * words <= BITSET_MAX_WORDS)) {
    // One bit per (customer, k): a cell counts a customer the first time its bit is set.
    const seen = new Int32Array(nCust * words);
    for (let i = 0; i < kept; i++) {
      const c = rowCust[i];
      const k = rowPer[i] - firstPer[c];
      const w = c * words + (k >>> 5);
      const bit = 1 << (k & 31);
      if ((seen[w] & bit) === 0) {
        seen[w] |= bit;
        active[cohortRow[c] * C + k]++;
      }
    }
  } else {
    // Counting sort of k = period − first period by customer; then distinct (customer, k) via stamps.
    const start = new Int32Array(nCust + 1);
    for (let i = 0; i < kept; i++) start[rowCust[i] + 1]++;
    for (let c = 0; c < nCust; c++) start[c + 1] += start[c];
    const pos = start.slice(0, nCust);
    const sortedK = new Int32Array(kept);
    for (let i = 0; i < kept; i++) {
      const c = rowCust[i];
      sortedK[pos[c]++] = rowPer[i] - firstPer[c];
    }
    const stamp = new Int32Array(C).fill(-1);
    for (let c = 0; c < nCust; c++) {
      if (cohortRow[c] < 0) continue;
      const base = cohortRow[c] * C;
      const end = start[c + 1];
      for (let j = start[c]; j < end; j++) {
        const k = sortedK[j];
        if (stamp[k] !== c) {
          stamp[k] = c;
          active[base + k]++;
        }
      }
    }
  }

  let revenue: Float64Array | undefined;
  if (rowAmt !== undefined) {
    revenue = new Float64Array(R * C);
    for (let i = 0; i < kept; i++) {
      const c = rowCust[i];
      revenue[cohortRow[c] * C + rowPer[i] - firstPer[c]] += rowAmt[i];
    }
  }

  return {
    period,
    cohortPeriods,
    sizes,
    columns: C,
    active,
    revenue,
    observable,
    asOf: asOfSerial,
    asOfPeriod,
    customers,
    rowsUsed: kept,
  };
}

/** Options of {@link cohortTable}. */
export interface CohortTableOptions extends CohortOptions {
  measure: CohortMeasure;
  /** Purchase amounts, parallel to the dates; required for measure "revenue". */
  amounts?: ArrayLike<number>;
}

/** A cohort table ready to be written to a sheet. */
export interface CohortTable {
  period: CalendarPeriod;
  measure: CohortMeasure;
  /** Cohort labels, oldest first ("2027-01", "2027-W05", "2027-Q1"). */
  labels: string[];
  /** Period index (periods.ts) of each cohort. */
  cohortPeriods: number[];
  /** Customers acquired in each cohort. */
  sizes: number[];
  /** values[r][k] for k = 0 … maxK: the measure, or null where cohort period + k > as-of period. */
  values: (number | null)[][];
  /** As-of date used (Excel serial) and its period label. */
  asOf: number;
  asOfLabel: string;
}

/**
 * Cohort table: rows = acquisition cohorts (period of the first purchase, oldest first, only periods in
 * which customers were acquired), columns = periods since acquisition k = 0 … (as-of period − first cohort
 * period). Cells (see the module doc):
 *   customers: active_k = distinct customers of the cohort who bought in period cohort + k;
 *   retention: active_k / cohort size (period 0 = 1);
 *   revenue:   Σ amounts of the cohort's purchases in period cohort + k (amounts required).
 * Cells with cohort period + k > as-of period are `null` (not yet observable), not 0.
 * Reference: the standard acquisition-cohort ("retention triangle") analysis, e.g. Fader (2012),
 * "Customer Centricity", ch. 4; Berger & Nasr (1998), J. Interactive Marketing 12(1).
 * @throws value for invalid input (see {@link cohortCounts}); `amountsRequired` for revenue without amounts.
 */
export function cohortTable(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  opts: CohortTableOptions,
): CohortTable {
  const measure = opts.measure;
  if (measure !== "customers" && measure !== "retention" && measure !== "revenue") {
    throw cohortError("value", "unknownMeasure", { arg: "measure" });
  }
  if (measure === "revenue" && opts.amounts === undefined) {
    throw cohortError("value", "amountsRequired", { arg: "amounts" });
  }
  const cc = cohortCounts(customerIds, dates, {
    period: opts.period,
    asOf: opts.asOf,
    amounts: measure === "revenue" ? opts.amounts : undefined,
  });
  const C = cc.columns;
  const values: (number | null)[][] = [];
  const labels: string[] = [];
  for (let r = 0; r < cc.sizes.length; r++) {
    labels.push(periodLabel(cc.period, cc.cohortPeriods[r]));
    const row: (number | null)[] = new Array<number | null>(C).fill(null);
    const obs = cc.observable[r];
    const size = cc.sizes[r];
    const src = measure === "revenue" && cc.revenue !== undefined ? cc.revenue : cc.active;
    for (let k = 0; k < obs; k++) {
      const v = src[r * C + k];
      row[k] = measure === "retention" ? v / size : v;
    }
    values.push(row);
  }
  return {
    period: cc.period,
    measure,
    labels,
    cohortPeriods: Array.from(cc.cohortPeriods),
    sizes: Array.from(cc.sizes),
    values,
    asOf: cc.asOf,
    asOfLabel: periodLabel(cc.period, cc.asOfPeriod),
  };
}

/** Options of {@link retentionCurve}. */
export interface RetentionCurveOptions extends CohortOptions {
  /** Enforce a non-increasing curve by cumulative minimum (default true); see {@link retentionCurve}. */
  monotone?: boolean;
}

/**
 * Average retention curve across cohorts, weighted by cohort size:
 *   S_k = Σ_{cohorts r with k observable} active_{r,k} / Σ_{same cohorts} size_r,   S_0 = 1,
 * where k is observable for cohort r when cohort period + k ≤ as-of period (so later k average fewer, older
 * cohorts). Returned as [S_0 = 1, S_1, …, S_K], K = as-of period − first cohort period: the shape
 * `ltvFromSurvival` (ltv.ts) accepts as a survival curve.
 *
 * Monotonicity: "active in period k" retention is not a survival probability — a customer can skip a
 * period and come back, so S_k can rise (seasonality, reactivation campaigns, fewer cohorts averaged at large k).
 * A survival curve for LTV must be non-increasing; with `monotone: true` (the default) the curve is replaced
 * by its running (cumulative) minimum, S'_k = min(S_0 … S_k), which keeps every value ≤ the observed one
 * (a conservative LTV). With `monotone: false` the raw averages are returned (they may increase and are then
 * rejected by `ltvFromSurvival`).
 * Note that the as-of period counts even if incomplete (see the module doc), which understates the last
 * observable value of each cohort; pass the end of the last complete period as as-of to avoid it.
 * Reference: Fader & Hardie (2010), "Customer-base valuation in a contractual setting", Marketing Science
 * 29(1) (survival-curve form of CLV); Berger & Nasr (1998).
 * @throws value for invalid input (see {@link cohortCounts}).
 */
export function retentionCurve(
  customerIds: ArrayLike<CustomerId>,
  dates: ArrayLike<number>,
  opts: RetentionCurveOptions,
): number[] {
  const cc = cohortCounts(customerIds, dates, { period: opts.period, asOf: opts.asOf });
  const monotone = opts.monotone ?? true;
  const C = cc.columns;
  const num = new Float64Array(C);
  const den = new Float64Array(C);
  for (let r = 0; r < cc.sizes.length; r++) {
    const obs = cc.observable[r];
    for (let k = 0; k < obs; k++) {
      num[k] += cc.active[r * C + k];
      den[k] += cc.sizes[r];
    }
  }
  const out: number[] = new Array<number>(C);
  out[0] = 1;
  for (let k = 1; k < C; k++) {
    // den[k] > 0: the first cohort observes every k.
    const s = num[k] / den[k];
    out[k] = monotone ? Math.min(s, out[k - 1]) : s;
  }
  return out;
}
