// The MKT formula surface: signatures as Excel lists them, documentation in both doc pages, and every message
// key the wrappers can raise present in the catalogs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ATTRIBUTION_ERROR_MESSAGES } from "../../src/core/attribution";
import { COHORT_ERROR_MESSAGES } from "../../src/core/cohort-messages";
import { VALUE_ERROR_MESSAGES } from "../../src/core/value-messages";
import { ERROR_MESSAGES } from "../../src/functions/messages";
import { loadRegistry } from "./excel-harness";

const SIGNATURES: Record<string, [string, boolean][]> = {
  LTV: [
    ["arpu", false],
    ["margin", false],
    ["retention", false],
    ["discount_rate", true],
    ["periods", true],
  ],
  CLV: [
    ["customer_ids", false],
    ["dates", false],
    ["amounts", false],
    ["horizon", true],
    ["discount_rate", true],
    ["as_of", true],
    ["time_unit", true],
  ],
  CLVFIT: [
    ["customer_ids", false],
    ["dates", false],
    ["amounts", false],
    ["as_of", true],
    ["time_unit", true],
  ],
  ATTRIB: [
    ["paths", false],
    ["conversions", true],
    ["model", true],
    ["values", true],
    ["nulls", true],
    ["options", true],
  ],
  PATHS: [
    ["journey_ids", false],
    ["timestamps", false],
    ["channels", false],
    ["values", true],
    ["lookback_days", true],
  ],
  ABTEST: [
    ["conversions_a", false],
    ["visitors_a", false],
    ["conversions_b", false],
    ["visitors_b", false],
    ["confidence", true],
  ],
  SAMPLESIZE: [
    ["baseline_rate", false],
    ["minimum_detectable_lift", false],
    ["alpha", true],
    ["power", true],
  ],
  COHORT: [
    ["customer_ids", false],
    ["dates", false],
    ["period", true],
    ["measure", true],
    ["as_of", true],
    ["amounts", true],
  ],
  RETENTION: [
    ["customer_ids", false],
    ["dates", false],
    ["period", true],
    ["as_of", true],
  ],
  CHURN: [
    ["customer_ids", false],
    ["dates", false],
    ["window", true],
    ["as_of", true],
  ],
};

describe("MKT formula surface", async () => {
  const reg = await loadRegistry();

  it("registers each function with matrix parameters of type any, a matrix result, and no volatile or streaming flag", () => {
    for (const [id, params] of Object.entries(SIGNATURES)) {
      const f = reg.metadata.functions.find((x) => x.id === id);
      expect(f, id).toBeDefined();
      expect(f!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual(params);
      for (const p of f!.parameters) expect([p.type, p.dimensionality]).toEqual(["any", "matrix"]);
      expect(f!.result.dimensionality).toBe("matrix");
      expect(f!.options?.volatile ?? false).toBe(false);
      expect(f!.options?.stream ?? false).toBe(false);
    }
  });

  it("documents every function in Simplified Chinese too", () => {
    const zh = readFileSync("docs/functions.zh-CN.md", "utf8");
    for (const f of reg.metadata.functions) expect(zh, f.id).toContain(`## MKT.${f.id}\n`);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("error catalogs", () => {
  const en = ERROR_MESSAGES["en-US"];

  it("contain every core catalog: value and cohort keys flat, attribution keys namespaced", () => {
    for (const k of Object.keys(VALUE_ERROR_MESSAGES)) expect(en[k], k).toBeDefined();
    for (const k of Object.keys(COHORT_ERROR_MESSAGES)) expect(en[k], k).toBeDefined();
    for (const [k, v] of Object.entries(ATTRIBUTION_ERROR_MESSAGES)) expect(en[`attribution.${k}`]).toBe(v);
  });

  it("contain every key the wrappers raise", () => {
    const files = ["columns", "ltv", "clv", "abtest", "attribution", "options", "cohort"].map((f) =>
      readFileSync(`src/functions/${f}.ts`, "utf8"),
    );
    const keys = new Set<string>();
    for (const src of files) {
      for (const m of src.matchAll(/inputError\(\s*"\w+",\s*(?:ATTRIBUTION_KEY_PREFIX \+ )?"([\w.]+)"/g)) {
        keys.add(src.slice(m.index, m.index + 80).includes("ATTRIBUTION_KEY_PREFIX") ? `attribution.${m[1]}` : m[1]);
      }
    }
    expect(keys.size).toBeGreaterThan(20);
    for (const k of keys)
      for (const locale of ["en-US", "zh-CN", "zh-TW"] as const)
        expect(ERROR_MESSAGES[locale][k], `${locale} ${k}`).toBeDefined();
  });
});
