import type { Locale } from "../../i18n/locale";
import { enUS, type MessageKey, type Messages } from "./en-US";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

export type { MessageKey, Messages };

export const PANE_MESSAGES: Record<Locale, Messages> = { "en-US": enUS, "zh-CN": zhCN, "zh-TW": zhTW };

/** The native name of each language, shown in the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { "en-US": "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" };

/** Replaces {name} placeholders in a UI string. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
