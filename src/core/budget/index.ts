/**
 * Budget wizard core (pure): total and reserve, allocation across channels (fixed shares, weights by historical
 * ROI or conversions per spend, optimization over Hill response curves), seasonality and monthly phasing, and
 * field-level validation of the wizard's inputs.
 */
export type {
  AllocationMethod,
  AllocationResult,
  BudgetChannel,
  BudgetInputs,
  BudgetIssue,
  BudgetSource,
  ChannelAllocation,
  HillCurve,
  HillFit,
  HistoryPoint,
  MissingHistoryPolicy,
  OptimizationInfo,
  OptimizeOptions,
  PhasedChannel,
  PhasedPlan,
  PhasingOptions,
  PlanMonth,
  PlanPeriod,
  ResolvedBudget,
  ResponseOutcome,
  SeasonalityPreset,
  SeasonalityProfile,
  WeightMetric,
} from "./types";
export { BUDGET_ERROR_MESSAGES, formatBudgetMessage, type BudgetErrorKey } from "./messages";
export {
  fitHill,
  fitHillOrReason,
  hillInflection,
  hillMarginal,
  hillResponse,
  historyCurvePoints,
  isValidHillCurve,
  HILL_ALPHA_LIMITS,
  HILL_FIT_ALPHA_RANGE,
  HILL_TWO_POINT_ALPHA,
  type CurveFitFailure,
  type CurvePoint,
  type FitHillOptions,
} from "./hill";
export { optimizeAllocation, type OptimizedAllocation } from "./optimize-allocation";
export {
  allocateBudget,
  allocateFixedShares,
  allocateOptimized,
  allocateWeighted,
  largestRemainderRound,
  normalizeShares,
  resolveBudget,
  waterFill,
} from "./allocate";
export {
  planMonths,
  presetWeights,
  rawMonthWeights,
  springFestivalJanuaryShare,
  SEASONALITY_PRESETS,
  SPRING_FESTIVAL_DATES,
  SPRING_FESTIVAL_WINDOW_DAYS,
  type SeasonalityEvent,
  type SeasonalityPresetDefinition,
} from "./seasonality";
export { buildBudgetPlan, monthWeights, phaseAllocation, phaseAmount } from "./phasing";
export { historyMetric, validateBudgetInputs, SHARE_SUM_TOLERANCE, USUAL_BUDGET_RATIO_PERCENT } from "./validate";
