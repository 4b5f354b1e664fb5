/**
 * Rule-based (heuristic) attribution models on aggregated paths.
 *
 * Each converting path p with C_p conversions and value V_p gives channel c the credit C_p · w_c(p) and
 * V_p · w_c(p), where the weights w(p) of the path's touches sum to 1 and a channel touched several times
 * collects the weights of all its touches. First, last and linear touch reproduce ChannelAttribution's
 * `heuristic_models` exactly (linear counts repeated touches: "a > a > b" gives a 2/3, b 1/3).
 * Reference: ChannelAttribution 2.1.7 (Altomare & Loris); Google Analytics attribution model definitions.
 */
import { attributionError, optionNumber } from "./messages";
import { makeResult, requireConversions } from "./result";
import type { AttributionModel, AttributionResult, PathData } from "./types";

/** Fills `w[0..len)` with the weights (summing to 1) of the touches of path `p` starting at `off`. */
type WeightFn = (p: number, off: number, len: number, w: Float64Array) => void;

function weighted(model: AttributionModel, data: PathData, fill: WeightFn): AttributionResult {
  requireConversions(data);
  const nc = data.channels.length;
  const conv = new Float64Array(nc);
  const val = new Float64Array(nc);
  const { pathOffsets, pathChannels, conversions, values } = data;
  let w = new Float64Array(64);
  for (let p = 0; p < data.pathCount; p++) {
    const c = conversions[p];
    if (c === 0) continue;
    const v = values[p];
    const off = pathOffsets[p];
    const len = pathOffsets[p + 1] - off;
    if (len > w.length) w = new Float64Array(2 * len);
    fill(p, off, len, w);
    for (let j = 0; j < len; j++) {
      const ch = pathChannels[off + j];
      conv[ch] += c * w[j];
      val[ch] += v * w[j];
    }
  }
  return makeResult(model, data, conv, val);
}

/** Credits the single touch at position `pick(off, len)` of every converting path. */
function single(
  model: AttributionModel,
  data: PathData,
  pick: (off: number, len: number) => number,
): AttributionResult {
  requireConversions(data);
  const nc = data.channels.length;
  const conv = new Float64Array(nc);
  const val = new Float64Array(nc);
  const { pathOffsets, pathChannels, conversions, values } = data;
  for (let p = 0; p < data.pathCount; p++) {
    if (conversions[p] === 0) continue;
    const off = pathOffsets[p];
    const ch = pathChannels[pick(off, pathOffsets[p + 1] - off)];
    conv[ch] += conversions[p];
    val[ch] += values[p];
  }
  return makeResult(model, data, conv, val);
}

/** First touch: all of a path's conversions and value go to its first channel. */
export function firstTouch(data: PathData): AttributionResult {
  return single("firstTouch", data, (off) => off);
}

/** Last touch: all of a path's conversions and value go to its last channel. */
export function lastTouch(data: PathData): AttributionResult {
  return single("lastTouch", data, (off, len) => off + len - 1);
}

export interface LastNonDirectOptions {
  /** Name of the direct channel (matched ignoring case and surrounding spaces); default "Direct". */
  direct?: string;
}

/**
 * Last non-direct touch (Google Analytics' "last non-direct click"): the last touch whose channel is not the
 * direct channel gets everything; a path made only of direct touches credits direct. When the data have no
 * direct channel this equals last touch.
 */
export function lastNonDirect(data: PathData, options: LastNonDirectOptions = {}): AttributionResult {
  const name = options.direct ?? "Direct";
  if (typeof name !== "string" || name.trim() === "") {
    throw attributionError("value", "invalidOption", { arg: "direct", expected: "a channel name such as Direct" });
  }
  const target = name.trim().toLowerCase();
  const isDirect = new Uint8Array(data.channels.length);
  data.channels.forEach((c, i) => (isDirect[i] = c.toLowerCase() === target ? 1 : 0));
  const ch = data.pathChannels;
  return single("lastNonDirect", data, (off, len) => {
    for (let j = off + len - 1; j >= off; j--) if (!isDirect[ch[j]]) return j;
    return off + len - 1;
  });
}

/** Linear: each conversion is split equally over the path's touches, w_j = 1/len (repeated touches counted). */
export function linear(data: PathData): AttributionResult {
  return weighted("linear", data, (_p, _off, len, w) => w.fill(1 / len, 0, len));
}

export interface PositionBasedOptions {
  /** Weight of the first touch, default 0.4. */
  first?: number;
  /** Weight of the last touch, default 0.4; first + last ≤ 1. */
  last?: number;
}

/**
 * Position-based (U-shaped, default 40/20/40): the first touch gets `first`, the last touch `last`, and the
 * middle touches share 1 − first − last equally. A path of one touch gives it 100%; a path of two touches
 * gives first/(first+last) and last/(first+last) (50/50 when both are 0).
 */
export function positionBased(data: PathData, options: PositionBasedOptions = {}): AttributionResult {
  const f = optionNumber(options.first ?? 0.4, "first", 0, 1, "a weight between 0 and 1");
  const l = optionNumber(options.last ?? 0.4, "last", 0, 1, "a weight between 0 and 1");
  if (f + l > 1 + 1e-12) {
    throw attributionError("value", "invalidOption", { arg: "first + last", expected: "at most 1 (100%)" });
  }
  const f2 = f + l > 0 ? f / (f + l) : 0.5;
  return weighted("positionBased", data, (_p, _off, len, w) => {
    if (len === 1) w[0] = 1;
    else if (len === 2) {
      w[0] = f2;
      w[1] = 1 - f2;
    } else {
      w.fill((1 - f - l) / (len - 2), 1, len - 1);
      w[0] = f;
      w[len - 1] = l;
    }
  });
}

export interface TimeDecayOptions {
  /**
   * "days" uses touch timestamps (touchpoint data only), "steps" the number of touches before the conversion;
   * default "auto" = days when the data carry timestamps, else steps.
   */
  unit?: "auto" | "days" | "steps";
  /** Half-life in the unit: default 7 days (as Google Analytics) or 1 step. */
  halfLife?: number;
}

/**
 * Time decay: touch j gets weight 2^(−Δ_j / halfLife), normalised over the path, where Δ_j is the time from the
 * touch to the conversion — in days for touchpoint data with timestamps (default half-life 7 days, as in
 * Google Analytics), else in steps (the last touch has Δ = 0, the one before Δ = 1, …; default half-life
 * 1 step, i.e. each earlier touch gets half the weight of the next one).
 * @throws MktError value: unit "days" without timestamps; half-life not > 0.
 */
export function timeDecay(data: PathData, options: TimeDecayOptions = {}): AttributionResult {
  const unit = options.unit ?? "auto";
  if (unit !== "auto" && unit !== "days" && unit !== "steps") {
    throw attributionError("value", "invalidOption", { arg: "unit", expected: "days or steps" });
  }
  const days = unit === "days" || (unit === "auto" && data.timing !== undefined);
  if (days && !data.timing) throw attributionError("value", "daysWithoutTimestamps", { arg: "time decay" });
  const h = optionNumber(options.halfLife ?? (days ? 7 : 1), "halfLife", 0, Infinity, "a number greater than 0", true);
  if (!days) {
    // pw[d] = 2^(−d/h) for d steps before the conversion, cum[L] = Σ_{d<L} pw[d], grown on demand
    const pw: number[] = [1];
    const cum: number[] = [0, 1];
    return weighted("timeDecay", data, (_p, _off, len, w) => {
      while (pw.length < len) {
        pw.push(Math.pow(2, -pw.length / h));
        cum.push(cum[cum.length - 1] + pw[pw.length - 1]);
      }
      const s = cum[len];
      for (let j = 0; j < len; j++) w[j] = pw[len - 1 - j] / s;
    });
  }
  return timeDecayDays(data, h);
}

/** Time decay in days over the conversion events of {@link PathData.timing}. */
function timeDecayDays(data: PathData, h: number): AttributionResult {
  requireConversions(data);
  const t = data.timing!;
  const conv = new Float64Array(data.channels.length);
  const val = new Float64Array(data.channels.length);
  const events = t.offsets.length - 1;
  for (let e = 0; e < events; e++) {
    const a = t.offsets[e];
    const b = t.offsets[e + 1];
    let min = Infinity;
    for (let j = a; j < b; j++) min = Math.min(min, t.ageDays[j]);
    let s = 0; // weights relative to the newest touch, so very old paths do not underflow to 0/0
    for (let j = a; j < b; j++) s += Math.pow(2, -(t.ageDays[j] - min) / h);
    for (let j = a; j < b; j++) {
      const w = Math.pow(2, -(t.ageDays[j] - min) / h) / s;
      conv[t.channels[j]] += w;
      val[t.channels[j]] += t.values[e] * w;
    }
  }
  return makeResult("timeDecay", data, conv, val);
}
