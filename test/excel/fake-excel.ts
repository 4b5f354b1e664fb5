/**
 * A small Excel workbook behind Microsoft's office-addin-mock. Every object the adapter touches is an
 * OfficeMockObject, so reading a property that was not loaded, or before context.sync(), yields the mock's error
 * value instead of data (and our assertions fail), exactly the discipline Office.js enforces. Writes the adapter
 * queues (formulas, formats, tables, custom XML parts…) are applied to the workbook state at each sync, so a
 * second run sees what the first wrote and what a "user" typed in between.
 *
 * Formula results and spills (added for "prepare for sharing", optional, absent in the writer's tests): a sheet's
 * `results` holds the values Excel computed for formula cells and spilled cells, `spills` the size of each
 * spilling formula's block (by anchor); `state.calc`, when set, stands in for Excel's recalculation of a formula
 * written through `Range.formulas`. `Range.formulas` of a spilled (non-anchor) cell gives its value, as Excel
 * does. `state.comments` holds threaded comments (`workbook.comments`).
 */
import { OfficeMockObject } from "office-addin-mock";

type Val = string | number | boolean | null;

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, Val>;
  formats: Map<string, string>;
  props: Map<string, string>;
  tables: string[];
  charts: { type: string; title?: string; source: string }[];
  conditionalFormats: { range: string; type: string; formula?: string }[];
  validations: { range: string; source: string }[];
  bold: Set<string>;
  frozen?: string;
  /** Computed values of formula cells and of spilled cells, by key "row,col". */
  results?: Map<string, Val>;
  /** Spilling formulas: anchor key → size of the spilled block (anchor included). */
  spills?: Map<string, { rows: number; cols: number }>;
}

export interface FakeComment {
  /** As given to comments.add, e.g. "'Sheet1'!B2"; compared without quotes and $. */
  address: string;
  content: string;
  replies: string[];
}

export interface FakeState {
  sheets: FakeSheet[];
  names: { name: string; formula: string }[];
  parts: { id: string; xml: string }[];
  /** Id of the active sheet (the first one until a sheet is activated). */
  active?: string;
  syncs: number;
  comments?: FakeComment[];
  /** Recalculation of a formula written through Range.formulas: a value, a block that spills, or undefined. */
  calc?: (sheet: string, address: string, formula: string) => Val | Val[][] | undefined;
}

const key = (r: number, c: number) => `${r},${c}`;

function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function newWorkbook(sheetNames: string[] = ["Sheet1"]): FakeState {
  return {
    sheets: sheetNames.map((name, i) => blankSheet(`{sheet-${i}}`, name)),
    names: [],
    parts: [],
    syncs: 0,
  };
}

function blankSheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    cells: new Map(),
    formats: new Map(),
    props: new Map(),
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    bold: new Set(),
  };
}

type Pending = () => void;

/** Builds an Excel.RequestContext-shaped mock over the state. */
export function mockContext(state: FakeState): Excel.RequestContext {
  const pending: Pending[] = [];
  /** Where each range mock points (read by the fake itself, not through the mock's load discipline). */
  const whereIs = new Map<object, { sheet: FakeSheet; address: string }>();
  let seq = 0;
  // office-addin-mock keeps its children in a private map; every mock we hand out is registered there so that
  // context.sync() reaches it.
  const root = new OfficeMockObject({ workbook: {} }) as unknown as {
    _properties: Map<string, unknown>;
    workbook: Record<string, unknown>;
  };
  const track = <T extends object>(data: T): T & OfficeMockObject => {
    const m = new OfficeMockObject(data as Record<string, unknown>) as unknown as T & OfficeMockObject;
    root._properties.set(`m${seq++}`, m as unknown as OfficeMockObject);
    // Office.js makes isNullObject readable after a sync without an explicit load.
    if ("isNullObject" in data) (m as unknown as { load: (p: string) => void }).load("isNullObject");
    return m;
  };
  /** A collection whose load("items/a,items/b") loads those properties on every item. */
  const collection = <T extends object>(items: (T & OfficeMockObject)[], extra: Record<string, unknown> = {}) => {
    const c = track({ items, ...extra }) as unknown as { items: (T & OfficeMockObject)[]; load: (p: string) => void };
    const loadItems = c.load.bind(c);
    c.load = (p: string) => {
      loadItems("items");
      const sub = p
        .split(",")
        .map((s) => s.trim().replace(/^items\//, ""))
        .join(",");
      items.forEach((i) => (i as unknown as { load: (p: string) => void }).load(sub));
    };
    return c;
  };

  const rangeMock = (sheet: FakeSheet, r0: number, c0: number, rows: number, cols: number) => {
    const address = `${colLetters(c0)}${r0 + 1}:${colLetters(c0 + cols - 1)}${r0 + rows}`;
    const used = usedBounds(sheet);
    const r = track({
      address,
      values: [] as Val[][],
      rowIndex: used?.r0 ?? 0,
      columnIndex: used?.c0 ?? 0,
      formulas: undefined as unknown,
      numberFormat: undefined as unknown,
      format: {
        font: {},
        fill: {},
        borders: { getItem: () => ({}) },
        columnWidth: undefined,
      },
      dataValidation: {
        rule: undefined as unknown,
        clear: () => pending.push(() => (sheet.validations = [])),
      },
      conditionalFormats: {
        add: (type: string) => {
          const cf = {
            custom: { rule: {}, format: { fill: {}, font: {} } },
            cellValue: { rule: {}, format: { fill: {}, font: {} } },
          };
          pending.push(() =>
            sheet.conditionalFormats.push({
              range: address,
              type,
              formula: (cf.custom.rule as { formula?: string }).formula,
            }),
          );
          return cf;
        },
        clearAll: () => pending.push(() => (sheet.conditionalFormats = [])),
      },
      merge: () => undefined,
      unmerge: () => undefined,
      clear: () =>
        pending.push(() => {
          sheet.cells.clear();
          sheet.formats.clear();
          sheet.bold.clear();
        }),
      getEntireColumn: () => ({ format: {} }),
    });
    // Snapshot of current values for reads (rows × cols from r0,c0; the used range when asked for it).
    whereIs.set(r, { sheet, address });
    const snap = { r0, c0, r1: r0 + rows - 1, c1: c0 + cols - 1 };
    const values: Val[][] = [];
    for (let i = snap.r0; i <= snap.r1; i++) {
      const row: Val[] = [];
      for (let j = snap.c0; j <= snap.c1; j++) {
        const k = key(i, j);
        row.push(sheet.results?.has(k) ? sheet.results.get(k)! : (sheet.cells.get(k) ?? ""));
      }
      values.push(row);
    }
    (r as unknown as { populate: (d: object) => void }).populate({ values });
    // Readable formulas (a spilled cell gives its value) and value types; only read after a load.
    const formulas = values.map((row, i) => row.map((v, j) => sheet.cells.get(key(r0 + i, c0 + j)) ?? v));
    (r as unknown as { populate: (d: object) => void }).populate({ formulas, valueTypes: valueTypesOf(values) });
    Object.assign(r, {
      getSpillingToRangeOrNullObject: () => {
        const size = rows === 1 && cols === 1 ? sheet.spills?.get(key(r0, c0)) : undefined;
        if (!size) return nullRange();
        const m = rangeMock(sheet, r0, c0, size.rows, size.cols);
        setData(m, { isNullObject: false });
        return m;
      },
      getSpillParentOrNullObject: () => {
        if (rows !== 1 || cols !== 1) return nullRange();
        for (const [k, size] of sheet.spills ?? []) {
          const [ar, ac] = k.split(",").map(Number);
          if (r0 >= ar && r0 < ar + size.rows && c0 >= ac && c0 < ac + size.cols) {
            const m = rangeMock(sheet, ar, ac, 1, 1);
            setData(m, { isNullObject: false });
            return m;
          }
        }
        return nullRange();
      },
    });
    pending.push(() => {
      const f = (r as unknown as { formulas?: Val[][] }).formulas;
      const nf = (r as unknown as { numberFormat?: string[][] }).numberFormat;
      const font = (r as unknown as { format: { font: { bold?: boolean } } }).format.font;
      const dv = (r as unknown as { dataValidation: { rule?: { list?: { source: string } } } }).dataValidation.rule;
      const vals = (r as unknown as { values?: Val[][] }).values;
      if (Array.isArray(vals)) writeValues(sheet, r0, c0, vals);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = Array.isArray(f) ? f[i]?.[j] : undefined;
          if (v !== undefined && v !== null && (sheet.results || sheet.spills || state.calc)) {
            forgetResult(sheet, key(r0 + i, c0 + j));
            const res =
              typeof v === "string" && v.startsWith("=")
                ? state.calc?.(sheet.name, `${colLetters(c0 + j)}${r0 + i + 1}`, v)
                : undefined;
            if (res !== undefined) storeResult(sheet, r0 + i, c0 + j, res);
          }
          if (v !== undefined && v !== null) sheet.cells.set(key(r0 + i, c0 + j), v);
          const fmt = Array.isArray(nf) ? nf[i]?.[j] : undefined;
          if (fmt) sheet.formats.set(key(r0 + i, c0 + j), fmt);
          if (font.bold) sheet.bold.add(key(r0 + i, c0 + j));
        }
      if (dv?.list) sheet.validations.push({ range: address, source: dv.list.source });
    });
    return r;
  };

  const sheetMock = (sheet: FakeSheet) => {
    const ws = track({
      id: sheet.id,
      name: sheet.name,
      isNullObject: false,
      getRangeByIndexes: (r0: number, c0: number, rows: number, cols: number) => rangeMock(sheet, r0, c0, rows, cols),
      getRange: (address?: string) => {
        if (address === undefined) return rangeMock(sheet, 0, 0, 1, 1);
        const b = parseRange(address);
        return rangeMock(sheet, b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
      },
      getUsedRangeOrNullObject: () => {
        const b = usedBounds(sheet);
        if (!b) return nullRange();
        const m = rangeMock(sheet, b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1);
        setData(m, { isNullObject: false, rowIndex: b.r0, columnIndex: b.c0 });
        return m;
      },
      activate: () => pending.push(() => (state.active = sheet.id)),
    });
    // Sub-objects are mocks of their own (tracked for sync), attached after construction.
    Object.assign(ws, {
      customProperties: {
        add: (k: string, v: string) => pending.push(() => sheet.props.set(k, v)),
        getItemOrNullObject: (k: string) =>
          sheet.props.has(k)
            ? track({ key: k, value: sheet.props.get(k)!, isNullObject: false })
            : track({ isNullObject: true, value: "" }),
      },
      tables: Object.assign(
        collection(sheet.tables.map((name) => track({ name, delete: () => pending.push(() => removeTable(name)) }))),
        {
          add: () => {
            const t = { name: "", style: "", showTotals: false };
            pending.push(() => sheet.tables.push(t.name || `Table${sheet.tables.length + 1}`));
            return t;
          },
        },
      ),
      charts: Object.assign(
        collection(
          sheet.charts.map((c, i) =>
            track({
              name: `Chart${i}`,
              delete: () => pending.push(() => sheet.charts.splice(sheet.charts.indexOf(c), 1)),
            }),
          ),
        ),
        {
          add: (type: string, source: object) => {
            const ch = { title: { text: "" }, setPosition: () => undefined, width: 0, height: 0 };
            pending.push(() => sheet.charts.push({ type, title: ch.title.text, source: whereIs.get(source)!.address }));
            return ch;
          },
        },
      ),
      freezePanes: { freezeAt: (r: object) => pending.push(() => (sheet.frozen = whereIs.get(r)!.address)) },
    });
    return ws;
  };

  const removeTable = (name: string) => {
    for (const s of state.sheets) s.tables = s.tables.filter((t) => t !== name);
  };

  const wb = root.workbook;
  Object.defineProperty(wb, "worksheets", {
    get: () => {
      const items = state.sheets.map(sheetMock);
      return Object.assign(collection(items), {
        add: (name: string) => {
          const sheet = blankSheet(`{sheet-${state.sheets.length}-${seq}}`, name);
          pending.push(() => {
            if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
              throw new Error(`A sheet named ${name} already exists`);
            }
            state.sheets.push(sheet);
          });
          return sheetMock(sheet);
        },
        getItem: (idOrName: string) => {
          const s = state.sheets.find((x) => x.id === idOrName || x.name.toLowerCase() === idOrName.toLowerCase());
          if (!s) throw new Error(`no sheet ${idOrName}`);
          return sheetMock(s);
        },
        getActiveWorksheet: () => sheetMock(state.sheets.find((x) => x.id === state.active) ?? state.sheets[0]),
        getItemOrNullObject: (idOrName: string) => {
          const s = state.sheets.find((x) => x.id === idOrName || x.name === idOrName);
          if (s) return sheetMock(s);
          const nothing = sheetMock(blankSheet("", ""));
          setData(nothing, { isNullObject: true });
          return nothing;
        },
      });
    },
  });
  Object.defineProperty(wb, "tables", {
    get: () => collection(state.sheets.flatMap((s) => s.tables).map((name) => track({ name }))),
  });
  Object.defineProperty(wb, "names", {
    get: () =>
      Object.assign(
        collection(
          state.names.map((n) =>
            track({
              ...n,
              delete: () => pending.push(() => (state.names = state.names.filter((x) => x.name !== n.name))),
            }),
          ),
        ),
        {
          add: (name: string, range: object) => {
            const { sheet, address } = whereIs.get(range)!;
            const abs = address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
            // Like Excel, a clash fails the batch at sync, after the operations queued before it.
            pending.push(() => {
              if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
                throw new Error(`name ${name} exists`);
              state.names.push({ name, formula: `='${sheet.name.replace(/'/g, "''")}'!${abs}` });
            });
          },
        },
      ),
  });
  Object.defineProperty(wb, "customXmlParts", {
    get: () => ({
      getByNamespace: (ns: string) =>
        collection(
          state.parts
            .filter((p) => p.xml.includes(ns))
            .map((p) =>
              track({
                id: p.id,
                getXml: () => {
                  // A ClientResult: its value is readable after the next sync.
                  const result = track({ value: p.xml });
                  (result as unknown as { load: (p: string) => void }).load("value");
                  return result;
                },
                delete: () => pending.push(() => (state.parts = state.parts.filter((x) => x.id !== p.id))),
              }),
            ),
        ),
      add: (xml: string) => pending.push(() => state.parts.push({ id: `part-${state.parts.length}-${seq}`, xml })),
    }),
  });

  Object.defineProperty(wb, "comments", {
    get: () => {
      state.comments ??= [];
      const all = state.comments;
      const items = all.map((c, i) =>
        track({
          id: `comment-${i}`,
          content: c.content,
          getLocation: () => track({ address: c.address }),
          replies: { add: (text: string) => pending.push(() => c.replies.push(text)) },
        }),
      );
      return Object.assign(collection(items), {
        add: (cellAddress: string | object, content: string) => {
          const address =
            typeof cellAddress === "string"
              ? cellAddress
              : `'${whereIs.get(cellAddress)!.sheet.name.replace(/'/g, "''")}'!${whereIs.get(cellAddress)!.address}`;
          // Excel allows one comment thread per cell: a second add fails the batch.
          pending.push(() => {
            if (all.some((c) => sameCommentCell(c.address, address))) throw new Error(`${address} has a comment`);
            all.push({ address, content, replies: [] });
          });
        },
      });
    },
  });
  Object.defineProperty(wb, "application", {
    get: () => ({ calculate: () => undefined }),
  });

  /** A range *OrNullObject method's "nothing": loads of range properties work, isNullObject is true. */
  const nullRange = () =>
    track({ isNullObject: true, address: "", values: [], valueTypes: [], formulas: [], rowIndex: 0, columnIndex: 0 });

  const ctx = root as unknown as { sync: () => Promise<void>; workbook: unknown };
  const mockSync = ctx.sync.bind(root);
  ctx.sync = async () => {
    state.syncs++;
    for (const p of pending.splice(0)) p();
    await mockSync();
  };
  return root as unknown as Excel.RequestContext;
}

function valueTypesOf(values: Val[][]): string[][] {
  return values.map((row) =>
    row.map((v) =>
      typeof v === "number"
        ? "Double"
        : typeof v === "boolean"
          ? "Boolean"
          : v === "" || v === null
            ? "Empty"
            : /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA)$/.test(v)
              ? "Error"
              : "String",
    ),
  );
}

/** A cell stops being (or spilling from) a formula: its result and any block it spilled go. */
function forgetResult(sheet: FakeSheet, k: string): void {
  const size = sheet.spills?.get(k);
  if (size) {
    const [r0, c0] = k.split(",").map(Number);
    for (let i = 0; i < size.rows; i++) for (let j = 0; j < size.cols; j++) sheet.results?.delete(key(r0 + i, c0 + j));
    sheet.spills!.delete(k);
  }
  sheet.results?.delete(k);
}

function storeResult(sheet: FakeSheet, r0: number, c0: number, res: Val | Val[][]): void {
  sheet.results ??= new Map();
  if (!Array.isArray(res)) {
    sheet.results.set(key(r0, c0), res);
    return;
  }
  res.forEach((row, i) => row.forEach((v, j) => sheet.results!.set(key(r0 + i, c0 + j), v)));
  if (res.length > 1 || res[0].length > 1) {
    sheet.spills ??= new Map();
    sheet.spills.set(key(r0, c0), { rows: res.length, cols: res[0].length });
  }
}

/** Range.values = …: constants, as typed ("" clears the cell). */
function writeValues(sheet: FakeSheet, r0: number, c0: number, vals: Val[][]): void {
  vals.forEach((row, i) =>
    row.forEach((v, j) => {
      const k = key(r0 + i, c0 + j);
      forgetResult(sheet, k);
      if (v === "" || v === null) sheet.cells.delete(k);
      else sheet.cells.set(k, v);
    }),
  );
}

/** "B2", "B2:C5", "Sheet1!B2", "'My Sheet'!$B$2:$C$5" → 0-based bounds. */
function parseRange(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const cell = (a: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a)!;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]) - 1, c: col - 1 };
  };
  const [a, b = a] = address.replace(/^.*!/, "").split(":");
  const p = cell(a);
  const q = cell(b);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

function sameCommentCell(x: string, y: string): boolean {
  const norm = (s: string) => {
    const bang = s.lastIndexOf("!");
    const sheet = s
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'")
      .toLowerCase();
    const b = parseRange(s.slice(bang + 1));
    return `${sheet}|${b.r0},${b.c0}`;
  };
  return norm(x) === norm(y);
}

/** Replaces data on a mock; isNullObject stays readable after sync, as in Office.js. */
function setData(m: object, d: Record<string, unknown>): void {
  const mock = m as unknown as { populate: (d: object) => void; load: (p: string) => void };
  mock.populate(d);
  if ("isNullObject" in d) mock.load("isNullObject");
}

function usedBounds(sheet: FakeSheet): { r0: number; c0: number; r1: number; c1: number } | undefined {
  if (sheet.cells.size === 0) return undefined;
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  for (const k of [...sheet.cells.keys(), ...(sheet.results?.keys() ?? [])]) {
    const [r, c] = k.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return { r0, c0, r1, c1 };
}

/** What a user typing into a cell does. */
export function typeInto(state: FakeState, sheetName: string, address: string, value: Val): void {
  const s = state.sheets.find((x) => x.name === sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  s.cells.set(key(Number(m[2]) - 1, col - 1), value);
}

export function cellAt(state: FakeState, sheetName: string, address: string): Val | undefined {
  const s = state.sheets.find((x) => x.name === sheetName);
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return s?.cells.get(key(Number(m[2]) - 1, col - 1));
}
