/**
 * Aggregation of touchpoint rows (journey id, timestamp, channel, conversion value / marker) into paths.
 *
 * Conventions:
 * - Rows are grouped by journey id (text is trimmed; the number 7 and the text "7" are different ids) and
 *   ordered by timestamp (Excel serial days, fractions allowed); ties, and all rows when no timestamps are
 *   given, keep their input order.
 * - A row is a conversion when its value is > 0 or its conversion marker is TRUE / a number > 0. Each
 *   conversion row is one conversion worth the row's value. Its channel, if any, is the last touch of the path;
 *   a conversion row with a blank channel is a pure conversion event. A non-conversion row needs a channel.
 * - A conversion closes a path: it gets the journey's touches since the previous conversion (so a journey with
 *   two purchases gives two converting paths, as in Google Analytics). Touches after the journey's last
 *   conversion form a null (non-converting) path with null count 1.
 * - Lookback window (needs timestamps): touches more than `lookbackDays` before their conversion are dropped;
 *   for a null path the window ends at its last touch. A conversion left without touches cannot be attributed:
 *   it is counted in `conversionsWithoutTouches` / `valueWithoutTouches` and not in the path totals.
 * - With timestamps, each conversion keeps its touches' ages (days before the conversion) for time decay in days.
 */
import { PathBuilder } from "./builder";
import { attributionError, countAt, optionNumber, sameLength } from "./messages";
import type { PathData } from "./types";

/** Column-wise touchpoint rows. */
export interface TouchpointColumns {
  journeys: ArrayLike<unknown>;
  channels: ArrayLike<unknown>;
  /** Excel serial day numbers (fractional days allowed). */
  timestamps?: ArrayLike<unknown>;
  /** Conversion value on converting rows (blank = 0); a value > 0 marks a conversion. */
  values?: ArrayLike<unknown>;
  /** Conversion marker: TRUE or a number > 0 = conversion; FALSE, 0 or blank = none. */
  conversions?: ArrayLike<unknown>;
}

export interface TouchpointOptions {
  /** Days before a conversion within which touches count (needs timestamps); default: no limit. */
  lookbackDays?: number;
}

export interface TouchpointData extends PathData {
  /** Number of distinct journeys. */
  journeyCount: number;
  /** Conversions (and their value) left without any touch in the lookback window; not attributed. */
  conversionsWithoutTouches: number;
  valueWithoutTouches: number;
}

function blank(x: unknown): boolean {
  return x === null || x === undefined || x === "" || (typeof x === "string" && x.trim() === "");
}

function markerAt(x: unknown, i: number): boolean {
  if (blank(x) || x === false) return false;
  if (x === true) return true;
  if (typeof x === "number" && Number.isFinite(x) && x >= 0) return x > 0;
  throw attributionError("value", "invalidMarker", { arg: "conversions", row: i + 1 });
}

/**
 * Builds aggregated paths from touchpoint rows (see module doc for the conventions), in linear time apart
 * from sorting rows by time within journeys that are not already in time order.
 * @throws MktError value: no rows; columns of different lengths; blank journey id; non-numeric timestamp;
 *   negative or non-numeric value; invalid marker; a non-conversion row without channel; lookback without
 *   timestamps; no conversions and no paths.
 */
export function pathsFromTouchpoints(input: TouchpointColumns, options: TouchpointOptions = {}): TouchpointData {
  const { journeys, channels, timestamps, values, conversions } = input;
  const n = journeys.length;
  if (n === 0) throw attributionError("value", "noRows", { arg: "journeys" });
  sameLength(channels, "channels", n, "journeys");
  sameLength(timestamps, "timestamps", n, "journeys");
  sameLength(values, "values", n, "journeys");
  sameLength(conversions, "conversions", n, "journeys");
  const lookback = options.lookbackDays;
  if (lookback !== undefined) {
    if (!timestamps) throw attributionError("value", "lookbackWithoutTimestamps", { arg: "lookbackDays" });
    optionNumber(lookback, "lookbackDays", 0, Infinity, "a number of days, 0 or more");
  }

  // per row: journey index, channel id (−1 = none), time, value, conversion flag
  const b = new PathBuilder();
  const jIndex = new Map<string | number, number>();
  const jOf = new Int32Array(n);
  const chOf = new Int32Array(n);
  const time = new Float64Array(n);
  const val = new Float64Array(n);
  const conv = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let id = journeys[i];
    if (typeof id === "string") id = id.trim();
    if (!((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id)))) {
      throw attributionError("value", "invalidJourneyId", { arg: "journeys", row: i + 1 });
    }
    let j = jIndex.get(id);
    if (j === undefined) jIndex.set(id, (j = jIndex.size));
    jOf[i] = j;
    if (timestamps) {
      const t = timestamps[i];
      if (typeof t !== "number" || !Number.isFinite(t)) {
        throw attributionError("value", "invalidTimestamp", { arg: "timestamps", row: i + 1 });
      }
      time[i] = t;
    }
    val[i] = values ? countAt(values[i], "values", i, 0) : 0;
    conv[i] = val[i] > 0 || (conversions !== undefined && markerAt(conversions[i], i)) ? 1 : 0;
    const c = channels[i];
    const name = typeof c === "string" ? c.trim() : typeof c === "number" && Number.isFinite(c) ? String(c) : "";
    if (name === "" && !(blank(c) && conv[i])) {
      throw attributionError("value", blank(c) ? "emptyChannel" : "pathNotText", { arg: "channels", row: i + 1 });
    }
    chOf[i] = name === "" ? -1 : b.channelId(name);
  }

  const order = rowsByJourneyAndTime(jOf, jIndex.size, timestamps ? time : null);
  const ids: number[] = [];
  const times: number[] = [];
  const tOff: number[] = [0];
  const tCh: number[] = [];
  const tAge: number[] = [];
  const tVal: number[] = [];
  let lostConv = 0;
  let lostVal = 0;
  let start = 0;
  while (start < n) {
    const j = jOf[order[start]];
    let end = start;
    while (end < n && jOf[order[end]] === j) end++;
    let len = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      if (chOf[i] >= 0) {
        ids[len] = chOf[i];
        times[len++] = time[i];
      }
      if (!conv[i]) continue;
      const first = lookback === undefined ? 0 : firstWithin(times, len, time[i] - lookback);
      if (first < len) {
        const kept = first === 0 ? ids : ids.slice(first, len);
        b.add(b.pathId(kept, len - first), 1, val[i], 0);
        if (timestamps) {
          for (let q = first; q < len; q++) {
            tCh.push(ids[q]);
            tAge.push(time[i] - times[q]);
          }
          tOff.push(tCh.length);
          tVal.push(val[i]);
        }
      } else {
        lostConv++;
        lostVal += val[i];
      }
      len = 0;
    }
    if (len > 0) {
      const first = lookback === undefined ? 0 : firstWithin(times, len, times[len - 1] - lookback);
      const kept = first === 0 ? ids : ids.slice(first, len);
      b.add(b.pathId(kept, len - first), 0, 0, 1);
    }
    start = end;
  }
  if (b.pathCount === 0) throw attributionError("value", "noConversions");
  const timing = timestamps
    ? {
        offsets: Int32Array.from(tOff),
        channels: Int32Array.from(tCh),
        ageDays: Float64Array.from(tAge),
        values: Float64Array.from(tVal),
      }
    : undefined;
  const data = b.build(values !== undefined, true, n, timing);
  return {
    ...data,
    journeyCount: jIndex.size,
    conversionsWithoutTouches: lostConv,
    valueWithoutTouches: lostVal,
  };
}

/** First index q < len with times[q] ≥ from (times ascending), or len. */
function firstWithin(times: readonly number[], len: number, from: number): number {
  let q = 0;
  while (q < len && times[q] < from) q++;
  return q;
}

/** Row indices grouped by journey (stable counting sort), each journey ordered by time (stable). */
function rowsByJourneyAndTime(jOf: Int32Array, nj: number, time: Float64Array | null): Int32Array {
  const n = jOf.length;
  const start = new Int32Array(nj + 1);
  for (let i = 0; i < n; i++) start[jOf[i] + 1]++;
  for (let j = 0; j < nj; j++) start[j + 1] += start[j];
  const pos = start.slice(0, nj);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[pos[jOf[i]]++] = i;
  if (!time) return order;
  for (let j = 0; j < nj; j++) {
    const a = start[j];
    const e = start[j + 1];
    let sorted = true;
    for (let k = a + 1; k < e && sorted; k++) sorted = time[order[k - 1]] <= time[order[k]];
    if (sorted) continue;
    const seg = Array.from(order.subarray(a, e)).sort((x, y) => time[x] - time[y] || x - y);
    order.set(seg, a);
  }
  return order;
}
