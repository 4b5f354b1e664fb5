/**
 * Date helpers for the value models: Excel serial day numbers and the model time units.
 *
 * Dates are Excel serial numbers in the 1900 date system (day 1 = 1900-01-01, serial 25569 = 1970-01-01,
 * valid from 1900-03-01 on because of Excel's fictitious 1900-02-29); only the whole-day part is used.
 */
import { finite, mktError } from "./value-messages";

/** Model time unit. months = 365.25/12 days, years = 365.25 days (Julian year). */
export type TimeUnit = "days" | "weeks" | "months" | "years";

/** Length of each time unit in days (months and years from the Julian year of 365.25 days). */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  days: 1,
  weeks: 7,
  months: 365.25 / 12,
  years: 365.25,
};

/** Length of one time unit in days. @throws value for an unknown unit name. */
export function daysPerUnit(unit: string, arg = "timeUnit"): number {
  const d = (DAYS_PER_UNIT as Record<string, number>)[unit];
  if (d === undefined || !Object.prototype.hasOwnProperty.call(DAYS_PER_UNIT, unit)) {
    throw mktError("value", "unknownTimeUnit", { arg });
  }
  return d;
}

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01

/** Excel serial day number of a calendar date (1900 system, dates from 1900-03-01). */
export function excelSerialFromYmd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + EXCEL_EPOCH_OFFSET;
}

/** Excel serial day number of a date written as the number YYYYMMDD (e.g. 19970930). */
export function excelSerialFromYyyymmdd(ymd: number): number {
  const v = finite(ymd, "date");
  return excelSerialFromYmd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
}

/** ISO date string (YYYY-MM-DD) of an Excel serial day number. */
export function isoDateFromExcelSerial(serial: number): string {
  return new Date((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Converts an annual discount rate to the equivalent rate per model time unit:
 * `(1 + annual)^(daysPerUnit / 365.25) − 1` (compound-equivalent; e.g. 10%/year ≈ 0.1834%/week).
 * Reference: standard compound-interest equivalence, e.g. Brealey, Myers & Allen, "Principles of Corporate
 * Finance", ch. 2.
 */
export function perUnitRate(annualRate: number, unit: TimeUnit): number {
  const r = finite(annualRate, "discountRate");
  if (r <= -1) throw mktError("value", "discountRateOutOfRange", { arg: "discountRate" });
  return Math.expm1((daysPerUnit(unit) / 365.25) * Math.log1p(r));
}
