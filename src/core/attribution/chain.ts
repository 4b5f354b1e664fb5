/**
 * Construction of the order-k Markov chain of ChannelAttribution (`markov_model`, 2.1.7) from aggregated paths.
 *
 * States: (start), one state per tuple of the last k channels, (conversion) and (null). A path of length
 * L ≥ k visits the L−k+1 sliding windows of k consecutive channels; a path shorter than k is one state made of
 * its whole sequence (as in ChannelAttribution). Consecutive identical states are merged (ChannelAttribution
 * does the same; a self-loop never changes absorption probabilities, so this choice does not affect results).
 * Every transition start → s₁ → … → s_m is weighted by the path's conversions + nulls, then s_m → (conversion)
 * by its conversions and s_m → (null) by its nulls; probabilities are the counts divided by the row sums.
 */
import { attributionError } from "./messages";
import type { PathData } from "./types";

/** Transient part of the absorbing chain in compressed sparse rows; state 0 is (start). */
export interface MarkovChain {
  order: number;
  /** Number of transient states, (start) included. */
  n: number;
  /** Channels of each state: `stateChannels[s*order + i]`, −1 padded (all −1 for start). */
  stateChannels: Int32Array;
  rowPtr: Int32Array;
  col: Int32Array;
  prob: Float64Array;
  /** P(s → conversion), P(s → null). */
  convProb: Float64Array;
  nullProb: Float64Array;
  /**
   * Expected conversion value earned on leaving s, Σ value of paths ending in s / out-weight of s, divided by
   * `valueScale` (the largest such sum, so tiny or huge currency amounts stay well inside float range).
   */
  valueRhs: Float64Array;
  valueScale: number;
  /** Transient states containing channel c: `removalStates[removalPtr[c] .. removalPtr[c+1])`. */
  removalPtr: Int32Array;
  removalStates: Int32Array;
}

/** Largest Markov order supported. */
export const MAX_ORDER = 4;

/** Builds the chain (see module doc). Channels must number fewer than 2^(53/order) so tuple keys are exact. */
export function buildChain(data: PathData, order: number): MarkovChain {
  const nCh = data.channels.length;
  const base = nCh + 1;
  if (Math.pow(base, order) > 2 ** 53) {
    const limit = Math.floor(Math.pow(2, 53 / order)) - 1;
    throw attributionError("value", "tooManyChannels", { model: `Markov order ${order}`, limit, n: nCh });
  }
  const { pathOffsets, pathChannels, conversions, nulls, values } = data;
  // order 1 with a moderate channel count accumulates into a dense count matrix, otherwise an edge list
  const dense = order === 1 && (nCh + 1) * (nCh + 1) <= 1 << 22 ? new Float64Array((nCh + 1) * (nCh + 1)) : null;
  const cap = dense ? 0 : pathChannels.length + data.pathCount;
  let eFrom = new Int32Array(cap);
  let eTo = new Int32Array(cap);
  let eW = new Float64Array(cap);
  let ne = 0;

  // states: order 1 uses channel id + 1 directly; higher orders intern numeric tuple keys
  const keyToState = new Map<number, number>();
  const stCh: number[] = [];
  for (let i = 0; i < order; i++) stCh.push(-1);
  let n = 1;
  if (order === 1) {
    n = nCh + 1;
    for (let c = 0; c < nCh; c++) stCh.push(c);
  }
  const stateOf = (off: number, m: number): number => {
    if (order === 1) return pathChannels[off] + 1;
    let key = 0;
    for (let i = 0; i < m; i++) key = key * base + pathChannels[off + i] + 1;
    let s = keyToState.get(key);
    if (s === undefined) {
      s = n++;
      keyToState.set(key, s);
      for (let i = 0; i < order; i++) stCh.push(i < m ? pathChannels[off + i] : -1);
    }
    return s;
  };

  let endConv: Float64Array = new Float64Array(Math.max(n, 16));
  let endNull: Float64Array = new Float64Array(endConv.length);
  let endVal: Float64Array = new Float64Array(endConv.length);
  for (let p = 0; p < data.pathCount; p++) {
    const w = conversions[p] + nulls[p];
    if (w === 0) continue;
    const off = pathOffsets[p];
    const len = pathOffsets[p + 1] - off;
    const m = Math.min(order, len);
    let prev = 0;
    for (let j = 0; j + m <= len; j++) {
      const s = stateOf(off + j, m);
      if (s === prev) continue;
      if (dense) dense[prev * (nCh + 1) + s] += w;
      else {
        eFrom[ne] = prev;
        eTo[ne] = s;
        eW[ne++] = w;
      }
      prev = s;
    }
    if (prev >= endConv.length) {
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(Math.max(prev + 1, 2 * a.length));
        b.set(a);
        return b;
      };
      endConv = grow(endConv);
      endNull = grow(endNull);
      endVal = grow(endVal);
    }
    endConv[prev] += conversions[p];
    endNull[prev] += nulls[p];
    endVal[prev] += values[p];
  }
  if (dense) {
    let nz = 0;
    for (let k = 0; k < dense.length; k++) if (dense[k] !== 0) nz++;
    [eFrom, eTo, eW] = [new Int32Array(nz), new Int32Array(nz), new Float64Array(nz)];
    for (let k = 0; k < dense.length; k++) {
      if (dense[k] === 0) continue;
      eFrom[ne] = Math.floor(k / n);
      eTo[ne] = k % n;
      eW[ne++] = dense[k];
    }
  }
  return compress(order, n, Int32Array.from(stCh), eFrom, eTo, eW, ne, endConv, endNull, endVal, nCh);
}

/** Counting sort of the edge list by source, merge of duplicate targets, normalisation by row sums. */
function compress(
  order: number,
  n: number,
  stateChannels: Int32Array,
  eFrom: Int32Array,
  eTo: Int32Array,
  eW: Float64Array,
  ne: number,
  endConv: Float64Array,
  endNull: Float64Array,
  endVal: Float64Array,
  nCh: number,
): MarkovChain {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < ne; e++) start[eFrom[e] + 1]++;
  for (let s = 0; s < n; s++) start[s + 1] += start[s];
  const fill = start.slice(0, n);
  const sTo = new Int32Array(ne);
  const sW = new Float64Array(ne);
  for (let e = 0; e < ne; e++) {
    const k = fill[eFrom[e]]++;
    sTo[k] = eTo[e];
    sW[k] = eW[e];
  }
  const acc = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const rowPtr = new Int32Array(n + 1);
  const col = new Int32Array(ne);
  const prob = new Float64Array(ne);
  const convProb = new Float64Array(n);
  const nullProb = new Float64Array(n);
  const valueRhs = new Float64Array(n);
  let valueScale = 0;
  for (let s = 0; s < n; s++) valueScale = Math.max(valueScale, endVal[s] ?? 0);
  if (valueScale === 0) valueScale = 1;
  let nz = 0;
  for (let s = 0; s < n; s++) {
    const rowStart = nz;
    let out = (endConv[s] ?? 0) + (endNull[s] ?? 0);
    for (let k = start[s]; k < start[s + 1]; k++) {
      const t = sTo[k];
      if (seen[t] !== s) {
        seen[t] = s;
        acc[t] = 0;
        col[nz++] = t;
      }
      acc[t] += sW[k];
      out += sW[k];
    }
    for (let k = rowStart; k < nz; k++) prob[k] = out > 0 ? acc[col[k]] / out : 0;
    if (out > 0) {
      convProb[s] = (endConv[s] ?? 0) / out;
      nullProb[s] = (endNull[s] ?? 0) / out;
      valueRhs[s] = (endVal[s] ?? 0) / valueScale / out;
    }
    rowPtr[s + 1] = nz;
  }
  // channel → states containing it (a state of order k holds up to k channels, possibly repeated)
  const removalPtr = new Int32Array(nCh + 1);
  const mark = new Int32Array(nCh);
  const forEachPair = (cb: (c: number, s: number) => void): void => {
    mark.fill(-1);
    for (let s = 1; s < n; s++) {
      for (let i = 0; i < order; i++) {
        const c = stateChannels[s * order + i];
        if (c >= 0 && mark[c] !== s) {
          mark[c] = s;
          cb(c, s);
        }
      }
    }
  };
  forEachPair((c) => removalPtr[c + 1]++);
  for (let c = 0; c < nCh; c++) removalPtr[c + 1] += removalPtr[c];
  const removalStates = new Int32Array(removalPtr[nCh]);
  const pos = removalPtr.slice(0, nCh);
  forEachPair((c, s) => (removalStates[pos[c]++] = s));
  return {
    order,
    n,
    stateChannels,
    rowPtr,
    col: col.slice(0, nz),
    prob: prob.slice(0, nz),
    convProb,
    nullProb,
    valueRhs,
    valueScale,
    removalPtr,
    removalStates,
  };
}
