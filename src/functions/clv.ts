/**
 * MKT.CLV and MKT.CLVFIT: the probabilistic CLV pipeline of src/core/clv.ts (RFM summary → BG/NBD →
 * Gamma-Gamma → discounted CLV) on a transaction log given as three columns (customer id, date, amount).
 *
 * Dates are Excel serial numbers or date text (2024-03-31). The model time unit defaults to weeks (also days,
 * months = 365.25/12 days, years = 365.25 days; Chinese 天/日, 周/週, 月, 年 accepted); the horizon is in that
 * unit and defaults to one year of it (365 days, 52 weeks, 12 months, 1 year); the discount rate is per time
 * unit (default 0); as_of (calibration end, inclusive) defaults to the last date in the data.
 * A bad input row fails the table with a message naming the argument and the row (rows are not independent:
 * every row feeds the model fit).
 */
import { fitClv, type ClvResult } from "../core/clv";
import { isoDateFromExcelSerial, type TimeUnit } from "../core/dates";
import type { CustomerId } from "../core/rfm";
import { isBlank, optionalNumber, toGrid, type Cell } from "./cells";
import { dateOf, inputError, propagateErrors, readColumns, relabelCoreErrors, type Relabel } from "./columns";
import { safelyGrid } from "./errors";
import { fill, labels, labelValueTable, outCell } from "./spill";

const NAMES: Relabel = {
  names: {
    customerIds: "customer_ids",
    discountRate: "discount_rate",
    asOf: "as_of",
    timeUnit: "time_unit",
  },
};

const UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  days: "days",
  day: "days",
  d: "days",
  天: "days",
  日: "days",
  weeks: "weeks",
  week: "weeks",
  w: "weeks",
  wk: "weeks",
  周: "weeks",
  週: "weeks",
  星期: "weeks",
  months: "months",
  month: "months",
  m: "months",
  mo: "months",
  月: "months",
  years: "years",
  year: "years",
  y: "years",
  yr: "years",
  年: "years",
};

/** Default horizon: one year in the time unit. */
const ONE_YEAR: Readonly<Record<TimeUnit, number>> = { days: 365, weeks: 52, months: 12, years: 1 };

/** The time_unit argument: blank or omitted → weeks. */
export function timeUnitArg(v: unknown): TimeUnit {
  const g = toGrid(v);
  if (g.length === 0) return "weeks";
  if (g.length !== 1 || g[0].length !== 1) {
    throw inputError("value", "expectedSingleValue", { arg: "time_unit" });
  }
  const c = g[0][0];
  if (isBlank(c)) return "weeks";
  const word = String(c).trim().toLowerCase();
  const unit = Object.prototype.hasOwnProperty.call(UNIT_WORDS, word) ? UNIT_WORDS[word] : undefined;
  if (!unit) throw inputError("value", "unknownTimeUnit", { arg: "time_unit" });
  return unit;
}

/** A single optional date argument; blank or omitted → undefined. */
function optionalDate(v: unknown, arg: string): number | undefined {
  const g = toGrid(v);
  if (g.length === 0) return undefined;
  if (g.length !== 1 || g[0].length !== 1) throw inputError("value", "expectedSingleValue", { arg });
  const c = g[0][0];
  if (isBlank(c)) return undefined;
  const d = dateOf(c);
  if (d === undefined) throw inputError("value", "invalidDateArg", { arg });
  return d;
}

interface Transactions {
  ids: CustomerId[];
  dates: Float64Array;
  amounts: Float64Array;
  lastDate: number;
  firstDate: number;
}

/**
 * Reads and checks the three columns; fully blank rows are skipped, any other bad row names its row. Error
 * values propagate in argument order: the columns' first, then those of the other (single-value) arguments.
 */
export function readTransactions(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown,
  ...others: unknown[]
): Transactions {
  const t = readColumns([
    { name: "customer_ids", value: customerIds, kind: "text" },
    { name: "dates", value: dates, kind: "date" },
    { name: "amounts", value: amounts, kind: "number" },
  ]);
  propagateErrors(...others);
  const [ci, cd, ca] = t.cells as Cell[][];
  const ids: CustomerId[] = [];
  const outDates = new Float64Array(t.rows);
  const outAmounts = new Float64Array(t.rows);
  let first = Infinity;
  let last = -Infinity;
  let k = 0;
  for (let i = 0; i < t.rows; i++) {
    let id = ci[i];
    const d = cd[i];
    const a = ca[i];
    const row = t.start + i + 1;
    if (isBlank(id) && isBlank(d) && isBlank(a)) continue;
    if (typeof id === "string") id = id.trim();
    if (!((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)))) {
      throw inputError("value", "invalidCustomerId", { arg: "customer_ids", index: row });
    }
    if (isBlank(d)) throw inputError("value", "blankCell", { arg: "dates", row });
    const day = typeof d === "number" ? dateOf(d) : undefined;
    if (day === undefined) throw inputError("value", "invalidDate", { arg: "dates", row });
    if (isBlank(a)) throw inputError("value", "blankCell", { arg: "amounts", row });
    if (typeof a !== "number" || !Number.isFinite(a)) {
      throw inputError("value", "notANumberAt", { arg: "amounts", index: row });
    }
    ids.push(id);
    outDates[k] = day;
    outAmounts[k] = a;
    k++;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (k === 0) throw inputError("value", "noData", { arg: "customer_ids" });
  return { ids, dates: outDates.subarray(0, k), amounts: outAmounts.subarray(0, k), firstDate: first, lastDate: last };
}

interface Setup {
  tx: Transactions;
  asOf: number;
  unit: TimeUnit;
}

function setup(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown,
  asOfArg: unknown,
  timeUnit: unknown,
  ...others: unknown[]
): Setup {
  const tx = readTransactions(customerIds, dates, amounts, ...others, asOfArg, timeUnit);
  const unit = timeUnitArg(timeUnit);
  const asOf = optionalDate(asOfArg, "as_of") ?? tx.lastDate;
  if (Math.floor(tx.firstDate) > Math.floor(asOf)) {
    throw inputError("value", "noTransactionsBeforeAsOf", { asOf: isoDateFromExcelSerial(asOf) });
  }
  return { tx, asOf, unit };
}

function fit(s: Setup, horizon: number, discountRate: number): ClvResult {
  return relabelCoreErrors(NAMES, () =>
    fitClv(s.tx.ids, s.tx.dates, s.tx.amounts, { asOf: s.asOf, timeUnit: s.unit, horizon, discountRate }),
  );
}

export function clvCells(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown,
  horizon: unknown,
  discountRate: unknown,
  asOf: unknown,
  timeUnit: unknown,
): unknown[][] {
  return safelyGrid(() => {
    const s = setup(customerIds, dates, amounts, asOf, timeUnit, horizon, discountRate);
    const h = optionalNumber(horizon, "horizon", ONE_YEAR[s.unit]);
    const d = optionalNumber(discountRate, "discount_rate", 0);
    const res = fit(s, h, d);
    const L = labels();
    const unit = { unit: L.units[s.unit] };
    const c = res.customers;
    const out: unknown[][] = [
      [
        L.clv.customer,
        L.clv.frequency,
        fill(L.clv.recency, unit),
        fill(L.clv.age, unit),
        L.clv.pAlive,
        L.clv.expectedPurchases,
        L.clv.expectedSpend,
        L.clv.clv,
      ],
    ];
    for (let i = 0; i < c.ids.length; i++) {
      out.push([
        c.ids[i],
        c.frequency[i],
        outCell(c.recency[i]),
        outCell(c.T[i]),
        outCell(c.pAlive[i]),
        outCell(c.expectedPurchases[i]),
        outCell(c.expectedSpend[i]),
        outCell(c.clv[i]),
      ]);
    }
    return out;
  });
}

export function clvFitCells(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown,
  asOf: unknown,
  timeUnit: unknown,
): unknown[][] {
  return safelyGrid(() => {
    const s = setup(customerIds, dates, amounts, asOf, timeUnit);
    // The valuation is not shown; a one-unit horizon keeps it negligible next to the fits.
    const res = fit(s, 1, 0);
    const L = labels();
    return labelValueTable([
      ["r", res.bgnbd.r],
      ["alpha", res.bgnbd.alpha],
      ["a", res.bgnbd.a],
      ["b", res.bgnbd.b],
      [L.clvFit.bgnbdLogLikelihood, res.bgnbd.logLikelihood],
      ["p", res.gammaGamma.p],
      ["q", res.gammaGamma.q],
      ["gamma", res.gammaGamma.gamma],
      [L.clvFit.gammaGammaLogLikelihood, res.gammaGamma.logLikelihood],
      [L.clvFit.customers, res.bgnbd.nCustomers],
      [L.clvFit.repeatCustomers, res.gammaGamma.nCustomers],
      [L.clvFit.timeUnit, L.units[s.unit]],
      [L.clvFit.asOf, isoDateFromExcelSerial(s.asOf)],
    ]);
  });
}
