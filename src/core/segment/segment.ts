/**
 * The persona wizard's one call: selection → typed table → standardized features → k-means (k given, or chosen
 * by the sampled silhouette) → segment profiles → draft personas.
 *
 * Steps and conventions are those of the modules: `table.ts` (header row, column typing, mean imputation),
 * `standardize.ts` (z-scores, weighted one-hot), `kmeans.ts` (k-means++, Lloyd/Hamerly, restarts),
 * `select-k.ts` (silhouette over k = 2..8), `silhouette.ts`, `profile.ts`. The clustering columns and the columns
 * only described in the profiles (e.g. cluster on behaviour, describe by demographics) are chosen separately.
 * Everything is deterministic for a seed.
 */
import { kmeansCompact } from "./kmeans";
import { toCompact } from "./compact";
import { segmentError, type SegmentWarning } from "./messages";
import { draftPersonas, profileSegments, type DraftPersona, type PersonaOptions, type SegmentProfile } from "./profile";
import { chooseK, silhouetteSampleRng, type ChooseKOptions, type KCandidate } from "./select-k";
import { silhouetteScores } from "./silhouette";
import { standardize, type StandardizeOptions } from "./standardize";
import { readTable } from "./table";
import type { ColumnKind, Feature, SegmentTable } from "./types";

/** Options of {@link segmentTable}. */
export interface SegmentOptions extends ChooseKOptions, Omit<StandardizeOptions, "columns">, PersonaOptions {
  /** Headers of the columns to cluster on (default: every column of the selection). */
  columns?: readonly string[];
  /** Extra headers described in the profiles but not used for clustering. */
  profileColumns?: readonly string[];
  /** Kind per header overriding the inference (see `readTable`). */
  kinds?: Readonly<Record<string, ColumnKind>>;
  /** Number of segments, 2 or more; "auto" or undefined: chosen by silhouette over kMin..kMax. */
  k?: number | "auto";
  /** For a given k: also compute its (sampled) silhouette score (default true). */
  scoreSilhouette?: boolean;
  /** Categories listed per categorical column in the profiles (default 3). */
  topCategories?: number;
  /** Distinguishing features kept per segment (default 5). */
  maxDistinguishing?: number;
}

/** Everything the wizard needs to show the segments and prefill personas. */
export interface SegmentationResult {
  /** The typed table (all columns read: clustering and profile-only). */
  table: SegmentTable;
  /** Headers of the clustering columns. */
  clusterColumns: string[];
  /** What each standardized feature stands for. */
  features: Feature[];
  k: number;
  /** Segment 0..k−1 of every kept row (segment 0 the largest); `table.rowIndex` maps rows to the selection. */
  labels: Int32Array;
  /** Σ squared distances of the rows to their segment centroid (in standardized units). */
  inertia: number;
  iterations: number;
  converged: boolean;
  /**
   * Mean silhouette (sampled above 5,000 rows, the same rows for a given seed whether k is given or chosen); null
   * if not computed. For an automatic k it is the score that chose k: that of the candidate fitted on the
   * silhouette rows, which can differ slightly from the final segments when restarts disagree.
   */
  silhouette: number | null;
  /** Rows the silhouette was computed on (0 if not computed). */
  silhouetteRows: number;
  /** Silhouette of every candidate k when k was chosen automatically, else empty. */
  candidates: KCandidate[];
  profiles: SegmentProfile[];
  personas: DraftPersona[];
  warnings: SegmentWarning[];
}

/**
 * Segments a selection and drafts one persona per segment (see the module doc).
 * @param values `Range.values` of the selection, header row first.
 * @throws value errors of every step: `noHeaderRow`, `duplicateHeader`, `noColumns`, `unknownColumn`,
 *   `columnHasNoValues`, `tooFewRows`, `invalidK`, `kTooLarge`, `notEnoughDistinctRows`, `invalidOption` ….
 */
export function segmentTable(
  values: readonly (readonly unknown[])[],
  options: SegmentOptions = {},
): SegmentationResult {
  const k = options.k ?? "auto";
  if (k !== "auto" && (typeof k !== "number" || !Number.isInteger(k) || k < 2)) {
    throw segmentError("value", "invalidK", { k: String(k), min: 2 });
  }
  if (options.columns !== undefined && options.columns.length === 0) throw segmentError("value", "noColumns");
  const read = options.columns === undefined ? undefined : [...options.columns, ...(options.profileColumns ?? [])];
  const table = readTable(values, { columns: read, kinds: options.kinds, minRows: k === "auto" ? 3 : 2 });
  const clusterColumns = (options.columns === undefined ? table.columns : tableColumns(table, options.columns)).map(
    (c) => c.name,
  );
  const matrix = standardize(table, {
    columns: clusterColumns,
    maxCategories: options.maxCategories,
    categoricalWeight: options.categoricalWeight,
  });
  const warnings = [...table.warnings, ...matrix.warnings];

  let labels: Int32Array;
  let chosenK: number;
  let inertia: number;
  let iterations: number;
  let converged: boolean;
  let silhouette: number | null = null;
  let silhouetteRows = 0;
  let candidates: KCandidate[] = [];
  if (k === "auto") {
    const r = chooseK(matrix, options);
    chosenK = r.k;
    ({ labels, inertia, iterations, converged } = r.kmeans);
    candidates = r.candidates;
    silhouette = r.candidates.find((c) => c.k === r.k)?.silhouette ?? null;
    silhouetteRows = r.silhouetteRows;
    warnings.push(...r.warnings);
  } else {
    if (k > table.rows) throw segmentError("value", "kTooLarge", { k, n: table.rows });
    const r = kmeansCompact(toCompact(matrix), k, options);
    chosenK = k;
    ({ labels, inertia, iterations, converged } = r);
    if (options.scoreSilhouette !== false) {
      const s = silhouetteScores(matrix, [{ labels, k }], {
        sampleSize: options.silhouetteSampleSize,
        rng: silhouetteSampleRng(options.seed ?? 0),
      });
      silhouette = s.scores[0];
      silhouetteRows = s.sampled;
    }
  }
  if (silhouette !== null && Number.isNaN(silhouette)) silhouette = null;
  const profiles = profileSegments(table, labels, chosenK, {
    topCategories: options.topCategories,
    maxDistinguishing: options.maxDistinguishing,
  });
  const { warnings: _tableWarnings, ...plainTable } = table;
  return {
    table: plainTable,
    clusterColumns,
    features: matrix.features,
    k: chosenK,
    labels,
    inertia,
    iterations,
    converged,
    silhouette,
    silhouetteRows,
    candidates,
    profiles,
    personas: draftPersonas(profiles, options),
    warnings,
  };
}

function tableColumns(table: SegmentTable, names: readonly string[]): SegmentTable["columns"] {
  const byName = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
  const out: SegmentTable["columns"] = [];
  for (const name of names) {
    const col = byName.get(String(name).trim().toLowerCase());
    if (col === undefined) throw segmentError("value", "unknownColumn", { column: String(name) });
    if (!out.includes(col)) out.push(col);
  }
  return out;
}
