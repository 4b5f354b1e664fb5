/**
 * Shows a value roughly as Excel would with the cell's number format, for the preview grid: percentages, thousands
 * separators, decimals and currency prefixes. (Excel's format language is richer; the written sheet uses the real
 * format, this is only the preview.)
 */
import type { Locale } from "../i18n/locale";
import type { Scalar } from "../sheets/plan";

export function formatPreviewValue(v: Scalar, numberFormat: string | undefined, locale: Locale): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return "#NUM!";
  const fmt = (numberFormat ?? "General").split(";")[0];
  const decimals = (/\.(0+)/.exec(fmt)?.[1] ?? "").length;
  const grouping = fmt.includes(",");
  const percent = fmt.includes("%");
  const prefix = /^(?:\[\$([^\]-]+)[^\]]*\]|"([^"]*)")/.exec(fmt);
  const currency = prefix ? (prefix[1] ?? prefix[2] ?? "") : "";
  if (fmt === "General") return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(v);
  const n = percent ? v * 100 : v;
  const s = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  }).format(n);
  return `${currency}${s}${percent ? "%" : ""}`;
}
