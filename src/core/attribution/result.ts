/** Internal helpers shared by the models: input checks and assembling an {@link AttributionResult}. */
import { attributionError } from "./messages";
import type { AttributionModel, AttributionResult, PathData } from "./types";

/** Throws `noConversions` when there is nothing to attribute. */
export function requireConversions(data: PathData): void {
  if (!(data.totalConversions > 0)) throw attributionError("value", "noConversions");
}

/** Packs per-channel sums into a result; share = conversions / total conversions. */
export function makeResult(
  model: AttributionModel,
  data: PathData,
  conversions: Float64Array,
  value: Float64Array,
): AttributionResult {
  const total = data.totalConversions;
  const conv = Array.from(conversions);
  return {
    model,
    channels: data.channels.slice(),
    conversions: conv,
    value: Array.from(value),
    share: conv.map((c) => c / total),
    totalConversions: total,
    totalValue: data.totalValue,
  };
}
