/**
 * The Excel adapter: applies a SheetPlan through Office.js. Two reads and one write per plan (more writes only
 * when a plan's cell data would exceed Excel on the web's request payload limit, then one per chunk):
 *   sync 1: sheet, table and defined names; our stored-plan parts; the target sheet when regenerating;
 *   sync 2: the stored parts' XML;
 *   sync 3: every write (cells, formats, tables, names, validation, conditional formats, charts, stored inputs).
 * It never overwrites or deletes a sheet it did not make: a taken name gets a suffix " (2)". Regenerating a sheet
 * MarketKit made (known by its id in our stored parts) rewrites it in place and puts back what the user typed in
 * input cells, matched by key. User text is written as text (see text-safety.ts).
 */
import { STYLE_LOOK } from "./styles";
import { type CellRange, type PlanCell, type SheetPlan, a1, planExtent, rangeA1 } from "../sheets/plan";
import { renameInFormula, uniqueIdentifier, uniqueSheetName } from "../sheets/names";
import { STORED_PLAN_NS, type StoredPlan, storedPlanFromXml, storedPlanToXml } from "../sheets/stored-plan";
import { asExcelText } from "../sheets/text-safety";

/** Worksheet custom property that marks a sheet MarketKit made; its value is our id in the stored part. */
export const SHEET_MARK = "MarketKit.sheetId";

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Excel on the web rejects requests over 5 MB; stay well below. */
export const PAYLOAD_LIMIT_BYTES = 4_000_000;

export interface ApplyOptions {
  /** Regenerate this sheet (an Office.js worksheet id) if MarketKit made it. */
  readonly targetSheetId?: string;
  readonly payloadLimitBytes?: number;
}

export interface ApplyResult {
  readonly sheetName: string;
  readonly sheetId: string;
  readonly regenerated: boolean;
  /** How many user-typed input values were carried over. */
  readonly keptInputs: number;
  readonly syncs: number;
}

type Matrix = (string | number | boolean | null)[][];

function emptyMatrix(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<string | number | boolean | null>(cols).fill(null));
}

/** The value sent through `Range.formulas` for a plan cell (text is marked as text). */
export function cellPayload(c: PlanCell): string | number | boolean | null {
  if (c.formula !== undefined) return c.formula;
  if (c.value === undefined || c.value === null) return null;
  return typeof c.value === "string" ? asExcelText(c.value) : c.value;
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  let syncs = 0;
  const wb = context.workbook;

  // ---- read 1
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id");
  const tables = wb.tables;
  tables.load("items/name");
  const names = wb.names;
  names.load("items/name,items/formula");
  const parts = wb.customXmlParts.getByNamespace(STORED_PLAN_NS);
  parts.load("items/id");
  const probe = options.targetSheetId ? probeSheet(sheets, options.targetSheetId) : undefined;
  await context.sync();
  syncs++;

  // ---- read 2
  const xmls = parts.items.map((p) => ({ part: p, xml: p.getXml() }));
  await context.sync();
  syncs++;
  const stored = xmls
    .map(({ part, xml }) => ({ part, plan: storedPlanFromXml(xml.value) }))
    .filter((s): s is { part: Excel.CustomXmlPart; plan: StoredPlan } => s.plan !== undefined);

  let mark: string | undefined;
  if (probe && !probe.sheet.isNullObject && !probe.mark.isNullObject) mark = probe.mark.value;
  const ours = mark ? stored.find((s) => s.plan.sheetId === mark) : undefined;
  const target = ours && probe ? probe : undefined;
  const regenerated = target !== undefined;

  // Values the user typed into the old sheet's input cells, by key.
  const kept = new Map<string, string | number | boolean>();
  if (target && ours && !target.used.isNullObject) {
    const { rowIndex, columnIndex, values } = target.used;
    for (const [key, address] of Object.entries(ours.plan.inputCells)) {
      const pos = parseA1(address);
      if (!pos) continue;
      const v = values[pos.row - rowIndex]?.[pos.col - columnIndex];
      if (v !== undefined && v !== null && v !== "") kept.set(key, v as string | number | boolean);
    }
  }

  // ---- write
  let ws: Excel.Worksheet;
  let sheetName: string;
  const mkId = ours?.plan.sheetId ?? newId();
  if (target && ours) {
    ws = target.sheet;
    sheetName = ws.name;
    ws.tables.items.forEach((t) => t.delete());
    ws.charts.items.forEach((c) => c.delete());
    const all = ws.getRange();
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.unmerge();
    all.clear("All");
    ours.part.delete();
  } else {
    sheetName = uniqueSheetName(
      plan.sheetName,
      sheets.items.map((s) => s.name),
    );
    ws = sheets.add(sheetName);
    ws.customProperties.add(SHEET_MARK, mkId);
  }
  ws.load("id,name");

  // Tables and defined names must be unique in the workbook; a regenerated sheet reuses its own.
  const renames = new Map<string, string>();
  const ownTables = new Set(target ? target.sheet.tables.items.map((t) => t.name.toLowerCase()) : []);
  const takenTables = tables.items.map((t) => t.name).filter((n) => !ownTables.has(n.toLowerCase()));
  const sheetRef = (n: string) => n.includes(`'${sheetName.replace(/'/g, "''")}'!`) || n.includes(`${sheetName}!`);
  const ownNames = names.items.filter((n) => regenerated && sheetRef(n.formula));
  ownNames.forEach((n) => n.delete());
  const takenNames = names.items.filter((n) => !ownNames.includes(n)).map((n) => n.name);
  for (const t of plan.tables ?? []) {
    const final = uniqueIdentifier(t.name, [...takenTables, ...takenNames]);
    takenTables.push(final);
    if (final !== t.name) renames.set(t.name, final);
  }
  for (const n of plan.names ?? []) {
    const final = uniqueIdentifier(n.name, [...takenTables, ...takenNames]);
    takenNames.push(final);
    if (final !== n.name) renames.set(n.name, final);
  }
  const fix = (f: string) => renameInFormula(f, renames);

  // Cells: one rectangular formulas matrix (constants, formulas and kept inputs), one number-format matrix.
  const ext = planExtent(plan);
  const rows = ext.r1 + 1;
  const cols = ext.c1 + 1;
  const formulas = emptyMatrix(rows, cols);
  const formats = emptyMatrix(rows, cols);
  let hasFormats = false;
  let keptInputs = 0;
  const inputCells: Record<string, string> = {};
  for (const c of plan.cells) {
    let payload = cellPayload(c);
    if (c.input && c.key) {
      inputCells[c.key] = a1(c.row, c.col);
      const k = kept.get(c.key);
      if (k !== undefined) {
        payload = typeof k === "string" ? asExcelText(k) : k;
        keptInputs++;
      }
    }
    formulas[c.row][c.col] = typeof payload === "string" && c.formula !== undefined ? fix(payload) : payload;
    if (c.numberFormat) {
      formats[c.row][c.col] = c.numberFormat;
      hasFormats = true;
    }
  }

  const limit = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
  const chunks = rowChunks(formulas, hasFormats ? formats : undefined, limit);
  for (let i = 0; i < chunks.length; i++) {
    const { r0, r1 } = chunks[i];
    if (hasFormats) {
      // Formats first, so a value typed as text into a "@" cell stays text.
      ws.getRangeByIndexes(r0, 0, r1 - r0 + 1, cols).numberFormat = formats.slice(r0, r1 + 1) as string[][];
    }
    ws.getRangeByIndexes(r0, 0, r1 - r0 + 1, cols).formulas = formulas.slice(r0, r1 + 1);
    if (i < chunks.length - 1) {
      // Deliberate: one sync per payload-sized chunk, only for plans too large for one request.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
    }
  }

  applyStyles(ws, plan.cells);
  for (const w of plan.columnWidths ?? []) {
    ws.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = Math.round(w.width * 5.7 + 5);
  }
  for (const m of plan.merges ?? []) rangeOf(ws, m).merge(false);
  for (const t of plan.tables ?? []) {
    const table = ws.tables.add(rangeOf(ws, t.range), true);
    table.name = renames.get(t.name) ?? t.name;
    table.style = t.style ?? "TableStyleMedium7";
    if (t.showTotals) table.showTotals = true;
  }
  for (const n of plan.names ?? []) wb.names.add(renames.get(n.name) ?? n.name, rangeOf(ws, n.range));
  for (const v of plan.validations ?? []) {
    rangeOf(ws, v.range).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  }
  for (const cf of plan.conditionalFormats ?? []) {
    const range = rangeOf(ws, cf.range);
    if (cf.kind === "expression") {
      const f = range.conditionalFormats.add("Custom");
      f.custom.rule.formula = fix(cf.formula);
      f.custom.format.fill.color = cf.fill;
      if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
    } else {
      const f = range.conditionalFormats.add("CellValue");
      f.cellValue.rule = {
        formula1: fix(cf.formula1),
        formula2: cf.formula2 === undefined ? undefined : fix(cf.formula2),
        operator: cf.operator.charAt(0).toUpperCase() + cf.operator.slice(1),
      } as Excel.ConditionalCellValueRule;
      f.cellValue.format.fill.color = cf.fill;
      if (cf.fontColor) f.cellValue.format.font.color = cf.fontColor;
    }
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(1, plan.freeze.rows), Math.max(1, plan.freeze.cols)));
  }
  for (const ch of plan.charts ?? []) {
    const chart = ws.charts.add(CHART_TYPE[ch.kind], rangeOf(ws, ch.data), ch.seriesBy === "rows" ? "Rows" : "Columns");
    chart.title.text = ch.title;
    chart.setPosition(ws.getRangeByIndexes(ch.anchor.row, ch.anchor.col, 1, 1));
    chart.width = ch.width;
    chart.height = ch.height;
  }
  wb.customXmlParts.add(storedPlanToXml({ sheetId: mkId, wizard: plan.wizard, inputs: plan.inputs, inputCells }));
  ws.activate();
  await context.sync();
  syncs++;
  return { sheetName: ws.name, sheetId: ws.id, regenerated, keptInputs, syncs };
}

/** Queues the loads that tell whether a sheet is ours, and what the user typed on it. */
function probeSheet(sheets: Excel.WorksheetCollection, id: string) {
  const sheet = sheets.getItemOrNullObject(id);
  sheet.load("id,name");
  sheet.tables.load("items/name");
  sheet.charts.load("items/name");
  const mark = sheet.customProperties.getItemOrNullObject(SHEET_MARK);
  mark.load("value");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return { sheet, mark, used };
}

const CHART_TYPE: Record<string, "ColumnStacked" | "ColumnClustered" | "BarClustered" | "Pie" | "Line"> = {
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  pie: "Pie",
  line: "Line",
};

function rangeOf(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);
}

/**
 * Groups cells of the same style into rectangles (runs along a row, then identical runs on consecutive rows), so
 * formatting costs one call per block, not per cell.
 */
function applyStyles(ws: Excel.Worksheet, cells: readonly PlanCell[]): void {
  const byStyle = new Map<string, PlanCell[]>();
  for (const c of cells) if (c.style) byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), c]);
  for (const [style, list] of byStyle) {
    const look = STYLE_LOOK[style as keyof typeof STYLE_LOOK];
    for (const b of styleBlocks(list)) {
      const f = ws.getRangeByIndexes(b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1).format;
      if (look.bold) f.font.bold = true;
      if (look.italic) f.font.italic = true;
      if (look.size) f.font.size = look.size;
      if (look.color) f.font.color = look.color;
      if (look.fill) f.fill.color = look.fill;
      if (look.wrap) f.wrapText = true;
      if (look.borderTop) f.borders.getItem("EdgeTop").style = "Continuous";
    }
  }
}

/** Covers the given cells with rectangles: row runs, merged downwards while the next row has the same run. */
export function styleBlocks(cells: readonly PlanCell[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: CellRange[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].row === sorted[i].row && sorted[j + 1].col === sorted[j].col + 1) j++;
    runs.push({ r0: sorted[i].row, c0: sorted[i].col, r1: sorted[i].row, c1: sorted[j].col });
    i = j + 1;
  }
  const blocks: CellRange[] = [];
  const open = new Map<string, CellRange>();
  for (const r of runs) {
    const k = `${r.c0}:${r.c1}`;
    const prev = open.get(k);
    if (prev && prev.r1 === r.r0 - 1) open.set(k, { ...prev, r1: r.r0 });
    else {
      if (prev) blocks.push(prev);
      open.set(k, r);
    }
  }
  blocks.push(...open.values());
  return blocks;
}

/** Splits rows into chunks whose JSON payload stays under the limit. */
export function rowChunks(formulas: Matrix, formats: Matrix | undefined, limit: number): { r0: number; r1: number }[] {
  const chunks: { r0: number; r1: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < formulas.length; r++) {
    const rowBytes = JSON.stringify(formulas[r]).length + (formats ? JSON.stringify(formats[r]).length : 0);
    if (bytes + rowBytes > limit && r > start) {
      chunks.push({ r0: start, r1: r - 1 });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  chunks.push({ r0: start, r1: Math.max(start, formulas.length - 1) });
  return chunks;
}

function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.replace(/^.*!/, ""));
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export { rangeA1 };
