/**
 * "Prepare for sharing", the Office.js half: lists the workbook's MKT.* formulas, then rewrites each one that has a
 * native equivalent (src/sheets/native-formulas.ts) and freezes the others as values with a comment saying where
 * they came from, so the workbook shows numbers, not #NAME?, to people who do not have MarketKit.
 *
 * scanMktFormulas — 2 syncs whatever the number of sheets:
 *   1: the sheet names;  2: every sheet's used range (address and formulas), all in one request.
 * prepareForSharing — at most 5 syncs whatever the number of cells:
 *   1 read: each cell's current formula, values and spill (the block a spilling formula fills), its spill parent,
 *     and the workbook's comments;
 *   2 read (only when the workbook has comments): where each comment is, so a frozen cell that already has one
 *     gets a reply instead of a second thread (which Excel refuses);
 *   3 write: native formulas; frozen values (the whole spill for a spilling formula) and their comments;
 *   4 read (verify): the rewritten cells' new values, after a recalculation;
 *   5 write (only if some differ): those cells are frozen instead, from the values read in 1.
 * Safety: a cell is touched only if its formula is still the one scanned (so never a cell without an MKT formula);
 * a cell that is part of another formula's spill is skipped; a cell still calculating (#BUSY!) is skipped rather
 * than frozen as #BUSY!. Verification compares each rewritten cell, spill included, with what MarketKit computed:
 * numbers to 1e-9 relative, anything else exactly, and cells beyond MarketKit's spill must be empty (MarketKit
 * trims trailing blank rows, see native-formulas.ts).
 */
import { rewriteToNative, type RewriteFailure, type RewriteResult, hasMktCall } from "../sheets/native-formulas";
import { a1, quoteSheet } from "../sheets/plan";
import { needsTextMarker } from "../sheets/text-safety";

export interface MktFormulaCell {
  /** Worksheet name. */
  readonly sheet: string;
  /** The cell, A1 style without the sheet: "D2". */
  readonly address: string;
  /** The formula as Office.js gives it (English, comma-separated). */
  readonly formula: string;
  /** What prepareForSharing will do: `{ native }` rewrite, else freeze (and why). */
  readonly plan: RewriteResult;
}

export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

export type FreezeCause = RewriteFailure | "valuesDiffer";
export type SkipCause = "changed" | "spilled" | "calculating";

export interface ShareOptions {
  /** The comment on a frozen cell, in the user's language; see {@link defaultFreezeNote}. */
  readonly freezeNote: (formula: string, date: Date) => string;
  /** The date the note mentions (default: now). */
  readonly date?: Date;
  /** Compare rewritten cells with MarketKit's values and freeze those that differ (default true). */
  readonly verify?: boolean;
}

export interface ShareResult {
  readonly rewritten: readonly (CellRef & { readonly native: string })[];
  readonly frozen: readonly (CellRef & { readonly because: FreezeCause })[];
  readonly skipped: readonly (CellRef & { readonly because: SkipCause })[];
  readonly syncs: number;
}

/** "MarketKit: frozen value of =MKT.CLV(A2:C90) on 2027-03-01". */
export function defaultFreezeNote(formula: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `MarketKit: frozen value of ${formula} on ${day}`;
}

/** Every cell whose formula calls an MKT function, sheet by sheet, row by row, with what sharing will do. */
export async function scanMktFormulas(context: Excel.RequestContext): Promise<MktFormulaCell[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();

  const used = sheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject();
    range.load("address,formulas");
    return { sheet: ws.name, range };
  });
  await context.sync();

  const found: MktFormulaCell[] = [];
  for (const { sheet, range } of used) {
    if (!range.isNullObject) {
      const origin = topLeft(range.address);
      const formulas = range.formulas as unknown[][];
      formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (hasMktCall(f)) {
            found.push({ sheet, address: a1(origin.row + i, origin.col + j), formula: f, plan: rewriteToNative(f) });
          }
        }),
      );
    }
  }
  return found;
}

interface Source {
  readonly item: MktFormulaCell;
  /** The block to freeze: the spill of a spilling formula, else the cell (address without the sheet). */
  readonly block: string;
  readonly values: unknown[][];
  readonly types: string[][];
}

/**
 * Rewrites the rewritable cells among `items` into native formulas and freezes the others (see the module doc).
 * `items` usually come from {@link scanMktFormulas}; a caller may pass a failure `plan` to freeze a cell that could
 * be rewritten.
 */
export async function prepareForSharing(
  context: Excel.RequestContext,
  items: readonly MktFormulaCell[],
  options: ShareOptions,
): Promise<ShareResult> {
  let syncs = 0;
  const date = options.date ?? new Date();
  const wb = context.workbook;
  const rewritten: (CellRef & { native: string })[] = [];
  const frozen: (CellRef & { because: FreezeCause })[] = [];
  const skipped: (CellRef & { because: SkipCause })[] = [];

  // ---- read 1
  const seen = new Set<string>();
  const probes = items
    .filter((item) => {
      const k = `${item.sheet.toLowerCase()}|${item.address.toUpperCase()}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((item) => {
      const cell = wb.worksheets.getItem(item.sheet).getRange(item.address);
      cell.load("address,formulas,values,valueTypes");
      const parent = cell.getSpillParentOrNullObject();
      parent.load("address");
      const spill = cell.getSpillingToRangeOrNullObject();
      spill.load("address,values,valueTypes");
      return { item, cell, parent, spill };
    });
  const comments = wb.comments;
  comments.load("items/id");
  await context.sync();
  syncs++;

  const rewrites: { source: Source; native: string }[] = [];
  const freezes: { source: Source; because: FreezeCause }[] = [];
  for (const { item, cell, parent, spill } of probes) {
    const ref = { sheet: item.sheet, address: item.address };
    if (cell.formulas[0][0] !== item.formula) {
      skipped.push({ ...ref, because: "changed" });
      continue;
    }
    if (!parent.isNullObject && !sameCell(parent.address, cell.address)) {
      skipped.push({ ...ref, because: "spilled" });
      continue;
    }
    let source: Source = { item, block: localAddress(cell.address), values: cell.values, types: cell.valueTypes };
    if (!spill.isNullObject) {
      source = { item, block: localAddress(spill.address), values: spill.values, types: spill.valueTypes };
    }
    if (source.values.some((row) => row.some(isCalculating))) {
      skipped.push({ ...ref, because: "calculating" });
      continue;
    }
    if ("native" in item.plan) rewrites.push({ source, native: item.plan.native });
    else freezes.push({ source, because: item.plan.reason });
  }

  // ---- read 2: where the existing comments are
  const commentAt = new Map<string, Excel.Comment>();
  if (comments.items.length > 0 && freezes.length + rewrites.length > 0) {
    const located = comments.items.map((comment) => {
      const where = comment.getLocation();
      where.load("address");
      return { comment, where };
    });
    await context.sync();
    syncs++;
    for (const { comment, where } of located) commentAt.set(cellKey(where.address), comment);
  }

  const freeze = (source: Source, because: FreezeCause) => {
    const { item } = source;
    wb.worksheets.getItem(item.sheet).getRange(source.block).values = writable(source.values, source.types);
    const note = options.freezeNote(item.formula, date);
    const full = `${quoteSheet(item.sheet)}!${item.address}`;
    const existing = commentAt.get(cellKey(full));
    if (existing) existing.replies.add(note);
    else wb.comments.add(full, note);
    frozen.push({ sheet: item.sheet, address: item.address, because });
  };

  // ---- write
  for (const { source, native } of rewrites) {
    wb.worksheets.getItem(source.item.sheet).getRange(source.item.address).formulas = [[native]];
  }
  for (const { source, because } of freezes) freeze(source, because);
  const verify = options.verify !== false && rewrites.length > 0;
  if (verify) wb.application.calculate("Recalculate");
  await context.sync();
  syncs++;

  if (!verify) {
    for (const { source, native } of rewrites) rewritten.push({ ...refOf(source), native });
    return { rewritten, frozen, skipped, syncs };
  }

  // ---- verify
  const checks = rewrites.map((r) => {
    const cell = wb.worksheets.getItem(r.source.item.sheet).getRange(r.source.item.address);
    cell.load("values");
    const spill = cell.getSpillingToRangeOrNullObject();
    spill.load("values");
    return { ...r, cell, spill };
  });
  await context.sync();
  syncs++;

  const differ: Source[] = [];
  for (const { source, native, cell, spill } of checks) {
    let now = cell.values;
    if (!spill.isNullObject) now = spill.values;
    if (sameValues(source.values, now)) rewritten.push({ ...refOf(source), native });
    else differ.push(source);
  }
  if (differ.length > 0) {
    for (const source of differ) freeze(source, "valuesDiffer");
    await context.sync();
    syncs++;
  }
  return { rewritten, frozen, skipped, syncs };
}

const refOf = (s: Source): CellRef => ({ sheet: s.item.sheet, address: s.item.address });

/** Values as Office.js should write them back: text stays text, errors and numbers as they are. */
function writable(values: unknown[][], types: string[][]): unknown[][] {
  return values.map((row, i) =>
    row.map((v, j) => {
      if (typeof v === "string" && types[i]?.[j] === "String" && (needsTextMarker(v) || v.startsWith("#"))) {
        return `'${v}`;
      }
      return v;
    }),
  );
}

function isCalculating(v: unknown): boolean {
  return v === "#BUSY!" || v === "#GETTING_DATA";
}

/** MarketKit's values (before) against the native formula's (now): see the module doc. */
export function sameValues(before: readonly (readonly unknown[])[], now: readonly (readonly unknown[])[]): boolean {
  if (now.length < before.length) return false;
  for (let i = 0; i < now.length; i++) {
    const row = now[i];
    if (i < before.length && row.length < before[i].length) return false;
    for (let j = 0; j < row.length; j++) {
      const inside = i < before.length && j < before[i].length;
      const want = inside ? before[i][j] : "";
      const got = row[j];
      if (typeof want === "number" && typeof got === "number") {
        if (!(Math.abs(want - got) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(want), Math.abs(got))))) return false;
      } else if (want !== got) return false;
    }
  }
  return true;
}

/** "Sheet1!B2:C5" or "'My Sheet'!B2" → "B2:C5" / "B2". */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** A comparable key for a cell address with its sheet: quotes, case and $ do not matter; "B2:B2" is "B2". */
function cellKey(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, Math.max(0, bang))
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const [first] = address
    .slice(bang + 1)
    .replace(/\$/g, "")
    .toUpperCase()
    .split(":");
  return `${sheet.toLowerCase()}|${first}`;
}

function sameCell(x: string, y: string): boolean {
  return (
    localAddress(x).replace(/\$/g, "").toUpperCase().split(":")[0] ===
    localAddress(y).replace(/\$/g, "").toUpperCase().split(":")[0]
  );
}

/** The top-left cell of an address, 0-based. */
function topLeft(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(localAddress(address))!;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}
