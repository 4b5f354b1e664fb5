/**
 * The KPI library of the target wizard: built-in KPIs grouped by funnel layer, plus user-defined KPIs.
 *
 * Each KPI has a unit, a direction (which way is better) and an aggregation over time:
 * - "sum" for volumes (visits, app downloads, sign-ups, orders, revenue): a quarter is the sum of its months;
 * - "rate" for ratios, rates, averages, scores and durations (conversion rate, AOV, NPS, CAC, ROI, market share,
 *   retention, payback): never summed. A quarter's or year's target for a rate is the rate itself; when monthly
 *   values differ (actuals, edited targets) they are combined as a weighted average Σ vₘ·wₘ / Σ wₘ with the
 *   monthly values of the KPI's `weightKpi` as weights (conversion rate by visits, AOV by orders, gross margin by
 *   revenue: these reproduce the ratio of the summed volumes exactly), else as a simple mean.
 *
 * Percent KPIs are fractions in [0, 1]. NPS is a score in [−100, 100] (Reichheld, "The One Number You Need to
 * Grow", HBR 2003: % promoters − % detractors). `orders` is not a wizard layer KPI of its own in the brief but is
 * listed under conversion because the funnel derives it and AOV is weighted by it.
 */
import type { MktError } from "../errors";
import { kpiError } from "./messages";
import type { KpiAggregation, KpiDefinition, KpiDirection, KpiLayer, KpiNames, KpiUnit } from "./types";

/** Layers in wizard order. */
export const KPI_LAYERS: readonly KpiLayer[] = ["brand", "traffic", "conversion", "sales", "efficiency", "custom"];

/** Display names of the layers. */
export const KPI_LAYER_NAMES: Readonly<Record<KpiLayer, KpiNames>> = {
  brand: { "en-US": "Brand", "zh-CN": "品牌", "zh-TW": "品牌" },
  traffic: { "en-US": "Traffic", "zh-CN": "流量", "zh-TW": "流量" },
  conversion: { "en-US": "Conversion", "zh-CN": "转化", "zh-TW": "轉換" },
  sales: { "en-US": "Sales", "zh-CN": "销售", "zh-TW": "銷售" },
  efficiency: { "en-US": "Efficiency", "zh-CN": "效率", "zh-TW": "效率" },
  custom: { "en-US": "Custom", "zh-CN": "自定义", "zh-TW": "自訂" },
};

/** All units (for pickers and validation). */
export const KPI_UNITS: readonly KpiUnit[] = ["count", "currency", "percent", "ratio", "index", "score", "months"];
/** Both directions. */
export const KPI_DIRECTIONS: readonly KpiDirection[] = ["higher", "lower"];
/** Both aggregations. */
export const KPI_AGGREGATIONS: readonly KpiAggregation[] = ["sum", "rate"];

/** Units that are never summed over time: a KPI in one of them must have aggregation "rate". */
export const RATE_ONLY_UNITS: readonly KpiUnit[] = ["percent", "ratio", "index", "score", "months"];

/**
 * Default valid range of a unit: percent [0, 1]; count, currency, index, months ≥ 0; ratio and score unbounded
 * (the library narrows NPS to [−100, 100], ROI to ≥ −1 and LTV:CAC to ≥ 0).
 */
export function unitBounds(unit: KpiUnit): { min?: number; max?: number } {
  switch (unit) {
    case "percent":
      return { min: 0, max: 1 };
    case "count":
    case "currency":
    case "index":
    case "months":
      return { min: 0 };
    default:
      return {};
  }
}

type Extra = Partial<Pick<KpiDefinition, "weightKpi" | "min" | "max">>;

function kpi(
  id: string,
  layer: KpiLayer,
  unit: KpiUnit,
  direction: KpiDirection,
  aggregation: KpiAggregation,
  names: [string, string, string],
  extra: Extra = {},
): KpiDefinition {
  return Object.freeze({
    id,
    layer,
    unit,
    direction,
    aggregation,
    names: Object.freeze({ "en-US": names[0], "zh-CN": names[1], "zh-TW": names[2] }),
    ...unitBounds(unit),
    ...extra,
  });
}

/** The built-in KPIs, grouped by layer in wizard order. */
export const KPI_LIBRARY: readonly KpiDefinition[] = Object.freeze([
  // brand
  kpi("awareness", "brand", "percent", "higher", "rate", ["Brand awareness", "品牌知名度", "品牌知名度"]),
  kpi("favourability", "brand", "percent", "higher", "rate", ["Favourability", "品牌好感度", "品牌好感度"]),
  kpi(
    "nps",
    "brand",
    "score",
    "higher",
    "rate",
    ["Loyalty (NPS)", "忠诚度（净推荐值 NPS）", "忠誠度（淨推薦值 NPS）"],
    {
      min: -100,
      max: 100,
    },
  ),
  kpi("brandedSearchIndex", "brand", "index", "higher", "rate", [
    "Branded search index",
    "品牌搜索指数",
    "品牌搜尋指數",
  ]),
  // traffic
  kpi("visits", "traffic", "count", "higher", "sum", ["Visits", "访问量", "造訪次數"]),
  kpi("appDownloads", "traffic", "count", "higher", "sum", ["App downloads", "应用下载量", "App 下載次數"]),
  kpi("signUps", "traffic", "count", "higher", "sum", ["Sign-ups", "注册量", "註冊數"]),
  // conversion
  kpi("orders", "conversion", "count", "higher", "sum", ["Orders", "订单量", "訂單數"]),
  kpi("conversionRate", "conversion", "percent", "higher", "rate", ["Conversion rate", "转化率", "轉換率"], {
    weightKpi: "visits",
  }),
  kpi("averageOrderValue", "conversion", "currency", "higher", "rate", ["Average order value", "客单价", "客單價"], {
    weightKpi: "orders",
  }),
  kpi("repeatPurchaseRate", "conversion", "percent", "higher", "rate", ["Repeat-purchase rate", "复购率", "回購率"]),
  kpi("retention", "conversion", "percent", "higher", "rate", ["Retention", "留存率", "留存率"]),
  // sales
  kpi("revenue", "sales", "currency", "higher", "sum", ["Revenue", "收入", "營收"]),
  kpi("marketShare", "sales", "percent", "higher", "rate", ["Market share", "市场份额", "市場占有率"]),
  kpi("grossMargin", "sales", "percent", "higher", "rate", ["Gross margin", "毛利率", "毛利率"], {
    weightKpi: "revenue",
  }),
  // efficiency
  kpi("cac", "efficiency", "currency", "lower", "rate", [
    "Customer acquisition cost (CAC)",
    "获客成本（CAC）",
    "獲客成本（CAC）",
  ]),
  kpi("roi", "efficiency", "ratio", "higher", "rate", ["ROI", "投资回报率（ROI）", "投資報酬率（ROI）"], { min: -1 }),
  kpi(
    "ltvCac",
    "efficiency",
    "ratio",
    "higher",
    "rate",
    ["LTV:CAC", "客户终身价值与获客成本比（LTV:CAC）", "客戶終身價值與獲客成本比（LTV:CAC）"],
    {
      min: 0,
    },
  ),
  kpi("payback", "efficiency", "months", "lower", "rate", [
    "CAC payback (months)",
    "获客成本回收期（月）",
    "獲客成本回收期（月）",
  ]),
]);

/** The KPI with this id among the library and `custom` (custom KPIs are searched first), or undefined. */
export function findKpi(id: string, custom: readonly KpiDefinition[] = []): KpiDefinition | undefined {
  return custom.find((k) => k.id === id) ?? KPI_LIBRARY.find((k) => k.id === id);
}

/** Like {@link findKpi}, but throws `unknownKpi` (#VALUE!) when there is none. */
export function getKpi(id: string, custom: readonly KpiDefinition[] = []): KpiDefinition {
  const k = findKpi(id, custom);
  if (!k) throw kpiError("value", "unknownKpi", { field: "kpi", kpi: String(id) });
  return k;
}

/** The KPIs of one layer, library order, then `custom` KPIs of that layer. */
export function kpisInLayer(layer: KpiLayer, custom: readonly KpiDefinition[] = []): KpiDefinition[] {
  return [...KPI_LIBRARY, ...custom].filter((k) => k.layer === layer);
}

/** The KPI's name in `locale`. */
export function kpiName(k: KpiDefinition, locale: keyof KpiNames): string {
  return k.names[locale];
}

/** A user-defined KPI as the wizard collects it. */
export interface CustomKpiInput {
  /** Letters, digits, underscores, starting with a letter; must not clash (case-insensitively) with another KPI. */
  id: string;
  /** One name for every language, or per language (missing languages fall back to en-US, then any given). */
  name: string | Partial<KpiNames>;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  /** Rate KPIs: id of a "sum" KPI to weight monthly averages by. */
  weightKpi?: string;
  /** Valid range; defaults from {@link unitBounds}. */
  min?: number;
  max?: number;
}

const ID_RE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Every problem with a custom KPI definition (empty when valid): `invalidKpiId`, `kpiIdTaken` (clashes with the
 * library or `existing`, case-insensitively), `invalidKpiName`, `invalidOption` (unit / direction / aggregation),
 * `aggregationNotAllowed` (percent, ratio, index, score and months KPIs are never summed), `invalidWeightKpi`,
 * `notANumber` / `invalidBounds` (min, max).
 */
export function validateCustomKpi(input: CustomKpiInput, existing: readonly KpiDefinition[] = []): MktError[] {
  const errors: MktError[] = [];
  const id = typeof input.id === "string" ? input.id.trim() : "";
  const kpiId = id || String(input.id ?? "");
  if (!ID_RE.test(id)) errors.push(kpiError("value", "invalidKpiId", { field: "id", kpi: kpiId }));
  else if ([...KPI_LIBRARY, ...existing].some((k) => k.id.toLowerCase() === id.toLowerCase())) {
    errors.push(kpiError("value", "kpiIdTaken", { field: "id", kpi: id }));
  }
  if (!resolveNames(input.name)) errors.push(kpiError("value", "invalidKpiName", { field: "name", kpi: kpiId }));
  const options: [string, unknown, readonly string[]][] = [
    ["unit", input.unit, KPI_UNITS],
    ["direction", input.direction, KPI_DIRECTIONS],
    ["aggregation", input.aggregation, KPI_AGGREGATIONS],
  ];
  for (const [field, v, allowed] of options) {
    if (!allowed.includes(v as string)) {
      errors.push(kpiError("value", "invalidOption", { field, kpi: kpiId, expected: allowed.join(", ") }));
    }
  }
  if (input.aggregation === "sum" && RATE_ONLY_UNITS.includes(input.unit)) {
    errors.push(kpiError("value", "aggregationNotAllowed", { field: "aggregation", kpi: kpiId, unit: input.unit }));
  }
  if (input.weightKpi !== undefined) {
    const w = findKpi(input.weightKpi, existing);
    if (input.aggregation !== "rate" || !w || w.aggregation !== "sum") {
      errors.push(
        kpiError("value", "invalidWeightKpi", { field: "weightKpi", kpi: kpiId, weightKpi: input.weightKpi }),
      );
    }
  }
  for (const field of ["min", "max"] as const) {
    const v = input[field];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v))) {
      errors.push(kpiError("value", "notANumber", { field, kpi: kpiId }));
    }
  }
  const b = KPI_UNITS.includes(input.unit) ? unitBounds(input.unit) : {};
  const min = input.min ?? b.min;
  const max = input.max ?? b.max;
  if (min !== undefined && max !== undefined && Number.isFinite(min) && Number.isFinite(max) && min > max) {
    errors.push(kpiError("value", "invalidBounds", { field: "min", kpi: kpiId, min, max }));
  }
  return errors;
}

/**
 * Builds a custom KPI (`layer: "custom"`, `custom: true`) after {@link validateCustomKpi}; throws its first error.
 * The bounds default to the unit's ({@link unitBounds}).
 */
export function defineCustomKpi(input: CustomKpiInput, existing: readonly KpiDefinition[] = []): KpiDefinition {
  const errors = validateCustomKpi(input, existing);
  if (errors.length > 0) throw errors[0];
  const bounds = unitBounds(input.unit);
  const min = input.min ?? bounds.min;
  const max = input.max ?? bounds.max;
  return Object.freeze({
    id: input.id.trim(),
    layer: "custom" as const,
    unit: input.unit,
    direction: input.direction,
    aggregation: input.aggregation,
    names: Object.freeze(resolveNames(input.name) as KpiNames),
    ...(input.weightKpi !== undefined ? { weightKpi: input.weightKpi } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    custom: true,
  });
}

function resolveNames(name: string | Partial<KpiNames> | undefined): KpiNames | undefined {
  if (typeof name === "string") {
    const n = name.trim();
    return n ? { "en-US": n, "zh-CN": n, "zh-TW": n } : undefined;
  }
  if (!name || typeof name !== "object") return undefined;
  const clean = (s: unknown): string => (typeof s === "string" ? s.trim() : "");
  const en = clean(name["en-US"]);
  const cn = clean(name["zh-CN"]);
  const tw = clean(name["zh-TW"]);
  const any = en || cn || tw;
  if (!any) return undefined;
  return { "en-US": en || any, "zh-CN": cn || en || any, "zh-TW": tw || en || any };
}
