/**
 * Baselines and floor / target / stretch values per KPI.
 *
 * Scaling convention. Relative changes are applied to the magnitude, so that "+10%" and "× 1.2" always move a value
 * the same way whatever its sign (NPS and ROI can be negative): `scaleRelative(x, k) = x + (k − 1)·|x|`, which is
 * exactly `x·k` for x ≥ 0. Excel: `=x+(k-1)*ABS(x)`.
 * - Percent-change target: `target = scaleRelative(baseline, 1 + p)` (p = 0.1 for +10%; a relative change, not
 *   percentage points: 2% conversion +10% → 2.2%). Needs a baseline (`baselineRequiredForPercent`) other than 0
 *   (`baselineZeroForPercent`).
 * - Floor rule "baseline": `floor = scaleRelative(baseline, k)`, k = 1 by default (hold last period); k is applied
 *   as given for both directions (for CAC, k = 1.1 lets the floor be 10% worse than last period).
 * - Stretch rules "targetMultiple" (k = 1.2) and "benchmark" (k = 1.2 × an industry benchmark) improve the base
 *   value by the factor k in the KPI's better direction ({@link improveBy}): higher-is-better `x + (k − 1)·|x|`
 *   (= 1.2·x); lower-is-better `x − (1 − 1/k)·|x|` (= x / 1.2 for x ≥ 0, so a CAC stretch is 1.2× as efficient).
 *
 * Validation: higher-is-better needs floor ≤ target ≤ stretch, lower-is-better floor ≥ target ≥ stretch
 * (`stretchBelowFloor`, `targetOutsideRange`, `stretchBelowTarget` without a floor). Every typed value must lie in
 * the KPI's range (percent in [0, 100%]: `rateOver100`, `negativeValue`; NPS in [−100, 100]: `outOfRange`). A value
 * produced by a rule that falls outside the range (e.g. 90% retention × 1.2) is clamped to it with a `valueClamped`
 * warning instead.
 */
import type { MktError } from "../errors";
import { findKpi } from "./library";
import { kpiError, kpiWarning } from "./messages";
import type { KpiDefinition, KpiDirection, KpiWarning } from "./types";

/** How the target is set: a value, a relative change of the baseline, or the funnel's derived value. */
export type TargetSpec =
  | { mode: "absolute"; value: number }
  /** `percent` is a fraction: 0.1 = +10%, −0.05 = −5% (relative to the baseline's magnitude). */
  | { mode: "percentChange"; percent: number }
  /** The value of `options.derived[kpiId]` (see `funnelDerivedTargets`). */
  | { mode: "derived" };

/** How the floor is set. Default: `{ rule: "baseline" }` when a baseline is given, else `{ rule: "none" }`. */
export type FloorRule =
  | { rule: "typed"; value: number }
  /** floor = scaleRelative(baseline, multiplier); multiplier defaults to 1. */
  | { rule: "baseline"; multiplier?: number }
  /** No floor: the status is green or red only. */
  | { rule: "none" };

/** How the stretch is set. Default: `{ rule: "targetMultiple" }` (1.2). */
export type StretchRule =
  | { rule: "typed"; value: number }
  /** stretch = improveBy(target, multiplier, direction); multiplier defaults to 1.2. */
  | { rule: "targetMultiple"; multiplier?: number }
  /** stretch = improveBy(benchmark, multiplier, direction); multiplier defaults to 1.2. */
  | { rule: "benchmark"; benchmark: number; multiplier?: number };

/** One KPI row of the wizard. */
export interface KpiTargetInput {
  kpiId: string;
  /** Last period's value; null / undefined = unknown. */
  baseline?: number | null;
  target: TargetSpec;
  floor?: FloorRule;
  stretch?: StretchRule;
}

/** Context of target resolution: custom KPIs and the funnel's derived targets. */
export interface TargetOptions {
  /** User-defined KPIs (see `defineCustomKpi`). */
  custom?: readonly KpiDefinition[];
  /** KPI id → target derived from the funnel, for `{ mode: "derived" }`. */
  derived?: Readonly<Record<string, number>>;
}

/** A KPI's resolved values. */
export interface ResolvedKpiTarget {
  kpi: KpiDefinition;
  baseline?: number;
  target: number;
  /** Absent when the floor rule is "none". */
  floor?: number;
  stretch: number;
  /** `valueClamped` warnings of rule-made values. */
  warnings: KpiWarning[];
}

/** Result of {@link validateKpiInputs}. */
export interface KpiInputsValidation {
  /** Whether there are no errors. */
  ok: boolean;
  /** Aligned with the inputs: the resolved row, or null when that row has an error. */
  results: (ResolvedKpiTarget | null)[];
  /** Every field error of every row; `params.kpi` and `params.field` locate it. */
  errors: MktError[];
  /** All rows' warnings. */
  warnings: KpiWarning[];
}

/** Default stretch multiplier (stretch = 1.2 × target or 1.2 × benchmark, in the better direction). */
export const DEFAULT_STRETCH_MULTIPLIER = 1.2;

/** `x + (k − 1)·|x|`: x scaled by k relative to its magnitude (= x·k for x ≥ 0). Excel: `=x+(k-1)*ABS(x)`. */
export function scaleRelative(x: number, k: number): number {
  return x + (k - 1) * Math.abs(x);
}

/**
 * Improves `x` by the factor k (> 0) in the better direction: higher-is-better `x + (k − 1)·|x|` (= k·x for x ≥ 0),
 * lower-is-better `x − (1 − 1/k)·|x|` (= x / k for x ≥ 0). Excel: `=x+(k-1)*ABS(x)` / `=x-(1-1/k)*ABS(x)`.
 */
export function improveBy(x: number, k: number, direction: KpiDirection): number {
  return direction === "higher" ? x + (k - 1) * Math.abs(x) : x - (1 - 1 / k) * Math.abs(x);
}

/**
 * Target from a baseline and a relative change p (fraction): `baseline + p·|baseline|` (= baseline·(1 + p) for a
 * positive baseline). Throws `baselineRequiredForPercent` without a baseline, `baselineZeroForPercent` for 0.
 */
export function percentChangeTarget(baseline: number | null | undefined, percent: number, kpi = "kpi"): number {
  if (baseline === null || baseline === undefined) {
    throw kpiError("value", "baselineRequiredForPercent", { field: "baseline", kpi });
  }
  const e = checkFinite(kpi, "percent", percent) ?? checkFinite(kpi, "baseline", baseline);
  if (e) throw e;
  if (baseline === 0) throw kpiError("value", "baselineZeroForPercent", { field: "baseline", kpi });
  return scaleRelative(baseline, 1 + percent);
}

/** Whether `a` is at least as good as `b` for the direction (higher: a ≥ b; lower: a ≤ b). */
export function atLeastAsGood(a: number, b: number, direction: KpiDirection): boolean {
  return direction === "higher" ? a >= b : a <= b;
}

function checkFinite(kpi: string, field: string, v: unknown): MktError | undefined {
  return typeof v === "number" && Number.isFinite(v) ? undefined : kpiError("value", "notANumber", { field, kpi });
}

/**
 * The error for value `v` of `field` of KPI `k`, or undefined when it is valid: `notANumber`; for percent KPIs
 * `negativeValue` below 0 and `rateOver100` above 1; otherwise the KPI's [min, max] (`negativeValue` when min is 0,
 * `outOfRange`, `belowMinimum`, `aboveMaximum`).
 */
export function checkKpiValue(k: KpiDefinition, field: string, v: unknown): MktError | undefined {
  const kpi = k.id;
  const nan = checkFinite(kpi, field, v);
  if (nan) return nan;
  const x = v as number;
  const { min, max } = k;
  if (min !== undefined && x < min) {
    if (min === 0) return kpiError("value", "negativeValue", { field, kpi, value: x });
    if (max !== undefined) return kpiError("value", "outOfRange", { field, kpi, value: x, min, max });
    return kpiError("value", "belowMinimum", { field, kpi, value: x, min });
  }
  if (max !== undefined && x > max) {
    if (k.unit === "percent" && max === 1) return kpiError("value", "rateOver100", { field, kpi, value: x });
    if (min !== undefined) return kpiError("value", "outOfRange", { field, kpi, value: x, min, max });
    return kpiError("value", "aboveMaximum", { field, kpi, value: x, max });
  }
  return undefined;
}

function checkMultiplier(kpi: string, field: string, v: unknown): MktError | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0
    ? undefined
    : kpiError("value", "invalidMultiplier", { field, kpi, value: typeof v === "number" ? v : String(v) });
}

function clamp(k: KpiDefinition, field: string, v: number, warnings: KpiWarning[]): number {
  let c = v;
  if (k.min !== undefined && c < k.min) c = k.min;
  if (k.max !== undefined && c > k.max) c = k.max;
  if (c !== v) warnings.push(kpiWarning("valueClamped", { field, kpi: k.id, value: v, clamped: c }));
  return c;
}

interface RowOutcome {
  result: ResolvedKpiTarget | null;
  errors: MktError[];
}

function resolveRow(input: KpiTargetInput, options: TargetOptions): RowOutcome {
  const k = findKpi(input?.kpiId, options.custom ?? []);
  if (!k)
    return { result: null, errors: [kpiError("value", "unknownKpi", { field: "kpi", kpi: String(input?.kpiId) })] };
  const kpi = k.id;
  const errors: MktError[] = [];
  const warnings: KpiWarning[] = [];
  const push = (e: MktError | undefined): boolean => {
    if (e) errors.push(e);
    return !e;
  };

  // baseline
  let baseline: number | undefined;
  if (input.baseline !== null && input.baseline !== undefined) {
    if (push(checkKpiValue(k, "baseline", input.baseline))) baseline = input.baseline;
  }
  const baselineGiven = input.baseline !== null && input.baseline !== undefined;

  // target
  let target: number | undefined;
  const spec = input.target;
  if (!spec || typeof spec !== "object") {
    push(kpiError("value", "invalidOption", { field: "target", kpi, expected: "absolute, percentChange, derived" }));
  } else if (spec.mode === "absolute") {
    if (push(checkKpiValue(k, "target", spec.value))) target = spec.value;
  } else if (spec.mode === "percentChange") {
    if (!baselineGiven) push(kpiError("value", "baselineRequiredForPercent", { field: "baseline", kpi }));
    else if (push(checkFinite(kpi, "percent", spec.percent)) && baseline !== undefined) {
      if (baseline === 0) push(kpiError("value", "baselineZeroForPercent", { field: "baseline", kpi }));
      else {
        const t = scaleRelative(baseline, 1 + spec.percent);
        if (push(checkKpiValue(k, "target", t))) target = t;
      }
    }
  } else if (spec.mode === "derived") {
    const derived = options.derived;
    const d = derived && Object.prototype.hasOwnProperty.call(derived, kpi) ? derived[kpi] : undefined;
    if (d === undefined || d === null) push(kpiError("value", "derivedTargetMissing", { field: "target", kpi }));
    else if (push(checkKpiValue(k, "target", d))) target = d;
  } else {
    push(kpiError("value", "invalidOption", { field: "target", kpi, expected: "absolute, percentChange, derived" }));
  }

  // floor
  let floor: number | undefined;
  let floorOk = true;
  const floorRule: FloorRule = input.floor ?? (baselineGiven ? { rule: "baseline" } : { rule: "none" });
  if (floorRule.rule === "typed") {
    floorOk = push(checkKpiValue(k, "floor", floorRule.value));
    if (floorOk) floor = floorRule.value;
  } else if (floorRule.rule === "baseline") {
    const m = floorRule.multiplier ?? 1;
    floorOk = push(checkMultiplier(kpi, "floorMultiplier", m));
    if (!baselineGiven) floorOk = push(kpiError("value", "baselineRequiredForFloor", { field: "floor", kpi }));
    else if (baseline === undefined) floorOk = false;
    else if (floorOk) floor = clamp(k, "floor", scaleRelative(baseline, m), warnings);
  } else if (floorRule.rule !== "none") {
    floorOk = push(kpiError("value", "invalidOption", { field: "floor", kpi, expected: "typed, baseline, none" }));
  }

  // stretch
  let stretch: number | undefined;
  const stretchRule: StretchRule = input.stretch ?? { rule: "targetMultiple" };
  if (stretchRule.rule === "typed") {
    if (push(checkKpiValue(k, "stretch", stretchRule.value))) stretch = stretchRule.value;
  } else if (stretchRule.rule === "targetMultiple") {
    const m = stretchRule.multiplier ?? DEFAULT_STRETCH_MULTIPLIER;
    if (push(checkMultiplier(kpi, "stretchMultiplier", m)) && target !== undefined) {
      stretch = clamp(k, "stretch", improveBy(target, m, k.direction), warnings);
    }
  } else if (stretchRule.rule === "benchmark") {
    const m = stretchRule.multiplier ?? DEFAULT_STRETCH_MULTIPLIER;
    const okB = push(checkKpiValue(k, "benchmark", stretchRule.benchmark));
    if (push(checkMultiplier(kpi, "stretchMultiplier", m)) && okB) {
      stretch = clamp(k, "stretch", improveBy(stretchRule.benchmark, m, k.direction), warnings);
    }
  } else {
    push(kpiError("value", "invalidOption", { field: "stretch", kpi, expected: "typed, targetMultiple, benchmark" }));
  }

  // ordering
  if (target !== undefined && stretch !== undefined && floorOk) {
    const dir = k.direction;
    if (floor !== undefined && !atLeastAsGood(stretch, floor, dir)) {
      push(kpiError("value", "stretchBelowFloor", { field: "stretch", kpi, stretch, floor }));
    } else if (floor !== undefined && !(atLeastAsGood(target, floor, dir) && atLeastAsGood(stretch, target, dir))) {
      push(kpiError("value", "targetOutsideRange", { field: "target", kpi, target, floor, stretch }));
    } else if (floor === undefined && !atLeastAsGood(stretch, target, dir)) {
      push(kpiError("value", "stretchBelowTarget", { field: "stretch", kpi, stretch, target }));
    }
  }

  if (errors.length > 0 || target === undefined || stretch === undefined) return { result: null, errors };
  const result: ResolvedKpiTarget = { kpi: k, target, stretch, warnings };
  if (baseline !== undefined) result.baseline = baseline;
  if (floor !== undefined) result.floor = floor;
  return { result, errors };
}

/**
 * Resolves one KPI row to baseline, target, floor and stretch (rules in the module doc); throws the row's first
 * error. Use {@link validateKpiInputs} to collect every error for the pane.
 */
export function resolveKpiTarget(input: KpiTargetInput, options: TargetOptions = {}): ResolvedKpiTarget {
  const { result, errors } = resolveRow(input, options);
  if (errors.length > 0 || !result) throw errors[0];
  return result;
}

/**
 * Validates and resolves every KPI row at once without throwing: all field errors of all rows (each names its
 * `kpi` and `field` in `params`), plus `duplicateKpi` for a KPI listed twice. `results[i]` is null for rows with
 * errors.
 */
export function validateKpiInputs(inputs: readonly KpiTargetInput[], options: TargetOptions = {}): KpiInputsValidation {
  const errors: MktError[] = [];
  const warnings: KpiWarning[] = [];
  const seen = new Set<string>();
  const results = inputs.map((input) => {
    const id = String(input?.kpiId);
    if (seen.has(id)) {
      errors.push(kpiError("value", "duplicateKpi", { field: "kpi", kpi: id }));
      return null;
    }
    seen.add(id);
    const row = resolveRow(input, options);
    errors.push(...row.errors);
    if (row.result) warnings.push(...row.result.warnings);
    return row.result;
  });
  return { ok: errors.length === 0, results, errors, warnings };
}
