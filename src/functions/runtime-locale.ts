/** The user's display language inside Excel (Office.context.displayLanguage), else the browser's, else English. */
import { resolveLocale, type Locale } from "../i18n/locale";

let override: Locale | undefined;

/** Tests and the harness pin the language; Excel never calls this. */
export function setFunctionLocale(locale: Locale | undefined): void {
  override = locale;
}

export function functionLocale(): Locale {
  if (override) return override;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const tag =
    office?.context?.displayLanguage ?? (globalThis as { navigator?: { language?: string } }).navigator?.language;
  return resolveLocale(tag);
}
