/**
 * The KPI wizard's form state (what the user types, as text) and its translation into the core's inputs and the
 * sheet builder's input. Numbers are parsed leniently ("1,200,000", full-width digits, "−5"); values of percent
 * KPIs, funnel rates and percent changes are typed in percent ("2.5" = 2.5%) and become fractions.
 *
 * `analyzeKpiState` runs the core's checks (validateCustomKpi, validateSeasonality, validateFunnel,
 * validateKpiInputs, deriveFunnel) and turns every problem into a field error in the wizard's language, with the
 * params localized ({kpi} → the KPI's name, {field} → the field's name, values in the KPI's unit).
 */
import {
  defineCustomKpi,
  deriveFunnel,
  findKpi,
  KPI_LIBRARY,
  kpiName,
  validateCustomKpi,
  validateFunnel,
  validateKpiInputs,
  validateSeasonality,
  type FunnelInput,
  type FunnelResult,
  type KpiAggregation,
  type KpiDefinition,
  type KpiDirection,
  type KpiTargetInput,
  type KpiUnit,
  type KpiWarning,
  type ResolvedKpiTarget,
} from "../../../core/kpi";
import type { MktError } from "../../../core/errors";
import type { Locale } from "../../../i18n/locale";
import type { CurrencyCode } from "../../../sheets/formats";
import { KPI_TEXT } from "../../../sheets/i18n/kpi";
import { kpiDerivedTargets, type KpiSeasonality, type KpiSheetInput } from "../../../sheets/kpi";
import type { FieldError } from "../../wizard";
import { kpiErrorMessage, kpiWarningMessage } from "./errors";
import { KPI_MESSAGES } from "./messages";

export type TargetMode = "absolute" | "percentChange" | "derived";
export type FloorChoice = "baseline" | "typed" | "none";
export type StretchChoice = "targetMultiple" | "typed" | "benchmark";
export type SeasonChoice = "even" | "chinaRetail" | "westernRetail" | "custom";

/** One KPI's targets as typed. */
export interface KpiRowState {
  baseline: string;
  targetMode: TargetMode;
  /** Target value (absolute mode). */
  target: string;
  /** Change in percent (percent-change mode), e.g. "10" or "-5". */
  percent: string;
  floorRule: FloorChoice;
  floorMultiplier: string;
  floor: string;
  stretchRule: StretchChoice;
  stretchMultiplier: string;
  stretch: string;
  benchmark: string;
  owner: string;
}

/** A user-defined KPI as typed (its id is generated: custom1, custom2, …). */
export interface CustomKpiRow {
  id: string;
  name: string;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
}

export interface KpiWizardState {
  year: string;
  startMonth: string;
  currency: CurrencyCode;
  season: SeasonChoice;
  weights: string;
  /** Library KPI ids picked (custom KPIs are always in the plan). */
  selected: string[];
  custom: CustomKpiRow[];
  /** Typed targets by KPI id (kept when a KPI is unticked and ticked again). */
  rows: Record<string, KpiRowState>;
  funnelOn: boolean;
  revenue: string;
  aov: string;
  conversionRate: string;
  visitToLead: string;
  leadToOrder: string;
  newCustomerShare: string;
  cac: string;
}

const CURRENCY_OF: Record<Locale, CurrencyCode> = { "en-US": "USD", "zh-CN": "CNY", "zh-TW": "TWD" };

export function defaultRow(direction: KpiDirection = "higher"): KpiRowState {
  return {
    baseline: "",
    targetMode: "percentChange",
    target: "",
    percent: direction === "higher" ? "10" : "-10",
    floorRule: "baseline",
    floorMultiplier: "1",
    floor: "",
    stretchRule: "targetMultiple",
    stretchMultiplier: "1.2",
    stretch: "",
    benchmark: "",
    owner: "",
  };
}

export function initialKpiState(locale: Locale, today = new Date()): KpiWizardState {
  return {
    year: String(today.getFullYear() + 1),
    startMonth: "1",
    currency: CURRENCY_OF[locale],
    season: locale === "en-US" ? "westernRetail" : "chinaRetail",
    weights: "1,1,1,1,1,1,1,1,1,1,1,1",
    selected: ["visits", "conversionRate", "revenue", "cac"],
    custom: [],
    rows: {},
    funnelOn: false,
    revenue: "",
    aov: "",
    conversionRate: "",
    visitToLead: "",
    leadToOrder: "",
    newCustomerShare: "",
    cac: "",
  };
}

/** Parses a typed number: thousands separators, a trailing %, full-width digits, − signs. Blank → undefined. */
export function parseNumber(s: string): number | undefined | "invalid" {
  const t = (s ?? "")
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\u2212\uFF0D]/g, "-")
    .replace(/\uFF0E/g, ".")
    .replace(/[,，\s]/g, "")
    .replace(/[%％]$/, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : "invalid";
}

const num = (s: string): number | undefined => {
  const n = parseNumber(s);
  return typeof n === "number" ? n : undefined;
};

/** Custom KPI definitions that are valid (invalid ones are reported in step 1 and left out). */
export function customDefinitions(state: KpiWizardState): KpiDefinition[] {
  const defs: KpiDefinition[] = [];
  for (const c of state.custom) {
    const input = { id: c.id, name: c.name, unit: c.unit, direction: c.direction, aggregation: c.aggregation };
    if (validateCustomKpi(input, defs).length === 0) defs.push(defineCustomKpi(input, defs));
  }
  return defs;
}

/** The KPIs of the plan, library order (grouped by layer), then custom KPIs. */
export function planKpis(state: KpiWizardState, custom = customDefinitions(state)): KpiDefinition[] {
  return [...KPI_LIBRARY.filter((k) => state.selected.includes(k.id)), ...custom];
}

export function rowOf(state: KpiWizardState, k: KpiDefinition): KpiRowState {
  return state.rows[k.id] ?? defaultRow(k.direction);
}

/** A typed value of KPI `k` in the core's units (percent KPIs: typed in %, stored as a fraction). */
function kpiValue(k: KpiDefinition, s: string): number | undefined {
  const v = num(s);
  return v === undefined ? undefined : k.unit === "percent" ? v / 100 : v;
}

export function toTargetInput(k: KpiDefinition, row: KpiRowState): KpiTargetInput {
  const baseline = kpiValue(k, row.baseline);
  const target: KpiTargetInput["target"] =
    row.targetMode === "absolute"
      ? { mode: "absolute", value: kpiValue(k, row.target) ?? NaN }
      : row.targetMode === "percentChange"
        ? { mode: "percentChange", percent: (num(row.percent) ?? NaN) / 100 }
        : { mode: "derived" };
  const floor: KpiTargetInput["floor"] =
    row.floorRule === "typed"
      ? { rule: "typed", value: kpiValue(k, row.floor) ?? NaN }
      : row.floorRule === "baseline"
        ? { rule: "baseline", multiplier: num(row.floorMultiplier) ?? 1 }
        : { rule: "none" };
  const stretch: KpiTargetInput["stretch"] =
    row.stretchRule === "typed"
      ? { rule: "typed", value: kpiValue(k, row.stretch) ?? NaN }
      : row.stretchRule === "benchmark"
        ? { rule: "benchmark", benchmark: kpiValue(k, row.benchmark) ?? NaN, multiplier: num(row.stretchMultiplier) }
        : { rule: "targetMultiple", multiplier: num(row.stretchMultiplier) };
  return { kpiId: k.id, baseline: baseline ?? null, target, floor, stretch };
}

export function seasonality(state: KpiWizardState): KpiSeasonality {
  if (state.season === "even") return { kind: "even" };
  if (state.season === "custom") {
    return {
      kind: "custom",
      weights: state.weights
        .split(/[,，;\s]+/)
        .filter(Boolean)
        .map((w) => num(w) ?? NaN),
    };
  }
  return { kind: "preset", preset: state.season };
}

export function toFunnelInput(state: KpiWizardState): Omit<FunnelInput, "typed"> {
  const pct = (s: string) => {
    const v = num(s);
    return v === undefined ? null : v / 100;
  };
  return {
    revenue: num(state.revenue) ?? NaN,
    averageOrderValue: num(state.aov) ?? NaN,
    conversionRate: pct(state.conversionRate),
    visitToLeadRate: pct(state.visitToLead),
    leadToOrderRate: pct(state.leadToOrder),
    newCustomerShare: pct(state.newCustomerShare),
    cac: num(state.cac) ?? null,
  };
}

export function toKpiSheetInput(state: KpiWizardState): KpiSheetInput {
  const custom = customDefinitions(state);
  return {
    year: num(state.year) ?? NaN,
    startMonth: num(state.startMonth) ?? 1,
    seasonality: seasonality(state),
    currency: state.currency,
    custom,
    kpis: planKpis(state, custom).map((k) => ({
      input: toTargetInput(k, rowOf(state, k)),
      owner: rowOf(state, k).owner,
    })),
    funnel: state.funnelOn ? toFunnelInput(state) : null,
    wizardState: state,
  };
}

/** Which step a field id belongs to. */
export type StepId = "kpis" | "targets" | "funnel";

export interface KpiAnalysis {
  errors: (FieldError & { step: StepId })[];
  /** Warnings by KPI id (clamped rule values) and "funnel" (contradicting targets). */
  warnings: Record<string, string[]>;
  kpis: KpiDefinition[];
  /** Resolved rows by KPI id (rows without errors). */
  resolved: Record<string, ResolvedKpiTarget>;
  funnel?: FunnelResult;
  derived?: Record<string, number>;
}

const FUNNEL_FIELDS: Record<string, keyof KpiWizardState> = {
  revenue: "revenue",
  averageOrderValue: "aov",
  conversionRate: "conversionRate",
  visitToLeadRate: "visitToLead",
  leadToOrderRate: "leadToOrder",
  newCustomerShare: "newCustomerShare",
  cac: "cac",
};
const FUNNEL_RATES = new Set(["conversionRate", "visitToLeadRate", "leadToOrderRate", "newCustomerShare"]);
const VALUE_PARAMS = new Set(["value", "target", "floor", "stretch", "typed", "derived", "clamped", "min", "max"]);

/** Core field name → the form's field (per KPI). */
const ROW_FIELD: Record<string, keyof KpiRowState> = {
  baseline: "baseline",
  target: "target",
  percent: "target",
  kpi: "target",
  floor: "floor",
  floorMultiplier: "floor",
  stretch: "stretch",
  stretchMultiplier: "stretch",
  benchmark: "stretch",
};

/** Formats a value in the KPI's unit for messages (percent KPIs and funnel rates as percentages). */
export function formatKpiValue(v: number, percent: boolean, locale: Locale): string {
  if (percent) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Math.round(v * 1e6) / 1e4)}%`;
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(v);
}

function localizeParams(
  params: Readonly<Record<string, string | number>>,
  locale: Locale,
  custom: readonly KpiDefinition[],
): Record<string, string | number> {
  const t = KPI_MESSAGES[locale];
  const out: Record<string, string | number> = { ...params };
  const kpiId = typeof params.kpi === "string" ? params.kpi : undefined;
  const k = kpiId ? findKpi(kpiId, custom) : undefined;
  const funnelField = kpiId !== undefined && kpiId in FUNNEL_FIELDS;
  if (k) out.kpi = kpiName(k, locale);
  else if (funnelField) out.kpi = t.stepFunnel;
  else if (kpiId === "newCustomers" || kpiId === "budget") out.kpi = t.fields[kpiId];
  if (typeof params.field === "string") out.field = t.fields[params.field] ?? params.field;
  if (typeof params.weightKpi === "string") {
    const w = findKpi(params.weightKpi, custom);
    if (w) out.weightKpi = kpiName(w, locale);
  }
  if (typeof params.unit === "string") {
    out.unit = KPI_TEXT[locale].units[params.unit as KpiUnit] ?? params.unit;
  }
  const percent = k ? k.unit === "percent" : funnelField && FUNNEL_RATES.has(kpiId);
  for (const [name, v] of Object.entries(params)) {
    if (typeof v !== "number") continue;
    if (VALUE_PARAMS.has(name)) out[name] = formatKpiValue(v, percent, locale);
    else if (name === "conversionRate" || name === "chained") out[name] = formatKpiValue(v, true, locale);
  }
  return out;
}

const cache = new WeakMap<KpiWizardState, Map<Locale, KpiAnalysis>>();

/** Every problem with the state, as field errors in `locale` (memoized per state object). */
export function analyzeKpiState(state: KpiWizardState, locale: Locale): KpiAnalysis {
  const hit = cache.get(state)?.get(locale);
  if (hit) return hit;
  const result = analyze(state, locale);
  if (!cache.has(state)) cache.set(state, new Map());
  cache.get(state)!.set(locale, result);
  return result;
}

function analyze(state: KpiWizardState, locale: Locale): KpiAnalysis {
  const t = KPI_MESSAGES[locale];
  const errors: KpiAnalysis["errors"] = [];
  const warnings: Record<string, string[]> = {};
  const custom = customDefinitions(state);
  const localized = (e: MktError) =>
    kpiErrorMessage(locale, e.key, localizeParams(e.params, locale, custom), e.message);
  const warn = (id: string, w: KpiWarning) =>
    (warnings[id] ??= []).push(kpiWarningMessage(locale, w.key, localizeParams(w.params, locale, custom), w.message));

  // ---- step 1: period, seasonality, KPIs
  const year = parseNumber(state.year);
  if (year === "invalid" || year === undefined || !Number.isInteger(year) || year < 1900 || year > 9999) {
    errors.push({
      step: "kpis",
      field: "year",
      message: kpiErrorMessage(locale, "invalidYear", { field: t.fields.year, value: state.year }, ""),
    });
  }
  if (state.season === "custom") {
    const s = seasonality(state);
    for (const e of validateSeasonality(s.kind === "custom" ? (s.weights as number[]) : [], "weights")) {
      errors.push({ step: "kpis", field: "weights", message: localized(e) });
    }
  }
  const defined: KpiDefinition[] = [];
  for (const c of state.custom) {
    const input = { id: c.id, name: c.name, unit: c.unit, direction: c.direction, aggregation: c.aggregation };
    const es = validateCustomKpi(input, defined);
    if (es.length === 0) defined.push(defineCustomKpi(input, defined));
    for (const e of es) {
      const field = String(e.params.field ?? "name");
      errors.push({
        step: "kpis",
        field: `custom.${field}.${c.id}`,
        // The KPI has no valid definition yet: name it by what was typed.
        message: kpiErrorMessage(
          locale,
          e.key,
          { ...localizeParams(e.params, locale, custom), kpi: c.name.trim() || c.id },
          e.message,
        ),
      });
    }
  }
  const kpis = planKpis(state, custom);
  if (kpis.length === 0) errors.push({ step: "kpis", field: "kpis", message: t.noKpis });

  // ---- step 3 first: the funnel gives the derived targets
  let funnel: FunnelResult | undefined;
  let derived: Record<string, number> | undefined;
  const funnelInput = toFunnelInput(state);
  if (state.funnelOn) {
    for (const [field, key] of Object.entries(FUNNEL_FIELDS)) {
      if (parseNumber(state[key] as string) === "invalid") {
        errors.push({ step: "funnel", field: `funnel.${field}`, message: t.notANumber });
      }
    }
    const fes = validateFunnel(funnelInput);
    for (const e of fes) {
      const field = String(e.params.field);
      if (!errors.some((x) => x.field === `funnel.${field}`)) {
        errors.push({ step: "funnel", field: `funnel.${field}`, message: localized(e) });
      }
    }
    if (fes.length === 0) {
      funnel = deriveFunnel(funnelInput);
      derived = kpiDerivedTargets(funnel, funnelInput);
    }
  }

  // ---- step 2: targets
  const resolved: Record<string, ResolvedKpiTarget> = {};
  const unparsed = new Set<string>();
  for (const k of kpis) {
    const row = rowOf(state, k);
    const fields: [keyof KpiRowState, keyof KpiRowState][] = [
      ["baseline", "baseline"],
      [row.targetMode === "absolute" ? "target" : "percent", "target"],
      [row.floorRule === "typed" ? "floor" : "floorMultiplier", "floor"],
      [row.stretchRule === "typed" ? "stretch" : "stretchMultiplier", "stretch"],
      ["benchmark", "stretch"],
    ];
    for (const [src, field] of fields) {
      if (src === "benchmark" && row.stretchRule !== "benchmark") continue;
      if (src === "floorMultiplier" && row.floorRule === "none") continue;
      if (parseNumber(row[src]) === "invalid" && !unparsed.has(`${field}.${k.id}`)) {
        unparsed.add(`${field}.${k.id}`);
        errors.push({ step: "targets", field: `${field}.${k.id}`, message: t.notANumber });
      }
    }
  }
  const inputs = kpis.map((k) => toTargetInput(k, rowOf(state, k)));
  const validation = validateKpiInputs(inputs, { custom, derived });
  for (const e of validation.errors) {
    const kpi = String(e.params.kpi);
    if (e.key === "derivedTargetMissing") {
      // Fixed in the funnel step, so it must not block the way there (and a funnel with errors says why itself).
      if (!(state.funnelOn && !funnel)) errors.push({ step: "funnel", field: `derived.${kpi}`, message: localized(e) });
      continue;
    }
    const field = `${ROW_FIELD[String(e.params.field)] ?? "target"}.${kpi}`;
    if (unparsed.has(field)) continue;
    errors.push({ step: "targets", field, message: localized(e) });
  }
  validation.results.forEach((r) => {
    if (!r) return;
    resolved[r.kpi.id] = r;
    for (const w of r.warnings) warn(r.kpi.id, w);
  });

  // ---- funnel warnings: typed (not derived) targets of orders, leads (sign-ups) and visits
  if (funnel) {
    const typed: NonNullable<FunnelInput["typed"]> = {};
    for (const [field, id] of [
      ["orders", "orders"],
      ["leads", "signUps"],
      ["visits", "visits"],
    ] as const) {
      const k = kpis.find((x) => x.id === id);
      if (k && rowOf(state, k).targetMode !== "derived" && resolved[id]) typed[field] = resolved[id].target;
    }
    for (const w of deriveFunnel({ ...funnelInput, typed }).warnings) warn("funnel", w);
  }

  return { errors, warnings, kpis, resolved, funnel, derived };
}

/** Field errors of one step. */
export function stepErrors(state: KpiWizardState, locale: Locale, step: StepId): FieldError[] {
  return analyzeKpiState(state, locale)
    .errors.filter((e) => e.step === step)
    .map(({ field, message }) => ({ field, message }));
}
