/**
 * The budget wizard's form state (what the user types, as text) and its translation into the core's inputs.
 * Numbers are parsed leniently ("1,200,000", "15%"); a field that does not parse is reported at that field.
 */
import type { BudgetChannel, BudgetInputs, HistoryPoint, SeasonalityProfile } from "../../../core/budget";
import type { CurrencyCode } from "../../../sheets/formats";
import type { Locale } from "../../../i18n/locale";
import { BUDGET_MESSAGES } from "./messages";

export type MethodChoice = "fixedShares" | "weightedRoi" | "weightedCpa" | "optimizedRevenue" | "optimizedConversions";
export type SeasonChoice = "even" | "chinaRetail" | "westernRetail" | "custom";

export interface ChannelRow {
  id: string;
  name: string;
  share: string;
  minSpend: string;
  maxSpend: string;
  spend1: string;
  revenue1: string;
  conversions1: string;
  spend2: string;
  revenue2: string;
  conversions2: string;
}

export interface BudgetWizardState {
  year: string;
  startMonth: string;
  months: "12" | "6" | "3";
  currency: CurrencyCode;
  budgetMode: "total" | "revenue";
  total: string;
  revenueTarget: string;
  ratio: string;
  reserve: string;
  threshold: string;
  channels: ChannelRow[];
  method: MethodChoice;
  season: SeasonChoice;
  weights: string;
}

export const PRESET_CHANNELS = [
  "search",
  "social",
  "shortVideo",
  "kol",
  "live",
  "ecommerce",
  "email",
  "events",
  "outdoor",
  "pr",
  "stores",
] as const;

export function emptyChannel(id: string, name: string): ChannelRow {
  return {
    id,
    name,
    share: "",
    minSpend: "",
    maxSpend: "",
    spend1: "",
    revenue1: "",
    conversions1: "",
    spend2: "",
    revenue2: "",
    conversions2: "",
  };
}

const CURRENCY_OF: Record<Locale, CurrencyCode> = { "en-US": "USD", "zh-CN": "CNY", "zh-TW": "TWD" };

export function initialBudgetState(locale: Locale, today = new Date()): BudgetWizardState {
  const names = BUDGET_MESSAGES[locale].channelNames;
  const ch = (id: (typeof PRESET_CHANNELS)[number], share: string) => ({ ...emptyChannel(id, names[id]), share });
  return {
    year: String(today.getFullYear() + 1),
    startMonth: "1",
    months: "12",
    currency: CURRENCY_OF[locale],
    budgetMode: "total",
    total: "1000000",
    revenueTarget: "",
    ratio: "10",
    reserve: "5",
    threshold: "10",
    channels: [ch("search", "40"), ch("social", "35"), ch("shortVideo", "25")],
    method: "fixedShares",
    season: locale === "en-US" ? "westernRetail" : "chinaRetail",
    weights: "1,1,1,1,1,1,1,1,1,1,1,1",
  };
}

/** Parses a typed number: thousands separators, a trailing %, full-width digits. Blank → undefined. */
export function parseNumber(s: string): number | undefined | "invalid" {
  const t = s
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[,，\s]/g, "")
    .replace(/%$/, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : "invalid";
}

const num = (s: string): number | undefined => {
  const n = parseNumber(s);
  return typeof n === "number" ? n : undefined;
};

function history(row: ChannelRow): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const [s, r, c] of [
    [row.spend1, row.revenue1, row.conversions1],
    [row.spend2, row.revenue2, row.conversions2],
  ]) {
    const spend = num(s);
    if (spend === undefined) continue;
    points.push({ spend, revenue: num(r), conversions: num(c) });
  }
  return points;
}

export function seasonality(state: BudgetWizardState): SeasonalityProfile {
  switch (state.season) {
    case "even":
      return { kind: "even" };
    case "custom":
      return {
        kind: "custom",
        weights: state.weights
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map((w) => Number(w)),
      };
    default:
      return { kind: "preset", preset: state.season };
  }
}

export function toBudgetInputs(state: BudgetWizardState): BudgetInputs {
  const channels: BudgetChannel[] = state.channels.map((row) => ({
    id: row.id,
    name: row.name.trim(),
    sharePercent: state.method === "fixedShares" ? (num(row.share) ?? 0) : undefined,
    minSpend: num(row.minSpend),
    maxSpend: num(row.maxSpend),
    history: history(row),
  }));
  const method: BudgetInputs["method"] =
    state.method === "fixedShares"
      ? { kind: "fixedShares" }
      : state.method === "weightedRoi"
        ? { kind: "weighted", metric: "roi" }
        : state.method === "weightedCpa"
          ? { kind: "weighted", metric: "conversionsPerSpend" }
          : { kind: "optimized", outcome: state.method === "optimizedRevenue" ? "revenue" : "conversions" };
  return {
    period: {
      months: Number(state.months),
      startMonth: num(state.startMonth) ?? NaN,
      startYear: num(state.year) ?? NaN,
    },
    budget:
      state.budgetMode === "total"
        ? { kind: "total", amount: num(state.total) ?? 0 }
        : {
            kind: "revenueTarget",
            revenueTarget: num(state.revenueTarget) ?? 0,
            budgetRatioPercent: num(state.ratio) ?? 0,
          },
    reservePercent: num(state.reserve) ?? 0,
    channels,
    method,
    phasing: { seasonality: seasonality(state) },
  };
}

/** Form fields that hold numbers, with their ids as the validation uses them. */
export function unparsedFields(state: BudgetWizardState): string[] {
  const bad: string[] = [];
  const check = (id: string, s: string) => parseNumber(s) === "invalid" && bad.push(id);
  check("year", state.year);
  check("startMonth", state.startMonth);
  check("total", state.total);
  check("revenueTarget", state.revenueTarget);
  check("ratio", state.ratio);
  check("reserve", state.reserve);
  check("threshold", state.threshold);
  for (const c of state.channels) {
    for (const k of [
      "share",
      "minSpend",
      "maxSpend",
      "spend1",
      "revenue1",
      "conversions1",
      "spend2",
      "revenue2",
      "conversions2",
    ] as const) {
      check(`${k}.${c.id}`, c[k]);
    }
  }
  return bad;
}
