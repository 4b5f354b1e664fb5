/**
 * "Prepare for sharing", the pure part: finds the MKT.* calls in a formula and rewrites each one that has a
 * built-in equivalent into native Excel arithmetic, so a workbook keeps calculating for people who do not have
 * MarketKit (a custom function shows #NAME? there).
 *
 * Formulas are English A1 formulas with comma separators, as Office.js `Range.formulas` returns them. The
 * tokenizer understands string literals ("a ""quoted"" word"), sheet-qualified references (Sheet1!A1,
 * 'Bob''s data'!A1:B2, 预算!A1), structured references (Table1[[#This Row],[Revenue]]), array constants
 * ({1,2;3,4}), error literals and nested parentheses; a comma separates arguments only at depth 0 of a call
 * (inside (A1,B1) it is Excel's union operator).
 *
 * What is rewritten (every call as one fully parenthesized expression, inner MKT calls first):
 *   MKT.ROI(rev, cost, [margin])        → ((rev*margin-cost)/cost)
 *   MKT.ROAS(rev, cost)                 → (rev/cost)
 *   MKT.CAC(spend, new_customers)       → (spend/new_customers)
 *   MKT.PAYBACK(cac, arpu, [margin])    → (cac/(arpu*margin))
 *   MKT.LTV(arpu, margin, retention, [discount_rate], [periods]), "first period is paid" (src/core/ltv.ts),
 *     with M = arpu*margin, only when retention is a single value:
 *       no periods:   M/((1+d-r)/(1+d))                     (M/(1-r) without a discount rate)
 *       periods N:    IF(N=0,0,IF(1+d-r=0,M*N,M*(1-(r/(1+d))^N)/((1+d-r)/(1+d))))
 *     the same arithmetic, in the same order, as the core (q = 1 gives M·N; N = 0 gives 0, avoiding 0^0).
 * MarketKit's own argument rules are reproduced where they decide a value for valid input:
 *   - an omitted or empty optional argument (=MKT.ROI(A1,B1,)) uses its default; an optional argument that is a
 *     cell (or any non-literal) which turns out blank also uses its default: IF(D2="",1,D2);
 *   - a row where every required argument is blank gives "" (not #DIV/0!): IF((B2="")*(C2=""),"",…), left out
 *     when a required argument is a number literal or arithmetic and so can never be blank;
 *   - ranges work element by element: Excel's array arithmetic broadcasts exactly as MarketKit does (one row or
 *     column repeats, #N/A outside a smaller range), and in dynamic-array Excel the result spills. One difference
 *     remains: MarketKit drops the rows after the last one where a required range has data, the native formula
 *     computes them ("" where every required input is blank, but a value or #N/A where a single value is combined
 *     with those blank rows or the ranges differ in length); src/excel/share.ts compares the real results and
 *     freezes such a cell instead.
 * Not reproduced (documented in docs/functions.md): MarketKit's validation (negative cost, margin outside [0, 1],
 * retention outside [0, 1], a whole number of periods) — the native formula computes whatever the inputs give,
 * and Excel's own errors (#DIV/0!, #VALUE! for text) still appear; numbers typed as text with thousands
 * separators or "%" are read by MarketKit but not always by Excel arithmetic.
 *
 * Not rewritable (the caller freezes these as values):
 *   - "noEquivalent": every other MKT function (CLV, CLVFIT, ATTRIB, PATHS, ABTEST, SAMPLESIZE, COHORT,
 *     RETENTION, CHURN, …), and calls whose arguments have no faithful native form: a whole-column reference
 *     (B:B), which MarketKit trims to the last row with data while native arithmetic would spill to row 1,048,576;
 *   - "retentionCurve": MKT.LTV whose retention is not provably one value — a range (read as a survival curve
 *     when ARPU and margin are single values), a spill reference, a defined name or a function call; a number, a
 *     single cell, or arithmetic of those is fine (ARPU, margin, discount rate and periods may be ranges: with
 *     one retention value MKT.LTV works element-wise, like the native arithmetic);
 *   - "unparseable": the formula cannot be tokenized (unbalanced parentheses or quotes), or an MKT call has the
 *     wrong number of arguments or leaves a required one empty.
 * Nested calls: inner calls are rewritten first; if any MKT call in a formula is not rewritable, the whole formula
 * is not (a cell is either rewritten or frozen, never half of each).
 */

export type TokenKind =
  | "string" // "text" with "" escapes
  | "number" // 12, 1.5, .5, 1E-3 (unsigned)
  | "error" // #N/A, #DIV/0!, …
  | "operand" // a reference, name or boolean: A1, $B$2:C9, 'My Sheet'!A1, Table1[Col], A1#, TRUE
  | "array" // {1,2;3,4}
  | "func" // a function name with its opening parenthesis: "SUM(", "MKT.ROI("
  | "open" // a grouping parenthesis
  | "close"
  | "sep" // a comma
  | "op" // + - * / ^ & % @ = <> <= >= < >
  | "space";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Offsets into the formula, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface MktCall {
  /** Upper case, as Excel shows it: "MKT.ROI". */
  readonly name: string;
  /** Argument texts as written, trimmed; "" for an empty argument; [] for a call with no arguments. */
  readonly args: readonly string[];
  readonly argSpans: readonly Span[];
  /** From the first letter of the name to the closing parenthesis. */
  readonly span: Span;
  /** How many MKT calls enclose this one (0 = outermost). */
  readonly depth: number;
}

export type RewriteFailure = "noEquivalent" | "retentionCurve" | "unparseable";

export type RewriteResult =
  { readonly native: string } | { readonly reason: RewriteFailure; readonly functions: readonly string[] };

/** MKT functions with a native equivalent (for arguments that allow it, see the module doc). */
export const REWRITABLE_FUNCTIONS: readonly string[] = ["MKT.ROI", "MKT.ROAS", "MKT.CAC", "MKT.PAYBACK", "MKT.LTV"];

export class FormulaSyntaxError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(`${message} (at ${at})`);
    this.name = "FormulaSyntaxError";
    this.at = at;
  }
}

// ---------------------------------------------------------------- tokenizer

const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)/i;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
/** Characters that may continue a reference or name: letters of any script, digits, _ . $ : ! # \ ? */
const RUN_CHAR = /[\p{L}\p{N}_.$:!#\\?]/u;

function isRunChar(ch: string | undefined): boolean {
  return ch !== undefined && RUN_CHAR.test(ch);
}

/**
 * Splits a formula into tokens. A leading "=" is skipped (offsets still count it). Throws
 * {@link FormulaSyntaxError} for an unterminated string, quoted sheet name, bracket or array constant.
 */
export function tokenize(formula: string): Token[] {
  const s = formula;
  const out: Token[] = [];
  let i = s.startsWith("=") ? 1 : 0;
  const push = (kind: TokenKind, start: number, end: number) =>
    out.push({ kind, text: s.slice(start, end), start, end });

  /** Reads a [...] group with nesting; ' escapes the next character (structured references). */
  const bracket = (at: number): number => {
    let depth = 0;
    for (let j = at; j < s.length; j++) {
      const ch = s[j];
      if (ch === "'") j++;
      else if (ch === "[") depth++;
      else if (ch === "]" && --depth === 0) return j + 1;
    }
    throw new FormulaSyntaxError("unterminated [", at);
  };
  /** Reads the rest of a reference or name from `at`. */
  const run = (at: number): number => {
    let j = at;
    for (;;) {
      if (s[j] === "[") j = bracket(j);
      else if (isRunChar(s[j])) j++;
      else return j;
    }
  };
  /** An operand ends here; a following "(" makes it a function call. */
  const operandOrFunc = (start: number, end: number) => {
    if (s[end] === "(") {
      push("func", start, end + 1);
      return end + 1;
    }
    push("operand", start, end);
    return end;
  };

  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError("unterminated string", i);
        if (s[j] === '"') {
          if (s[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      push("string", i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      // 'Sheet name'!A1 (also 'Sheet1:Sheet3'!A1 and '[Book.xlsx]Sheet'!A1)
      let j = i + 1;
      for (;;) {
        if (j >= s.length) throw new FormulaSyntaxError("unterminated sheet name", i);
        if (s[j] === "'") {
          if (s[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      if (s[j + 1] !== "!") throw new FormulaSyntaxError("a quoted sheet name must be followed by !", j + 1);
      i = operandOrFunc(i, run(j + 1));
    } else if (ch === "{") {
      let j = i + 1;
      while (j < s.length && s[j] !== "}") {
        if (s[j] === '"') {
          j++;
          while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
        }
        j++;
      }
      if (j >= s.length) throw new FormulaSyntaxError("unterminated array constant", i);
      push("array", i, j + 1);
      i = j + 1;
    } else if (ch === "#" && ERROR_LITERAL.test(s.slice(i))) {
      const m = ERROR_LITERAL.exec(s.slice(i))!;
      push("error", i, i + m[0].length);
      i += m[0].length;
    } else if (/[0-9.]/.test(ch) && NUMBER.test(s.slice(i))) {
      const m = NUMBER.exec(s.slice(i))!;
      const end = i + m[0].length;
      // "1:3" (whole rows) and the like continue as a reference.
      if (isRunChar(s[end]) || s[end] === "[") i = operandOrFunc(i, run(i));
      else {
        push("number", i, end);
        i = end;
      }
    } else if (isRunChar(ch) || ch === "[") {
      i = operandOrFunc(i, run(i));
    } else if (ch === "(") {
      push("open", i, i + 1);
      i++;
    } else if (ch === ")") {
      push("close", i, i + 1);
      i++;
    } else if (ch === ",") {
      push("sep", i, i + 1);
      i++;
    } else if (ch === "<" || ch === ">") {
      const two = s.slice(i, i + 2);
      const len = two === "<>" || two === "<=" || two === ">=" ? 2 : 1;
      push("op", i, i + len);
      i += len;
    } else if ("+-*/^&%@=".includes(ch)) {
      push("op", i, i + 1);
      i++;
    } else if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < s.length && /\s/.test(s[j])) j++;
      push("space", i, j);
      i = j;
    } else {
      throw new FormulaSyntaxError(`unexpected character ${JSON.stringify(ch)}`, i);
    }
  }
  return out;
}

// ---------------------------------------------------------------- calls

interface Frame {
  readonly call: boolean;
  readonly name: string;
  readonly start: number;
  argStart: number;
  readonly args: Span[];
  readonly mktDepth: number;
}

const MKT_NAME = /^MKT\.[\p{L}\p{N}_.]+$/iu;

function trimSpan(s: string, sp: Span): Span {
  let { start, end } = sp;
  while (start < end && /\s/.test(s[start])) start++;
  while (end > start && /\s/.test(s[end - 1])) end--;
  return { start, end };
}

/**
 * The MKT calls in a formula, outer calls before the calls nested in them (ordered by position). Function names
 * are matched case-insensitively; text inside string literals never counts. Throws {@link FormulaSyntaxError}
 * when the formula cannot be tokenized or its parentheses do not balance.
 */
export function findMktCalls(formula: string): MktCall[] {
  return parseCalls(formula, tokenize(formula));
}

function parseCalls(formula: string, tokens: readonly Token[]): MktCall[] {
  const calls: MktCall[] = [];
  const stack: Frame[] = [];
  let mktDepth = 0;
  for (const t of tokens) {
    if (t.kind === "func") {
      const name = t.text.slice(0, -1);
      const isMkt = MKT_NAME.test(name);
      stack.push({ call: isMkt, name: name.toUpperCase(), start: t.start, argStart: t.end, args: [], mktDepth });
      if (isMkt) mktDepth++;
    } else if (t.kind === "open") {
      stack.push({ call: false, name: "", start: t.start, argStart: t.end, args: [], mktDepth });
    } else if (t.kind === "sep") {
      const top = stack[stack.length - 1];
      if (!top) throw new FormulaSyntaxError("a comma outside any function", t.start);
      top.args.push({ start: top.argStart, end: t.start });
      top.argStart = t.end;
    } else if (t.kind === "close") {
      const top = stack.pop();
      if (!top) throw new FormulaSyntaxError("unbalanced )", t.start);
      if (top.call) {
        mktDepth--;
        const last = { start: top.argStart, end: t.start };
        const spans =
          top.args.length === 0 && formula.slice(last.start, last.end).trim() === "" ? [] : [...top.args, last];
        const argSpans = spans.map((sp) => trimSpan(formula, sp));
        calls.push({
          name: top.name,
          args: argSpans.map((sp) => formula.slice(sp.start, sp.end)),
          argSpans,
          span: { start: top.start, end: t.end },
          depth: top.mktDepth,
        });
      }
    }
  }
  if (stack.length > 0) throw new FormulaSyntaxError("unbalanced (", stack[stack.length - 1].start);
  return calls.sort((a, b) => a.span.start - b.span.start);
}

/** True when the text looks like a formula with an MKT call (also for formulas that do not tokenize). */
export function hasMktCall(formula: unknown): formula is string {
  if (typeof formula !== "string" || !formula.startsWith("=") || !/MKT\./i.test(formula)) return false;
  try {
    return findMktCalls(formula).length > 0;
  } catch {
    return MKT_CALL_TEXT.test(formula);
  }
}

const MKT_CALL_TEXT = /MKT\.[\p{L}\p{N}_.]+\s*\(/iu;

// ---------------------------------------------------------------- argument analysis

const SHEET_PREFIX = String.raw`(?:(?:'(?:[^']|'')+'|[^\s'!:()]+)!)?`;
const SINGLE_CELL = new RegExp(String.raw`^${SHEET_PREFIX}\$?([A-Za-z]{1,3})\$?(\d{1,7})$`);
const WHOLE_COLUMN = new RegExp(String.raw`^${SHEET_PREFIX}\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$`);
const MAX_COL = 16384; // XFD
const MAX_ROW = 1048576;

function isSingleCell(ref: string): boolean {
  const m = SINGLE_CELL.exec(ref);
  if (!m) return false;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return col <= MAX_COL && row >= 1 && row <= MAX_ROW;
}

interface Arg {
  /** Non-space tokens of the argument, in the original formula. */
  readonly tokens: readonly Token[];
  /** The argument's text with inner MKT calls already rewritten. */
  readonly text: string;
}

const solid = (tokens: readonly Token[], span: Span) =>
  tokens.filter((t) => t.kind !== "space" && t.start >= span.start && t.end <= span.end);

/** An unsigned number literal, or a sign followed by one. */
function numberLiteral(a: Arg): number | undefined {
  const t = a.tokens;
  if (t.length === 1 && t[0].kind === "number") return Number(t[0].text);
  if (t.length === 2 && t[0].kind === "op" && (t[0].text === "-" || t[0].text === "+") && t[1].kind === "number") {
    return (t[0].text === "-" ? -1 : 1) * Number(t[1].text);
  }
  return undefined;
}

/** Index of the token closing the call or group opened at `open`. */
function closing(t: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i].kind === "func" || t[i].kind === "open") depth++;
    else if (t[i].kind === "close" && --depth === 0) return i;
  }
  return -1;
}

/** Needs no parentheses wherever it is put: one operand, one call, or one parenthesized group. */
function isAtomic(a: Arg): boolean {
  const t = a.tokens;
  if (t.length === 1) return ["number", "operand", "string", "error", "array"].includes(t[0].kind);
  return t.length > 1 && (t[0].kind === "func" || t[0].kind === "open") && closing(t, 0) === t.length - 1;
}

/** Tokens outside any parentheses. */
function topLevel(t: readonly Token[]): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const x of t) {
    if (x.kind === "func" || x.kind === "open") depth++;
    else if (x.kind === "close") depth--;
    else if (depth === 0) out.push(x);
  }
  return out;
}

/** Arithmetic of numbers always gives a number (or an error), never a blank. */
function neverBlank(a: Arg): boolean {
  if (numberLiteral(a) !== undefined) return true;
  const top = topLevel(a.tokens);
  return top.some((x) => x.kind === "op" && "+-*/^%".includes(x.text)) && !top.some((x) => x.text === "&");
}

/** One cell: A1, Sheet1!$B$2, or this row of a table column (Table1[@Retention]). */
function isSingleCellOperand(x: Token): boolean {
  return x.kind === "operand" && (isSingleCell(x.text) || /\[@|\[#This Row\]/i.test(x.text));
}

/** A number, a single cell, or arithmetic of those: certainly one value, never a range. */
function isSingleValued(a: Arg): boolean {
  return (
    a.tokens.length > 0 &&
    a.tokens.every(
      (x) =>
        x.kind === "number" ||
        x.kind === "open" ||
        x.kind === "close" ||
        (x.kind === "op" && "+-*/^%".includes(x.text)) ||
        isSingleCellOperand(x),
    )
  );
}

const hasWholeColumn = (a: Arg) => a.tokens.some((x) => x.kind === "operand" && WHOLE_COLUMN.test(x.text));

/** The argument as an operand of arithmetic. */
function operand(a: Arg): string {
  return isAtomic(a) ? a.text : `(${a.text})`;
}

function formatNumber(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

/** An optional argument: its default when omitted, and also when its value turns out blank. */
function optional(a: Arg | undefined, fallback: number): string {
  if (a === undefined || a.tokens.length === 0) return formatNumber(fallback);
  const lit = numberLiteral(a);
  if (lit !== undefined) return isAtomic(a) ? a.text : `(${a.text})`;
  const x = operand(a);
  return neverBlank(a) ? x : `IF(${x}="",${formatNumber(fallback)},${x})`;
}

/** MarketKit leaves a row blank when every required argument is blank there. */
function blankGuard(required: readonly Arg[], expr: string): string {
  if (required.some(neverBlank)) return expr;
  const test = required.map((a) => `(${operand(a)}="")`).join("*");
  return `IF(${test},"",${expr})`;
}

type Built = { native: string } | { reason: RewriteFailure };

interface Rule {
  readonly min: number;
  readonly max: number;
  readonly build: (a: readonly (Arg | undefined)[]) => Built;
}

const RULES: Record<string, Rule> = {
  "MKT.ROI": {
    min: 2,
    max: 3,
    build: ([rev, cost, margin]) => {
      const m = optional(margin, 1);
      const gain = m === "1" ? operand(rev!) : `${operand(rev!)}*${m}`;
      return { native: `(${blankGuard([rev!, cost!], `(${gain}-${operand(cost!)})/${operand(cost!)}`)})` };
    },
  },
  "MKT.ROAS": {
    min: 2,
    max: 2,
    build: ([rev, cost]) => ({ native: `(${blankGuard([rev!, cost!], `${operand(rev!)}/${operand(cost!)}`)})` }),
  },
  "MKT.CAC": {
    min: 2,
    max: 2,
    build: ([spend, n]) => ({ native: `(${blankGuard([spend!, n!], `${operand(spend!)}/${operand(n!)}`)})` }),
  },
  "MKT.PAYBACK": {
    min: 2,
    max: 3,
    build: ([cac, arpu, margin]) => {
      const m = optional(margin, 1);
      const per = m === "1" ? operand(arpu!) : `(${operand(arpu!)}*${m})`;
      return { native: `(${blankGuard([cac!, arpu!], `${operand(cac!)}/${per}`)})` };
    },
  },
  "MKT.LTV": {
    min: 3,
    max: 5,
    build: ([arpu, margin, retention, discount, periods]) => {
      // A retention range is a survival curve when ARPU and margin are single values (src/functions/ltv.ts);
      // with one retention value every argument is element-wise, exactly like the arithmetic below.
      if (!isSingleValued(retention!)) return { reason: "retentionCurve" };
      const mm = `(${operand(arpu!)}*${operand(margin!)})`;
      const r = operand(retention!);
      const hasD = discount !== undefined && discount.tokens.length > 0;
      const d = hasD ? optional(discount, 0) : "0";
      // Exactly the core's arithmetic: q = r/(1+d), 1 − q = (1+d−r)/(1+d); without d these are r and 1−r.
      const den = hasD ? `(1+${d}-${r})` : `(1-${r})`;
      const oneMinusQ = hasD ? `(${den}/(1+${d}))` : den;
      const q = hasD ? `(${r}/(1+${d}))` : r;
      const infinite = `${mm}/${oneMinusQ}`;
      const finite = (n: string, guardZero: boolean) => {
        const body = `IF(${den}=0,${mm}*${n},${mm}*((1-${q}^${n})/${oneMinusQ}))`;
        return guardZero ? `IF(${n}=0,0,${body})` : body;
      };
      let expr: string;
      if (periods === undefined || periods.tokens.length === 0) expr = infinite;
      else {
        const lit = numberLiteral(periods);
        const n = operand(periods);
        if (lit !== undefined) expr = finite(n, !(lit > 0));
        else if (neverBlank(periods)) expr = finite(n, true);
        else expr = `IF(${n}="",${infinite},${finite(n, true)})`;
      }
      return { native: `(${blankGuard([arpu!, margin!, retention!], expr)})` };
    },
  },
};

// ---------------------------------------------------------------- rewrite

/**
 * Rewrites every MKT call of a formula into native Excel, or says why that is not possible (see the module doc).
 * A formula without MKT calls comes back unchanged. `functions` lists the MKT functions (upper case, each once)
 * that could not be rewritten.
 */
export function rewriteToNative(formula: string): RewriteResult {
  let tokens: Token[];
  let calls: MktCall[];
  try {
    tokens = tokenize(formula);
    calls = parseCalls(formula, tokens);
  } catch {
    const names = [...formula.matchAll(new RegExp(MKT_CALL_TEXT.source, "giu"))].map((m) =>
      m[0].replace(/\s*\($/, "").toUpperCase(),
    );
    return { reason: "unparseable", functions: unique(names) };
  }
  if (calls.length === 0) return { native: formula };

  const failures: { name: string; reason: RewriteFailure }[] = [];
  const native = new Map<MktCall, string>();

  /** The text of [start, end) with the MKT calls at `depth` inside it replaced by their native form. */
  const render = (span: Span, depth: number): string => {
    let out = "";
    let at = span.start;
    for (const c of calls) {
      if (c.depth !== depth || c.span.start < span.start || c.span.end > span.end) continue;
      out += formula.slice(at, c.span.start) + (native.get(c) ?? rewriteCall(c));
      at = c.span.end;
    }
    return out + formula.slice(at, span.end);
  };

  function rewriteCall(c: MktCall): string {
    const args: Arg[] = c.argSpans.map((sp) => ({ tokens: solid(tokens, sp), text: render(sp, c.depth + 1) }));
    const rule = RULES[c.name];
    let built: Built;
    if (!rule) built = { reason: "noEquivalent" };
    else if (args.length < rule.min || args.length > rule.max || args.slice(0, rule.min).some((a) => !a.tokens.length))
      built = { reason: "unparseable" };
    else if (args.some(hasWholeColumn)) built = { reason: "noEquivalent" };
    else built = rule.build(args);
    const text = "native" in built ? built.native : formula.slice(c.span.start, c.span.end);
    if (!("native" in built)) failures.push({ name: c.name, reason: built.reason });
    native.set(c, text);
    return text;
  }

  const out = render({ start: 0, end: formula.length }, 0);
  if (failures.length === 0) return { native: out };
  const order: RewriteFailure[] = ["unparseable", "noEquivalent", "retentionCurve"];
  const reason = order.find((r) => failures.some((f) => f.reason === r))!;
  const functions = unique(calls.filter((c) => failures.some((f) => f.name === c.name)).map((c) => c.name));
  return { reason, functions };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
