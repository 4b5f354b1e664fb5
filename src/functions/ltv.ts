/**
 * MKT.LTV: lifetime value from ARPU, margin and retention, either a constant retention rate (element-wise over
 * ranges, like MKT.ROI) or a survival curve.
 *
 * Curve rule: when `arpu` and `margin` are single values and `retention` is one column or one row of more than
 * one cell, `retention` is the survival curve S_1, S_2, … (or S_0 = 1, S_1, …) of one customer cohort and the
 * result is one value (core `ltvFromSurvival`). Otherwise every argument is read element-wise with Excel's
 * broadcasting and `retention` holds rates (core `ltv`). Convention of both: the first period is paid
 * (see src/core/ltv.ts).
 */
import { ltv, ltvFromSurvival } from "../core/ltv";
import { mapElementwise } from "./broadcast";
import { cellNumber, isBlank, optionalNumber, toGrid, type Cell } from "./cells";
import { inputError, numberFromText, propagateErrors, relabelCoreErrors, type Relabel } from "./columns";
import { safelyGrid } from "./errors";

const NAMES: Relabel = {
  names: { discountRate: "discount_rate", horizon: "periods", survival: "retention" },
};

function single(g: readonly (readonly Cell[])[]): boolean {
  return g.length === 1 && g[0].length === 1;
}

/** The survival curve when the curve rule applies (see module doc), else undefined. */
function curveCells(arpu: unknown, margin: unknown, retention: unknown): Cell[] | undefined {
  const a = toGrid(arpu);
  const m = toGrid(margin);
  const r = toGrid(retention);
  if (!single(a) || !single(m)) return undefined;
  if (r.length > 1 && r[0].length === 1) return r.map((row) => row[0]);
  if (r.length === 1 && r[0].length > 1) return r[0].slice();
  return undefined;
}

/** Reads the curve: trailing blanks dropped, a title in the first cell skipped, no blank inside. */
function curveValues(cells: Cell[]): { values: number[]; offset: number } {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) end--;
  const first = cells[0];
  const offset = typeof first === "string" && first.trim() !== "" && numberFromText(first) === undefined ? 1 : 0;
  const values: number[] = [];
  for (let i = offset; i < end; i++) {
    const v = cellNumber(cells[i], "retention");
    if (v === null) throw inputError("value", "curveBlank", { arg: "retention", index: i + 1 });
    values.push(v);
  }
  if (values.length === 0) throw inputError("value", "survivalEmpty", { arg: "retention" });
  return { values, offset };
}

export function ltvCells(
  arpu: unknown,
  margin: unknown,
  retention: unknown,
  discountRate: unknown,
  periods: unknown,
): unknown[][] {
  return safelyGrid(() => {
    const curve = curveCells(arpu, margin, retention);
    if (curve) {
      propagateErrors(arpu, margin, curve, discountRate, periods);
      const a = cellNumber(toGrid(arpu)[0][0], "arpu") ?? 0;
      const m = cellNumber(toGrid(margin)[0][0], "margin") ?? 0;
      const { values, offset } = curveValues(curve);
      const d = optionalNumber(discountRate, "discount_rate", 0);
      const n = optionalNumber(periods, "periods", Infinity);
      const horizon = n === Infinity ? undefined : n;
      const how: Relabel = { ...NAMES, rowOffset: offset };
      return [[relabelCoreErrors(how, () => ltvFromSurvival(a, values, d, horizon, m))]];
    }
    return mapElementwise(
      [
        { name: "arpu", value: arpu },
        { name: "margin", value: margin },
        { name: "retention", value: retention },
        { name: "discount_rate", value: discountRate, fallback: 0 },
        { name: "periods", value: periods, fallback: Infinity },
      ],
      ([a, m, r, d, n]) => relabelCoreErrors(NAMES, () => ltv(a, r, d, n === Infinity ? undefined : n, m)),
    );
  });
}
