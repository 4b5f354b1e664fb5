/**
 * Parsing of aggregated path data as ChannelAttribution takes it: one row per path with a path string
 * ("Search > Social > Email"), a conversion count, an optional conversion value and an optional null
 * (non-converting) count.
 *
 * Conventions (as in ChannelAttribution 2.1.7, `heuristic_models` / `markov_model`): the path is split on the
 * separator (default ">", any non-empty string such as "→" works), spaces around channel names are ignored,
 * empty pieces ("a > > b", a trailing ">") are skipped; channel names are case-sensitive and any Unicode text
 * ("搜索 > 社交") is welcome. Rows whose channel sequences are equal after this are aggregated (counts summed).
 */
import { PathBuilder } from "./builder";
import { PathTokenizer } from "./tokenize";
import { attributionError, countAt, sameLength } from "./messages";
import type { PathData } from "./types";

/** Column-wise path data, e.g. the columns of an Excel range. Cells are numbers, text, booleans or blanks. */
export interface PathColumns {
  paths: ArrayLike<unknown>;
  conversions: ArrayLike<unknown>;
  /** Total conversion value of the row (blank = 0). */
  values?: ArrayLike<unknown>;
  /** Non-converting journeys with this path (blank = 0). */
  nulls?: ArrayLike<unknown>;
}

export interface ParseOptions {
  /** Channel separator inside a path string; default ">". */
  separator?: string;
}

function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

/**
 * Parses and aggregates path rows into {@link PathData}.
 *
 * One pass over the rows; each distinct path string is split once (a Map caches string → distinct path), so
 * repeated strings cost one hash lookup. Rows whose path and counts are all blank are skipped (trailing empty
 * rows of a range). Row numbers in errors are 1-based positions in the given columns.
 * @throws MktError value: no rows; columns of different lengths; a path that is blank or only separators
 *   (`emptyPath`); a count that is not a number (`notANumber`; blank conversions included) or negative;
 *   a value on a row without conversions; an empty separator.
 */
export function parsePaths(input: PathColumns, options: ParseOptions = {}): PathData {
  const sep = options.separator ?? ">";
  if (typeof sep !== "string" || sep.length === 0)
    throw attributionError("value", "emptySeparator", { arg: "separator" });
  const { paths, conversions, values, nulls } = input;
  const n = paths.length;
  sameLength(conversions, "conversions", n, "paths");
  sameLength(values, "values", n, "paths");
  sameLength(nulls, "nulls", n, "paths");

  const b = new PathBuilder();
  const cache = new Map<string, number>(); // raw path string → distinct path
  const tokenizer = new PathTokenizer(sep, b);
  const ids: number[] = [];
  let rows = 0;

  // a path string not seen before: split it (no per-channel allocation) and find / add its distinct path
  const intern = (s: string): number => {
    const len = tokenizer.split(s, ids);
    return len === 0 ? -1 : b.pathId(ids, len);
  };

  for (let i = 0; i < n; i++) {
    const s = paths[i];
    let p: number | undefined;
    if (typeof s === "string") {
      p = cache.get(s);
      if (p === undefined) {
        p = intern(s);
        if (p >= 0) cache.set(s, p);
      }
    } else if (typeof s === "number" && Number.isFinite(s)) {
      p = intern(String(s));
    } else if (s !== null && s !== undefined) {
      throw attributionError("value", "pathNotText", { arg: "paths", row: i + 1 });
    } else {
      p = -1;
    }
    if (p < 0) {
      if (isBlank(s) && isBlank(conversions[i]) && isBlank(values?.[i]) && isBlank(nulls?.[i])) continue;
      throw attributionError("value", "emptyPath", { arg: "paths", row: i + 1 });
    }
    const c = countAt(conversions[i], "conversions", i);
    const v = values ? countAt(values[i], "values", i, 0) : 0;
    const u = nulls ? countAt(nulls[i], "nulls", i, 0) : 0;
    if (v > 0 && c === 0) throw attributionError("value", "valueWithoutConversions", { arg: "values", row: i + 1 });
    b.add(p, c, v, u);
    rows++;
  }
  if (rows === 0) throw attributionError("value", "noRows", { arg: "paths" });
  return b.build(values !== undefined, nulls !== undefined, rows);
}

/**
 * Builds {@link PathData} from paths given as arrays of channel names (already split), with the same
 * aggregation and validation as {@link parsePaths}. Names are trimmed; empty names are skipped.
 */
export function pathsFromSequences(
  sequences: ReadonlyArray<ReadonlyArray<string>>,
  conversions: ArrayLike<unknown>,
  values?: ArrayLike<unknown>,
  nulls?: ArrayLike<unknown>,
): PathData {
  const n = sequences.length;
  sameLength(conversions, "conversions", n, "paths");
  sameLength(values, "values", n, "paths");
  sameLength(nulls, "nulls", n, "paths");
  if (n === 0) throw attributionError("value", "noRows", { arg: "paths" });
  const b = new PathBuilder();
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    let len = 0;
    for (const raw of sequences[i]) {
      const name = String(raw).trim();
      if (name !== "") ids[len++] = b.channelId(name);
    }
    if (len === 0) throw attributionError("value", "emptyPath", { arg: "paths", row: i + 1 });
    const c = countAt(conversions[i], "conversions", i);
    const v = values ? countAt(values[i], "values", i, 0) : 0;
    const u = nulls ? countAt(nulls[i], "nulls", i, 0) : 0;
    if (v > 0 && c === 0) throw attributionError("value", "valueWithoutConversions", { arg: "values", row: i + 1 });
    b.add(b.pathId(ids, len), c, v, u);
  }
  return b.build(values !== undefined, nulls !== undefined, n);
}

/** Channel names of distinct path `p` of `data`, in touch order (for listing the aggregated paths). */
export function pathChannelNames(data: PathData, p: number): string[] {
  const out: string[] = [];
  for (let j = data.pathOffsets[p]; j < data.pathOffsets[p + 1]; j++) out.push(data.channels[data.pathChannels[j]]);
  return out;
}
