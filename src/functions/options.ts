/**
 * The options text of MKT.ATTRIB: `name=value` settings separated by semicolons, e.g.
 * `order=2; separator=→; direct=Direct; half_life=7; first=0.4; last=0.4; lookback=30; headers=false`.
 *
 * Names are case-insensitive (`Half-Life` = `half_life`); full-width `；` and `＝` (Chinese input) and line
 * breaks work too; a value may be quoted ("…" or '…') to hold a semicolon or keep spaces. Numbers may be
 * written as in a cell ("40%", "1,000"); booleans as TRUE/FALSE, yes/no, 1/0, 是/否. Every setting is checked
 * here, so a wrong one is reported even when the chosen model does not use it.
 */
import { MAX_ORDER } from "../core/attribution";
import { inputError, numberFromText } from "./columns";

export interface AttributionSettings {
  /** Markov order (1..MAX_ORDER). */
  order?: number;
  /** Channel separator inside path strings (default ">"). */
  separator?: string;
  /** Name of the direct channel for last_non_direct (default "Direct"). */
  direct?: string;
  /** Time-decay half-life (days for touchpoints with timestamps, else steps). */
  halfLife?: number;
  /** Time-decay unit: days (needs timestamps) or steps; default: days when timestamps exist. */
  decayUnit?: "days" | "steps";
  /** Position-based weights of the first and last touch (default 0.4 each). */
  first?: number;
  last?: number;
  /** Lookback window in days (touchpoint ranges with timestamps only). */
  lookback?: number;
  /** Whether the result has a header row (default true). */
  headers: boolean;
}

const KNOWN = ["order", "separator", "direct", "half_life", "decay_unit", "first", "last", "lookback", "headers"];

const ALIASES: Readonly<Record<string, string>> = {
  sep: "separator",
  halflife: "half_life",
  unit: "decay_unit",
  lookback_days: "lookback",
  header: "headers",
};

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "on", "是", "真"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "off", "否", "假"]);

/** Splits on unquoted separators. */
function split(text: string, isSep: (ch: string) => boolean): string[] {
  const parts: string[] = [];
  let cur = "";
  let quote = "";
  for (const ch of text) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === "“") {
      quote = "”";
      cur += ch;
    } else if (isSep(ch)) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2) {
    const a = t[0];
    const b = t[t.length - 1];
    if ((a === '"' && b === '"') || (a === "'" && b === "'") || (a === "“" && b === "”")) return t.slice(1, -1);
  }
  return t;
}

/** Parses the options text (see module doc). Blank text gives the defaults. */
export function parseAttributionOptions(text: string, arg = "options"): AttributionSettings {
  const out: AttributionSettings = { headers: true };
  const seen = new Set<string>();
  for (const raw of split(text, (ch) => ch === ";" || ch === "；" || ch === "\n" || ch === "\r")) {
    if (raw.trim() === "") continue;
    const eq = split(raw, (ch) => ch === "=" || ch === "＝");
    if (eq.length < 2 || eq[0].trim() === "") throw inputError("value", "optionSyntax", { arg, part: raw.trim() });
    const written = eq[0]
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const name = ALIASES[written] ?? written;
    if (!KNOWN.includes(name))
      throw inputError("value", "optionUnknown", { arg, name: eq[0].trim(), known: KNOWN.join(", ") });
    if (seen.has(name)) throw inputError("value", "optionDuplicate", { arg, name });
    seen.add(name);
    const value = unquote(eq.slice(1).join("="));
    const num = (): number => {
      const x = numberFromText(value);
      if (x === undefined || !Number.isFinite(x)) throw inputError("value", "optionNotNumber", { arg, name });
      return x;
    };
    const text = (): string => {
      if (value === "") throw inputError("value", "optionEmpty", { arg, name });
      return value;
    };
    switch (name) {
      case "order": {
        const x = num();
        if (!Number.isInteger(x) || x < 1 || x > MAX_ORDER) {
          throw inputError("value", "attribution.invalidOrder", { arg: "order", max: MAX_ORDER });
        }
        out.order = x;
        break;
      }
      case "separator":
        out.separator = text();
        break;
      case "direct":
        out.direct = text();
        break;
      case "half_life": {
        const x = num();
        if (!(x > 0)) throw inputError("value", "optionNotPositive", { arg, name });
        out.halfLife = x;
        break;
      }
      case "decay_unit": {
        const v = value.toLowerCase();
        if (v === "days" || v === "day" || v === "天") out.decayUnit = "days";
        else if (v === "steps" || v === "step" || v === "步") out.decayUnit = "steps";
        else throw inputError("value", "optionChoice", { arg, name, choices: "days, steps" });
        break;
      }
      case "first":
      case "last": {
        const x = num();
        if (!(x >= 0 && x <= 1)) throw inputError("value", "optionRange", { arg, name, min: 0, max: 1 });
        out[name] = x;
        break;
      }
      case "lookback": {
        const x = num();
        if (x < 0) throw inputError("value", "optionNegative", { arg, name });
        out.lookback = x;
        break;
      }
      case "headers": {
        const v = value.toLowerCase();
        if (TRUE_WORDS.has(v)) out.headers = true;
        else if (FALSE_WORDS.has(v)) out.headers = false;
        else throw inputError("value", "optionNotBoolean", { arg, name });
        break;
      }
    }
  }
  if ((out.first ?? 0.4) + (out.last ?? 0.4) > 1 + 1e-12) throw inputError("value", "optionWeights", { arg });
  return out;
}
