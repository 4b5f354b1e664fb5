/**
 * Shared types of the multi-touch attribution engine.
 *
 * Paths are stored interned and aggregated: channel names are mapped to ids 0..nChannels−1 once, identical
 * channel sequences are merged into one distinct path whose counts are summed (found through a hash table over
 * the id sequences while building), and the sequences live in one flat `Int32Array` indexed by offsets
 * (path p = `pathChannels[pathOffsets[p] .. pathOffsets[p+1])`).
 */

/** Per-conversion touch timing, kept when paths come from touchpoint rows with timestamps (time decay in days). */
export interface JourneyTiming {
  /** Conversion events: event e has touches `channels[offsets[e] .. offsets[e+1])`, oldest first. */
  offsets: Int32Array;
  /** Channel id of each touch. */
  channels: Int32Array;
  /** Days between the touch and its conversion (≥ 0), aligned with `channels`. */
  ageDays: Float64Array;
  /** Conversion value of each event. */
  values: Float64Array;
}

/** Interned, aggregated paths (module doc); built by `parsePaths`, `pathsFromSequences`, `pathsFromTouchpoints`. */
export interface PathData {
  /** Channel names by id, in order of first appearance. */
  channels: string[];
  /** Channel name → id. */
  channelIndex: Map<string, number>;
  /** Number of distinct paths. */
  pathCount: number;
  /** Length `pathCount + 1`; path p spans `pathChannels[pathOffsets[p] .. pathOffsets[p+1])`. */
  pathOffsets: Int32Array;
  /** Channel ids of all distinct paths, concatenated. */
  pathChannels: Int32Array;
  /** Summed conversions, conversion value and null (non-converting) counts per distinct path. */
  conversions: Float64Array;
  values: Float64Array;
  nulls: Float64Array;
  totalConversions: number;
  totalValue: number;
  totalNulls: number;
  /** Whether a value / null column was given (otherwise those counts are all 0). */
  hasValue: boolean;
  hasNulls: boolean;
  /** Number of input rows read (after skipping fully blank rows). */
  rowCount: number;
  /** Present for touchpoint data with timestamps: enables time decay in days. */
  timing?: JourneyTiming;
}

/** Names of the attribution models. */
export type AttributionModel =
  | "firstTouch"
  | "lastTouch"
  | "lastNonDirect"
  | "linear"
  | "positionBased"
  | "timeDecay"
  | "markov"
  | "shapley"
  | "shapleyExact";

/** Attribution of one model: per channel (same order as `channels`). */
export interface AttributionResult {
  model: AttributionModel;
  channels: string[];
  /** Attributed conversions; sums to `totalConversions` (up to float error). */
  conversions: number[];
  /** Attributed conversion value; sums to `totalValue` (all 0 when no value column was given). */
  value: number[];
  /** conversions / totalConversions; sums to 1. */
  share: number[];
  totalConversions: number;
  totalValue: number;
}
