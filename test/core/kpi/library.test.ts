import { describe, expect, it } from "vitest";
import {
  defineCustomKpi,
  findKpi,
  getKpi,
  KPI_LAYERS,
  KPI_LIBRARY,
  kpiName,
  kpisInLayer,
  validateCustomKpi,
} from "../../../src/core/kpi";
import { errorOf } from "./helpers";

describe("KPI library", () => {
  it("has the brief's KPIs in their layers with unit, direction and aggregation", () => {
    const expected: [string, string, string, string, string][] = [
      ["awareness", "brand", "percent", "higher", "rate"],
      ["favourability", "brand", "percent", "higher", "rate"],
      ["nps", "brand", "score", "higher", "rate"],
      ["brandedSearchIndex", "brand", "index", "higher", "rate"],
      ["visits", "traffic", "count", "higher", "sum"],
      ["appDownloads", "traffic", "count", "higher", "sum"],
      ["signUps", "traffic", "count", "higher", "sum"],
      ["orders", "conversion", "count", "higher", "sum"],
      ["conversionRate", "conversion", "percent", "higher", "rate"],
      ["averageOrderValue", "conversion", "currency", "higher", "rate"],
      ["repeatPurchaseRate", "conversion", "percent", "higher", "rate"],
      ["retention", "conversion", "percent", "higher", "rate"],
      ["revenue", "sales", "currency", "higher", "sum"],
      ["marketShare", "sales", "percent", "higher", "rate"],
      ["grossMargin", "sales", "percent", "higher", "rate"],
      ["cac", "efficiency", "currency", "lower", "rate"],
      ["roi", "efficiency", "ratio", "higher", "rate"],
      ["ltvCac", "efficiency", "ratio", "higher", "rate"],
      ["payback", "efficiency", "months", "lower", "rate"],
    ];
    expect(KPI_LIBRARY.map((k) => [k.id, k.layer, k.unit, k.direction, k.aggregation])).toEqual(expected);
  });

  it("names every KPI in three languages, ids unique, layers in order", () => {
    const ids = new Set(KPI_LIBRARY.map((k) => k.id));
    expect(ids.size).toBe(KPI_LIBRARY.length);
    for (const k of KPI_LIBRARY) {
      for (const loc of ["en-US", "zh-CN", "zh-TW"] as const) expect(kpiName(k, loc).length).toBeGreaterThan(0);
    }
    expect(getKpi("conversionRate").names["zh-CN"]).toBe("转化率");
    expect(getKpi("revenue").names["zh-TW"]).toBe("營收");
    const layerOrder = KPI_LIBRARY.map((k) => KPI_LAYERS.indexOf(k.layer));
    expect([...layerOrder].sort((a, b) => a - b)).toEqual(layerOrder);
  });

  it("bounds: percent [0,1], NPS [-100,100], ROI ≥ -1, counts ≥ 0; weights name sum KPIs", () => {
    expect([getKpi("awareness").min, getKpi("awareness").max]).toEqual([0, 1]);
    expect([getKpi("nps").min, getKpi("nps").max]).toEqual([-100, 100]);
    expect(getKpi("roi").min).toBe(-1);
    expect(getKpi("visits").min).toBe(0);
    expect(getKpi("conversionRate").weightKpi).toBe("visits");
    for (const k of KPI_LIBRARY.filter((x) => x.weightKpi)) {
      expect(k.aggregation).toBe("rate");
      expect(getKpi(k.weightKpi!).aggregation).toBe("sum");
    }
  });

  it("getKpi throws unknownKpi; findKpi returns undefined", () => {
    expect(findKpi("nope")).toBeUndefined();
    const e = errorOf(() => getKpi("nope"));
    expect([e.kind, e.key, e.params.kpi]).toEqual(["value", "unknownKpi", "nope"]);
  });

  it("lists a layer including custom KPIs", () => {
    expect(kpisInLayer("traffic").map((k) => k.id)).toEqual(["visits", "appDownloads", "signUps"]);
    const c = defineCustomKpi({
      id: "webinars",
      name: "Webinars",
      unit: "count",
      direction: "higher",
      aggregation: "sum",
    });
    expect(kpisInLayer("custom", [c]).map((k) => k.id)).toEqual(["webinars"]);
  });
});

describe("custom KPIs", () => {
  it("defines a KPI with unit bounds and names falling back to en-US", () => {
    const k = defineCustomKpi({
      id: "demoRate",
      name: { "en-US": "Demo rate", "zh-CN": "演示率" },
      unit: "percent",
      direction: "higher",
      aggregation: "rate",
      weightKpi: "visits",
    });
    expect(k).toMatchObject({ id: "demoRate", layer: "custom", custom: true, min: 0, max: 1, weightKpi: "visits" });
    expect(k.names).toEqual({ "en-US": "Demo rate", "zh-CN": "演示率", "zh-TW": "Demo rate" });
    expect(getKpi("demoRate", [k])).toBe(k);
  });

  it("reports every problem at once", () => {
    const errors = validateCustomKpi({
      id: "1bad",
      name: " ",
      unit: "percent",
      direction: "sideways" as never,
      aggregation: "sum",
    });
    expect(errors.map((e) => e.key)).toEqual([
      "invalidKpiId",
      "invalidKpiName",
      "invalidOption",
      "aggregationNotAllowed",
    ]);
    expect(errors[2].params.field).toBe("direction");
  });

  it("rejects ids taken by the library or other custom KPIs (case-insensitively), bad weights and bounds", () => {
    expect(
      errorOf(() =>
        defineCustomKpi({ id: "Revenue", name: "x", unit: "currency", direction: "higher", aggregation: "sum" }),
      ).key,
    ).toBe("kpiIdTaken");
    const a = defineCustomKpi({ id: "leadsMql", name: "MQL", unit: "count", direction: "higher", aggregation: "sum" });
    expect(
      validateCustomKpi({ id: "LEADSMQL", name: "x", unit: "count", direction: "higher", aggregation: "sum" }, [a])[0]
        .key,
    ).toBe("kpiIdTaken");
    expect(
      validateCustomKpi({
        id: "r",
        name: "r",
        unit: "ratio",
        direction: "higher",
        aggregation: "rate",
        weightKpi: "nps",
      })[0].key,
    ).toBe("invalidWeightKpi");
    expect(
      validateCustomKpi({
        id: "s",
        name: "s",
        unit: "score",
        direction: "higher",
        aggregation: "rate",
        min: 5,
        max: 1,
      })[0].key,
    ).toBe("invalidBounds");
  });
});
