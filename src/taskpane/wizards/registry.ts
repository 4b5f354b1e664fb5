/**
 * The wizards the home view offers. Each is loaded on demand (its own bundle chunk), so the first view stays
 * small; `title` and `summary` are in the three UI languages.
 */
import type { Locale } from "../../i18n/locale";
import type { WizardDefinition } from "../wizard";
import { BUDGET_MESSAGES } from "./budget/messages";
import { KPI_MESSAGES } from "./kpi/messages";

export interface WizardEntry {
  readonly id: string;
  readonly title: (locale: Locale) => string;
  readonly summary: (locale: Locale) => string;
  readonly load: () => Promise<WizardDefinition<unknown>>;
}

const loaded = <S>(p: Promise<{ default: WizardDefinition<S> }>) =>
  p.then((m) => m.default as unknown as WizardDefinition<unknown>);

export const WIZARDS: readonly WizardEntry[] = [
  {
    id: "budget",
    title: (l) => BUDGET_MESSAGES[l].title,
    summary: (l) => BUDGET_MESSAGES[l].summary,
    load: () => loaded(import(/* webpackChunkName: "wizard-budget" */ "./budget/definition")),
  },
  {
    id: "kpi",
    title: (l) => KPI_MESSAGES[l].title,
    summary: (l) => KPI_MESSAGES[l].summary,
    load: () => loaded(import(/* webpackChunkName: "wizard-kpi" */ "./kpi/definition")),
  },
];
