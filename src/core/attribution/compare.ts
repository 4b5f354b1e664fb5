/**
 * Side-by-side comparison of attribution models on the same paths.
 */
import { attributionError } from "./messages";
import {
  firstTouch,
  lastNonDirect,
  lastTouch,
  linear,
  positionBased,
  timeDecay,
  type LastNonDirectOptions,
  type PositionBasedOptions,
  type TimeDecayOptions,
} from "./heuristics";
import { markovModel, type MarkovOptions } from "./markov";
import { shapley, shapleyExact, type ShapleyExactOptions } from "./shapley";
import type { AttributionModel, AttributionResult, PathData } from "./types";

/** Models compared by default (exact Shapley only on request: it is limited to 15 channels). */
export const DEFAULT_MODELS: readonly AttributionModel[] = [
  "firstTouch",
  "lastTouch",
  "lastNonDirect",
  "linear",
  "positionBased",
  "timeDecay",
  "markov",
  "shapley",
];

export interface CompareOptions {
  models?: readonly AttributionModel[];
  lastNonDirect?: LastNonDirectOptions;
  positionBased?: PositionBasedOptions;
  timeDecay?: TimeDecayOptions;
  markov?: MarkovOptions;
  shapleyExact?: ShapleyExactOptions;
}

export interface Comparison {
  channels: string[];
  totalConversions: number;
  totalValue: number;
  /** One result per requested model, in the requested order. */
  results: AttributionResult[];
}

/**
 * Runs every requested model (default {@link DEFAULT_MODELS}: first, last, last non-direct, linear,
 * position-based, time decay, Markov, Shapley) on the same data with the given per-model options.
 * @throws MktError value: unknown model name, or any error of a model.
 */
export function compareModels(data: PathData, options: CompareOptions = {}): Comparison {
  const run: Record<AttributionModel, () => AttributionResult> = {
    firstTouch: () => firstTouch(data),
    lastTouch: () => lastTouch(data),
    lastNonDirect: () => lastNonDirect(data, options.lastNonDirect),
    linear: () => linear(data),
    positionBased: () => positionBased(data, options.positionBased),
    timeDecay: () => timeDecay(data, options.timeDecay),
    markov: () => markovModel(data, options.markov),
    shapley: () => shapley(data),
    shapleyExact: () => shapleyExact(data, options.shapleyExact),
  };
  const results = (options.models ?? DEFAULT_MODELS).map((m) => {
    if (!Object.prototype.hasOwnProperty.call(run, m)) {
      throw attributionError("value", "invalidOption", {
        arg: "models",
        expected: `one of ${Object.keys(run).join(", ")}`,
      });
    }
    return run[m]();
  });
  return {
    channels: data.channels.slice(),
    totalConversions: data.totalConversions,
    totalValue: data.totalValue,
    results,
  };
}

/**
 * The comparison as a table for a sheet: header row ["channel", model names…], then one row per channel
 * with the chosen metric (attributed conversions, value or share).
 */
export function comparisonTable(
  cmp: Comparison,
  metric: "conversions" | "value" | "share" = "conversions",
): (string | number)[][] {
  const rows: (string | number)[][] = [["channel", ...cmp.results.map((r) => r.model)]];
  cmp.channels.forEach((ch, i) => rows.push([ch, ...cmp.results.map((r) => r[metric][i])]));
  return rows;
}
