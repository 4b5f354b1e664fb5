/**
 * Recalculating workbooks with LibreOffice Calc, headless. LibreOffice keeps an .xlsx file's cached formula
 * results unless its profile says to recalculate on load, so every run uses a fresh profile whose
 * registrymodifications.xcu sets OOXMLRecalcMode (and ODFRecalcMode) to 0 = "always recalculate". The
 * recalculated file is read back with exceljs: each formula cell's cached result is now LibreOffice's.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";

export const SOFFICE = process.env.SOFFICE_PATH || "/usr/bin/soffice";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts each .xlsx through LibreOffice (one soffice process for all) and returns the recalculated files. */
export function recalcXlsx(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "mk-lo-"));
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const inDir = join(dir, "in");
  const outDir = join(dir, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  const paths = Object.entries(files).map(([name, bytes]) => {
    const p = join(inDir, `${name}.xlsx`);
    writeFileSync(p, bytes);
    return p;
  });
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...paths,
    ],
    { stdio: "pipe", timeout: 240_000, env: { ...process.env, HOME: dir } },
  );
  const out: Record<string, Uint8Array> = {};
  for (const p of paths) out[basename(p, ".xlsx")] = new Uint8Array(readFileSync(join(outDir, basename(p))));
  return out;
}

export type CellResult = string | number | boolean | null | { error: string };

/** Every cell of every sheet: formula cells give their cached result, others their value. */
export async function readResults(
  bytes: Uint8Array,
): Promise<Map<string, Map<string, { formula?: string; result: CellResult }>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheets = new Map<string, Map<string, { formula?: string; result: CellResult }>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, { formula?: string; result: CellResult }>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        // cell.result, not value.result: exceljs drops cached results of 0, false and "" from the value object.
        if (v && typeof v === "object" && "formula" in (v as object)) {
          const fv = v as { formula: string };
          cells.set(cell.address, { formula: fv.formula, result: normalize(cell.result) });
        } else if (v && typeof v === "object" && "sharedFormula" in (v as object)) {
          const fv = v as { sharedFormula: string };
          cells.set(cell.address, { formula: fv.sharedFormula, result: normalize(cell.result) });
        } else cells.set(cell.address, { result: normalize(v) });
      }),
    );
    sheets.set(ws.name, cells);
  });
  return sheets;
}

function normalize(v: unknown): CellResult {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === "object" && "error" in (v as object)) return { error: String((v as { error: unknown }).error) };
  if (typeof v === "object" && "richText" in (v as object)) {
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  }
  return String(v);
}
