/** Compares a plan's formula cells with a spreadsheet engine's results. */
import { a1, type SheetPlan } from "../../src/sheets/plan";
import type { CellResult } from "./libreoffice";

export interface Mismatch {
  address: string;
  formula: string;
  expected: unknown;
  actual: CellResult | undefined;
}

export function close(a: number, b: number, rel = 1e-9, abs = 1e-9): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/** Every formula cell with an expected value must equal the engine's result (numbers to 1e-9 relative). */
export function mismatches(
  plan: SheetPlan,
  results: Map<string, { formula?: string; result: CellResult }> | undefined,
): { checked: number; bad: Mismatch[] } {
  const bad: Mismatch[] = [];
  let checked = 0;
  for (const c of plan.cells) {
    if (c.formula === undefined || c.expected === undefined) continue;
    checked++;
    const address = a1(c.row, c.col);
    const got = results?.get(address);
    const actual = got?.result;
    const e = c.expected;
    const ok =
      typeof e === "number"
        ? typeof actual === "number" && close(e, actual)
        : e === "" || e === null
          ? actual === null || actual === ""
          : actual === e;
    if (!ok || got?.formula === undefined) bad.push({ address, formula: c.formula, expected: e, actual });
  }
  return { checked, bad };
}
