import { describe, expect, it } from "vitest";
import {
  defineCustomKpi,
  improveBy,
  percentChangeTarget,
  resolveKpiTarget,
  scaleRelative,
  validateKpiInputs,
} from "../../../src/core/kpi";
import { errorOf } from "./helpers";

describe("target modes", () => {
  it("absolute target, default floor = baseline and stretch = 1.2 × target", () => {
    const r = resolveKpiTarget({
      kpiId: "revenue",
      baseline: 1_000_000,
      target: { mode: "absolute", value: 1_200_000 },
    });
    expect(r.baseline).toBe(1_000_000);
    expect(r.target).toBe(1_200_000);
    expect(r.floor).toBe(1_000_000);
    expect(r.stretch).toBeCloseTo(1_440_000, 6);
    expect(r.warnings).toEqual([]);
  });

  it("percent change is relative to the baseline (not percentage points)", () => {
    const r = resolveKpiTarget({
      kpiId: "conversionRate",
      baseline: 0.02,
      target: { mode: "percentChange", percent: 0.1 },
    });
    expect(r.target).toBeCloseTo(0.022, 15);
    expect(percentChangeTarget(-20, 0.5)).toBe(-10); // NPS −20, +50% → −10 (better)
    expect(scaleRelative(-20, 1.5)).toBe(-10);
  });

  it("percent change needs a non-zero baseline", () => {
    const e = errorOf(() => resolveKpiTarget({ kpiId: "visits", target: { mode: "percentChange", percent: 0.1 } }));
    expect([e.kind, e.key, e.params.field, e.params.kpi]).toEqual([
      "value",
      "baselineRequiredForPercent",
      "baseline",
      "visits",
    ]);
    expect(errorOf(() => percentChangeTarget(undefined, 0.1, "visits")).key).toBe("baselineRequiredForPercent");
    expect(errorOf(() => percentChangeTarget(0, 0.1)).key).toBe("baselineZeroForPercent");
  });

  it("derived target comes from options.derived; missing → derivedTargetMissing", () => {
    const r = resolveKpiTarget({ kpiId: "visits", target: { mode: "derived" } }, { derived: { visits: 50_000 } });
    expect(r.target).toBe(50_000);
    expect(r.floor).toBeUndefined();
    expect(errorOf(() => resolveKpiTarget({ kpiId: "visits", target: { mode: "derived" } })).key).toBe(
      "derivedTargetMissing",
    );
    const c = defineCustomKpi({ id: "constructor", name: "c", unit: "count", direction: "higher", aggregation: "sum" });
    expect(
      errorOf(() =>
        resolveKpiTarget({ kpiId: "constructor", target: { mode: "derived" } }, { custom: [c], derived: {} }),
      ).key,
    ).toBe("derivedTargetMissing");
  });
});

describe("floor and stretch rules", () => {
  it("floor = baseline × k; stretch from benchmark × 1.2; typed values", () => {
    const r = resolveKpiTarget({
      kpiId: "visits",
      baseline: 100_000,
      target: { mode: "absolute", value: 110_000 },
      floor: { rule: "baseline", multiplier: 0.95 },
      stretch: { rule: "benchmark", benchmark: 120_000 },
    });
    expect(r.floor).toBeCloseTo(95_000, 8);
    expect(r.stretch).toBeCloseTo(144_000, 8);
    const t = resolveKpiTarget({
      kpiId: "visits",
      target: { mode: "absolute", value: 10 },
      floor: { rule: "typed", value: 8 },
      stretch: { rule: "typed", value: 12 },
    });
    expect([t.floor, t.target, t.stretch]).toEqual([8, 10, 12]);
  });

  it("lower-is-better stretch improves downwards (target / 1.2)", () => {
    const r = resolveKpiTarget({ kpiId: "cac", baseline: 60, target: { mode: "absolute", value: 50 } });
    expect(r.floor).toBe(60);
    expect(r.stretch).toBeCloseTo(50 / 1.2, 12);
    expect(improveBy(50, 1.2, "lower")).toBeCloseTo(41.6667, 4);
    const b = resolveKpiTarget({
      kpiId: "payback",
      target: { mode: "absolute", value: 12 },
      stretch: { rule: "benchmark", benchmark: 12 },
    });
    expect(b.stretch).toBeCloseTo(10, 12);
  });

  it("NPS: a negative target's stretch is better, not worse", () => {
    const r = resolveKpiTarget({ kpiId: "nps", baseline: -20, target: { mode: "absolute", value: -10 } });
    expect(r.stretch).toBeCloseTo(-8, 12);
    expect(r.floor).toBe(-20);
  });

  it("rule values beyond a percent KPI's range are clamped with a warning", () => {
    const r = resolveKpiTarget({ kpiId: "retention", baseline: 0.85, target: { mode: "absolute", value: 0.9 } });
    expect(r.stretch).toBe(1);
    expect(r.warnings.map((w) => [w.key, w.params.field, w.params.clamped])).toEqual([["valueClamped", "stretch", 1]]);
  });

  it("floor rule 'baseline' without a baseline → baselineRequiredForFloor", () => {
    const e = errorOf(() =>
      resolveKpiTarget({ kpiId: "visits", target: { mode: "absolute", value: 1 }, floor: { rule: "baseline" } }),
    );
    expect([e.key, e.params.field]).toEqual(["baselineRequiredForFloor", "floor"]);
  });
});

describe("validation", () => {
  it("higher-is-better ordering errors", () => {
    const e1 = errorOf(() =>
      resolveKpiTarget({
        kpiId: "revenue",
        target: { mode: "absolute", value: 100 },
        floor: { rule: "typed", value: 90 },
        stretch: { rule: "typed", value: 80 },
      }),
    );
    expect([e1.key, e1.params.field, e1.params.kpi, e1.params.stretch, e1.params.floor]).toEqual([
      "stretchBelowFloor",
      "stretch",
      "revenue",
      80,
      90,
    ]);
    const e2 = errorOf(() =>
      resolveKpiTarget({
        kpiId: "revenue",
        target: { mode: "absolute", value: 150 },
        floor: { rule: "typed", value: 90 },
        stretch: { rule: "typed", value: 120 },
      }),
    );
    expect([e2.key, e2.params.field]).toEqual(["targetOutsideRange", "target"]);
    // a decline plan below the baseline floor
    expect(
      errorOf(() => resolveKpiTarget({ kpiId: "revenue", baseline: 100, target: { mode: "absolute", value: 90 } })).key,
    ).toBe("targetOutsideRange");
    expect(
      errorOf(() =>
        resolveKpiTarget({
          kpiId: "revenue",
          target: { mode: "absolute", value: 100 },
          stretch: { rule: "typed", value: 90 },
        }),
      ).key,
    ).toBe("stretchBelowTarget");
  });

  it("lower-is-better ordering is reversed", () => {
    const ok = resolveKpiTarget({
      kpiId: "cac",
      target: { mode: "absolute", value: 50 },
      floor: { rule: "typed", value: 60 },
      stretch: { rule: "typed", value: 40 },
    });
    expect(ok.target).toBe(50);
    const e = errorOf(() =>
      resolveKpiTarget({
        kpiId: "cac",
        target: { mode: "absolute", value: 50 },
        floor: { rule: "typed", value: 40 },
        stretch: { rule: "typed", value: 60 },
      }),
    );
    expect(e.key).toBe("stretchBelowFloor");
  });

  it("value ranges: rateOver100, negativeValue, outOfRange, notANumber", () => {
    const key = (kpiId: string, value: number): string =>
      errorOf(() => resolveKpiTarget({ kpiId, target: { mode: "absolute", value } })).key;
    expect(key("conversionRate", 1.5)).toBe("rateOver100");
    expect(key("conversionRate", -0.1)).toBe("negativeValue");
    expect(key("visits", -1)).toBe("negativeValue");
    expect(key("nps", 120)).toBe("outOfRange");
    expect(key("roi", -2)).toBe("belowMinimum");
    expect(key("visits", Number.NaN)).toBe("notANumber");
    const e = errorOf(() =>
      resolveKpiTarget({
        kpiId: "awareness",
        target: { mode: "absolute", value: 0.5 },
        stretch: { rule: "typed", value: 1.2 },
      }),
    );
    expect([e.key, e.params.field, e.params.kpi, e.params.value]).toEqual(["rateOver100", "stretch", "awareness", 1.2]);
  });

  it("validateKpiInputs collects every field error of every row without throwing", () => {
    const v = validateKpiInputs([
      { kpiId: "revenue", baseline: 100, target: { mode: "absolute", value: 120 } },
      {
        kpiId: "conversionRate",
        baseline: 1.2,
        target: { mode: "absolute", value: 0.03 },
        stretch: { rule: "targetMultiple", multiplier: -1 },
      },
      { kpiId: "visits", target: { mode: "percentChange", percent: 0.1 } },
      { kpiId: "revenue", target: { mode: "absolute", value: 1 } },
      { kpiId: "unknown", target: { mode: "absolute", value: 1 } },
    ]);
    expect(v.ok).toBe(false);
    expect(v.results[0]?.target).toBe(120);
    expect(v.results.slice(1)).toEqual([null, null, null, null]);
    expect(v.errors.map((e) => [e.params.kpi, e.params.field, e.key])).toEqual([
      ["conversionRate", "baseline", "rateOver100"],
      ["conversionRate", "stretchMultiplier", "invalidMultiplier"],
      ["visits", "baseline", "baselineRequiredForPercent"],
      ["revenue", "kpi", "duplicateKpi"],
      ["unknown", "kpi", "unknownKpi"],
    ]);
    expect(v.errors.every((e) => e.kind === "value")).toBe(true);
  });

  it("validateKpiInputs: all valid", () => {
    const v = validateKpiInputs([
      { kpiId: "retention", baseline: 0.85, target: { mode: "absolute", value: 0.9 } },
      { kpiId: "cac", target: { mode: "absolute", value: 40 } },
    ]);
    expect(v.ok).toBe(true);
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => w.key)).toEqual(["valueClamped"]);
  });
});
