import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MktError } from "../../../src/core/errors";
import {
  breakdownTarget,
  deriveFunnel,
  formatKpiMessage,
  getKpi,
  KPI_ERROR_MESSAGES,
  KPI_WARNING_MESSAGES,
  validateCustomKpi,
  validateKpiInputs,
} from "../../../src/core/kpi";

const SRC = fileURLToPath(new URL("../../../src/core/kpi/", import.meta.url));
const source = readdirSync(SRC)
  .filter((f) => f.endsWith(".ts") && f !== "messages.ts")
  .map((f) => readFileSync(join(SRC, f), "utf8"))
  .join("\n");

describe("KPI message catalogs", () => {
  it("every key is used by the core (no dead entries) and keys do not overlap", () => {
    for (const key of [...Object.keys(KPI_ERROR_MESSAGES), ...Object.keys(KPI_WARNING_MESSAGES)]) {
      expect(source.includes(`"${key}"`), key).toBe(true);
    }
    const overlap = Object.keys(KPI_ERROR_MESSAGES).filter((k) => k in KPI_WARNING_MESSAGES);
    expect(overlap).toEqual([]);
  });

  it("formats templates with params, keeping unknown placeholders", () => {
    expect(formatKpiMessage("{kpi}: {field} {x}", { kpi: "cac", field: "stretch" })).toBe("cac: stretch {x}");
  });

  it("errors and warnings produced by the core have fully formatted messages", () => {
    const errors: MktError[] = [
      ...validateKpiInputs([
        { kpiId: "revenue", baseline: 100, target: { mode: "absolute", value: 90 } },
        { kpiId: "conversionRate", target: { mode: "absolute", value: 2 } },
        { kpiId: "nps", target: { mode: "absolute", value: 200 } },
        { kpiId: "visits", target: { mode: "percentChange", percent: 0.1 } },
        { kpiId: "visits", target: { mode: "derived" } },
        { kpiId: "x", target: { mode: "derived" } },
        {
          kpiId: "cac",
          target: { mode: "absolute", value: 5 },
          floor: { rule: "typed", value: 4 },
          stretch: { rule: "typed", value: 6 },
        },
      ]).errors,
      ...validateCustomKpi({ id: "9", name: "", unit: "percent", direction: "higher", aggregation: "sum" }),
    ];
    try {
      breakdownTarget({ kpi: getKpi("visits"), annual: 1, weights: [1] });
    } catch (e) {
      errors.push(e as MktError);
    }
    expect(errors.length).toBeGreaterThan(8);
    for (const e of errors) {
      expect(e).toBeInstanceOf(MktError);
      expect(KPI_ERROR_MESSAGES[e.key]).toBeDefined();
      expect(e.message, e.key).not.toMatch(/\{\w+\}/);
    }
    const f = deriveFunnel({
      revenue: 1000,
      averageOrderValue: 10,
      conversionRate: 0.5,
      visitToLeadRate: 0.1,
      leadToOrderRate: 0.1,
      cac: 1,
      typed: { orders: 10, budget: 1000 },
    });
    expect(f.warnings.map((w) => w.key).sort()).toEqual([
      "conversionRateMismatch",
      "typedAboveDerived",
      "typedBelowDerived",
    ]);
    for (const w of f.warnings) {
      expect(KPI_WARNING_MESSAGES[w.key]).toBeDefined();
      expect(w.message).not.toMatch(/\{\w+\}/);
    }
  });
});
