/**
 * User text must land in a cell as text. Excel (and Office.js `values`/`formulas`) read a string that starts with
 * "=", "+", "-" or "@" as a formula, and one that looks like a number or date as that number; a leading apostrophe
 * is Excel's own marker for "this is text" and is not shown. This is also the usual defence against formula
 * injection in exported sheets (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^\s*[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/;
const BOOL_LIKE = /^\s*(true|false)\s*$/i;

export function needsTextMarker(s: string): boolean {
  return FORMULA_START.test(s) || NUMBER_LIKE.test(s) || DATE_LIKE.test(s) || BOOL_LIKE.test(s) || s.startsWith("'");
}

/** The string to send through Office.js so Excel stores exactly `s` as text. */
export function asExcelText(s: string): string {
  return needsTextMarker(s) ? `'${s}` : s;
}
