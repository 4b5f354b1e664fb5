// Every message the budget core can show at a field has a Chinese text with the same placeholders, and the
// wizard's UI strings exist in all three languages.
import { describe, expect, it } from "vitest";
import { BUDGET_ERROR_MESSAGES } from "../../src/core/budget";
import { BUDGET_ERRORS, budgetMessage } from "../../src/taskpane/wizards/budget/errors";
import { BUDGET_MESSAGES } from "../../src/taskpane/wizards/budget/messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("budget wizard messages", () => {
  for (const locale of ["zh-CN", "zh-TW"] as const) {
    it(`${locale} translates every core key with the same placeholders`, () => {
      const tr = BUDGET_ERRORS[locale];
      expect(Object.keys(BUDGET_ERROR_MESSAGES).filter((k) => !(k in tr))).toEqual([]);
      for (const [k, en] of Object.entries(BUDGET_ERROR_MESSAGES))
        expect(placeholders(tr[k]), k).toEqual(placeholders(en));
    });
  }

  it("formats with params and falls back to English", () => {
    expect(budgetMessage("zh-CN", "sharesDoNotSumTo100", { sum: 90 }, "x")).toBe(
      "比例合计必须为 100%（当前合计 90%）。",
    );
    expect(budgetMessage("zh-TW", "nope", {}, "fallback")).toBe("fallback");
  });

  it("has the same UI keys in every language", () => {
    const keys = Object.keys(BUDGET_MESSAGES["en-US"]).sort();
    expect(Object.keys(BUDGET_MESSAGES["zh-CN"]).sort()).toEqual(keys);
    expect(Object.keys(BUDGET_MESSAGES["zh-TW"]).sort()).toEqual(keys);
  });
});
