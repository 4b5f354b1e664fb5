/**
 * What the pane knows about where it runs. Inside Excel, Office.js tells the display language and theme; in the
 * standalone preview (a plain browser) the browser does. Components receive a PaneHost as a prop and never touch
 * Office globals themselves.
 */
export interface PaneHost {
  readonly kind: "excel" | "preview";
  /** BCP-47 display language, e.g. "zh-CN". */
  readonly displayLanguage: string;
  readonly dark: boolean;
}

export function previewHost(): PaneHost {
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  return { kind: "preview", displayLanguage: navigator.language, dark };
}

/** Reads Office's context; call only after Office.onReady reported a host. */
export function excelHost(): PaneHost {
  const ctx = Office.context;
  const bg = ctx.officeTheme?.bodyBackgroundColor ?? "#ffffff";
  return { kind: "excel", displayLanguage: ctx.displayLanguage, dark: isDarkColor(bg) };
}

export function isDarkColor(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
