// Every MKT function, called as Excel calls it with arbitrary cells, returns a rectangular spilled array of valid
// Excel values: it never throws, never returns NaN or Infinity, and every message is fully formatted.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { isExcelError } from "../../src/functions/excel-error";
import { ERROR_MESSAGES } from "../../src/functions/messages";
import { setFunctionLocale } from "../../src/functions/runtime-locale";
import { callAsExcel, loadRegistry, type Registry } from "./excel-harness";

let reg: Registry;
beforeAll(async () => {
  reg = await loadRegistry();
});

const cell = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ min: -10, max: 1e5 }),
  fc.constantFrom(0, 1, 0.5, 0.95, 45000, 45001.5, Number.NaN, Infinity, 1e308),
  fc.boolean(),
  fc.constantFrom("1,000", "12%", "abc", " ", "2024-03-31", "a > b", "b > a > c", "Direct", "weeks", "月", "all"),
  fc.constantFrom("order=2", "headers=false; first=0.3", "separator=→", "x=1", "markov", "linear"),
  fc.constantFrom({ code: "#N/A" }, { code: "#DIV/0!" }, { code: "#REF!" }),
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const arg = fc.oneof(fc.constant(undefined), cell, grid);

const INTERNAL = Object.values(ERROR_MESSAGES).map((m) => m.internal);

function checkResult(out: unknown): void {
  expect(Array.isArray(out)).toBe(true);
  const rows = out as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  expect(width).toBeGreaterThan(0);
  for (const row of rows) {
    expect(Array.isArray(row)).toBe(true);
    expect(row.length).toBe(width);
    for (const v of row) {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      else if (typeof v === "object" && v !== null) {
        expect(isExcelError(v)).toBe(true);
        const m = (v as { message?: string }).message;
        if (m !== undefined) {
          expect(m).not.toMatch(/\{\w+\}/);
          // the generic message means a raw exception reached the boundary: every failure must be a known one
          expect(INTERNAL).not.toContain(m);
        }
      } else expect(["string", "boolean"]).toContain(typeof v);
    }
  }
}

describe("every MKT function with arbitrary Excel inputs", () => {
  for (const locale of ["en-US", "zh-CN"] as const) {
    it(`never throws and always spills valid values (${locale})`, () => {
      setFunctionLocale(locale);
      try {
        for (const [id, { meta }] of reg.byId) {
          fc.assert(
            fc.property(
              fc.array(arg, { minLength: meta.parameters.length, maxLength: meta.parameters.length }),
              (args) => {
                let out: unknown;
                expect(() => (out = callAsExcel(reg, id, ...args)), id).not.toThrow();
                checkResult(out);
              },
            ),
            { numRuns: 150 },
          );
        }
      } finally {
        setFunctionLocale("en-US");
      }
    });
  }
});
