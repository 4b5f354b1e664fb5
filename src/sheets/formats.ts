/** Number formats the builders use, in Excel's format language (also understood by LibreOffice and exceljs). */
export type CurrencyCode = "CNY" | "TWD" | "HKD" | "USD" | "EUR";

export const CURRENCIES: readonly CurrencyCode[] = ["CNY", "TWD", "HKD", "USD", "EUR"];

const SYMBOL: Record<CurrencyCode, string> = { CNY: "¥", TWD: "NT$", HKD: "HK$", USD: "$", EUR: "€" };

/** Whole currency units with thousands separators and the currency symbol, negatives with a minus sign. */
export function currencyFormat(code: CurrencyCode, decimals = 0): string {
  const n = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const sym = `"${SYMBOL[code]}"`;
  return `${sym}${n};-${sym}${n}`;
}

export const PERCENT = "0.0%";
export const PERCENT_INT = "0%";
export const INTEGER = "#,##0";
export const DECIMAL2 = "#,##0.00";
