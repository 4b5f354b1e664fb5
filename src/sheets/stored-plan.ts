/**
 * What MarketKit stores in the workbook about a sheet it wrote: which wizard, the wizard's inputs, and where the
 * user's input cells are (by key), so a colleague who opens the shared file can reopen the wizard on that sheet
 * and regenerating keeps what was typed. It is kept as a custom XML part (it travels inside the .xlsx and needs
 * no add-in to survive), one part per sheet, in our own namespace.
 */
export const STORED_PLAN_NS = "urn:marketkit:sheet-plan:v1";

export interface StoredPlan {
  /** MarketKit's id for the sheet, also stored on the sheet as a custom property (survives renames). */
  readonly sheetId: string;
  readonly wizard: string;
  readonly inputs: unknown;
  /** Input cell key → A1 address on that sheet. */
  readonly inputCells: Readonly<Record<string, string>>;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** JSON inside CDATA; "]]>" cannot occur in CDATA, so it is split across two sections. */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

export function storedPlanToXml(p: StoredPlan): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<mkSheet xmlns="${STORED_PLAN_NS}" sheetId="${escapeAttr(p.sheetId)}" wizard="${escapeAttr(p.wizard)}">` +
    `<inputs>${cdata(JSON.stringify(p.inputs ?? null))}</inputs>` +
    `<inputCells>${cdata(JSON.stringify(p.inputCells))}</inputCells>` +
    `</mkSheet>`
  );
}

function section(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return undefined;
  const inner = m[1];
  const parts = [...inner.matchAll(/<!\[CDATA\[([\s\S]*?)]]>/g)].map((x) => x[1]);
  return parts.length ? parts.join("") : inner;
}

/** Parses a stored part; anything malformed (edited by hand, another version) gives undefined. */
export function storedPlanFromXml(xml: string): StoredPlan | undefined {
  if (!xml.includes(STORED_PLAN_NS)) return undefined;
  const head = /<mkSheet\b([^>]*)>/.exec(xml);
  if (!head) return undefined;
  const attr = (name: string) => {
    const m = new RegExp(`\\b${name}="([^"]*)"`).exec(head[1]);
    return m ? unescapeAttr(m[1]) : undefined;
  };
  const sheetId = attr("sheetId");
  const wizard = attr("wizard");
  try {
    const inputs = JSON.parse(section(xml, "inputs") ?? "null") as unknown;
    const inputCells = JSON.parse(section(xml, "inputCells") ?? "{}") as Record<string, string>;
    if (!sheetId || !wizard || typeof inputCells !== "object" || inputCells === null) return undefined;
    return { sheetId, wizard, inputs, inputCells };
  } catch {
    return undefined;
  }
}
