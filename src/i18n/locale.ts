/** The three languages MarketKit speaks, and how an Office or browser language tag maps onto them. */
export type Locale = "en-US" | "zh-CN" | "zh-TW";

export const LOCALES: readonly Locale[] = ["en-US", "zh-CN", "zh-TW"];

/**
 * Maps a BCP-47 tag (Office's `displayLanguage`, `navigator.language`) to a supported locale. Traditional Chinese
 * is used for Taiwan, Hong Kong and Macau and for explicit `Hant` scripts; other Chinese tags get Simplified.
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  const t = (tag ?? "").toLowerCase();
  if (!t.startsWith("zh")) return "en-US";
  if (/hant|-tw|-hk|-mo/.test(t)) return "zh-TW";
  return "zh-CN";
}
