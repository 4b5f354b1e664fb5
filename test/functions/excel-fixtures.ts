/**
 * Reference data sets shaped as Excel passes ranges to a custom function: one inner array per sheet row, a title
 * row on top, and optionally padded with blank rows to a whole-column reference (1,048,576 rows).
 */
import { readFileSync } from "node:fs";
import { excelSerialFromYyyymmdd } from "../../src/core/dates";

export type Column = unknown[][];

/** Excel's row count: a whole-column reference such as A:A passes this many rows. */
export const EXCEL_ROWS = 1_048_576;

/** Pads columns with blank rows (null, as Excel passes empty cells) up to `rows`. */
export function padToWholeColumn(cols: Column[], rows = EXCEL_ROWS): Column[] {
  return cols.map((c) => {
    const out = c.slice();
    while (out.length < rows) out.push([null]);
    return out;
  });
}

export interface CdnowColumns {
  ids: Column;
  dates: Column;
  amounts: Column;
}

/**
 * CDNOW_sample.txt (6,919 transactions): customer id as text ("00004", as a CSV import keeps it), the date as an
 * Excel serial number, the amount; each column starts with a title cell.
 */
export function cdnowColumns(): CdnowColumns {
  const lines = readFileSync("test/fixtures/lifetimes/CDNOW_sample.txt", "utf8").trim().split(/\r?\n/);
  const ids: Column = [["customer_id"]];
  const dates: Column = [["date"]];
  const amounts: Column = [["amount"]];
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    ids.push([f[0]]);
    dates.push([excelSerialFromYyyymmdd(Number(f[2]))]);
    amounts.push([Number(f[4])]);
  }
  return { ids, dates, amounts };
}

export interface PathColumnsExcel {
  paths: Column;
  conversions: Column;
  values: Column;
  nulls: Column;
}

/** ChannelAttribution's Data.csv (10,000 rows) as four columns with their title cells. */
export function channelAttributionColumns(): PathColumnsExcel {
  const lines = readFileSync("test/fixtures/channelattribution/Data.csv", "utf8").trim().split(/\r?\n/);
  const rows = lines.map((l) => l.split(";"));
  const num = (s: string, i: number): unknown => (i === 0 ? s : Number(s));
  return {
    paths: rows.map((r) => [r[0]]),
    conversions: rows.map((r, i) => [num(r[1], i)]),
    values: rows.map((r, i) => [num(r[2], i)]),
    nulls: rows.map((r, i) => [num(r[3], i)]),
  };
}

/** Matcher-friendly Excel error. */
export interface ErrorCell {
  code: string;
  message?: string;
}

export function isErrorCell(v: unknown): v is ErrorCell {
  return typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string";
}
