/**
 * RFM scores and value tiers from per-customer recency, frequency and monetary columns.
 *
 * RFM (recency, frequency, monetary value) scoring ranks customers on each dimension and cuts the ranks into
 * quintiles, 5 = best (Hughes 1994, "Strategic Database Marketing"; the quintile coding that gives the classic
 * 5 × 5 × 5 = 125 cells).
 *
 * Quintile score of a value x among n values, ties always getting the same score:
 *   score(x) = 1 + ⌊5 · below(x) / n⌋,
 * where below(x) is the number of values worse than x: strictly smaller for frequency and monetary (more is
 * better), strictly larger for recency (days since the last order: fewer is better). below(x) + 1 is Excel's
 * RANK.EQ(x, values, 1) (ascending) for F and M and RANK.EQ(x, values, 0) (descending) for R, so a sheet can
 * reproduce the score with =1+INT(5*(RANK.EQ(x,range,1)-1)/COUNT(range)). Without ties every quintile holds n/5
 * rows (±1); tied values sit in the quintile of their lowest rank, so a heavily tied value (e.g. half the
 * customers with 1 order) fills the lower quintiles and some scores can be unused, rather than identical values
 * getting different scores.
 *
 * Tiers (mutually exclusive and exhaustive; every row gets exactly one):
 * - "highValue": R ≥ 4 and F ≥ 4 and M ≥ 4 (recent, frequent, high-spending);
 * - "atRisk":    R ≤ 2 and (F ≥ 4 or M ≥ 4) (valuable in the past, not seen lately);
 * - "lapsed":    R ≤ 2 and F ≤ 2 and M ≤ 3 (not recent, rarely bought);
 * - "potential": R ≥ 4 and F ≤ 2 (recent but few orders yet: new or promising);
 * - "regular":   every other combination (e.g. R = 3, or recent with F = 3).
 * These named groups follow the common practice of RFM segment maps built on Hughes's scores; the thresholds
 * (top two quintiles = high, bottom two = low) are MarketKit's, stated here so the tiers are reproducible.
 * Reference: A. M. Hughes (1994), Strategic Database Marketing, Probus Publishing, Chicago.
 */
import { segmentError } from "./messages";
import type { Localized, SegmentTable } from "./types";

/** The RFM tiers, in the order the UI lists them. */
export type RfmTier = "highValue" | "potential" | "regular" | "atRisk" | "lapsed";

/** Every tier, in display order. */
export const RFM_TIERS: readonly RfmTier[] = ["highValue", "potential", "regular", "atRisk", "lapsed"];

/** Tier names in the three UI languages. */
export const RFM_TIER_LABELS: Readonly<Record<RfmTier, Localized>> = {
  highValue: { "en-US": "High value", "zh-CN": "高价值", "zh-TW": "高價值" },
  potential: { "en-US": "Potential", "zh-CN": "潜力客户", "zh-TW": "潛力客戶" },
  regular: { "en-US": "Regular", "zh-CN": "一般客户", "zh-TW": "一般客戶" },
  atRisk: { "en-US": "At risk", "zh-CN": "流失风险", "zh-TW": "流失風險" },
  lapsed: { "en-US": "Lapsed", "zh-CN": "已流失", "zh-TW": "已流失" },
};

/** The tier of one customer from its R, F and M scores (1–5), by the rules in the module doc. */
export function rfmTierOf(r: number, f: number, m: number): RfmTier {
  if (r >= 4 && f >= 4 && m >= 4) return "highValue";
  if (r <= 2 && (f >= 4 || m >= 4)) return "atRisk";
  if (r <= 2 && f <= 2) return "lapsed";
  if (r >= 4 && f <= 2) return "potential";
  return "regular";
}

/**
 * Quintile scores 1–5 of `values` (see the module doc): score = 1 + ⌊5 · below / n⌋ with below = number of
 * strictly worse values; `higherIsBetter` = false for recency. O(n log n).
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    // lower = first index with sorted[idx] >= x; upper = first index with sorted[idx] > x.
    const below = higherIsBetter ? lowerBound(sorted, x) : n - upperBound(sorted, x);
    out[i] = 1 + Math.floor((5 * below) / n);
  }
  return out;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scores and tiers of every customer. */
export interface RfmTierResult {
  /** Recency, frequency and monetary scores 1–5 per row (5 = most recent / most orders / highest spend). */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Tier of every row. */
  tiers: RfmTier[];
  /** Rows per tier (every tier present, possibly 0). */
  counts: Record<RfmTier, number>;
}

function checkColumn(values: ArrayLike<number>, name: string, n: number, nonNegative: boolean): void {
  if (values.length !== n) throw segmentError("value", "lengthMismatch", { arg: name, n: values.length, m: n });
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x !== "number" || !Number.isFinite(x)) throw segmentError("value", "columnNotNumeric", { column: name });
    if (nonNegative && x < 0) throw segmentError("value", "negativeValue", { column: name, row: i + 2, value: x });
  }
}

/**
 * RFM quintile scores and tiers (see the module doc) from parallel arrays, one entry per customer.
 * @param recency days (or any unit) since the last order, ≥ 0; fewer is better.
 * @param frequency number of orders, ≥ 0.
 * @param monetary spend (any finite number; refunds may make it negative).
 * @throws value `tooFewRows` (no customer), `lengthMismatch`, `columnNotNumeric` (non-finite entry),
 *   `negativeValue` (negative recency or frequency; `row` counts a header row, as in the sheet).
 */
export function rfmTiers(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
): RfmTierResult {
  const n = recency.length;
  if (n === 0) throw segmentError("value", "tooFewRows", { min: 1, n: 0 });
  checkColumn(recency, "recency", n, true);
  checkColumn(frequency, "frequency", n, true);
  checkColumn(monetary, "monetary", n, false);
  const r = quintileScores(recency, false);
  const f = quintileScores(frequency, true);
  const m = quintileScores(monetary, true);
  const counts = Object.fromEntries(RFM_TIERS.map((t) => [t, 0])) as Record<RfmTier, number>;
  const tiers: RfmTier[] = new Array<RfmTier>(n);
  for (let i = 0; i < n; i++) {
    const t = rfmTierOf(r[i], f[i], m[i]);
    tiers[i] = t;
    counts[t]++;
  }
  return { r, f, m, tiers, counts };
}

/** Headers of the recency, frequency and monetary columns of a table. */
export interface RfmColumns {
  recency: string;
  frequency: string;
  monetary: string;
}

/**
 * {@link rfmTiers} on three numeric columns of a table read by `readTable`. Blank cells carry the column mean
 * imputed by `readTable` (so every row still gets a tier; the table's warnings count them).
 * @throws value `unknownColumn`, `columnNotNumeric` (a categorical column), `negativeValue` (`row` is the row of
 *   the selection, header = row 1).
 */
export function rfmTiersFromTable(table: SegmentTable, columns: RfmColumns): RfmTierResult {
  const get = (name: string, nonNegative: boolean): Float64Array => {
    const col = table.columns.find((c) => c.name.toLowerCase() === String(name).trim().toLowerCase());
    if (col === undefined) throw segmentError("value", "unknownColumn", { column: String(name) });
    if (col.kind !== "numeric") throw segmentError("value", "columnNotNumeric", { column: col.name });
    const v = col.values;
    for (let i = 0; nonNegative && i < v.length; i++) {
      if (v[i] < 0) {
        throw segmentError("value", "negativeValue", { column: col.name, row: table.rowIndex[i] + 1, value: v[i] });
      }
    }
    return v;
  };
  return rfmTiers(get(columns.recency, true), get(columns.frequency, true), get(columns.monetary, false));
}
