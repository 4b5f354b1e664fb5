/** How each plan style looks in Excel (and in the xlsx export): fills, fonts, borders. */
import type { StyleId } from "../sheets/plan";

export interface StyleLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly borderTop?: boolean;
  readonly wrap?: boolean;
}

export const STYLE_LOOK: Record<StyleId, StyleLook> = {
  title: { bold: true, size: 16, color: "#107C41" },
  subtitle: { italic: true, color: "#605E5C" },
  header: { bold: true, color: "#FFFFFF", fill: "#107C41", wrap: true },
  input: { fill: "#FFF4CE", color: "#1F1F1F" },
  total: { bold: true, borderTop: true },
  note: { italic: true, size: 9, color: "#605E5C", wrap: true },
  label: { bold: true },
  warning: { bold: true, color: "#A4262C" },
};
