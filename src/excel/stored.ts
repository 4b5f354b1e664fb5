/**
 * Reads what MarketKit stored about the active sheet (see writer.ts and sheets/stored-plan.ts), so a colleague
 * who opens a shared workbook can reopen the wizard that made it, with its inputs, and regenerate in place.
 * Two syncs: the sheet's mark and the parts' list, then the parts' XML.
 */
import { SHEET_MARK } from "./writer";
import { STORED_PLAN_NS, type StoredPlan, storedPlanFromXml } from "../sheets/stored-plan";

export interface ActiveSheetPlan {
  /** Office.js id of the active sheet (pass it to applyPlan as targetSheetId). */
  readonly sheetId: string;
  readonly sheetName: string;
  readonly stored: StoredPlan;
}

export async function readActiveSheetPlan(context: Excel.RequestContext): Promise<ActiveSheetPlan | undefined> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("id,name");
  const mark = sheet.customProperties.getItemOrNullObject(SHEET_MARK);
  mark.load("value");
  const parts = context.workbook.customXmlParts.getByNamespace(STORED_PLAN_NS);
  parts.load("items/id");
  await context.sync();
  if (mark.isNullObject) return undefined;
  const id = mark.value;
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  for (const x of xmls) {
    const stored = storedPlanFromXml(x.value);
    if (stored && stored.sheetId === id) return { sheetId: sheet.id, sheetName: sheet.name, stored };
  }
  return undefined;
}
