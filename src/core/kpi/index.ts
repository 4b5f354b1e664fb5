/**
 * KPI-target wizard core (pure): the KPI library, baselines and floor / target / stretch, funnel back-solving and
 * consistency warnings, year → quarter → month breakdown with seasonality, and status / attainment / year-to-date
 * rules (with the Excel formula text the sheet builder writes).
 */
export type {
  KpiAggregation,
  KpiDefinition,
  KpiDirection,
  KpiLayer,
  KpiNames,
  KpiStatus,
  KpiUnit,
  KpiWarning,
} from "./types";
export {
  formatKpiMessage,
  KPI_ERROR_MESSAGES,
  KPI_WARNING_MESSAGES,
  type KpiErrorKey,
  type KpiWarningKey,
} from "./messages";
export {
  defineCustomKpi,
  findKpi,
  getKpi,
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_LAYER_NAMES,
  KPI_LAYERS,
  KPI_LIBRARY,
  KPI_UNITS,
  kpiName,
  kpisInLayer,
  RATE_ONLY_UNITS,
  unitBounds,
  validateCustomKpi,
  type CustomKpiInput,
} from "./library";
export {
  atLeastAsGood,
  checkKpiValue,
  DEFAULT_STRETCH_MULTIPLIER,
  improveBy,
  percentChangeTarget,
  resolveKpiTarget,
  scaleRelative,
  validateKpiInputs,
  type FloorRule,
  type KpiInputsValidation,
  type KpiTargetInput,
  type ResolvedKpiTarget,
  type StretchRule,
  type TargetOptions,
  type TargetSpec,
} from "./targets";
export {
  DEFAULT_FUNNEL_TOLERANCE,
  deriveFunnel,
  FUNNEL_KPI_IDS,
  funnelDerivedTargets,
  funnelRevenue,
  validateFunnel,
  type FunnelChain,
  type FunnelForwardInput,
  type FunnelInput,
  type FunnelResult,
  type FunnelTyped,
} from "./funnel";
export {
  aggregateOverTime,
  breakdownTarget,
  largestRemainder,
  MONTHS,
  planMonths,
  planShares,
  validateSeasonality,
  type BreakdownInput,
  type KpiBreakdown,
} from "./breakdown";
export {
  assessKpi,
  attainment,
  attainmentFormula,
  kpiStatus,
  monthsElapsed,
  monthsElapsedFormula,
  statusFormula,
  ytdActual,
  ytdComparison,
  ytdFormula,
  ytdTarget,
  type KpiAssessment,
  type StatusLabels,
  type YtdInput,
  type YtdResult,
} from "./status";
