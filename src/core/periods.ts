/**
 * Calendar period helpers on Excel serial day numbers (1900 date system).
 *
 * Serial 1 = 1900-01-01. Excel counts a fictitious 1900-02-29 as serial 60, so for serials ≥ 61 the real date
 * is 1899-12-30 + serial days and for serials 1…59 it is 1899-12-31 + serial days. Serial 60 is read as
 * 1900-02-28 (the bogus day joins the day before it; only its month matters here). Only the whole-day part
 * of a serial is used (the time of day is ignored). Supported range: 1 (1900-01-01) to 2958465 (9999-12-31).
 *
 * Internally dates are "day numbers": days since 1970-01-01 (proleptic Gregorian calendar), converted with
 * Howard Hinnant's integer algorithms `days_from_civil` / `civil_from_days`
 * (https://howardhinnant.github.io/date_algorithms.html), which avoid Date objects in hot loops.
 *
 * Period indices are consecutive integers, so "periods between" is a subtraction:
 *   month index   = year · 12 + (month − 1)
 *   quarter index = year · 4 + (quarter − 1)
 *   week index    = ISO-8601 weeks (Monday to Sunday) counted from the week of Monday 1969-12-29 (index 0).
 * Labels: "2027-01", "2027-Q1", "2027-W05" (ISO week-numbering year, which can differ from the calendar year
 * around New Year: 2027-01-01 is a Friday and belongs to 2026-W53).
 */

/** Calendar period of a cohort table. */
export type CalendarPeriod = "month" | "week" | "quarter";

/** Smallest supported Excel serial day (1900-01-01). */
export const EXCEL_MIN_SERIAL = 1;
/** Largest supported Excel serial day (9999-12-31). */
export const EXCEL_MAX_SERIAL = 2958465;

const SERIAL_1970 = 25569; // serial of 1970-01-01
const DAY_1900_03_01 = -25508; // day number of 1900-03-01 (serial 61)

/** Calendar date. `month` 1–12, `day` 1–31. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/**
 * Day number (days since 1970-01-01) of an Excel serial day; the fraction (time of day) is dropped.
 * Serial 60 (Excel's nonexistent 1900-02-29) gives the day number of 1900-02-28. No range check.
 */
export function serialToDayNumber(serial: number): number {
  const s = Math.floor(serial);
  if (s >= 61) return s - SERIAL_1970;
  if (s === 60) return 59 - SERIAL_1970 + 1; // bogus 1900-02-29 → 1900-02-28 (as serial 59)
  return s - SERIAL_1970 + 1;
}

/** Excel serial day of a day number (days since 1970-01-01); inverse of {@link serialToDayNumber}. */
export function dayNumberToSerial(day: number): number {
  return day >= DAY_1900_03_01 ? day + SERIAL_1970 : day + SERIAL_1970 - 1;
}

/** Day number of a proleptic Gregorian date (Hinnant's `days_from_civil`). Month may be 1–12. */
export function dayNumberFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Calendar date of a day number (Hinnant's `civil_from_days`). */
export function ymdFromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Calendar month index (year · 12 + month − 1) of a day number; allocation-free version of the above. */
export function monthIndexOfDayNumber(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  // mp counts months from March: March = 0 … February = 11 of the following calendar year.
  return (yoe + era * 400) * 12 + mp + 2;
}

/** ISO week index of a day number: weeks (Monday start) since Monday 1969-12-29. */
export function weekIndexOfDayNumber(dayNumber: number): number {
  return Math.floor((dayNumber + 3) / 7);
}

/** Period index of a day number for the given period (see module doc). */
export function periodIndexOfDayNumber(period: CalendarPeriod, dayNumber: number): number {
  if (period === "week") return weekIndexOfDayNumber(dayNumber);
  const m = monthIndexOfDayNumber(dayNumber);
  return period === "month" ? m : Math.floor(m / 3);
}

/** Calendar date of an Excel serial day (serial 60 → 1900-02-28, see module doc). */
export function serialToYmd(serial: number): Ymd {
  return ymdFromDayNumber(serialToDayNumber(serial));
}

/** Excel serial day of a calendar date (1900 system). */
export function ymdToSerial(year: number, month: number, day: number): number {
  return dayNumberToSerial(dayNumberFromYmd(year, month, day));
}

/** Calendar month index of a serial: year · 12 + month − 1 (2027-01 → 24324). */
export function monthIndex(serial: number): number {
  return monthIndexOfDayNumber(serialToDayNumber(serial));
}

/** Calendar quarter index of a serial: year · 4 + quarter − 1 (2027-Q1 → 8108). */
export function quarterIndex(serial: number): number {
  return Math.floor(monthIndex(serial) / 3);
}

/** ISO week index of a serial: weeks (Monday to Sunday) since the week starting Monday 1969-12-29. */
export function isoWeekIndex(serial: number): number {
  return weekIndexOfDayNumber(serialToDayNumber(serial));
}

/** ISO-8601 week-numbering year and week (1–53) of a serial: the week belongs to the year of its Thursday. */
export function isoWeekOf(serial: number): { year: number; week: number } {
  return isoWeekOfIndex(isoWeekIndex(serial));
}

function isoWeekOfIndex(index: number): { year: number; week: number } {
  const thursday = index * 7; // Monday = index · 7 − 3
  const year = ymdFromDayNumber(thursday).year;
  return { year, week: Math.floor((thursday - dayNumberFromYmd(year, 1, 1)) / 7) + 1 };
}

/** Period index of a serial for the given period. */
export function periodIndex(period: CalendarPeriod, serial: number): number {
  return periodIndexOfDayNumber(period, serialToDayNumber(serial));
}

const pad2 = (n: number): string => (n < 10 ? "0" : "") + String(n);

/** Label of a period index: "2027-01" (month), "2027-W05" (ISO week), "2027-Q1" (quarter). */
export function periodLabel(period: CalendarPeriod, index: number): string {
  if (period === "week") {
    const w = isoWeekOfIndex(index);
    return `${w.year}-W${pad2(w.week)}`;
  }
  if (period === "quarter") {
    const y = Math.floor(index / 4);
    return `${y}-Q${index - 4 * y + 1}`;
  }
  const y = Math.floor(index / 12);
  return `${y}-${pad2(index - 12 * y + 1)}`;
}

/** Excel serial of the first day of a period index (the Monday of an ISO week). */
export function periodStartSerial(period: CalendarPeriod, index: number): number {
  if (period === "week") return dayNumberToSerial(index * 7 - 3);
  const m = period === "quarter" ? index * 3 : index;
  const y = Math.floor(m / 12);
  return ymdToSerial(y, m - 12 * y + 1, 1);
}

/**
 * Adds whole calendar months to a serial like Excel's EDATE: same day of month, clamped to the last day of
 * the target month (2027-01-31 + 1 month → 2027-02-28). The time of day is dropped; `months` is truncated.
 */
export function addMonths(serial: number, months: number): number {
  const d = serialToYmd(serial);
  const m = d.year * 12 + d.month - 1 + Math.trunc(months);
  const y = Math.floor(m / 12);
  const mo = m - 12 * y + 1;
  const last = dayNumberFromYmd(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) - dayNumberFromYmd(y, mo, 1);
  return ymdToSerial(y, mo, Math.min(d.day, last));
}

/** ISO date string (YYYY-MM-DD) of a serial, for messages. */
export function isoDateOfSerial(serial: number): string {
  const d = serialToYmd(serial);
  return `${String(d.year).padStart(4, "0")}-${pad2(d.month)}-${pad2(d.day)}`;
}
