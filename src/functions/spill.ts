/**
 * Building spilled results: header rows and label/value tables in the user's display language, and cells
 * that hold a number, text, TRUE/FALSE or an Excel error (one undefined field does not fail the table).
 */
import { isMktError } from "../core/errors";
import { excelError } from "./excel-error";
import { toExcelError } from "./errors";
import { TABLE_LABELS, type TableLabels } from "./i18n/labels";
import { functionLocale } from "./runtime-locale";

/** Table labels in the user's display language. */
export function labels(): TableLabels {
  return TABLE_LABELS[functionLocale()];
}

/** Replaces `{name}` placeholders of a label. */
export function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

/** A result cell: finite numbers, text and booleans as they are; a core error or a non-finite number as an error. */
export function outCell(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : excelError("#NUM!");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isMktError(v)) return toExcelError(v);
  return toExcelError(v);
}

/** A two-column table: label, value. */
export function labelValueTable(rows: readonly (readonly [string, unknown])[]): unknown[][] {
  return rows.map(([label, value]) => [label, outCell(value)]);
}

/** A percentage for a label: 0.95 → "95%", 0.975 → "97.5%". */
export function percentLabel(x: number): string {
  return `${Number((x * 100).toPrecision(10))}%`;
}
