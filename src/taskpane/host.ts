/**
 * What the pane can do where it runs. Inside Excel, plans are written through the Office.js adapter; in the
 * standalone preview (a plain browser) there is no workbook, so writing is not offered and plans are exported as
 * .xlsx instead (in Excel both are available). Components receive a PaneHost as a prop and never touch Office
 * globals themselves.
 */
import type { MktFormulaCell, ShareResult } from "../excel/share";
import type { ActiveSheetPlan } from "../excel/stored";
import type { ApplyOptions, ApplyResult } from "../excel/writer";
import type { SheetPlan } from "../sheets/plan";

export interface PaneHost {
  readonly kind: "excel" | "preview";
  /** BCP-47 display language, e.g. "zh-CN". */
  readonly displayLanguage: string;
  readonly dark: boolean;
  /** Writes a plan into the open workbook (Excel only). */
  readonly writePlan?: (plan: SheetPlan, options?: ApplyOptions) => Promise<ApplyResult>;
  /** The wizard inputs MarketKit stored on the active sheet, if it made that sheet (Excel only). */
  readonly readActivePlan?: () => Promise<ActiveSheetPlan | undefined>;
  /** Lists the workbook's MKT formulas and what sharing would do with each (Excel only). */
  readonly scanMktFormulas?: () => Promise<MktFormulaCell[]>;
  /** Rewrites or freezes them; `note` is the comment left on frozen cells (Excel only). */
  readonly prepareForSharing?: (
    items: readonly MktFormulaCell[],
    note: (formula: string, date: Date) => string,
  ) => Promise<ShareResult>;
  /** Saves plans as an .xlsx download. */
  readonly exportXlsx: (plans: readonly SheetPlan[], fileName: string) => Promise<void>;
}

/** Builds the .xlsx in the browser (exceljs is loaded only when asked for) and offers it as a download. */
export async function downloadXlsx(plans: readonly SheetPlan[], fileName: string): Promise<void> {
  const [{ default: ExcelJS }, { plansToXlsx }] = await Promise.all([import("exceljs"), import("../export/xlsx")]);
  const bytes = await plansToXlsx(ExcelJS, plans);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function previewHost(): PaneHost {
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  return { kind: "preview", displayLanguage: navigator.language, dark, exportXlsx: downloadXlsx };
}

/** Reads Office's context; call only after Office.onReady reported a host. */
export function excelHost(): PaneHost {
  const ctx = Office.context;
  const bg = ctx.officeTheme?.bodyBackgroundColor ?? "#ffffff";
  return {
    kind: "excel",
    displayLanguage: ctx.displayLanguage,
    dark: isDarkColor(bg),
    exportXlsx: downloadXlsx,
    writePlan: async (plan, options) => {
      const { applyPlan } = await import("../excel/writer");
      return Excel.run((context) => applyPlan(context, plan, options));
    },
    scanMktFormulas: async () => {
      const { scanMktFormulas } = await import("../excel/share");
      return Excel.run((context) => scanMktFormulas(context));
    },
    prepareForSharing: async (items, note) => {
      const { prepareForSharing } = await import("../excel/share");
      return Excel.run((context) => prepareForSharing(context, items, { freezeNote: note }));
    },
    readActivePlan: async () => {
      const { readActiveSheetPlan } = await import("../excel/stored");
      return Excel.run((context) => readActiveSheetPlan(context));
    },
  };
}

export function isDarkColor(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
