// "Prepare for sharing" against Microsoft's office-addin-mock (see fake-excel.ts): constant syncs, only MKT cells
// touched, native formulas written, frozen cells (spills included) turned into values with a comment, and the
// verification that freezes a rewritten cell whose values differ from MarketKit's.
import { describe, expect, it } from "vitest";
import { defaultFreezeNote, prepareForSharing, sameValues, scanMktFormulas } from "../../src/excel/share";
import { rewriteToNative } from "../../src/sheets/native-formulas";
import { cellAt, type FakeState, mockContext, newWorkbook, typeInto } from "./fake-excel";

type Val = string | number | boolean | null;

const key = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${Number(m[2]) - 1},${col - 1}`;
};

/** A formula cell with the value Excel computed (a block for a spilling formula). */
function formulaCell(state: FakeState, sheetName: string, address: string, formula: string, result: Val | Val[][]) {
  const sheet = state.sheets.find((s) => s.name === sheetName)!;
  sheet.cells.set(key(address), formula);
  sheet.results ??= new Map();
  sheet.spills ??= new Map();
  if (!Array.isArray(result)) {
    sheet.results.set(key(address), result);
    return;
  }
  const [r0, c0] = key(address).split(",").map(Number);
  result.forEach((row, i) => row.forEach((v, j) => sheet.results!.set(`${r0 + i},${c0 + j}`, v)));
  sheet.spills.set(key(address), { rows: result.length, cols: result[0].length });
}

const valueAt = (state: FakeState, sheetName: string, address: string) =>
  state.sheets.find((s) => s.name === sheetName)!.results?.get(key(address)) ?? cellAt(state, sheetName, address);

const PLAN = "Plan 2027";
const BOB = "Bob's data";
const DATE = new Date(2027, 2, 1);
const note = (formula: string) => defaultFreezeNote(formula, DATE);

/**
 * Two sheets with inputs, MKT formulas (scalar, spilling, nested, no native equivalent), a plain Excel formula,
 * text that mentions MKT.ROI, and an empty sheet. `calc` plays Excel's recalculation of the native formulas.
 */
function sampleWorkbook(): FakeState {
  const state = newWorkbook([PLAN, BOB, "Empty"]);
  typeInto(state, PLAN, "A1", "Revenue");
  typeInto(state, PLAN, "B1", "Cost");
  typeInto(state, PLAN, "A2", 50000);
  typeInto(state, PLAN, "B2", 20000);
  typeInto(state, PLAN, "H1", 'Try =MKT.ROI(A2,B2) "MKT.CAC("');
  formulaCell(state, PLAN, "C2", "=MKT.ROI(A2,B2,0.6)", 0.5);
  formulaCell(state, PLAN, "C3", "=mkt.roas(A2,B2)*100", 250);
  formulaCell(state, PLAN, "C4", "=SUM(A2:B2)", 70000);
  formulaCell(state, PLAN, "E2", "=MKT.CLV(A2:B9)", [
    ["customer", "clv"],
    ["=Search", 12.5],
    ["c2", "#N/A"],
  ]);
  formulaCell(state, PLAN, "C5", "=MKT.LTV(10,0.5,A10:A20)", 42);
  typeInto(state, BOB, "A2", 100);
  typeInto(state, BOB, "A3", 300);
  typeInto(state, BOB, "B2", 50);
  typeInto(state, BOB, "B3", 100);
  formulaCell(state, BOB, "C2", "=MKT.ROI(A2:A3,B2:B3)", [[1], [2]]);
  formulaCell(state, BOB, "D2", "=MKT.PAYBACK(MKT.CAC(A2,B2),A3)", 2 / 300);
  state.calc = (sheet, address, formula) => {
    const results: Record<string, Val | Val[][]> = {
      [`${PLAN}!C2`]: 0.5000000000000001,
      [`${PLAN}!C3`]: 250,
      [`${BOB}!C2`]: [[1], [2]],
      [`${BOB}!D2`]: 2 / 300,
    };
    expect(formula).not.toMatch(/MKT\./i);
    return results[`${sheet}!${address}`];
  };
  return state;
}

function snapshot(state: FakeState): Map<string, Val | undefined> {
  const out = new Map<string, Val | undefined>();
  for (const s of state.sheets) for (const [k, v] of s.cells) out.set(`${s.name}|${k}`, v);
  return out;
}

describe("scanMktFormulas", () => {
  it("lists every MKT formula with its plan, in two syncs, and nothing else", async () => {
    const state = sampleWorkbook();
    const found = await scanMktFormulas(mockContext(state));
    expect(state.syncs).toBe(2);
    expect(found.map((f) => [f.sheet, f.address, f.formula])).toEqual([
      [PLAN, "C2", "=MKT.ROI(A2,B2,0.6)"],
      [PLAN, "E2", "=MKT.CLV(A2:B9)"],
      [PLAN, "C3", "=mkt.roas(A2,B2)*100"],
      [PLAN, "C5", "=MKT.LTV(10,0.5,A10:A20)"],
      [BOB, "C2", "=MKT.ROI(A2:A3,B2:B3)"],
      [BOB, "D2", "=MKT.PAYBACK(MKT.CAC(A2,B2),A3)"],
    ]);
    for (const f of found) expect(f.plan).toEqual(rewriteToNative(f.formula));
    expect(found[1].plan).toEqual({ reason: "noEquivalent", functions: ["MKT.CLV"] });
    expect(found[3].plan).toEqual({ reason: "retentionCurve", functions: ["MKT.LTV"] });
  });

  it("keeps two syncs however many sheets there are", async () => {
    const names = Array.from({ length: 25 }, (_, i) => `S${i}`);
    const state = newWorkbook(names);
    names.forEach((n, i) => formulaCell(state, n, `B${i + 2}`, "=MKT.CAC(1,2)", 0.5));
    const found = await scanMktFormulas(mockContext(state));
    expect(state.syncs).toBe(2);
    expect(found).toHaveLength(25);
    expect(found[24]).toMatchObject({ sheet: "S24", address: "B26" });
  });

  it("finds nothing in a workbook without MKT formulas", async () => {
    const state = newWorkbook(["A", "B"]);
    typeInto(state, "A", "C3", "=SUM(1,2)");
    expect(await scanMktFormulas(mockContext(state))).toEqual([]);
  });
});

describe("prepareForSharing", () => {
  it("rewrites, freezes with a comment, verifies, in three syncs, and touches nothing else", async () => {
    const state = sampleWorkbook();
    const items = await scanMktFormulas(mockContext(state));
    const before = snapshot(state);
    state.syncs = 0;
    const res = await prepareForSharing(mockContext(state), items, { freezeNote: defaultFreezeNote, date: DATE });
    expect(res.syncs).toBe(3);
    expect(state.syncs).toBe(3);

    // Rewritten: the native formula from native-formulas.ts, no MKT left.
    expect(res.rewritten.map((r) => `${r.sheet}!${r.address}`)).toEqual([
      `${PLAN}!C2`,
      `${PLAN}!C3`,
      `${BOB}!C2`,
      `${BOB}!D2`,
    ]);
    expect(cellAt(state, PLAN, "C2")).toBe('=(IF((A2="")*(B2=""),"",(A2*0.6-B2)/B2))');
    expect(cellAt(state, PLAN, "C3")).toBe('=(IF((A2="")*(B2=""),"",A2/B2))*100');
    expect(cellAt(state, BOB, "C2")).toBe('=(IF((A2:A3="")*(B2:B3=""),"",(A2:A3-B2:B3)/B2:B3))');
    for (const r of res.rewritten) expect(cellAt(state, r.sheet, r.address)).toBe(r.native);

    // Frozen: the whole spill as values (text that looks like a formula stays text), a comment on the anchor.
    expect(res.frozen).toEqual([
      { sheet: PLAN, address: "E2", because: "noEquivalent" },
      { sheet: PLAN, address: "C5", because: "retentionCurve" },
    ]);
    expect(cellAt(state, PLAN, "E2")).toBe("customer");
    expect(cellAt(state, PLAN, "F2")).toBe("clv");
    expect(cellAt(state, PLAN, "E3")).toBe("'=Search");
    expect(cellAt(state, PLAN, "F3")).toBe(12.5);
    expect(cellAt(state, PLAN, "F4")).toBe("#N/A");
    expect(cellAt(state, PLAN, "C5")).toBe(42);
    expect(state.comments).toEqual([
      { address: `'${PLAN}'!E2`, content: "MarketKit: frozen value of =MKT.CLV(A2:B9) on 2027-03-01", replies: [] },
      { address: `'${PLAN}'!C5`, content: note("=MKT.LTV(10,0.5,A10:A20)"), replies: [] },
    ]);

    // Everything else is as it was.
    const touched = new Set([
      ...[...res.rewritten, ...res.frozen].map((r) => `${r.sheet}|${key(r.address)}`),
      ...["E2", "F2", "E3", "F3", "E4", "F4"].map((a) => `${PLAN}|${key(a)}`),
    ]);
    for (const [k, v] of before) if (!touched.has(k)) expect(snapshot(state).get(k), k).toBe(v);
    expect(cellAt(state, PLAN, "C4")).toBe("=SUM(A2:B2)");
    expect(cellAt(state, PLAN, "H1")).toBe('Try =MKT.ROI(A2,B2) "MKT.CAC("');
    expect(res.skipped).toEqual([]);
  });

  it("keeps the number of syncs constant as the number of cells grows", async () => {
    for (const rows of [2, 60]) {
      const state = newWorkbook(["Big"]);
      for (let r = 2; r < rows + 2; r++) {
        typeInto(state, "Big", `A${r}`, r * 10);
        typeInto(state, "Big", `B${r}`, r);
        formulaCell(state, "Big", `C${r}`, `=MKT.ROAS(A${r},B${r})`, 10);
        formulaCell(state, "Big", `D${r}`, `=MKT.ABTEST(A${r},B${r},1,2)`, 0.01);
      }
      state.calc = () => 10;
      const items = await scanMktFormulas(mockContext(state));
      expect(items).toHaveLength(2 * rows);
      state.syncs = 0;
      const res = await prepareForSharing(mockContext(state), items, { freezeNote: defaultFreezeNote });
      expect(res.syncs).toBe(3);
      expect(res.rewritten).toHaveLength(rows);
      expect(res.frozen).toHaveLength(rows);
      expect(state.comments).toHaveLength(rows);
    }
  });

  it("replies to an existing comment instead of adding a second thread (one more read)", async () => {
    const state = sampleWorkbook();
    state.comments = [{ address: `${PLAN}!E2`, content: "check with finance", replies: [] }];
    const items = await scanMktFormulas(mockContext(state));
    state.syncs = 0;
    const res = await prepareForSharing(mockContext(state), items, { freezeNote: note });
    expect(res.syncs).toBe(4);
    expect(state.comments[0]).toEqual({
      address: `${PLAN}!E2`,
      content: "check with finance",
      replies: [note("=MKT.CLV(A2:B9)")],
    });
    expect(state.comments).toHaveLength(2);
  });

  it("freezes a rewritten cell whose native values differ from MarketKit's, restoring MarketKit's values", async () => {
    const state = newWorkbook(["S"]);
    typeInto(state, "S", "A2", 300);
    typeInto(state, "S", "A3", 150);
    typeInto(state, "S", "B1", 100);
    typeInto(state, "S", "C6", "total");
    // MarketKit trims the blank rows A4:A5 and spills 2 rows; the native formula would spill 4 and is blocked.
    formulaCell(state, "S", "C2", "=MKT.ROI(A2:A5,B1)", [[2], [0.5]]);
    formulaCell(state, "S", "D2", "=MKT.CAC(A2,B1)", 3);
    state.calc = (_s, address) => (address === "C2" ? "#SPILL!" : 3);
    const items = await scanMktFormulas(mockContext(state));
    state.syncs = 0;
    const res = await prepareForSharing(mockContext(state), items, { freezeNote: note });
    expect(res.syncs).toBe(4); // read, write, verify, freeze the one that differs (no comments to locate)
    expect(res.rewritten.map((r) => r.address)).toEqual(["D2"]);
    expect(res.frozen).toEqual([{ sheet: "S", address: "C2", because: "valuesDiffer" }]);
    expect([cellAt(state, "S", "C2"), cellAt(state, "S", "C3")]).toEqual([2, 0.5]);
    expect(cellAt(state, "S", "C6")).toBe("total");
    expect(state.comments).toEqual([{ address: "'S'!C2", content: note("=MKT.ROI(A2:A5,B1)"), replies: [] }]);
  });

  it("skips cells changed since the scan, cells spilled from another formula, and cells still calculating", async () => {
    const state = sampleWorkbook();
    formulaCell(state, BOB, "F2", "=MKT.CLV(A2:A3)", "#BUSY!");
    const items = await scanMktFormulas(mockContext(state));
    typeInto(state, PLAN, "C2", "=MKT.ROI(A2,B2,0.7)"); // the user edits after the scan
    const spilledChild = { sheet: BOB, address: "C3", formula: "=MKT.ROI(A2:A3,B2:B3)", plan: items[4].plan };
    // Office.js gives a spilled cell's value as its formula; a caller passing such a cell must not break the spill.
    state.sheets[1].cells.set(key("C3"), "=MKT.ROI(A2:A3,B2:B3)");
    const res = await prepareForSharing(mockContext(state), [...items, spilledChild], { freezeNote: note });
    expect(res.skipped).toEqual([
      { sheet: PLAN, address: "C2", because: "changed" },
      { sheet: BOB, address: "F2", because: "calculating" },
      { sheet: BOB, address: "C3", because: "spilled" },
    ]);
    expect(cellAt(state, PLAN, "C2")).toBe("=MKT.ROI(A2,B2,0.7)");
    expect(cellAt(state, BOB, "F2")).toBe("=MKT.CLV(A2:A3)");
    expect(cellAt(state, BOB, "C3")).toBe("=MKT.ROI(A2:A3,B2:B3)"); // not written: C2's spill is intact
    expect(cellAt(state, BOB, "C2")).toMatch(/^=\(IF\(/);
  });

  it("can skip verification (two syncs) and freeze a rewritable cell on request", async () => {
    const state = sampleWorkbook();
    const items = await scanMktFormulas(mockContext(state));
    const forced = items.map((i) =>
      i.address === "C3" ? { ...i, plan: { reason: "noEquivalent" as const, functions: ["MKT.ROAS"] } } : i,
    );
    state.syncs = 0;
    const res = await prepareForSharing(mockContext(state), forced, { freezeNote: note, verify: false });
    expect(res.syncs).toBe(2);
    expect(cellAt(state, PLAN, "C3")).toBe(250);
    expect(res.frozen.map((f) => f.address)).toContain("C3");
    expect(valueAt(state, BOB, "C2")).toBe(1);
  });

  it("does nothing, in two syncs, for an empty list", async () => {
    const state = sampleWorkbook();
    const before = snapshot(state);
    const res = await prepareForSharing(mockContext(state), [], { freezeNote: note });
    expect(res).toEqual({ rewritten: [], frozen: [], skipped: [], syncs: 2 });
    expect(snapshot(state)).toEqual(before);
  });
});

describe("sameValues", () => {
  it("compares numbers to 1e-9 relative, the rest exactly, and wants cells past MarketKit's spill empty", () => {
    expect(sameValues([[1, "a"]], [[1 + 1e-12, "a"]])).toBe(true);
    expect(sameValues([[1]], [[1.001]])).toBe(false);
    expect(sameValues([[1], [2]], [[1], [2], [""]])).toBe(true);
    expect(sameValues([[1], [2]], [[1], [2], [-1]])).toBe(false);
    expect(sameValues([[1], [2]], [[1]])).toBe(false);
    expect(sameValues([["#DIV/0!"]], [["#DIV/0!"]])).toBe(true);
    expect(sameValues([[0.5]], [["#SPILL!"]])).toBe(false);
  });
});
