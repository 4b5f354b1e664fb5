// The pure half of "prepare for sharing": tokenizing formulas, finding MKT calls, and rewriting them into native
// Excel whose values (evaluated by a tiny Excel-like evaluator written here, independent of the module) equal the
// core functions' and the Excel wrappers' values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cac, paybackPeriods, roas, roi } from "../../src/core/roi";
import { ltv } from "../../src/core/ltv";
import { ltvCells } from "../../src/functions/ltv";
import { cacCells, paybackCells, roasCells, roiCells } from "../../src/functions/roi-family";
import {
  findMktCalls,
  FormulaSyntaxError,
  hasMktCall,
  rewriteToNative,
  tokenize,
} from "../../src/sheets/native-formulas";

// ------------------------------------------------------------------ a tiny evaluator (test only)
// Numbers, "" strings, references (looked up in a map: a number, a blank (null), or a 2-D array for a range),
// + - * / ^ (with Excel's precedence: unary minus binds tighter than ^), = and <> comparisons, parentheses and
// IF(cond, a, b). Arrays broadcast as in dynamic-array Excel: one row or column repeats, #N/A outside a smaller
// array. Errors are values ({ error }) that propagate.

type Err = { error: string };
type V = number | string | boolean | null | Err;
type Val = V | V[][];

const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "error" in v;

function num(v: V): number | Err {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return { error: "#VALUE!" };
}

function lift(args: Val[], f: (xs: V[]) => V): Val {
  if (!args.some(Array.isArray)) return f(args as V[]);
  const grids = args.map((a) => (Array.isArray(a) ? a : [[a]]));
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0].length));
  const out: V[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: V[] = [];
    for (let c = 0; c < cols; c++) {
      const xs: V[] = [];
      let na = false;
      for (const g of grids) {
        const gr = g.length === 1 ? 0 : r;
        const gc = g[0].length === 1 ? 0 : c;
        if (gr >= g.length || gc >= g[0].length) na = true;
        else xs.push(g[gr][gc]);
      }
      row.push(na ? { error: "#N/A" } : f(xs));
    }
    out.push(row);
  }
  return out;
}

function arith(op: string, a: V, b: V): V {
  const x = num(a);
  const y = num(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  let z: number;
  if (op === "+") z = x + y;
  else if (op === "-") z = x - y;
  else if (op === "*") z = x * y;
  else if (op === "/") {
    if (y === 0) return { error: "#DIV/0!" };
    z = x / y;
  } else {
    if (x === 0 && y === 0) return { error: "#NUM!" }; // Excel: 0^0 is #NUM!
    z = Math.pow(x, y);
  }
  return Number.isFinite(z) ? z : { error: "#NUM!" };
}

function compare(op: string, a: V, b: V): V {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  const blankish = (v: V) => v === null || v === "";
  let eq: boolean;
  if (b === "" || a === "") eq = blankish(a) && blankish(b);
  else eq = num(a) === num(b);
  return op === "=" ? eq : !eq;
}

function evaluate(formula: string, refs: Record<string, Val>): Val {
  const re =
    /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|(IF)\(|((?:'(?:[^']|'')+'!|[A-Za-z0-9_]+!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(<>|[-+*/^=(),]))/y;
  const toks: { k: string; t: string }[] = [];
  const src = formula.replace(/^=/, "");
  re.lastIndex = 0;
  while (re.lastIndex < src.length) {
    const at = re.lastIndex;
    const m = re.exec(src);
    if (!m || m.index !== at) throw new Error(`evaluator cannot read ${src.slice(at)}`);
    if (m[1] !== undefined) toks.push({ k: "num", t: m[1] });
    else if (m[2] !== undefined) toks.push({ k: "str", t: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) toks.push({ k: "if", t: "IF" });
    else if (m[4] !== undefined) toks.push({ k: "ref", t: m[4] });
    else toks.push({ k: "op", t: m[5] });
    if (/^\s*$/.test(src.slice(re.lastIndex))) break;
  }
  let i = 0;
  const peek = () => toks[i]?.t;
  const expect = (t: string) => {
    if (toks[i]?.t !== t) throw new Error(`expected ${t} at ${i} in ${formula}`);
    i++;
  };
  const comparison = (): Val => {
    const a = additive();
    if (peek() === "=" || peek() === "<>") {
      const op = toks[i++].t;
      const b = additive();
      return lift([a, b], ([x, y]) => compare(op, x, y));
    }
    return a;
  };
  const additive = (): Val => {
    let a = term();
    while (peek() === "+" || peek() === "-") {
      const op = toks[i++].t;
      const b = term();
      a = lift([a, b], ([x, y]) => arith(op, x, y));
    }
    return a;
  };
  const term = (): Val => {
    let a = power();
    while (peek() === "*" || peek() === "/") {
      const op = toks[i++].t;
      const b = power();
      a = lift([a, b], ([x, y]) => arith(op, x, y));
    }
    return a;
  };
  const power = (): Val => {
    let a = unary();
    while (peek() === "^") {
      i++;
      const b = unary();
      a = lift([a, b], ([x, y]) => arith("^", x, y));
    }
    return a;
  };
  const unary = (): Val => {
    if (peek() === "-") {
      i++;
      return lift([unary()], ([x]) => arith("-", 0, x));
    }
    if (peek() === "+") {
      i++;
      return unary();
    }
    return primary();
  };
  const primary = (): Val => {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end of ${formula}`);
    if (t.k === "num") return Number(t.t);
    if (t.k === "str") return t.t;
    if (t.k === "ref") {
      if (!(t.t in refs)) throw new Error(`unknown reference ${t.t}`);
      return refs[t.t];
    }
    if (t.k === "if") {
      const c = comparison();
      expect(",");
      const a = comparison();
      expect(",");
      const b = comparison();
      expect(")");
      return lift([c, a, b], ([x, y, z]) => {
        const n = num(x);
        return isErr(n) ? n : n !== 0 ? y : z;
      });
    }
    if (t.t === "(") {
      const v = comparison();
      expect(")");
      return v;
    }
    throw new Error(`unexpected ${t.t} in ${formula}`);
  };
  const v = comparison();
  if (i !== toks.length) throw new Error(`trailing input in ${formula}`);
  return v;
}

function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= Math.max(1e-12, rel * Math.max(Math.abs(a), Math.abs(b)));
}

function nativeOf(formula: string): string {
  const r = rewriteToNative(formula);
  if (!("native" in r)) throw new Error(`${formula} was not rewritten: ${r.reason}`);
  return r.native;
}

const evalNative = (formula: string, refs: Record<string, Val> = {}) => evaluate(nativeOf(formula), refs);

// ------------------------------------------------------------------ tokenizer and call finder

describe("tokenize", () => {
  it("reads strings with doubled quotes, quoted sheet names, structured references and array constants", () => {
    const t = tokenize(`=IF('Bob''s "data"'!A1="say ""MKT.ROI(""",Table1[[#This Row],[Rev, net]],{1,"a,b";3,4})`);
    expect(t.map((x) => [x.kind, x.text])).toEqual([
      ["func", "IF("],
      ["operand", `'Bob''s "data"'!A1`],
      ["op", "="],
      ["string", `"say ""MKT.ROI("""`],
      ["sep", ","],
      ["operand", "Table1[[#This Row],[Rev, net]]"],
      ["sep", ","],
      ["array", `{1,"a,b";3,4}`],
      ["close", ")"],
    ]);
  });

  it("keeps offsets into the original formula, the leading = included", () => {
    const f = "=SUM(预算!B2:B9) + 1.5E-3%";
    for (const x of tokenize(f)) expect(f.slice(x.start, x.end)).toBe(x.text);
    expect(tokenize(f).map((x) => x.kind)).toEqual([
      "func",
      "operand",
      "close",
      "space",
      "op",
      "space",
      "number",
      "op",
    ]);
  });

  it("reads whole rows and columns, spill references, errors and comparison operators", () => {
    const kinds = (f: string) => tokenize(f).map((x) => `${x.kind}:${x.text}`);
    expect(kinds("=1:3")).toEqual(["operand:1:3"]);
    expect(kinds("=$B:$B")).toEqual(["operand:$B:$B"]);
    expect(kinds("=A1#<>#N/A")).toEqual(["operand:A1#", "op:<>", "error:#N/A"]);
    expect(kinds("=@A1:A3>=2")).toEqual(["op:@", "operand:A1:A3", "op:>=", "number:2"]);
  });

  it("rejects unterminated strings, sheet names, brackets and arrays", () => {
    for (const f of ['="abc', "='Sheet1!A1", "=Table1[Col", "={1,2", "='Sheet'A1", "=A1~B1"]) {
      expect(() => tokenize(f), f).toThrow(FormulaSyntaxError);
    }
  });
});

describe("findMktCalls", () => {
  it("finds calls case-insensitively with their arguments and spans", () => {
    const f = "=mkt.roi(B2, C2 ,D2)*100";
    const [c] = findMktCalls(f);
    expect(c).toMatchObject({ name: "MKT.ROI", args: ["B2", "C2", "D2"], depth: 0 });
    expect(f.slice(c.span.start, c.span.end)).toBe("mkt.roi(B2, C2 ,D2)");
    expect(c.argSpans.map((s) => f.slice(s.start, s.end))).toEqual(["B2", "C2", "D2"]);
  });

  it("finds nested calls, outer first, with their depth", () => {
    const calls = findMktCalls("=MKT.ROI(MKT.CAC(A1,B1),SUM(MKT.ROAS(C1,D1),1))");
    expect(calls.map((c) => [c.name, c.depth, c.args])).toEqual([
      ["MKT.ROI", 0, ["MKT.CAC(A1,B1)", "SUM(MKT.ROAS(C1,D1),1)"]],
      ["MKT.CAC", 1, ["A1", "B1"]],
      ["MKT.ROAS", 1, ["C1", "D1"]],
    ]);
  });

  it("ignores MKT text inside strings and sheet names, and non-MKT functions", () => {
    expect(findMktCalls('=IF(A1="=MKT.ROI(1,2)","MKT.CAC(",SUM(1))')).toEqual([]);
    expect(findMktCalls("='MKT.ROI(x)'!A1+MKTX.ROI(1)+XMKT.ROI(1)")).toEqual([]);
  });

  it("splits arguments only at depth 0: unions, nested calls, arrays and structured references stay whole", () => {
    const [c] = findMktCalls("=MKT.ROI((A1,B1),IF(C1,1,2),{1,2},T[[#This Row],[a]])");
    expect(c.args).toEqual(["(A1,B1)", "IF(C1,1,2)", "{1,2}", "T[[#This Row],[a]]"]);
  });

  it("reports empty arguments as empty and a call without arguments as none", () => {
    expect(findMktCalls("=MKT.ROI(A1,B1,)")[0].args).toEqual(["A1", "B1", ""]);
    expect(findMktCalls("=MKT.ROI(,B1)")[0].args).toEqual(["", "B1"]);
    expect(findMktCalls("=MKT.ROI( )")[0].args).toEqual([]);
  });

  it("throws on unbalanced parentheses", () => {
    expect(() => findMktCalls("=MKT.ROI(A1,B1")).toThrow(FormulaSyntaxError);
    expect(() => findMktCalls("=MKT.ROI(A1,B1))")).toThrow(FormulaSyntaxError);
  });
});

describe("hasMktCall", () => {
  it("is true for formulas with a call, also unparseable ones, and false for text and constants", () => {
    expect(hasMktCall("=MKT.ROI(A1,B1)")).toBe(true);
    expect(hasMktCall("=1+mkt.cac(A1,B1")).toBe(true);
    expect(hasMktCall('="MKT.ROI(1,2)"')).toBe(false);
    expect(hasMktCall("MKT.ROI(1,2)")).toBe(false);
    expect(hasMktCall(42)).toBe(false);
    expect(hasMktCall("=SUM(A1)")).toBe(false);
  });
});

// ------------------------------------------------------------------ rewriting: exact texts

describe("rewriteToNative: texts", () => {
  it.each([
    ["=MKT.ROI(50000,20000,0.6)", "=((50000*0.6-20000)/20000)"],
    ["=MKT.ROI(50000,20000)", "=((50000-20000)/20000)"],
    ["=MKT.ROI(50000,20000,)", "=((50000-20000)/20000)"],
    ["=MKT.ROI(B2,C2)", '=(IF((B2="")*(C2=""),"",(B2-C2)/C2))'],
    ["=MKT.ROI(B2,C2,D2)", '=(IF((B2="")*(C2=""),"",(B2*IF(D2="",1,D2)-C2)/C2))'],
    ["=MKT.ROI(B2,C2,0.4)", '=(IF((B2="")*(C2=""),"",(B2*0.4-C2)/C2))'],
    ["=MKT.ROAS(80000,20000)", "=(80000/20000)"],
    ["=MKT.CAC(30000,600)", "=(30000/600)"],
    ["=MKT.PAYBACK(120,20,0.5)", "=(120/(20*0.5))"],
    ["=MKT.PAYBACK(120,20)", "=(120/20)"],
    ["=MKT.LTV(100,0.5,0.8)", "=((100*0.5)/(1-0.8))"],
    ["=MKT.LTV(100,0.5,0.8,0.1)", "=((100*0.5)/((1+0.1-0.8)/(1+0.1)))"],
    ["=MKT.LTV(100,0.5,0.8,,12)", "=(IF((1-0.8)=0,(100*0.5)*12,(100*0.5)*((1-0.8^12)/(1-0.8))))"],
    [
      "=MKT.LTV(100,0.5,0.8,0.1,0)",
      "=(IF(0=0,0,IF((1+0.1-0.8)=0,(100*0.5)*0,(100*0.5)*((1-(0.8/(1+0.1))^0)/((1+0.1-0.8)/(1+0.1))))))",
    ],
  ])("%s → %s", (mkt, native) => {
    expect(rewriteToNative(mkt)).toEqual({ native });
  });

  it("keeps the rest of the formula, strings that contain MKT.ROI( included", () => {
    expect(rewriteToNative('=IF(A1="MKT.ROI(",MKT.CAC(100,4),"x, y")&" MKT.ROI(1,2)"')).toEqual({
      native: '=IF(A1="MKT.ROI(",(100/4),"x, y")&" MKT.ROI(1,2)"',
    });
  });

  it("keeps sheet-qualified references, quoted names with spaces and quotes included", () => {
    expect(rewriteToNative("=MKT.ROAS('Q1 Plan'!B2,'Bob''s data'!$C$2)")).toEqual({
      native: `=(IF(('Q1 Plan'!B2="")*('Bob''s data'!$C$2=""),"",'Q1 Plan'!B2/'Bob''s data'!$C$2))`,
    });
    expect(rewriteToNative("=MKT.CAC(预算!B2,Sheet2!C2:C9)")).toEqual({
      native: '=(IF((预算!B2="")*(Sheet2!C2:C9=""),"",预算!B2/Sheet2!C2:C9))',
    });
  });

  it("rewrites ranges and spill references element-wise (they spill in dynamic-array Excel)", () => {
    expect(rewriteToNative("=MKT.ROI(B2:B10,C2:C10,0.5)")).toEqual({
      native: '=(IF((B2:B10="")*(C2:C10=""),"",(B2:B10*0.5-C2:C10)/C2:C10))',
    });
    expect(rewriteToNative("=MKT.ROAS(F2#,G2#)")).toEqual({ native: '=(IF((F2#="")*(G2#=""),"",F2#/G2#))' });
  });

  it("parenthesizes arguments that are expressions, and leaves out the blank guard when one cannot be blank", () => {
    expect(rewriteToNative("=MKT.ROI(B2+B3,C2*2,1-D2)")).toEqual({ native: "=(((B2+B3)*(1-D2)-(C2*2))/(C2*2))" });
    expect(rewriteToNative("=-MKT.ROAS(B2,-2)^2")).toEqual({ native: "=-(B2/(-2))^2" });
  });

  it("rewrites nested calls inside out", () => {
    expect(rewriteToNative("=MKT.PAYBACK(MKT.CAC(A1,B1),C1,0.5)")).toEqual({
      native: '=(IF(((IF((A1="")*(B1=""),"",A1/B1))="")*(C1=""),"",(IF((A1="")*(B1=""),"",A1/B1))/(C1*0.5)))',
    });
    expect(rewriteToNative("=SUM(MKT.ROAS(A1,B1),mkt.Cac(C1,2))")).toEqual({
      native: '=SUM((IF((A1="")*(B1=""),"",A1/B1)),(C1/2))',
    });
  });

  it("returns a formula without MKT calls unchanged", () => {
    expect(rewriteToNative('=SUM(A1:A3)&"MKT.ROI("')).toEqual({ native: '=SUM(A1:A3)&"MKT.ROI("' });
  });
});

describe("rewriteToNative: what stays MarketKit", () => {
  it.each([
    ["=MKT.CLV(A2:A100,B2:B100)", "noEquivalent", ["MKT.CLV"]],
    ["=MKT.ATTRIB(A2:C100)", "noEquivalent", ["MKT.ATTRIB"]],
    ["=MKT.ROI(MKT.SAMPLESIZE(0.1,0.02),C1)", "noEquivalent", ["MKT.SAMPLESIZE"]],
    ["=MKT.ABTEST(1,2,3,4)+MKT.ROI(A1,B1)+MKT.CHURN(A:A)", "noEquivalent", ["MKT.ABTEST", "MKT.CHURN"]],
    ["=MKT.ROI(B:B,C:C)", "noEquivalent", ["MKT.ROI"]],
    ["=MKT.ROAS(Sheet1!$B:$B,2)", "noEquivalent", ["MKT.ROAS"]],
    ["=MKT.LTV(100,0.5,C2:C13)", "retentionCurve", ["MKT.LTV"]],
    ["=MKT.LTV(100,0.5,'Churn data'!C2:C13,0.1)", "retentionCurve", ["MKT.LTV"]],
    ["=MKT.LTV(100,0.5,Retention)", "retentionCurve", ["MKT.LTV"]],
    ["=MKT.LTV(100,0.5,F2#)", "retentionCurve", ["MKT.LTV"]],
    ["=MKT.LTV(100,0.5,MKT.RETENTION(A2:A9))", "noEquivalent", ["MKT.LTV", "MKT.RETENTION"]],
    ["=MKT.ROI(A1,B1", "unparseable", ["MKT.ROI"]],
    ['=MKT.ROI("A1,B1)', "unparseable", ["MKT.ROI"]],
    ["=MKT.ROI(A1)", "unparseable", ["MKT.ROI"]],
    ["=MKT.ROI(A1,B1,C1,D1)", "unparseable", ["MKT.ROI"]],
    ["=MKT.ROI(,B1)", "unparseable", ["MKT.ROI"]],
    ["=MKT.LTV(100,,0.8)", "unparseable", ["MKT.LTV"]],
  ])("%s → %s", (formula, reason, functions) => {
    expect(rewriteToNative(formula)).toEqual({ reason, functions });
  });

  it("accepts a retention that is certainly one value: a number, a cell, this row of a table, arithmetic", () => {
    for (const r of ["0.8", "C2", "'Inputs 2027'!$C$2", "1-C2", "(1-C2)*0.9", "Table1[@Retention]"]) {
      expect("native" in rewriteToNative(`=MKT.LTV(100,0.5,${r})`), r).toBe(true);
    }
  });
});

// ------------------------------------------------------------------ rewriting: values

const money = fc.double({ min: 0, max: 1e9, noNaN: true });
const positive = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/** How an optional argument is given: omitted, empty, a literal, a cell with a value, or a blank cell. */
type OptionalForm = "omitted" | "empty" | "literal" | "cell" | "blankCell";
const optionalForm = fc.constantFrom<OptionalForm>("omitted", "empty", "literal", "cell", "blankCell");

function optionalArg(form: OptionalForm, value: number, cell: string, refs: Record<string, Val>): string {
  if (form === "omitted") return "";
  if (form === "empty") return ",";
  if (form === "literal") return `,${value}`;
  refs[cell] = form === "cell" ? value : null;
  return `,${cell}`;
}
const used = (form: OptionalForm, value: number, fallback: number) =>
  form === "literal" || form === "cell" ? value : fallback;

function expectNumber(got: Val, want: number, label: string): void {
  if (typeof got !== "number" || !close(got, want))
    throw new Error(`${label}: got ${JSON.stringify(got)}, want ${want}`);
}

describe("rewriteToNative: values equal the core's (fast-check)", () => {
  it("MKT.ROI with cells, literals, omitted/empty/blank margins", () => {
    fc.assert(
      fc.property(money, positive, fraction, optionalForm, fc.boolean(), (rev, cost, m, form, literal) => {
        const refs: Record<string, Val> = { B2: rev, C2: cost };
        const args = literal ? `${rev},${cost}` : "B2,C2";
        const f = `=MKT.ROI(${args}${optionalArg(form, m, "D2", refs)})`;
        expectNumber(evalNative(f, refs), roi(rev, cost, used(form, m, 1)), f);
      }),
      { numRuns: 400 },
    );
  });

  it("MKT.ROAS, MKT.CAC and MKT.PAYBACK", () => {
    fc.assert(
      fc.property(money, positive, positive, fraction, optionalForm, (a, b, arpu, m, form) => {
        const refs: Record<string, Val> = { A1: a, B1: b, C1: arpu };
        expectNumber(evalNative("=MKT.ROAS(A1,B1)", refs), roas(a, b), "roas");
        expectNumber(evalNative(`=MKT.CAC(${a},B1)`, refs), cac(a, b), "cac");
        const mm = Math.max(m, 1e-6);
        const f = `=MKT.PAYBACK(A1,C1${optionalArg(form, mm, "D1", refs)})`;
        expectNumber(evalNative(f, refs), paybackPeriods(a, arpu, used(form, mm, 1)), f);
      }),
      { numRuns: 300 },
    );
  });

  it("nested calls equal the composed core functions", () => {
    fc.assert(
      fc.property(positive, positive, positive, fraction, (spend, n, arpu, m) => {
        const refs: Record<string, Val> = { A1: spend, B1: n, C1: arpu, D1: Math.max(m, 1e-6) };
        const f = "=MKT.PAYBACK(MKT.CAC(A1,B1),C1,D1)*2";
        expectNumber(evalNative(f, refs), paybackPeriods(cac(spend, n), arpu, Math.max(m, 1e-6)) * 2, f);
      }),
    );
  });

  const periodsForm = fc.constantFrom("omitted", "empty", "literal", "cell", "blankCell", "zero");
  it("MKT.LTV: unlimited and finite horizons, with and without a discount rate", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fraction,
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        optionalForm,
        periodsForm,
        fc.integer({ min: 1, max: 600 }),
        (arpu, margin, r, d, dForm, pForm, n) => {
          const refs: Record<string, Val> = { B2: arpu, C2: margin, D2: r };
          let args = "B2,C2,D2";
          const dArg = optionalArg(dForm, d, "E2", refs);
          const discount = used(dForm, d, 0);
          let horizon: number | undefined;
          if (pForm === "omitted") args += dArg;
          else {
            args += dArg || ",";
            if (pForm === "empty") args += ",";
            else if (pForm === "literal") {
              args += `,${n}`;
              horizon = n;
            } else if (pForm === "zero") {
              args += ",F2";
              refs.F2 = 0;
              horizon = 0;
            } else {
              args += ",F2";
              refs.F2 = pForm === "cell" ? n : null;
              horizon = pForm === "cell" ? n : undefined;
            }
          }
          const f = `=MKT.LTV(${args})`;
          expectNumber(evalNative(f, refs), ltv(arpu, r, discount, horizon, margin), f);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("MKT.LTV with a finite horizon where retention ≥ 1 + discount rate (q ≥ 1), q = 1 exactly included", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: -0.45, max: 0, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (arpu, r, d, n) => {
          const q = r / (1 + d);
          fc.pre(q === 1 || Math.abs(1 - q) > 1e-3);
          const f = `=MKT.LTV(${arpu},1,${r},${d},${n})`;
          expectNumber(evalNative(f), ltv(arpu, r, d, n, 1), f);
        },
      ),
    );
    expectNumber(evalNative("=MKT.LTV(10,1,1,0,12)"), 120, "q = 1");
    expectNumber(evalNative("=MKT.LTV(10,1,0.5,-0.5,12)"), ltv(10, 0.5, -0.5, 12), "q = 1 with discounting");
    expectNumber(evalNative("=MKT.LTV(10,1,0,0,0)"), 0, "r = 0, N = 0 (no 0^0)");
  });

  it("numbers substituted for the references give the same values (the literal path)", () => {
    fc.assert(
      fc.property(money, positive, fraction, fc.double({ min: 0, max: 0.95, noNaN: true }), (rev, cost, m, r) => {
        expectNumber(evalNative(`=MKT.ROI(${rev},${cost},${m})`), roi(rev, cost, m), "roi");
        expectNumber(evalNative(`=MKT.LTV(${rev},${m},${r},0.1,24)`), ltv(rev, r, 0.1, 24, m), "ltv");
      }),
    );
  });

  it("a row whose required inputs are all blank stays blank, as in MarketKit", () => {
    expect(evalNative("=MKT.ROI(B2,C2,0.5)", { B2: null, C2: null })).toBe("");
    expect(evalNative("=MKT.LTV(B2,C2,D2)", { B2: null, C2: null, D2: null })).toBe("");
    expectNumber(evalNative("=MKT.ROI(B2,C2)", { B2: null, C2: 100 }), -1, "blank revenue is 0");
    expect(evalNative("=MKT.ROI(B2,C2)", { B2: 5, C2: null })).toEqual({ error: "#DIV/0!" });
  });
});

// ------------------------------------------------------------------ ranges: the native array formula vs the Excel wrapper

type Cell = number | null;

function wrapperValue(v: unknown): V {
  if (typeof v === "number" || v === "" || v === null) return v as V;
  if (typeof v === "object" && v !== null && "code" in v) return { error: (v as { code: string }).code };
  return String(v);
}

/**
 * The native spill must equal the wrapper's. MarketKit drops the rows after the last one where a required range
 * has data; the native formula computes them too. With required ranges of one length those rows must be "" (the
 * blank guard); when a single value is combined with a range, or ranges differ in length, they can hold a value
 * or #N/A — prepareForSharing compares the real spills and freezes such a cell instead (see share.ts).
 */
function sameSpill(native: Val, wrapper: unknown[][], label: string, strictTail = true): void {
  const grid = Array.isArray(native) ? native : [[native]];
  grid.forEach((row, r) =>
    row.forEach((got, c) => {
      if (r >= wrapper.length && !strictTail) return;
      const want: V = r < wrapper.length ? wrapperValue(wrapper[r][c]) : "";
      const ok =
        typeof want === "number"
          ? typeof got === "number" && close(got, want)
          : isErr(want)
            ? isErr(got) && got.error === want.error
            : got === want || (want === "" && got === null);
      if (!ok)
        throw new Error(`${label} [${r},${c}]: native ${JSON.stringify(got)}, MarketKit ${JSON.stringify(want)}`);
    }),
  );
  if (grid.length < wrapper.length) throw new Error(`${label}: native spill is shorter than MarketKit's`);
}

const column = (xs: Cell[]) => xs.map((x) => [x]);
const cellOf = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: null, freq: 5 });

describe("rewriteToNative: spilled ranges equal the Excel wrappers' element-wise results", () => {
  it("MKT.ROI/ROAS/CAC/PAYBACK over columns of different lengths, with blanks and a scalar margin cell", () => {
    fc.assert(
      fc.property(
        fc.array(cellOf(money), { minLength: 1, maxLength: 12 }),
        fc.array(cellOf(fc.oneof(positive, fc.constant(0))), { minLength: 1, maxLength: 12 }),
        fc.array(cellOf(fraction), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        (rev, cost, margin, oneMargin) => {
          // A margin range of another length than the data is a mistake whose #N/A rows MarketKit and Excel place
          // differently where the data is blank; compared here: one margin for all, or one per row.
          const n = Math.max(rev.length, cost.length);
          const m = margin.slice(0, oneMargin ? 1 : n);
          const refs: Record<string, Val> = {
            [`B2:B${rev.length + 1}`]: column(rev),
            [`C2:C${cost.length + 1}`]: column(cost),
            [`D2:D${m.length + 1}`]: column(m),
            F1: m[0],
          };
          const B = `B2:B${rev.length + 1}`;
          const C = `C2:C${cost.length + 1}`;
          const D = `D2:D${m.length + 1}`;
          const strict = rev.length === cost.length && n > 1;
          sameSpill(
            evalNative(`=MKT.ROI(${B},${C},${D})`, refs),
            roiCells(column(rev), column(cost), column(m)),
            "roi",
            strict,
          );
          sameSpill(
            evalNative(`=MKT.ROI(${B},${C},F1)`, refs),
            roiCells(column(rev), column(cost), [[m[0]]]),
            "roi F1",
            strict,
          );
          sameSpill(evalNative(`=MKT.ROAS(${B},${C})`, refs), roasCells(column(rev), column(cost)), "roas", strict);
          sameSpill(evalNative(`=MKT.CAC(${B},${C})`, refs), cacCells(column(rev), column(cost)), "cac", strict);
          const positiveMargin = m.map((x) => (x === null ? null : Math.max(x, 1e-6)));
          refs[D] = column(positiveMargin);
          sameSpill(
            evalNative(`=MKT.PAYBACK(${B},${C},${D})`, refs),
            paybackCells(column(rev), column(cost), column(positiveMargin)),
            "payback",
            strict,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("MKT.LTV with one retention value: ARPU, margin, discount rate and periods ranges work element-wise", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            arpu: cellOf(fc.double({ min: 0, max: 1e5, noNaN: true })),
            margin: cellOf(fraction),
            d: cellOf(fc.double({ min: 0, max: 0.5, noNaN: true })),
            n: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 3 }),
          }),
          { minLength: 2, maxLength: 10 },
        ),
        fc.double({ min: 0, max: 0.98, noNaN: true }),
        (rows, r) => {
          const k = rows.length + 1;
          const col = (f: (x: (typeof rows)[number]) => Cell) => column(rows.map(f));
          const refs: Record<string, Val> = {
            [`B2:B${k}`]: col((x) => x.arpu),
            [`C2:C${k}`]: col((x) => x.margin),
            H1: r,
            [`E2:E${k}`]: col((x) => x.d),
            [`F2:F${k}`]: col((x) => x.n),
          };
          const wrapper = ltvCells(
            col((x) => x.arpu),
            col((x) => x.margin),
            [[r]],
            col((x) => x.d),
            col((x) => x.n),
          );
          const f = `=MKT.LTV(B2:B${k},C2:C${k},H1,E2:E${k},F2:F${k})`;
          sameSpill(evalNative(f, refs), wrapper, f, false);
        },
      ),
      { numRuns: 200 },
    );
    expect("native" in rewriteToNative("=MKT.LTV(B2:B9,0.5,0.8)")).toBe(true);
  });

  it("known difference: MarketKit drops the rows after the data; the native formula computes them", () => {
    // One cost for a column of revenues whose last rows are blank: MarketKit spills 2 rows, Excel 4.
    const refs: Record<string, Val> = { "B2:B5": column([300, 150, null, null]), C1: 100 };
    expect(roiCells(column([300, 150, null, null]), [[100]], undefined)).toHaveLength(2);
    expect(evalNative("=MKT.ROI(B2:B5,C1)", refs)).toEqual([[2], [0.5], [-1], [-1]]);
  });

  it("a row of revenues against one cost broadcasts across columns", () => {
    const rev = [[100, 200, null, 400]];
    const refs: Record<string, Val> = { "B2:E2": rev, B3: 50 };
    sameSpill(evalNative("=MKT.ROI(B2:E2,B3,0.5)", refs), roiCells(rev, [[50]], [[0.5]]), "row");
  });
});
