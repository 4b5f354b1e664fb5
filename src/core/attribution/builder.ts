/**
 * Internal builder of {@link PathData}: interns channel names and aggregates identical channel sequences into
 * growable typed arrays, without a per-row object. Used by the path-string parser, the touchpoint aggregator
 * and `pathsFromSequences`.
 */
import { attributionError } from "./messages";
import type { JourneyTiming, PathData } from "./types";

/** Largest number of distinct channels (far beyond any attribution use). */
export const MAX_CHANNELS = 0xffff;

function grownInt(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

function grownFloat(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class PathBuilder {
  readonly channels: string[] = [];
  readonly channelIndex = new Map<string, number>();
  pathCount = 0;
  private offsets: Int32Array = new Int32Array(1024);
  private flat: Int32Array = new Int32Array(4096);
  private flatLen = 0;
  /** Counts interleaved per path (conversions, value, nulls), so adding a row touches one cache line. */
  private counts: Float64Array = new Float64Array(3 * 1024);

  /** Id of channel `name` (already trimmed, non-empty), adding it if new. */
  channelId(name: string): number {
    let id = this.channelIndex.get(name);
    if (id === undefined) {
      id = this.channels.length;
      if (id >= MAX_CHANNELS) {
        throw attributionError("value", "tooManyChannels", { model: "MarketKit", limit: MAX_CHANNELS, n: id + 1 });
      }
      this.channels.push(name);
      this.channelIndex.set(name, id);
    }
    return id;
  }

  // open-addressing hash table of distinct paths: slot → path index + 1 (0 = empty), hash per path
  private table: Int32Array = new Int32Array(2048);
  private hashes: Int32Array = new Int32Array(1024);

  /**
   * Index of the distinct path with channel ids `ids[0..len)` (len ≥ 1), adding it with zero counts if new.
   * Identical sequences are found through a hash table over the flat id array (no key strings).
   */
  pathId(ids: ArrayLike<number>, len: number): number {
    let h = len | 0;
    for (let j = 0; j < len; j++) h = Math.imul(h ^ ids[j], 0x9e3779b1) ^ (h >>> 15);
    h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
    h ^= h >>> 16;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      const p = e - 1;
      if (this.hashes[p] === h && this.offsets[p + 1] - this.offsets[p] === len) {
        const off = this.offsets[p];
        let j = 0;
        while (j < len && this.flat[off + j] === ids[j]) j++;
        if (j === len) return p;
      }
      slot = (slot + 1) & mask;
    }
    const p = this.pathCount++;
    if (p + 2 > this.offsets.length) {
      this.offsets = grownInt(this.offsets, p + 2);
      this.hashes = grownInt(this.hashes, this.offsets.length);
      this.counts = grownFloat(this.counts, 3 * this.offsets.length);
    }
    this.hashes[p] = h;
    this.flat = grownInt(this.flat, this.flatLen + len);
    for (let j = 0; j < len; j++) this.flat[this.flatLen + j] = ids[j];
    this.flatLen += len;
    this.offsets[p + 1] = this.flatLen;
    this.table[slot] = p + 1;
    if (2 * this.pathCount > this.table.length) this.rehash();
    return p;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let p = 0; p < this.pathCount; p++) {
      let slot = this.hashes[p] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = p + 1;
    }
    this.table = table;
  }

  /** Adds counts to distinct path `p`. */
  add(p: number, conversions: number, value: number, nulls: number): void {
    const k = 3 * p;
    this.counts[k] += conversions;
    this.counts[k + 1] += value;
    this.counts[k + 2] += nulls;
  }

  build(hasValue: boolean, hasNulls: boolean, rowCount: number, timing?: JourneyTiming): PathData {
    const n = this.pathCount;
    const conversions = new Float64Array(n);
    const values = new Float64Array(n);
    const nulls = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      conversions[p] = this.counts[3 * p];
      values[p] = this.counts[3 * p + 1];
      nulls[p] = this.counts[3 * p + 2];
    }
    let tc = 0;
    let tv = 0;
    let tn = 0;
    for (let p = 0; p < n; p++) {
      tc += conversions[p];
      tv += values[p];
      tn += nulls[p];
    }
    const data: PathData = {
      channels: this.channels,
      channelIndex: this.channelIndex,
      pathCount: n,
      pathOffsets: this.offsets.slice(0, n + 1),
      pathChannels: this.flat.slice(0, this.flatLen),
      conversions,
      values,
      nulls,
      totalConversions: tc,
      totalValue: tv,
      totalNulls: tn,
      hasValue,
      hasNulls,
      rowCount,
    };
    if (timing) data.timing = timing;
    return data;
  }
}
