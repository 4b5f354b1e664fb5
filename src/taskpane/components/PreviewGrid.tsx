/**
 * The sheet before it is written: a read-only grid of the plan's cells, showing constants as they are and, for
 * formula cells, the value the core computed (the formula is in the cell's title).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { colName, planExtent, type PlanCell, type SheetPlan } from "../../sheets/plan";
import { formatPreviewValue } from "../format";

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    maxHeight: "420px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: "2px 6px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    padding: "2px 6px",
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    whiteSpace: "nowrap",
    maxWidth: "220px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  number: { textAlign: "right" },
  header: { backgroundColor: "#107C41", color: "#FFFFFF", fontWeight: tokens.fontWeightSemibold },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, color: "#107C41" },
  input: { backgroundColor: "#FFF4CE", color: "#1F1F1F" },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  label: { fontWeight: tokens.fontWeightSemibold },
  note: { fontStyle: "italic", color: tokens.colorNeutralForeground3 },
  formula: { color: tokens.colorBrandForeground1 },
});

export interface PreviewGridProps {
  plan: SheetPlan;
  /** Accessible name of the grid. */
  label: string;
  maxRows?: number;
}

export function PreviewGrid({ plan, label, maxRows = 200 }: PreviewGridProps) {
  const styles = useStyles();
  const { rows, cols, at } = useMemo(() => {
    const ext = planExtent(plan);
    const map = new Map<string, PlanCell>();
    for (const c of plan.cells) map.set(`${c.row},${c.col}`, c);
    return { rows: Math.min(ext.r1 + 1, maxRows), cols: ext.c1 + 1, at: map };
  }, [plan, maxRows]);
  const styleClass = (c: PlanCell | undefined): string => {
    if (!c?.style) return "";
    return (styles as Record<string, string>)[c.style] ?? "";
  };
  return (
    <div className={styles.wrap} data-testid="preview-grid">
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>
            <th className={styles.head} />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} className={styles.head} scope="col">
                {colName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th className={styles.rowHead} scope="row">
                {r + 1}
              </th>
              {Array.from({ length: cols }, (_, c) => {
                const cell = at.get(`${r},${c}`);
                const shown = cell?.formula !== undefined ? cell.expected : cell?.value;
                const text = formatPreviewValue(shown ?? null, cell?.numberFormat, plan.locale);
                const classes = [styles.cell, styleClass(cell)];
                if (typeof shown === "number") classes.push(styles.number);
                if (cell?.formula !== undefined && !cell.style) classes.push(styles.formula);
                return (
                  <td key={c} className={classes.join(" ")} title={cell?.formula}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
