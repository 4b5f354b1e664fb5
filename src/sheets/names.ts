/**
 * Sheet, table and defined-name rules. A sheet name may not exceed 31 characters or contain : \ / ? * [ ];
 * a name that exists and is not MarketKit's own gets a suffix " (2)", " (3)"… (Excel's own convention for copies),
 * compared case-insensitively as Excel does.
 */
const BAD_SHEET_CHARS = /[:\\/?*[\]]/g;

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(BAD_SHEET_CHARS, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "MarketKit").slice(0, 31);
}

export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A workbook-unique identifier for a table or defined name: base, base_2, base_3… */
export function uniqueIdentifier(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}_${i}`.toLowerCase())) return `${wanted}_${i}`;
}

/**
 * Renames table and defined names inside a formula (whole identifiers, outside string literals), so a plan built
 * with the names it wanted still works after the writer had to make them unique.
 */
export function renameInFormula(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const pattern = new RegExp(`(?<![\\w.])(${[...renames.keys()].map(escapeRe).join("|")})(?![\\w(])`, "g");
  return parts.map((p, i) => (i % 2 === 1 ? p : p.replace(pattern, (m) => renames.get(m) ?? m))).join("");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
