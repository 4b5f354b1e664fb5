/**
 * MKT.COHORT, MKT.RETENTION and MKT.CHURN: the acquisition-cohort triangle, the average retention curve and churn
 * by purchase habit of src/core/cohort.ts and src/core/churn.ts, on a purchase log given as columns (customer id,
 * date, and for revenue the amount), read like the other table functions (columns.ts): whole columns, trailing
 * blanks dropped, a title row skipped, fully blank rows skipped, a bad row failing the table with its row number.
 *
 * - Dates are Excel serial numbers (1 = 1900-01-01 onwards) or date text (2024-03-31); the time of day is ignored.
 *   Purchases of one customer on one day count once (the core counts distinct periods, or distinct days in churn).
 * - period: month (default), week (ISO, Monday start) or quarter; Chinese 月, 周/週, 季度/季 (see `parsePeriod`).
 * - measure: customers (default), retention, revenue; Chinese 客户数, 留存率, 收入 (see `parseMeasure`). amounts are
 *   needed for revenue only; when given with another measure they must still line up with the ids (same rows),
 *   but their cells are not read.
 * - as_of: a date, default the last purchase date (COHORT, RETENTION) or the latest date whose next churn window
 *   is fully observed (CHURN).
 *
 * Spills:
 * - COHORT: header row (Cohort, Size, 0, 1, 2 … periods since acquisition), then one row per acquisition cohort
 *   (label such as 2027-01, 2027-W05, 2027-Q1); cells not yet observable at as_of are "" (blank), not 0.
 * - RETENTION: one column S_0 = 1, S_1, … (size-weighted average across cohorts, made non-increasing by running
 *   minimum): the survival-curve shape MKT.LTV accepts, so `=MKT.LTV(arpu, margin, MKT.RETENTION(…))` works.
 * - CHURN: header row (Purchases, Customers, Churned, Churn rate), rows 1, 2, 3, 4+ and a total row; an empty
 *   group's rate is "".
 */
import { churnByHabit } from "../core/churn";
import {
  cohortTable,
  parseMeasure,
  parsePeriod,
  retentionCurve,
  type CalendarPeriod,
  type CohortMeasure,
  type CustomerId,
} from "../core/cohort";
import { isoDateOfSerial } from "../core/periods";
import { isBlank, optionalNumber, optionalText, toGrid, type Cell } from "./cells";
import {
  dateOf,
  inputError,
  propagateErrors,
  readColumns,
  relabelCoreErrors,
  type Columns,
  type Relabel,
} from "./columns";
import { safelyGrid } from "./errors";
import { labels, outCell } from "./spill";

const NAMES: Relabel = {
  names: { customerIds: "customer_ids", asOf: "as_of", windowMonths: "window" },
};

/** Excel's last column: a spill wider than this cannot be shown. */
const EXCEL_COLUMNS = 16384;

/** A purchase log read from the sheet: parallel ids and dates (and amounts when asked for). */
export interface PurchaseLog {
  ids: CustomerId[];
  dates: Float64Array;
  amounts?: Float64Array;
  /** Earliest and latest date (serials, time of day kept). */
  firstDate: number;
  lastDate: number;
}

/**
 * Reads the log columns as Excel passes them (columns.ts): the first error value is thrown, ranges of different
 * lengths and blocks of several columns are rejected, a title row is skipped. `amounts` may be omitted.
 */
export function readLogColumns(customerIds: unknown, dates: unknown, amounts?: unknown): Columns {
  return readColumns([
    { name: "customer_ids", value: customerIds, kind: "text" },
    { name: "dates", value: dates, kind: "date" },
    { name: "amounts", value: amounts, kind: "number", optional: true },
  ]);
}

/**
 * Checks the rows of {@link readLogColumns}: fully blank rows are skipped; any other row needs an id (non-blank
 * text or a number) and a date (serial ≥ 1 or date text), and with `useAmounts` a number in amounts. Amounts are
 * not read otherwise. Rows are numbered in the range as the user selected it (the title row counts).
 * @throws MktError value naming the argument and the row; `noData` when no row is left.
 */
export function purchaseLog(t: Columns, useAmounts: boolean): PurchaseLog {
  const [ci, cd, ca] = t.cells as [Cell[], Cell[], Cell[] | undefined];
  const outAmounts = useAmounts && ca !== undefined ? new Float64Array(t.rows) : undefined;
  const ids: CustomerId[] = [];
  const outDates = new Float64Array(t.rows);
  let first = Infinity;
  let last = -Infinity;
  let k = 0;
  for (let i = 0; i < t.rows; i++) {
    let id = ci[i];
    const d = cd[i];
    const a = ca === undefined ? null : ca[i];
    if (isBlank(id) && isBlank(d) && isBlank(a)) continue;
    const row = t.start + i + 1;
    if (typeof id === "string") id = id.trim();
    if (!((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)))) {
      throw inputError("value", "invalidCustomerId", { arg: "customer_ids", index: row });
    }
    if (isBlank(d)) throw inputError("value", "blankCell", { arg: "dates", row });
    const day = typeof d === "number" ? dateOf(d) : undefined;
    if (day === undefined || day < 1) throw inputError("value", "invalidDate", { arg: "dates", row });
    if (outAmounts !== undefined) {
      if (isBlank(a)) throw inputError("value", "blankCell", { arg: "amounts", row });
      if (typeof a !== "number" || !Number.isFinite(a)) {
        throw inputError("value", "notANumberAt", { arg: "amounts", index: row });
      }
      outAmounts[k] = a;
    }
    ids.push(id);
    outDates[k] = day;
    k++;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (k === 0) throw inputError("value", "noData", { arg: "customer_ids" });
  return {
    ids,
    dates: outDates.subarray(0, k),
    amounts: outAmounts?.subarray(0, k),
    firstDate: first,
    lastDate: last,
  };
}

/** A single optional date argument (a date or date text); blank or omitted → undefined. */
export function optionalDateArg(v: unknown, arg: string): number | undefined {
  const g = toGrid(v);
  if (g.length === 0) return undefined;
  if (g.length !== 1 || g[0].length !== 1) throw inputError("value", "expectedSingleValue", { arg });
  const c = g[0][0];
  if (isBlank(c)) return undefined;
  const d = dateOf(c);
  if (d === undefined || d < 1) throw inputError("value", "invalidDateArg", { arg });
  return d;
}

/** The period argument: blank or omitted → month. */
export function periodArg(v: unknown): CalendarPeriod {
  return parsePeriod(optionalText(v, "period", "month"), "period");
}

/** The measure argument: blank or omitted → customers. */
export function measureArg(v: unknown): CohortMeasure {
  return parseMeasure(optionalText(v, "measure", "customers"), "measure");
}

/** "" for a cell that is not (yet) observable or an empty group, the number otherwise. */
const blankOr = (v: number | null): unknown => (v === null ? "" : outCell(v));

export function cohortCells(
  customerIds: unknown,
  dates: unknown,
  period: unknown,
  measure: unknown,
  asOf: unknown,
  amounts: unknown,
): unknown[][] {
  return safelyGrid(() => {
    // Error values first (the data columns, then the single-value arguments), then the words and the dates.
    const cols = readLogColumns(customerIds, dates, amounts);
    propagateErrors(period, measure, asOf);
    const p = periodArg(period);
    const m = measureArg(measure);
    const at = optionalDateArg(asOf, "as_of");
    if (m === "revenue" && cols.cells[2] === undefined) {
      throw inputError("value", "amountsRequired", { arg: "amounts" });
    }
    const log = purchaseLog(cols, m === "revenue");
    const t = relabelCoreErrors(NAMES, () =>
      cohortTable(log.ids, log.dates, { period: p, measure: m, asOf: at, amounts: log.amounts }),
    );
    const periods = t.values.length > 0 ? t.values[0].length : 0;
    if (periods + 2 > EXCEL_COLUMNS) {
      throw inputError("value", "tableTooLarge", { arg: "as_of", rows: t.values.length, columns: periods + 2 });
    }
    const L = labels().cohort;
    const header: unknown[] = [L.cohort, L.size];
    for (let k = 0; k < periods; k++) header.push(k);
    const out: unknown[][] = [header];
    for (let r = 0; r < t.values.length; r++) {
      const row = t.values[r];
      const line = new Array<unknown>(periods + 2);
      line[0] = t.labels[r];
      line[1] = t.sizes[r];
      for (let k = 0; k < periods; k++) line[k + 2] = blankOr(row[k]);
      out.push(line);
    }
    return out;
  });
}

export function retentionCells(customerIds: unknown, dates: unknown, period: unknown, asOf: unknown): unknown[][] {
  return safelyGrid(() => {
    const cols = readLogColumns(customerIds, dates);
    propagateErrors(period, asOf);
    const p = periodArg(period);
    const at = optionalDateArg(asOf, "as_of");
    const log = purchaseLog(cols, false);
    const curve = relabelCoreErrors(NAMES, () => retentionCurve(log.ids, log.dates, { period: p, asOf: at }));
    return curve.map((s) => [outCell(s)]);
  });
}

export function churnCells(customerIds: unknown, dates: unknown, window: unknown, asOf: unknown): unknown[][] {
  return safelyGrid(() => {
    const cols = readLogColumns(customerIds, dates);
    propagateErrors(window, asOf);
    const w = optionalNumber(window, "window", 3);
    const at = optionalDateArg(asOf, "as_of");
    const log = purchaseLog(cols, false);
    if (at !== undefined && Math.floor(at) < Math.floor(log.firstDate)) {
      throw inputError("value", "noPurchasesBeforeAsOf", { arg: "as_of", asOf: isoDateOfSerial(at) });
    }
    const r = relabelCoreErrors(NAMES, () => churnByHabit(log.ids, log.dates, { windowMonths: w, asOf: at }));
    const L = labels().churn;
    const out: unknown[][] = [[L.purchases, L.customers, L.churned, L.churnRate]];
    for (const g of r.groups) out.push([g.label, g.customers, g.churned, blankOr(g.churnRate)]);
    out.push([L.total, r.total.customers, r.total.churned, blankOr(r.total.churnRate)]);
    return out;
  });
}
