/**
 * Seasonality profiles: month weights by calendar month for spreading a channel's budget over the plan.
 *
 * The presets are editable defaults, not data: relative monthly indices shaped on the well-known pattern of
 * e-commerce sales (GMV) seasonality in each market (a base level per month plus an uplift for each shopping
 * event), rounded to 0.05 and normalized to sum 1 over the year. They are meant as a starting point the user
 * adjusts (the wizard can copy a preset into custom weights); they are not estimated from any data set.
 *
 * - China retail: Spring Festival (the New Year goods shopping season, 年货节, in the three weeks before the
 *   festival), 618 (June 18, JD.com's anniversary sale, now market-wide), Double 11 (Singles' Day, November 11,
 *   the largest), Double 12 (December 12).
 * - Western retail: Black Friday / Cyber Monday (late November) and Christmas (December).
 *
 * Spring Festival moves between January 21 and February 20 (lunisolar calendar). Its uplift is split between
 * January and February in proportion to the days of the 21-day pre-festival shopping window
 * (festival day − 21 … festival day − 1) that fall in each month, using the table of festival dates 2024–2035
 * below; for years outside the table it is split 50/50.
 */
import type { PlanMonth, PlanPeriod, SeasonalityPreset, SeasonalityProfile } from "./types";

/** Spring Festival dates (first day of the first month of the Chinese calendar, 农历正月初一), ISO, 2024–2035. */
export const SPRING_FESTIVAL_DATES: Readonly<Record<number, string>> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
  2031: "2031-01-23",
  2032: "2032-02-11",
  2033: "2033-01-31",
  2034: "2034-02-19",
  2035: "2035-02-08",
};

/** Length in days of the pre-festival shopping window. */
export const SPRING_FESTIVAL_WINDOW_DAYS = 21;

/** A shopping event of a preset: its uplift (in base-index units) and the month(s) it falls in. */
export interface SeasonalityEvent {
  name: string;
  uplift: number;
  /** Calendar month, or "springFestival" (January/February by year, see the module comment). */
  month: number | "springFestival";
}

/** Definition of a preset: base index per calendar month (Jan..Dec) and its events. */
export interface SeasonalityPresetDefinition {
  base: readonly number[];
  events: readonly SeasonalityEvent[];
}

/** The presets' base indices and events (editable defaults; see the module comment). */
export const SEASONALITY_PRESETS: Readonly<Record<SeasonalityPreset, SeasonalityPresetDefinition>> = {
  chinaRetail: {
    base: [0.85, 0.8, 0.9, 0.9, 0.95, 0.95, 0.85, 0.85, 0.95, 0.95, 1.0, 0.95],
    events: [
      { name: "Spring Festival", uplift: 0.35, month: "springFestival" },
      { name: "618", uplift: 0.45, month: 6 },
      { name: "Double 11", uplift: 0.75, month: 11 },
      { name: "Double 12", uplift: 0.3, month: 12 },
    ],
  },
  westernRetail: {
    base: [0.8, 0.75, 0.85, 0.85, 0.9, 0.85, 0.9, 0.9, 0.85, 0.95, 1.0, 1.0],
    events: [
      { name: "Black Friday / Cyber Monday", uplift: 0.45, month: 11 },
      { name: "Christmas", uplift: 0.55, month: 12 },
    ],
  },
};

/**
 * Fraction of the Spring Festival uplift that goes to January of `year`: the share of the 21 pre-festival
 * days (festival − 21 … festival − 1) that fall in January (days before January 1 count for January); 0.5
 * for years outside {@link SPRING_FESTIVAL_DATES}. E.g. 2025 (Jan 29) → 1; 2026 (Feb 17) → 5/21.
 */
export function springFestivalJanuaryShare(year: number): number {
  const iso = SPRING_FESTIVAL_DATES[year];
  if (iso === undefined) return 0.5;
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month === 1) return 1;
  const febDays = Math.min(SPRING_FESTIVAL_WINDOW_DAYS, day - 1);
  return (SPRING_FESTIVAL_WINDOW_DAYS - febDays) / SPRING_FESTIVAL_WINDOW_DAYS;
}

/**
 * Month weights of a preset for calendar `year`, January..December, summing to 1:
 * w_m = (base_m + Σ uplifts of events in month m) / Σ over the year (Spring Festival split by
 * {@link springFestivalJanuaryShare}). Throws on an unknown preset name (a programming error).
 */
export function presetWeights(preset: SeasonalityPreset, year: number): number[] {
  const def = SEASONALITY_PRESETS[preset];
  if (!def) throw new Error(`Unknown seasonality preset ${String(preset)}`);
  const w = def.base.slice();
  for (const e of def.events) {
    if (e.month === "springFestival") {
      const jan = springFestivalJanuaryShare(year);
      w[0] += e.uplift * jan;
      w[1] += e.uplift * (1 - jan);
    } else {
      w[e.month - 1] += e.uplift;
    }
  }
  const s = w.reduce((p, q) => p + q, 0);
  return w.map((x) => x / s);
}

/** The calendar months of a plan, in order: month i is (startMonth − 1 + i) mod 12 + 1, rolling the year over. */
export function planMonths(period: PlanPeriod): PlanMonth[] {
  const out: PlanMonth[] = [];
  for (let i = 0; i < period.months; i++) {
    const m0 = period.startMonth - 1 + i;
    out.push({ year: period.startYear + Math.floor(m0 / 12), month: (m0 % 12) + 1 });
  }
  return out;
}

/**
 * Raw (unnormalized) weight of each plan month under a profile: 1 for even (equal per month, regardless of
 * its number of days), the preset's weight for that month's own year, or the custom weight of that calendar
 * month. Inputs are assumed valid (see `validateBudgetInputs`).
 */
export function rawMonthWeights(profile: SeasonalityProfile, months: readonly PlanMonth[]): number[] {
  switch (profile.kind) {
    case "even":
      return months.map(() => 1);
    case "preset": {
      const cache = new Map<number, number[]>();
      return months.map(({ year, month }) => {
        let w = cache.get(year);
        if (!w) cache.set(year, (w = presetWeights(profile.preset, year)));
        return w[month - 1];
      });
    }
    case "custom":
      return months.map(({ month }) => profile.weights[month - 1]);
  }
}
