/**
 * Shapley-value attribution (Zhao, Mahboobi & Bagheri 2018, "Shapley Value Methods for Attribution Modeling in
 * Online Advertising", arXiv:1804.05327).
 *
 * Coalitions are channel sets. With R(T) = conversions of the paths whose set of distinct channels is exactly T,
 * the coalition worth v(S) = Σ_{T ⊆ S} R(T) (conversions of all paths using only channels of S) has the R(T) as
 * Harsanyi dividends, so its Shapley value is Zhao et al.'s simplified formula
 *   φ_c = Σ_{T ∋ c} R(T) / |T|
 * — each conversion split equally over the path's distinct channels. {@link shapley} computes that in one
 * pass; {@link shapleyExact} evaluates the Shapley formula over all 2^m coalitions (same result for
 * worth "conversions", and also supports the conversion-rate worth).
 */
import { attributionError } from "./messages";
import { makeResult, requireConversions } from "./result";
import type { AttributionResult, PathData } from "./types";

export interface ShapleyOptions {
  /** Also return Zhao et al.'s ordered Shapley values: credit by position of the channel's first touch. */
  ordered?: boolean;
}

export interface ShapleyResult extends AttributionResult {
  /**
   * Present with `ordered`: `ordered[c][i]` = conversions credited to channel c when it is the (i+1)-th distinct
   * channel of the path (Zhao et al. 2018, ordered Shapley, simplified form); rows sum to `conversions`.
   */
  ordered?: number[][];
}

/**
 * Simplified Shapley value (Zhao et al. 2018, eq. for φ with v(S) = Σ_{T⊆S} R(T)): each path's conversions
 * and value are split equally over its distinct channels (repeated touches count once).
 */
export function shapley(data: PathData, options: ShapleyOptions = {}): ShapleyResult {
  requireConversions(data);
  const nc = data.channels.length;
  const conv = new Float64Array(nc);
  const val = new Float64Array(nc);
  const seen = new Int32Array(nc).fill(-1);
  const distinct = new Int32Array(Math.max(1, nc));
  const ordered: number[][] | undefined = options.ordered ? data.channels.map(() => []) : undefined;
  const { pathOffsets, pathChannels, conversions, values } = data;
  for (let p = 0; p < data.pathCount; p++) {
    const c = conversions[p];
    if (c === 0) continue;
    let m = 0;
    for (let j = pathOffsets[p]; j < pathOffsets[p + 1]; j++) {
      const ch = pathChannels[j];
      if (seen[ch] !== p) {
        seen[ch] = p;
        distinct[m++] = ch;
      }
    }
    const cs = c / m;
    const vs = values[p] / m;
    for (let i = 0; i < m; i++) {
      conv[distinct[i]] += cs;
      val[distinct[i]] += vs;
      if (ordered) {
        const row = ordered[distinct[i]];
        while (row.length <= i) row.push(0);
        row[i] += cs;
      }
    }
  }
  const res: ShapleyResult = { ...makeResult("shapley", data, conv, val), model: "shapley" };
  if (ordered) {
    const width = ordered.reduce((w, r) => Math.max(w, r.length), 0);
    for (const r of ordered) while (r.length < width) r.push(0);
    res.ordered = ordered;
  }
  return res;
}

/** Largest number of channels for {@link shapleyExact} (2^15 coalitions). */
export const SHAPLEY_MAX_CHANNELS = 15;

export interface ShapleyExactOptions {
  /**
   * Coalition worth v(S) over the paths whose channel set is a subset of S: "conversions" (default) = their
   * conversions; "conversionRate" = conversions / (conversions + nulls) of those paths (0 when none).
   */
  worth?: "conversions" | "conversionRate";
}

/**
 * Exact Shapley value over all coalitions of the m channels that occur on the relevant paths:
 *   φ_c = Σ_{S ⊆ N∖{c}} |S|!(m−|S|−1)!/m! · (v(S ∪ {c}) − v(S)),
 * with v(S) = Σ_{T⊆S} R(T) built by a subset-sum (zeta) transform in O(m·2^m). For worth "conversions" the φ
 * sum to the total conversions (and equal {@link shapley}); value uses the same worth on conversion value.
 * For "conversionRate" the φ sum to the overall conversion rate and may be negative; conversions and value are
 * then split in proportion φ_c / Σφ.
 * @throws MktError value `tooManyChannels` when m > 15; no conversions.
 */
export function shapleyExact(data: PathData, options: ShapleyExactOptions = {}): AttributionResult {
  const worth = options.worth ?? "conversions";
  if (worth !== "conversions" && worth !== "conversionRate") {
    throw attributionError("value", "invalidOption", { arg: "worth", expected: "conversions or conversionRate" });
  }
  requireConversions(data);
  const rate = worth === "conversionRate";
  const nc = data.channels.length;
  const { pathOffsets, pathChannels, conversions, values, nulls } = data;
  const bit = new Int32Array(nc).fill(-1);
  const players: number[] = [];
  const relevant = (p: number): boolean => conversions[p] > 0 || (rate && nulls[p] > 0);
  for (let p = 0; p < data.pathCount; p++) {
    if (!relevant(p)) continue;
    for (let j = pathOffsets[p]; j < pathOffsets[p + 1]; j++) {
      const ch = pathChannels[j];
      if (bit[ch] < 0) {
        bit[ch] = players.length;
        players.push(ch);
      }
    }
  }
  const m = players.length;
  if (m > SHAPLEY_MAX_CHANNELS) {
    throw attributionError("value", "tooManyChannels", { model: "Exact Shapley", limit: SHAPLEY_MAX_CHANNELS, n: m });
  }
  const size = 1 << m;
  const rc = new Float64Array(size);
  const rv = new Float64Array(size);
  const rn = new Float64Array(size);
  for (let p = 0; p < data.pathCount; p++) {
    if (!relevant(p)) continue;
    let mask = 0;
    for (let j = pathOffsets[p]; j < pathOffsets[p + 1]; j++) mask |= 1 << bit[pathChannels[j]];
    rc[mask] += conversions[p];
    rv[mask] += values[p];
    rn[mask] += nulls[p];
  }
  for (const r of [rc, rv, rn]) zeta(r, m);
  let vc: Float64Array = rc;
  if (rate) {
    vc = new Float64Array(size);
    for (let s = 0; s < size; s++) vc[s] = rc[s] + rn[s] > 0 ? rc[s] / (rc[s] + rn[s]) : 0;
  }
  const phiC = shapleyOf(vc, m);
  const phiV = rate ? phiC : shapleyOf(rv, m);
  const conv = new Float64Array(nc);
  const val = new Float64Array(nc);
  const sc = phiC.reduce((s, x) => s + x, 0);
  for (let i = 0; i < m; i++) {
    conv[players[i]] = rate ? (data.totalConversions * phiC[i]) / sc : phiC[i];
    val[players[i]] = rate ? (data.totalValue * phiC[i]) / sc : phiV[i];
  }
  return makeResult("shapleyExact", data, conv, val);
}

/** In place: f(S) ← Σ_{T ⊆ S} f(T). */
function zeta(f: Float64Array, m: number): void {
  for (let i = 0; i < m; i++) {
    const b = 1 << i;
    for (let s = 0; s < f.length; s++) if (s & b) f[s] += f[s ^ b];
  }
}

/** Shapley values of the m players for the worth table v (indexed by coalition bit mask). */
function shapleyOf(v: Float64Array, m: number): number[] {
  const w = new Float64Array(m); // w[s] = s!(m−s−1)!/m! = 1 / (m · C(m−1, s))
  let binom = 1;
  for (let s = 0; s < m; s++) {
    w[s] = 1 / (m * binom);
    binom = (binom * (m - 1 - s)) / (s + 1);
  }
  const pop = new Uint8Array(v.length);
  for (let s = 1; s < v.length; s++) pop[s] = pop[s >> 1] + (s & 1);
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    const b = 1 << i;
    let acc = 0;
    for (let s = 0; s < v.length; s++) if (!(s & b)) acc += w[pop[s]] * (v[s | b] - v[s]);
    phi[i] = acc;
  }
  return phi;
}
