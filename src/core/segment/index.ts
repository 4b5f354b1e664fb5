/**
 * Customer segmentation for data-drafted personas (pure core): read a customer table from a selection, standardize
 * numeric and categorical columns, cluster with seeded k-means++ / Lloyd (k given or chosen by the sampled
 * silhouette), derive RFM tiers, and profile every segment into a draft persona.
 */
export {
  BLANK_CATEGORY,
  OTHER_CATEGORY,
  SEGMENT_LOCALES,
  type CategoricalColumn,
  type Column,
  type ColumnKind,
  type Feature,
  type FeatureMatrix,
  type Localized,
  type MatrixLike,
  type NumericColumn,
  type OneHotBlock,
  type SegmentLocale,
  type SegmentTable,
} from "./types";
export {
  SEGMENT_ERROR_MESSAGES,
  SEGMENT_WARNING_MESSAGES,
  type SegmentErrorKey,
  type SegmentWarning,
  type SegmentWarningKey,
} from "./messages";
export {
  NUMERIC_SHARE,
  cellCategory,
  cellNumber,
  describeColumns,
  isBlankCell,
  readTable,
  type ColumnInfo,
  type ReadTableOptions,
  type ReadTableResult,
} from "./table";
export {
  DEFAULT_CATEGORICAL_WEIGHT,
  DEFAULT_MAX_CATEGORIES,
  standardize,
  type StandardizeOptions,
  type StandardizeResult,
} from "./standardize";
export {
  DEFAULT_MAX_ITER,
  DEFAULT_N_INIT,
  DEFAULT_RESTART_SAMPLE,
  DEFAULT_TOL,
  inertiaOf,
  kmeans,
  type KMeansOptions,
  type KMeansResult,
} from "./kmeans";
export {
  DEFAULT_SILHOUETTE_SAMPLE,
  silhouetteSamples,
  silhouetteScore,
  silhouetteScores,
  type Partition,
  type SilhouetteOptions,
  type SilhouetteResult,
} from "./silhouette";
export {
  DEFAULT_K_MAX,
  DEFAULT_K_MIN,
  DEFAULT_SELECT_N_INIT,
  chooseK,
  silhouetteSampleRng,
  type ChooseKOptions,
  type ChooseKResult,
  type KCandidate,
} from "./select-k";
export {
  RFM_TIERS,
  RFM_TIER_LABELS,
  quintileScores,
  rfmTierOf,
  rfmTiers,
  rfmTiersFromTable,
  type RfmColumns,
  type RfmTier,
  type RfmTierResult,
} from "./rfm-tiers";
export {
  draftPersonas,
  profileSegments,
  suggestName,
  type CategoricalSummary,
  type CategoryShare,
  type DistinguishingFeature,
  type DraftPersona,
  type NumericSummary,
  type PersonaOptions,
  type ProfileOptions,
  type SegmentProfile,
} from "./profile";
export { createRng, sampleIndices, seed32, type Rng } from "./random";
export { segmentTable, type SegmentOptions, type SegmentationResult } from "./segment";
