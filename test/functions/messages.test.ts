// Every error a user can see has a text in all three languages, with the same placeholders.
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES, formatMessage } from "../../src/functions/messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("error messages", () => {
  const en = ERROR_MESSAGES["en-US"];
  for (const locale of ["zh-CN", "zh-TW"] as const) {
    it(`${locale} translates every English key with the same placeholders`, () => {
      const tr = ERROR_MESSAGES[locale];
      expect(Object.keys(en).filter((k) => !(k in tr))).toEqual([]);
      expect(Object.keys(tr).filter((k) => !(k in en))).toEqual([]);
      for (const k of Object.keys(en)) expect(placeholders(tr[k]), k).toEqual(placeholders(en[k]));
    });
  }

  it("formats placeholders and falls back to English, then to the given text", () => {
    expect(formatMessage("zh-TW", "negative", { arg: "cost" }, "x")).toBe("cost 不可為負數。");
    expect(formatMessage("en-US", "noSuchKey", {}, "fallback")).toBe("fallback");
  });
});
