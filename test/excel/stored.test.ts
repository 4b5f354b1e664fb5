// Reopening a wizard on a shared workbook: the active sheet's stored inputs are found by its MarketKit mark.
import { describe, expect, it } from "vitest";
import { readActiveSheetPlan } from "../../src/excel/stored";
import { applyPlan } from "../../src/excel/writer";
import type { SheetPlan } from "../../src/sheets/plan";
import { mockContext, newWorkbook } from "./fake-excel";

const plan = (inputs: unknown): SheetPlan => ({
  version: 1,
  wizard: "budget",
  sheetName: "Budget 2027",
  locale: "en-US",
  cells: [{ row: 0, col: 0, value: "Budget" }],
  inputs,
});

describe("readActiveSheetPlan", () => {
  it("finds the wizard and inputs of a sheet MarketKit wrote, in two syncs", async () => {
    const state = newWorkbook(["Data"]);
    const written = await applyPlan(mockContext(state), plan({ total: 123 }));
    state.syncs = 0;
    const found = await readActiveSheetPlan(mockContext(state));
    expect(found).toMatchObject({
      sheetId: written.sheetId,
      sheetName: "Budget 2027",
      stored: { wizard: "budget", inputs: { total: 123 } },
    });
    expect(state.syncs).toBe(2);
  });

  it("finds nothing on a sheet the user made", async () => {
    const state = newWorkbook(["Data"]);
    await applyPlan(mockContext(state), plan({ total: 1 }));
    state.active = state.sheets[0].id;
    expect(await readActiveSheetPlan(mockContext(state))).toBeUndefined();
  });
});
