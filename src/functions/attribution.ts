/**
 * MKT.ATTRIB and MKT.PATHS: multi-touch attribution (src/core/attribution/) on ranges as Excel passes them.
 *
 * MKT.ATTRIB reads either aggregated paths (a column of path strings, with conversions and optional values and
 * nulls columns) or a 4-column touchpoint range (journey id, timestamp, channel, value); MKT.PATHS turns
 * touchpoint columns into aggregated paths. In a touchpoint value column a number > 0 is a conversion worth
 * that value and TRUE a conversion without a value. Whole-column references are trimmed from the end before
 * any per-row work, a header row is skipped, errors name the argument and the row of the range.
 *
 * Errors of the attribution core are re-keyed "attribution.<key>" (see i18n/errors.en.ts).
 */
import {
  firstTouch,
  lastNonDirect,
  lastTouch,
  linear,
  markovModel,
  parsePaths,
  pathChannelNames,
  pathsFromTouchpoints,
  positionBased,
  shapley,
  timeDecay,
  type AttributionResult,
  type PathData,
} from "../core/attribution";
import { isBlank, isOmitted, optionalNumber, optionalText, toGrid, type Cell } from "./cells";
import {
  inputError,
  numberFromText,
  propagateErrors,
  readColumns,
  relabelCoreErrors,
  type ColumnSpec,
  type Relabel,
} from "./columns";
import { safelyGrid, toExcelError } from "./errors";
import { ATTRIBUTION_KEY_PREFIX } from "./i18n/errors.en";
import { parseAttributionOptions, type AttributionSettings } from "./options";
import { labels, outCell } from "./spill";

export type ModelName =
  "first" | "last" | "last_non_direct" | "linear" | "position" | "time_decay" | "markov" | "shapley";

/** The models of "all", in column order. */
export const MODELS: readonly ModelName[] = [
  "first",
  "last",
  "last_non_direct",
  "linear",
  "position",
  "time_decay",
  "markov",
  "shapley",
];

/** Default model of MKT.ATTRIB: data-driven (Markov chain removal effects, order 1). */
export const DEFAULT_MODEL: ModelName = "markov";

const MODEL_WORDS: Readonly<Record<string, ModelName | "all">> = {
  first: "first",
  first_touch: "first",
  首次: "first",
  首次触点: "first",
  首次接觸: "first",
  last: "last",
  last_touch: "last",
  末次: "last",
  末次触点: "last",
  最終接觸: "last",
  last_non_direct: "last_non_direct",
  last_non_direct_click: "last_non_direct",
  lastnondirect: "last_non_direct",
  末次非直接: "last_non_direct",
  最終非直接: "last_non_direct",
  linear: "linear",
  线性: "linear",
  線性: "linear",
  position: "position",
  position_based: "position",
  u_shaped: "position",
  位置: "position",
  time_decay: "time_decay",
  timedecay: "time_decay",
  时间衰减: "time_decay",
  時間衰減: "time_decay",
  markov: "markov",
  马尔可夫: "markov",
  馬可夫: "markov",
  shapley: "shapley",
  all: "all",
  全部: "all",
};

/** The model argument: blank or omitted → {@link DEFAULT_MODEL}. */
export function modelArg(v: unknown): ModelName | "all" {
  const word = optionalText(v, "model", DEFAULT_MODEL)
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const m = Object.prototype.hasOwnProperty.call(MODEL_WORDS, word) ? MODEL_WORDS[word] : undefined;
  if (!m) throw inputError("value", "unknownModel", { arg: "model" });
  return m;
}

function coreErrors(names: Readonly<Record<string, string>>, rowOffset = 0): Relabel {
  return { names, rowOffset, keyPrefix: ATTRIBUTION_KEY_PREFIX };
}

/** Splits a touchpoint value column into values (numbers, blanks) and conversion markers (TRUE/FALSE). */
function valuesAndMarkers(
  cells: readonly Cell[],
  markers: readonly Cell[] | undefined,
): { values: Cell[]; markers: Cell[] | undefined } {
  const n = cells.length;
  const values = new Array<Cell>(n);
  let out: Cell[] | undefined = markers ? markers.slice() : undefined;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (typeof v === "boolean") {
      out ??= new Array<Cell>(n).fill(null);
      out[i] = v;
      values[i] = null;
    } else if (typeof v === "string") {
      values[i] = numberFromText(v) ?? (v.trim() === "" ? null : v);
    } else values[i] = v;
  }
  return { values, markers: out };
}

interface TouchpointArgs {
  journeys: Cell[];
  timestamps: Cell[];
  channels: Cell[];
  values: Cell[] | undefined;
  markers: Cell[] | undefined;
  start: number;
}

/** Touchpoint columns → paths; `names` maps the core's argument names to the user's. */
function touchpointPaths(t: TouchpointArgs, lookback: number | undefined, names: Record<string, string>): PathData {
  const hasTime = t.timestamps.some((x) => !isBlank(x));
  const split = t.values ? valuesAndMarkers(t.values, t.markers) : { values: undefined, markers: t.markers };
  return relabelCoreErrors(coreErrors(names, t.start), () =>
    pathsFromTouchpoints(
      {
        journeys: t.journeys,
        channels: t.channels,
        timestamps: hasTime ? t.timestamps : undefined,
        values: split.values,
        conversions: split.markers,
      },
      { lookbackDays: lookback },
    ),
  );
}

/** A 4-column range, unless it is a single row of paths matched by a single row of conversions. */
function isTouchpointRange(paths: unknown, conversions: unknown): boolean {
  const g = toGrid(paths);
  if (g.length === 0 || g[0].length !== 4) return false;
  if (g.length > 1) return true;
  const c = toGrid(conversions);
  return !(c.length === 1 && c[0].length === 4);
}

const TOUCHPOINT_NAMES: Record<string, string> = {
  journeys: "paths (journey id)",
  timestamps: "paths (timestamp)",
  channels: "paths (channel)",
  values: "paths (value)",
  conversions: "conversions",
  lookbackDays: "lookback",
};

const PATH_NAMES: Record<string, string> = {
  paths: "paths",
  conversions: "conversions",
  values: "values",
  nulls: "nulls",
  separator: "separator",
};

interface Input {
  data: PathData;
  settings: AttributionSettings;
  model: ModelName | "all";
}

function readAttributionInput(
  paths: unknown,
  conversions: unknown,
  model: unknown,
  values: unknown,
  nulls: unknown,
  options: unknown,
): Input {
  const g = toGrid(paths);
  if (isTouchpointRange(paths, conversions)) {
    const col = (name: string, column: number, kind: ColumnSpec["kind"]): ColumnSpec => ({
      name,
      value: paths,
      column,
      kind,
    });
    const t = readColumns([
      col("paths (journey id)", 0, "text"),
      col("paths (timestamp)", 1, "date"),
      col("paths (channel)", 2, "text"),
      col("paths (value)", 3, "raw"),
      { name: "conversions", value: conversions, optional: true, kind: "raw" },
    ]);
    propagateErrors(model, values, nulls, options);
    if (!isOmitted(values)) throw inputError("value", "argNotUsedWithTouchpoints", { arg: "values" });
    if (!isOmitted(nulls)) throw inputError("value", "argNotUsedWithTouchpoints", { arg: "nulls" });
    const m = modelArg(model);
    const settings = parseAttributionOptions(optionalText(options, "options", ""));
    const [journeys, timestamps, channels, vals, markers] = t.cells;
    const data = touchpointPaths(
      {
        journeys: journeys!,
        timestamps: timestamps!,
        channels: channels!,
        values: vals,
        markers,
        start: t.start,
      },
      settings.lookback,
      TOUCHPOINT_NAMES,
    );
    return { data, settings, model: m };
  }
  if (g.length > 1 && g[0].length > 1) {
    throw inputError("value", "pathsShape", { arg: "paths", columns: g[0].length });
  }
  const t = readColumns([
    { name: "paths", value: paths, kind: "text" },
    { name: "conversions", value: conversions, kind: "number", optional: true },
    { name: "values", value: values, kind: "number", optional: true },
    { name: "nulls", value: nulls, kind: "number", optional: true },
  ]);
  propagateErrors(model, options);
  const [p, c, v, u] = t.cells;
  if (t.rows === 0) throw inputError("value", ATTRIBUTION_KEY_PREFIX + "noRows", { arg: "paths" });
  if (!c) throw inputError("value", "conversionsRequired", { arg: "conversions" });
  const m = modelArg(model);
  const settings = parseAttributionOptions(optionalText(options, "options", ""));
  if (settings.lookback !== undefined) {
    throw inputError("value", ATTRIBUTION_KEY_PREFIX + "lookbackWithoutTimestamps", { arg: "lookback" });
  }
  const data = relabelCoreErrors(coreErrors(PATH_NAMES, t.start), () =>
    parsePaths({ paths: p!, conversions: c, values: v, nulls: u }, { separator: settings.separator }),
  );
  return { data, settings, model: m };
}

const OPTION_NAMES: Record<string, string> = {
  halfLife: "half_life",
  "time decay": "time_decay",
  unit: "decay_unit",
};

/** Runs one model with the settings of the options text. */
export function runModel(model: ModelName, data: PathData, s: AttributionSettings): AttributionResult {
  return relabelCoreErrors(coreErrors(OPTION_NAMES), () => {
    switch (model) {
      case "first":
        return firstTouch(data);
      case "last":
        return lastTouch(data);
      case "last_non_direct":
        return lastNonDirect(data, { direct: s.direct });
      case "linear":
        return linear(data);
      case "position":
        return positionBased(data, { first: s.first, last: s.last });
      case "time_decay":
        return timeDecay(data, { halfLife: s.halfLife, unit: s.decayUnit });
      case "markov":
        return markovModel(data, { order: s.order });
      case "shapley":
        return shapley(data);
    }
  });
}

export function attribCells(
  paths: unknown,
  conversions: unknown,
  model: unknown,
  values: unknown,
  nulls: unknown,
  options: unknown,
): unknown[][] {
  return safelyGrid(() => {
    const { data, settings, model: m } = readAttributionInput(paths, conversions, model, values, nulls, options);
    const L = labels().attribution;
    const out: unknown[][] = [];
    if (m === "all") {
      const columns = MODELS.map((name): readonly unknown[] => {
        try {
          return runModel(name, data, settings).conversions;
        } catch (e) {
          // Models are independent columns: one that cannot run shows its error, the others their results.
          return new Array<unknown>(data.channels.length).fill(toExcelError(e));
        }
      });
      if (settings.headers) out.push([L.channel, ...MODELS.map((name) => L.models[name])]);
      data.channels.forEach((ch, i) => out.push([ch, ...columns.map((col) => outCell(col[i]))]));
      return out;
    }
    const r = runModel(m, data, settings);
    if (settings.headers) out.push([L.channel, L.conversions, L.value, L.share]);
    for (let i = 0; i < r.channels.length; i++) {
      out.push([
        r.channels[i],
        outCell(r.conversions[i]),
        data.hasValue ? outCell(r.value[i]) : "",
        outCell(r.share[i]),
      ]);
    }
    return out;
  });
}

/** " > " between channel names, or the first of →, |, » that no channel name contains (then give separator=…). */
export function pathSeparator(channels: readonly string[]): string {
  if (!channels.some((c) => c.includes(">"))) return " > ";
  for (const s of ["→", "|", "»"]) if (!channels.some((c) => c.includes(s))) return ` ${s} `;
  return " > ";
}

export function pathsCells(
  journeyIds: unknown,
  timestamps: unknown,
  channels: unknown,
  values: unknown,
  lookbackDays: unknown,
): unknown[][] {
  return safelyGrid(() => {
    const t = readColumns([
      { name: "journey_ids", value: journeyIds, kind: "text" },
      { name: "timestamps", value: timestamps, kind: "date", optional: true },
      { name: "channels", value: channels, kind: "text" },
      { name: "values", value: values, kind: "raw", optional: true },
    ]);
    propagateErrors(lookbackDays);
    const lookback = optionalNumber(lookbackDays, "lookback_days", NaN);
    const [journeys, times, chans, vals] = t.cells;
    if (t.rows === 0) throw inputError("value", ATTRIBUTION_KEY_PREFIX + "noRows", { arg: "journey_ids" });
    const data = touchpointPaths(
      {
        journeys: journeys!,
        timestamps: times ?? new Array<Cell>(t.rows).fill(null),
        channels: chans!,
        values: vals,
        markers: undefined,
        start: t.start,
      },
      Number.isNaN(lookback) ? undefined : lookback,
      {
        journeys: "journey_ids",
        timestamps: "timestamps",
        channels: "channels",
        values: "values",
        conversions: "values",
        lookbackDays: "lookback_days",
      },
    );
    const L = labels().attribution;
    const sep = pathSeparator(data.channels);
    const out: unknown[][] = [[L.path, L.conversions, L.value, L.nulls]];
    for (let p = 0; p < data.pathCount; p++) {
      out.push([pathChannelNames(data, p).join(sep), data.conversions[p], data.values[p], data.nulls[p]]);
    }
    return out;
  });
}
