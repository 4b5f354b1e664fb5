/**
 * Turns anything thrown below the Excel boundary into an Excel error value with a message in the user's
 * language. Core errors carry a kind (which Excel error) and a message key; unknown failures become #VALUE!
 * with a generic message, so nothing ever throws raw into Excel.
 */
import { isMktError, type MktErrorKind } from "../core/errors";
import { excelError, isExcelError, type ExcelErrorCode, type ExcelErrorValue } from "./excel-error";
import { formatMessage } from "./messages";
import { functionLocale } from "./runtime-locale";

const CODE_OF_KIND: Record<MktErrorKind, ExcelErrorCode> = {
  value: "#VALUE!",
  num: "#NUM!",
  div0: "#DIV/0!",
  na: "#N/A",
};

export function toExcelError(e: unknown): ExcelErrorValue {
  if (isExcelError(e)) return e;
  const locale = functionLocale();
  if (isMktError(e)) {
    return excelError(CODE_OF_KIND[e.kind], formatMessage(locale, e.key, e.params, e.message));
  }
  return excelError("#VALUE!", formatMessage(locale, "internal", {}, "MarketKit could not compute this."));
}

/** Runs a custom function body; any failure becomes an Excel error value instead of a throw. */
export function safely<T>(body: () => T): T | ExcelErrorValue {
  try {
    return body();
  } catch (e) {
    return toExcelError(e);
  }
}

/** For functions that return a spilled table: a failure becomes a 1×1 table holding the error. */
export function safelyGrid(body: () => unknown[][]): unknown[][] {
  try {
    return body();
  } catch (e) {
    return [[toExcelError(e)]];
  }
}
