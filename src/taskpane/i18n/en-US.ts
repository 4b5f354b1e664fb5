/** English UI strings of the task pane. Every key must exist in zh-CN and zh-TW (enforced by the type). */
export const enUS = {
  appTitle: "MarketKit",
  tagline: "Marketing calculations and planning sheets for Excel.",
  language: "Language",
  languageAuto: "Follow Office",
  previewBanner: "Standalone preview: Excel is not connected.",
  homeIntro:
    "MarketKit adds MKT functions to Excel (ROI, CAC, LTV, CLV, attribution, A/B tests) and wizards that write budget, KPI and persona sheets which keep working for colleagues without the add-in.",
  functionsTitle: "Function reference",
  functionsIntro: "Type these in any cell, e.g. =MKT.ROI(B2:B20, C2:C20, 0.6).",
  functionsLoading: "Loading the function list…",
  functionsFailed: "The function list could not be loaded.",
  parameters: "Arguments",
  optional: "optional",
  wizardsTitle: "Planning wizards",
  wizardsIntro: "Each wizard writes a sheet that keeps calculating with Excel's own functions.",
  open: "Open",
  back: "← Home",
  steps: "Steps",
  preview: "Preview",
  previous: "Back",
  next: "Next",
  writeToExcel: "Write to Excel",
  exportXlsx: "Export .xlsx",
  writtenTo: "{title} written to sheet {sheet}.",
  exportedAs: "Saved as {file}.",
  writeFailed: "Nothing was written: {reason}",
  reopenTitle: "{wizard} on sheet {sheet}",
  reopenHint:
    "This sheet was made by MarketKit. Reopen its wizard to change the plan; what was typed into input cells is kept.",
  reopen: "Edit this plan",
  shareTitle: "Prepare for sharing",
  shareIntro:
    "Colleagues without MarketKit see #NAME? in cells with MKT functions. This rewrites each one that has a built-in equivalent (ROI, ROAS, CAC, payback, LTV with one retention rate) into that Excel formula, and freezes the rest as values with a note saying where they came from.",
  shareNeedsExcel: "This works on an open workbook: run MarketKit inside Excel.",
  shareScan: "Find MKT formulas",
  shareApply: "Rewrite and freeze",
  shareNone: "This workbook has no MKT formulas: it is ready to share.",
  shareFreeze: "frozen as values",
  shareNote: "MarketKit: frozen value of {formula} on {date}",
  shareDone: "{rewritten} rewritten as built-in formulas, {frozen} frozen as values, {skipped} left as they were.",
  shareOpen: "Prepare this workbook for colleagues without MarketKit",
  help: "Help",
} as const;

export type MessageKey = keyof typeof enUS;
export type Messages = Readonly<Record<MessageKey, string>>;
