/**
 * Multi-touch attribution engine (pure core): parse aggregated paths or touchpoint rows, then attribute
 * conversions and value to channels with heuristic, Markov-chain (removal effects) and Shapley models.
 */
export type { AttributionModel, AttributionResult, JourneyTiming, PathData } from "./types";
export { ATTRIBUTION_ERROR_MESSAGES, type AttributionErrorKey } from "./messages";
export { parsePaths, pathChannelNames, pathsFromSequences, type ParseOptions, type PathColumns } from "./parse";
export {
  pathsFromTouchpoints,
  type TouchpointColumns,
  type TouchpointData,
  type TouchpointOptions,
} from "./touchpoints";
export {
  firstTouch,
  lastTouch,
  lastNonDirect,
  linear,
  positionBased,
  timeDecay,
  type LastNonDirectOptions,
  type PositionBasedOptions,
  type TimeDecayOptions,
} from "./heuristics";
export { markovModel, markovTransitions, type MarkovOptions, type MarkovResult, type TransitionRow } from "./markov";
export { MAX_ORDER } from "./chain";
export {
  shapley,
  shapleyExact,
  SHAPLEY_MAX_CHANNELS,
  type ShapleyExactOptions,
  type ShapleyOptions,
  type ShapleyResult,
} from "./shapley";
export { compareModels, comparisonTable, DEFAULT_MODELS, type CompareOptions, type Comparison } from "./compare";
