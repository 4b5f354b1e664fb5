/**
 * The function reference shown in the pane is read from the same metadata Excel reads (functions.json and its
 * localized siblings, served beside the page), so the pane never repeats the help text.
 */
import type { Locale } from "../i18n/locale";

export interface FunctionParamInfo {
  name: string;
  description?: string;
  optional?: boolean;
}

export interface FunctionInfo {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: FunctionParamInfo[];
}

const FILE: Record<Locale, string> = {
  "en-US": "functions.json",
  "zh-CN": "functions.zh-cn.json",
  "zh-TW": "functions.zh-tw.json",
};

export async function loadFunctionCatalog(locale: Locale, base = ""): Promise<FunctionInfo[]> {
  const res = await fetch(base + FILE[locale]);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const json = (await res.json()) as { functions?: FunctionInfo[] };
  return json.functions ?? [];
}
