/**
 * Segment profiles and draft personas: what the persona wizard prefills for every segment.
 *
 * Per segment: size and share of the rows; for each numeric column the mean and median of the observed values
 * (blank or non-numeric cells, imputed for clustering, are left out here) in the column's own units, next to
 * the population mean, median and standard deviation; for each categorical column the 3 most frequent
 * categories with their share in the segment and in the population.
 *
 * Distinguishing features: how far the segment sits from the whole table, as a standardized mean difference
 *   z = (segment mean − population mean) / population sd   (numeric columns, sd with divisor n),
 *   z = (p_s − p) / sqrt(p (1 − p))                         (each category: share p_s in the segment, p overall),
 * i.e. the segment mean of the z-scored column / indicator. Unlike a test statistic it does not grow with the
 * segment size, so segments of different sizes compare fairly (Cohen's d with the population sd). To keep tiny
 * segments and rare categories from producing spurious extremes, a category counts only when the segment has
 * at least 10 rows and the category at least 1% of the table. The features are ranked by |z|.
 *
 * Suggested names: up to 3 phrases from the top distinguishing features with |z| ≥ 0.5 (a "medium" difference
 * in Cohen's terms), one per column: "high-spend" / "low-spend" for a numeric column, the category for a
 * categorical one (only an over-represented category that is also the segment's most frequent one in that
 * column, never "(blank)" or "other"); numeric phrases come first, then categories. Common marketing columns (spend, orders, recency, basket size, age,
 * income, tenure, discounts, city tier, gender) have phrases in en-US, zh-CN and zh-TW, recognized from the
 * header in English or Chinese; other columns give "high <header>" / "<header>高". Example:
 * "High-spend, frequent, Tier-1 city" / "高消费、高频、Tier-1城市" / "高消費、高頻、Tier-1城市". A segment without
 * such features is "Typical customers". Segments whose names have the same phrases get further phrases (up to 5)
 * until they differ, else the segment number.
 * Reference: J. Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, 2nd ed. (d = 0.5 medium).
 */
import { intOption, numberOption, segmentError } from "./messages";
import { pickColumns } from "./standardize";
import {
  BLANK_CATEGORY,
  OTHER_CATEGORY,
  SEGMENT_LOCALES,
  type CategoricalColumn,
  type Localized,
  type NumericColumn,
  type SegmentLocale,
  type SegmentTable,
} from "./types";

/** A numeric column in one segment, in the column's units. */
export interface NumericSummary {
  column: string;
  /** Mean and median of the segment's observed values; null if it has none. */
  mean: number | null;
  median: number | null;
  /** Observed (non-missing) values in the segment. */
  observed: number;
  /** Mean, median and standard deviation (divisor n) of all observed values of the column. */
  populationMean: number;
  populationMedian: number;
  populationSd: number;
  /** (mean − populationMean) / populationSd; 0 when the column is constant or the segment has no value. */
  z: number;
}

/** A category's weight in one segment. */
export interface CategoryShare {
  category: string;
  /** Rows of the segment in this category. */
  count: number;
  /** count / segment size. */
  share: number;
  /** Share of the category in the whole table. */
  populationShare: number;
}

/** The most frequent categories of a categorical column in one segment. */
export interface CategoricalSummary {
  column: string;
  /** Up to `topCategories` categories, most frequent first (ties: the more frequent overall first). */
  top: CategoryShare[];
}

/** A feature that sets a segment apart (see the module doc for z). */
export interface DistinguishingFeature {
  column: string;
  kind: "numeric" | "category";
  /** For categories: which one. */
  category?: string;
  /** Standardized difference from the population; > 0 = higher / more frequent in the segment. */
  z: number;
  /** Segment mean (numeric) or share (category). */
  segmentValue: number;
  /** Population mean (numeric) or share (category). */
  populationValue: number;
}

/** Summary of one segment. */
export interface SegmentProfile {
  /** Segment number (label) 0..k−1. */
  segment: number;
  size: number;
  /** size / rows. */
  share: number;
  numeric: NumericSummary[];
  categorical: CategoricalSummary[];
  /** Top features by |z| (at most `maxDistinguishing`). */
  distinguishing: DistinguishingFeature[];
}

/** Options of {@link profileSegments}. */
export interface ProfileOptions {
  /** Columns to describe (default: every column of the table). */
  columns?: readonly string[];
  /** Categories listed per categorical column, 1–20 (default 3). */
  topCategories?: number;
  /** Distinguishing features kept per segment, 1–100 (default 5). */
  maxDistinguishing?: number;
}

/** Minimum segment size for category features to count as distinguishing. */
export const MIN_SEGMENT_ROWS_FOR_CATEGORIES = 10;
/** Minimum population share of a category to count as distinguishing. */
export const MIN_CATEGORY_SHARE = 0.01;

/**
 * Median of `a` (reordered in place): quickselect with a median-of-three pivot and three-way partitioning
 * (Hoare 1961, "FIND"; Bentley & McIlroy 1993 for the equal keys), O(n) on average; after too many rounds the
 * remaining range is sorted, bounding the worst case at O(n log n). For an even length, the mean of the two
 * middle values.
 */
function median(a: Float64Array): number {
  const h = a.length >> 1;
  const upper = select(a, h);
  return a.length % 2 === 1 ? upper : (maxBefore(a, h) + upper) / 2;
}

/** Largest of a[0 .. end). */
function maxBefore(a: Float64Array, end: number): number {
  let m = a[0];
  for (let i = 1; i < end; i++) if (a[i] > m) m = a[i];
  return m;
}

/** Puts the k-th smallest value of `a` at index k (smaller ones before it, larger after) and returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let rounds = 0;
  while (hi > lo) {
    if (++rounds > 64) {
      a.subarray(lo, hi + 1).sort();
      break;
    }
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Three-way partition: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k];
}

/**
 * Profiles every segment of a labelled table (see the module doc for every figure).
 * @param labels segment 0..k−1 of every row of `table`.
 * @throws value `lengthMismatch` / `invalidLabels` for labels that do not fit, `invalidK`, `unknownColumn`,
 *   `invalidOption`.
 */
export function profileSegments(
  table: SegmentTable,
  labels: ArrayLike<number>,
  k: number,
  options: ProfileOptions = {},
): SegmentProfile[] {
  const n = table.rows;
  if (!Number.isInteger(k) || k < 1) throw segmentError("value", "invalidK", { k: String(k), min: 1 });
  if (labels.length !== n) throw segmentError("value", "lengthMismatch", { arg: "labels", n: labels.length, m: n });
  const lab = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      throw segmentError("value", "invalidLabels", { max: k - 1, row: i + 1, value: String(v) });
    }
    lab[i] = v;
  }
  const columns = pickColumns(table, options.columns);
  const topN = intOption(options.topCategories, "topCategories", 1, 20, 3);
  const maxDist = intOption(options.maxDistinguishing, "maxDistinguishing", 1, 100, 5);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[lab[i]]++;

  const profiles: SegmentProfile[] = Array.from({ length: k }, (_, s) => ({
    segment: s,
    size: sizes[s],
    share: n > 0 ? sizes[s] / n : 0,
    numeric: [],
    categorical: [],
    distinguishing: [],
  }));
  const candidates: DistinguishingFeature[][] = Array.from({ length: k }, () => []);

  for (const col of columns) {
    if (col.kind === "numeric") numericProfile(col, lab, k, profiles, candidates);
    else categoricalProfile(col, lab, k, sizes, topN, profiles, candidates);
  }
  for (let s = 0; s < k; s++) {
    // Stable sort: ties keep column order, then category order.
    profiles[s].distinguishing = candidates[s].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, maxDist);
  }
  return profiles;
}

/** Observed values of a numeric column grouped by segment (counting sort): values and group starts. */
function groupObserved(col: NumericColumn, lab: Int32Array, k: number): { grouped: Float64Array; start: Int32Array } {
  const n = lab.length;
  const { missing, values } = col;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) if (missing[i] === 0) start[lab[i] + 1]++;
  for (let s = 0; s < k; s++) start[s + 1] += start[s];
  const grouped = new Float64Array(start[k]);
  const pos = start.slice(0, k);
  for (let i = 0; i < n; i++) if (missing[i] === 0) grouped[pos[lab[i]]++] = values[i];
  return { grouped, start };
}

function meanOf(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t / a.length;
}

function sdAround(a: Float64Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < a.length; i++) ss += (a[i] - mean) * (a[i] - mean);
  return Math.sqrt(ss / a.length);
}

function numericProfile(
  col: NumericColumn,
  lab: Int32Array,
  k: number,
  profiles: SegmentProfile[],
  candidates: DistinguishingFeature[][],
): void {
  const { grouped, start } = groupObserved(col, lab, k);
  const popMean = meanOf(grouped);
  const popSd = sdAround(grouped, popMean);
  const popMedian = median(Float64Array.from(grouped));
  const varies = popSd > 1e-12 * Math.max(1, Math.abs(popMean));
  for (let s = 0; s < k; s++) {
    const g = grouped.subarray(start[s], start[s + 1]);
    const m = g.length > 0 ? meanOf(g) : null;
    const z = m !== null && varies ? (m - popMean) / popSd : 0;
    profiles[s].numeric.push({
      column: col.name,
      mean: m,
      median: g.length > 0 ? median(g) : null,
      observed: g.length,
      populationMean: popMean,
      populationMedian: popMedian,
      populationSd: popSd,
      z,
    });
    if (m !== null && z !== 0) {
      candidates[s].push({ column: col.name, kind: "numeric", z, segmentValue: m, populationValue: popMean });
    }
  }
}

function countCategories(col: CategoricalColumn, lab: Int32Array, k: number): Int32Array {
  const m = col.categories.length;
  const counts = new Int32Array(k * m);
  const codes = col.codes;
  for (let i = 0; i < lab.length; i++) counts[lab[i] * m + codes[i]]++;
  return counts;
}

function categoricalProfile(
  col: CategoricalColumn,
  lab: Int32Array,
  k: number,
  sizes: Int32Array,
  topN: number,
  profiles: SegmentProfile[],
  candidates: DistinguishingFeature[][],
): void {
  const n = lab.length;
  const m = col.categories.length;
  const counts = countCategories(col, lab, k);
  for (let s = 0; s < k; s++) {
    const size = sizes[s];
    const order: number[] = [];
    for (let j = 0; j < m; j++) if (counts[s * m + j] > 0) order.push(j);
    // Categories are numbered most frequent overall first, so a stable sort breaks ties that way.
    order.sort((a, b) => counts[s * m + b] - counts[s * m + a]);
    profiles[s].categorical.push({
      column: col.name,
      top: order.slice(0, topN).map((j) => ({
        category: col.categories[j],
        count: counts[s * m + j],
        share: counts[s * m + j] / size,
        populationShare: col.counts[j] / n,
      })),
    });
    if (size < MIN_SEGMENT_ROWS_FOR_CATEGORIES) continue;
    for (let j = 0; j < m; j++) {
      const p = col.counts[j] / n;
      if (p < MIN_CATEGORY_SHARE || p >= 1) continue;
      const ps = counts[s * m + j] / size;
      const z = (ps - p) / Math.sqrt(p * (1 - p));
      if (z !== 0) {
        const category = col.categories[j];
        candidates[s].push({ column: col.name, kind: "category", category, z, segmentValue: ps, populationValue: p });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Persona names

/** A draft persona for the wizard to prefill. */
export interface DraftPersona {
  segment: number;
  /** Suggested name in every UI language. */
  suggestedName: Localized;
  size: number;
  share: number;
  numericSummaries: NumericSummary[];
  topCategories: CategoricalSummary[];
  distinguishing: DistinguishingFeature[];
}

/** Options of {@link draftPersonas} / {@link suggestName}. */
export interface PersonaOptions {
  /** Minimum |z| for a feature to appear in a name, 0–10 (default 0.5). */
  nameMinZ?: number;
  /** Maximum phrases in a name, 1–5 (default 3). */
  maxNameParts?: number;
}

interface Phrase {
  high: Localized;
  low: Localized;
}

const L = (en: string, cn: string, tw: string): Localized => ({ "en-US": en, "zh-CN": cn, "zh-TW": tw });

/** Numeric concepts, first match wins (so "average order value" is basket size, not orders). */
const NUMERIC_PHRASES: readonly { test: RegExp; phrase: Phrase }[] = [
  {
    test: /\baov\b|average order|avg\.? order|basket|order value|客单价|客單價/i,
    phrase: { high: L("big-basket", "高客单价", "高客單價"), low: L("small-basket", "低客单价", "低客單價") },
  },
  {
    test: /recen|days since|since last|last (order|purchase)|最近|距今|未购|未購|沉睡/i,
    phrase: { high: L("lapsing", "久未购买", "久未購買"), low: L("recent", "近期活跃", "近期活躍") },
  },
  {
    test: /spend|revenue|monetary|amount|sales|gmv|\bvalue\b|消费|消費|金额|金額|销售|銷售|营收|營收/i,
    phrase: { high: L("high-spend", "高消费", "高消費"), low: L("low-spend", "低消费", "低消費") },
  },
  {
    test: /order|frequen|purchases|transactions|订单|訂單|次数|次數|频次|頻次|频率|頻率|购买数|購買數/i,
    phrase: { high: L("frequent", "高频", "高頻"), low: L("infrequent", "低频", "低頻") },
  },
  {
    test: /^age\b|\bage$|\bage\b|年龄|年齡/i,
    phrase: { high: L("older", "年长", "年長"), low: L("younger", "年轻", "年輕") },
  },
  {
    test: /income|salary|收入|薪资|薪資/i,
    phrase: { high: L("high-income", "高收入", "高收入"), low: L("lower-income", "低收入", "低收入") },
  },
  {
    test: /tenure|member since|customer since|months as|years as|会员时长|會員時長|在网|在網|注册时长|註冊時長/i,
    phrase: { high: L("long-standing", "老客户", "老客戶"), low: L("new", "新客户", "新客戶") },
  },
  {
    test: /discount|coupon|promo|折扣|优惠|優惠|券/i,
    phrase: { high: L("deal-seeking", "偏好优惠", "偏好優惠"), low: L("full-price", "全价购买", "全價購買") },
  },
];

const CITY_TIER = /city.?tier|\btier\b|城市等级|城市等級|城市级别|城市級別|城市线级|城市線級|线级|線級/i;
const GENDER = /gender|\bsex\b|性别|性別/i;

function numericPhrase(column: string, high: boolean): Localized {
  for (const { test, phrase } of NUMERIC_PHRASES) if (test.test(column)) return high ? phrase.high : phrase.low;
  return high ? L(`high ${column}`, `${column}高`, `${column}高`) : L(`low ${column}`, `${column}低`, `${column}低`);
}

function categoryPhrase(column: string, category: string): Localized {
  if (CITY_TIER.test(column)) {
    const en = /city/i.test(category) ? category : `${category} city`;
    const zh = /城市|市$/.test(category) ? category : `${category}城市`;
    return L(en, zh, zh);
  }
  if (GENDER.test(column)) return L(category, category, category);
  return L(`${category} ${column}`, `${category}${column}`, `${category}${column}`);
}

const TYPICAL = L("Typical customers", "典型客户", "典型客戶");
const JOIN: Localized = { "en-US": ", ", "zh-CN": "、", "zh-TW": "、" };

/** The phrases of a name (numeric ones first, then categories; see the module doc). */
function nameParts(profile: SegmentProfile, minZ: number, maxParts: number): Localized[] {
  const adjectives: Localized[] = [];
  const nouns: Localized[] = [];
  const used = new Set<string>();
  for (const f of profile.distinguishing) {
    if (adjectives.length + nouns.length >= maxParts) break;
    if (Math.abs(f.z) < minZ || used.has(f.column)) continue;
    if (f.kind === "numeric") {
      adjectives.push(numericPhrase(f.column, f.z > 0));
    } else {
      const cat = f.category ?? "";
      if (f.z <= 0 || cat === BLANK_CATEGORY || cat === OTHER_CATEGORY || cat === "") continue;
      const top = profile.categorical.find((c) => c.column === f.column)?.top[0];
      if (top?.category !== cat) continue;
      nouns.push(categoryPhrase(f.column, cat));
    }
    used.add(f.column);
  }
  // Numeric phrases first, then categories, each by |z|: "High-spend, frequent, Tier-1 city".
  return [...adjectives, ...nouns];
}

function joinParts(parts: readonly Localized[]): Localized {
  if (parts.length === 0) return { ...TYPICAL };
  const out = {} as Localized;
  for (const loc of SEGMENT_LOCALES) {
    const text = parts.map((p) => p[loc]).join(JOIN[loc]);
    out[loc] = loc === "en-US" ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }
  return out;
}

/** Same phrases in any order = same name. */
function partsKey(parts: readonly Localized[]): string {
  return parts
    .map((p) => p["en-US"])
    .sort()
    .join("|");
}

/**
 * The suggested persona name of a segment profile in en-US, zh-CN and zh-TW (rules in the module doc).
 * @throws value `invalidOption` for bad options.
 */
export function suggestName(profile: SegmentProfile, options: PersonaOptions = {}): Localized {
  const minZ = numberOption(options.nameMinZ, "nameMinZ", 0, 10, 0.5);
  const maxParts = intOption(options.maxNameParts, "maxNameParts", 1, 5, 3);
  return joinParts(nameParts(profile, minZ, maxParts));
}

const SUFFIX: Record<SegmentLocale, (n: number) => string> = {
  "en-US": (n) => ` (segment ${n})`,
  "zh-CN": (n) => `（分群${n}）`,
  "zh-TW": (n) => `（分群${n}）`,
};

/** Longest name used to tell apart segments whose shorter names have the same phrases. */
const MAX_PARTS_WHEN_TIED = 5;

/**
 * Draft personas from segment profiles: suggested names plus the figures to prefill. Segments whose names have
 * the same phrases (in any order) get one more phrase each, up to 5, while that tells them apart; names that
 * still coincide get the 1-based segment number appended ("… (segment 2)", "…（分群2）").
 * @throws value `invalidOption` for bad options.
 */
export function draftPersonas(profiles: readonly SegmentProfile[], options: PersonaOptions = {}): DraftPersona[] {
  const minZ = numberOption(options.nameMinZ, "nameMinZ", 0, 10, 0.5);
  const maxParts = intOption(options.maxNameParts, "maxNameParts", 1, 5, 3);
  const limit = profiles.map(() => maxParts);
  const parts = profiles.map((p) => nameParts(p, minZ, maxParts));
  const tiedGroups = (): number[][] => {
    const groups = new Map<string, number[]>();
    parts.forEach((q, s) => groups.set(partsKey(q), [...(groups.get(partsKey(q)) ?? []), s]));
    return [...groups.values()].filter((g) => g.length > 1);
  };
  for (let round = maxParts; round < MAX_PARTS_WHEN_TIED; round++) {
    let longer = false;
    for (const group of tiedGroups()) {
      for (const s of group) {
        const next = nameParts(profiles[s], minZ, limit[s] + 1);
        if (next.length > parts[s].length) longer = true;
        limit[s]++;
        parts[s] = next;
      }
    }
    if (!longer) break;
  }
  const tied = new Set(tiedGroups().flat());
  return profiles.map((p, s) => {
    const name = joinParts(parts[s]);
    if (tied.has(s)) for (const loc of SEGMENT_LOCALES) name[loc] += SUFFIX[loc](p.segment + 1);
    return {
      segment: p.segment,
      suggestedName: name,
      size: p.size,
      share: p.share,
      numericSummaries: p.numeric,
      topCategories: p.categorical,
      distinguishing: p.distinguishing,
    };
  });
}
