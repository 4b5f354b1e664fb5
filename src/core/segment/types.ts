/**
 * Data types shared by the segmentation module: a typed customer table read from a worksheet selection, the
 * standardized feature matrix, and the languages of the draft persona names.
 */

/** The three UI languages (same strings as `Locale` in `src/i18n/locale.ts`). */
export type SegmentLocale = "en-US" | "zh-CN" | "zh-TW";

/** The languages persona names are produced in. */
export const SEGMENT_LOCALES: readonly SegmentLocale[] = ["en-US", "zh-CN", "zh-TW"];

/** A text in each UI language. */
export type Localized = Record<SegmentLocale, string>;

/** How a column is treated: numbers (z-scored) or categories (one-hot). */
export type ColumnKind = "numeric" | "categorical";

/** The category given to blank cells of a categorical column. */
export const BLANK_CATEGORY = "(blank)";

/** The category that groups the less frequent categories beyond the kept ones (see `standardize`). */
export const OTHER_CATEGORY = "other";

interface ColumnBase {
  /** Header text as in the sheet (trimmed). */
  name: string;
  /** 0-based column position in the selection. */
  index: number;
  /** Number of non-blank cells (over the kept rows). */
  nonBlank: number;
}

/** A numeric column: one value per kept row, blanks and non-numeric cells imputed with the column mean. */
export interface NumericColumn extends ColumnBase {
  kind: "numeric";
  /** Values per kept row; missing cells hold {@link NumericColumn.mean}. */
  values: Float64Array;
  /** 1 where the cell was blank or not a number (so `values` holds the imputed mean), else 0. */
  missing: Uint8Array;
  /** Number of imputed cells (blank or non-numeric). */
  missingCount: number;
  /** Mean of the observed (non-missing) values. */
  mean: number;
}

/** A categorical column: one category code per kept row. */
export interface CategoricalColumn extends ColumnBase {
  kind: "categorical";
  /** Index into {@link CategoricalColumn.categories} per kept row. */
  codes: Int32Array;
  /**
   * Distinct categories, most frequent first (ties: first appearance first). Text is trimmed; numbers and
   * booleans are written as Excel shows them in a cell by default (`12`, `TRUE`); blank is {@link BLANK_CATEGORY}.
   */
  categories: string[];
  /** Row count of each category (parallel to `categories`). */
  counts: number[];
}

/** A typed column. */
export type Column = NumericColumn | CategoricalColumn;

/** A customer table read from a selection (see `readTable`). */
export interface SegmentTable {
  /** Every header of the selection (trimmed), in sheet order. */
  headers: string[];
  /** The columns read, in the order they were asked for. */
  columns: Column[];
  /** Number of kept rows. */
  rows: number;
  /** For each kept row, its 0-based row in the selection (the header is row 0), to write labels back. */
  rowIndex: Int32Array;
}

/** What one standardized feature (a column of the matrix) stands for. */
export interface Feature {
  /** Header of the source column. */
  column: string;
  kind: "numeric" | "category";
  /** For one-hot features: the category this indicator is 1 for (possibly {@link OTHER_CATEGORY}). */
  category?: string;
  /** Population mean of the source values (numeric) or the category's share (one-hot), before scaling. */
  center: number;
  /** Population standard deviation (divisor n) of the source values / indicator, before scaling. */
  sd: number;
  /** Factor applied: 1/sd for numeric columns (0 for constant ones), the one-hot weight for indicators. */
  scale: number;
}

/** A one-hot block of a feature matrix: columns [offset, offset + width), one non-zero entry per row. */
export interface OneHotBlock {
  offset: number;
  width: number;
}

/** A row-major `rows × dims` matrix as k-means and silhouettes read it. */
export interface MatrixLike {
  data: Float64Array;
  rows: number;
  dims: number;
  /**
   * Optional one-hot blocks (each row: exactly one entry equal to the block's value, the others 0). Only a speed
   * hint: distances are the same with or without it, and a block that does not have this shape is ignored.
   */
  blocks?: readonly OneHotBlock[];
}

/** The feature matrix handed to k-means, with what each column stands for. */
export interface FeatureMatrix extends MatrixLike {
  features: Feature[];
  blocks: OneHotBlock[];
}
