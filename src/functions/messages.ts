/**
 * Localized error messages for the MKT functions. Keys are the ones the core throws (MktError.key) plus the
 * functions layer's own. English comes from the core's catalogs where they exist; every key must have a
 * zh-CN and a zh-TW text (a test checks). Placeholders look like {arg}.
 */
import type { Locale } from "../i18n/locale";
import { MESSAGES_EN } from "./i18n/errors.en";
import { MESSAGES_ZH_CN } from "./i18n/errors.zh-cn";
import { MESSAGES_ZH_TW } from "./i18n/errors.zh-tw";

export const ERROR_MESSAGES: Record<Locale, Readonly<Record<string, string>>> = {
  "en-US": MESSAGES_EN,
  "zh-CN": MESSAGES_ZH_CN,
  "zh-TW": MESSAGES_ZH_TW,
};

export function formatMessage(
  locale: Locale,
  key: string,
  params: Readonly<Record<string, string | number>>,
  fallback: string,
): string {
  const template = ERROR_MESSAGES[locale][key] ?? ERROR_MESSAGES["en-US"][key];
  if (!template) return fallback;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
