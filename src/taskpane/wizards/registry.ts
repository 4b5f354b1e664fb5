/**
 * The wizards the home view offers. Each is loaded on demand (its own bundle chunk), so the first view stays
 * small; `title` and `summary` are in the three UI languages.
 */
import type { Locale } from "../../i18n/locale";
import type { WizardDefinition } from "../wizard";

export interface WizardEntry {
  readonly id: string;
  readonly title: Record<Locale, string>;
  readonly summary: Record<Locale, string>;
  readonly load: () => Promise<WizardDefinition<unknown>>;
}

export const WIZARDS: readonly WizardEntry[] = [];
