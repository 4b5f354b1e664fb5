/**
 * Turns a typed customer table into the numeric feature matrix k-means works on.
 *
 * Numeric columns: z-scores z = (x − mean) / sd with the population standard deviation (divisor n), so every
 * numeric column has variance 1 whatever its unit (spend in currency, age in years). A constant column (sd = 0)
 * becomes all zeros and raises the warning `constantColumn`.
 *
 * Categorical columns: one-hot indicators of the `maxCategories` (default 20) most frequent categories, plus one
 * "other" indicator for the rest when there are more. Every indicator is multiplied by w = sqrt(γ / 2), with γ the
 * `categoricalWeight` (default 0.5). Two rows with different categories then differ by w in two coordinates, so
 * the squared Euclidean distance between rows is
 *   d²(x, y) = Σ_numeric (z_x − z_y)² + γ · (number of categorical columns where x and y differ),
 * which is exactly the mixed dissimilarity between two rows of Huang's k-prototypes (Huang 1998). k-means on this
 * matrix differs from k-prototypes only in the prototype of a categorical column: the category shares of the
 * segment (w × shares, the k-means centroid of the one-hot block) instead of its mode. γ = 0.5 on z-scored
 * numerics is the default of the widely used k-prototypes implementation `kmodes` (N. de Vos: γ = 0.5 × mean sd
 * of the numeric columns), following Huang's advice to choose γ relative to the average standard deviation of the
 * numeric attributes. A mismatch thus costs a quarter of the mean squared difference of two rows in one numeric
 * column (2), so categorical columns inform the segments without dominating them. We do not use the other common
 * choice, a weight of 1 / sqrt(number of categories), because it makes a mismatch cheaper the more categories a
 * column has (a 20-city column would count ten times less than a yes/no column). Rows in different categories
 * that are both grouped as "other" do not count as a mismatch.
 * Reference: Z. Huang (1998), "Extensions to the k-means algorithm for clustering large data sets with
 * categorical values", Data Mining and Knowledge Discovery 2(3), 283–304.
 */
import { intOption, numberOption, segmentError, segmentWarning, type SegmentWarning } from "./messages";
import { OTHER_CATEGORY, type Column, type Feature, type FeatureMatrix, type SegmentTable } from "./types";

/** Default number of categories kept per categorical column before grouping the rest as "other". */
export const DEFAULT_MAX_CATEGORIES = 20;

/** Default γ: the weight of one categorical mismatch in the squared distance (see the module doc). */
export const DEFAULT_CATEGORICAL_WEIGHT = 0.5;

/** Options of {@link standardize}. */
export interface StandardizeOptions {
  /** Headers of the table columns to use as features (ignoring case); default: every column of the table. */
  columns?: readonly string[];
  /** Categories kept per categorical column, 1–1000 (default 20); the rest become "other". */
  maxCategories?: number;
  /** γ ≥ 0: squared-distance cost of one categorical mismatch (default 0.5). */
  categoricalWeight?: number;
}

/** The feature matrix plus warnings (constant columns, grouped categories). */
export interface StandardizeResult extends FeatureMatrix {
  warnings: SegmentWarning[];
}

/** Picks the table columns named in `names` (ignoring case), all of them when `names` is undefined. */
export function pickColumns(table: SegmentTable, names: readonly string[] | undefined): Column[] {
  if (names === undefined) return table.columns;
  if (names.length === 0) throw segmentError("value", "noColumns");
  const byName = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  const out: Column[] = [];
  for (const name of names) {
    const col = byName.get(String(name).trim().toLowerCase());
    if (col === undefined) throw segmentError("value", "unknownColumn", { column: String(name) });
    if (!out.includes(col)) out.push(col);
  }
  return out;
}

/**
 * Builds the row-major feature matrix (rows × dims) of z-scored numeric columns and weighted one-hot
 * categorical columns, with a description of every feature (see the module doc for formulas and weights).
 * @throws value `noColumns` / `unknownColumn` for a bad column list, `invalidOption` for bad options.
 */
export function standardize(table: SegmentTable, options: StandardizeOptions = {}): StandardizeResult {
  const columns = pickColumns(table, options.columns);
  const maxCategories = intOption(options.maxCategories, "maxCategories", 1, 1000, DEFAULT_MAX_CATEGORIES);
  const gamma = numberOption(options.categoricalWeight, "categoricalWeight", 0, 1e6, DEFAULT_CATEGORICAL_WEIGHT);
  const w = Math.sqrt(gamma / 2);
  const n = table.rows;
  const warnings: SegmentWarning[] = [];
  const features: Feature[] = [];
  // Column plans: where each column's features start and how to fill them.
  const plans: { col: Column; offset: number; width: number; map?: Int32Array }[] = [];
  for (const col of columns) {
    const offset = features.length;
    if (col.kind === "numeric") {
      const v = col.values;
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i];
      const mean = s / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
      const sd = Math.sqrt(ss / n);
      const constant = !(sd > 1e-12 * Math.max(1, Math.abs(mean)));
      if (constant) warnings.push(segmentWarning("constantColumn", { column: col.name }));
      features.push({ column: col.name, kind: "numeric", center: mean, sd, scale: constant ? 0 : 1 / sd });
      plans.push({ col, offset, width: 1 });
    } else {
      const m = col.categories.length;
      const grouped = m > maxCategories;
      const kept = grouped ? maxCategories : m;
      if (grouped) {
        warnings.push(segmentWarning("categoriesGrouped", { column: col.name, count: m, kept: maxCategories }));
      }
      if (m === 1) warnings.push(segmentWarning("constantColumn", { column: col.name }));
      const map = new Int32Array(m);
      for (let j = 0; j < m; j++) map[j] = j < kept ? j : kept;
      const width = grouped ? kept + 1 : kept;
      for (let j = 0; j < width; j++) {
        let count = 0;
        if (j < kept) count = col.counts[j];
        else for (let q = kept; q < m; q++) count += col.counts[q];
        const p = count / n;
        features.push({
          column: col.name,
          kind: "category",
          category: j < kept ? col.categories[j] : OTHER_CATEGORY,
          center: p,
          sd: Math.sqrt(p * (1 - p)),
          scale: m === 1 ? 0 : w,
        });
      }
      plans.push({ col, offset, width, map });
    }
  }
  const dims = features.length;
  const blocks = plans.filter((p) => p.col.kind === "categorical").map((p) => ({ offset: p.offset, width: p.width }));
  const data = new Float64Array(n * dims);
  for (const { col, offset, map } of plans) {
    const f = features[offset];
    if (col.kind === "numeric") {
      const v = col.values;
      const mean = f.center;
      const scale = f.scale;
      for (let i = 0, p = offset; i < n; i++, p += dims) data[p] = (v[i] - mean) * scale;
    } else if (f.scale !== 0 && map) {
      const codes = col.codes;
      for (let i = 0, p = offset; i < n; i++, p += dims) data[p + map[codes[i]]] = w;
    }
  }
  return { data, rows: n, dims, features, blocks, warnings };
}
