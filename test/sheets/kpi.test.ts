// The KPI-target sheet builder (layout, formulas, formats, keys, texts), its agreement with the core's
// year-to-date rules, the wizard's state analysis (errors at their fields, in the wizard's language), and the
// completeness of the localized core messages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presetWeights } from "../../src/core/budget/seasonality";
import { isMktError } from "../../src/core/errors";
import {
  breakdownTarget,
  getKpi,
  KPI_ERROR_MESSAGES,
  KPI_WARNING_MESSAGES,
  ytdComparison,
  type KpiTargetInput,
} from "../../src/core/kpi";
import { currencyFormat, INTEGER } from "../../src/sheets/formats";
import { KPI_TEXT } from "../../src/sheets/i18n/kpi";
import { actualKey, buildKpiSheet, kpiCalendarWeights, kpiMonthLabels, type KpiSheetInput } from "../../src/sheets/kpi";
import { a1, type SheetPlan } from "../../src/sheets/plan";
import { KPI_ERRORS, KPI_WARNINGS, kpiErrorMessage } from "../../src/taskpane/wizards/kpi/errors";
import { KPI_MESSAGES } from "../../src/taskpane/wizards/kpi/messages";
import {
  analyzeKpiState,
  defaultRow,
  initialKpiState,
  type KpiWizardState,
  parseNumber,
  stepErrors,
  toKpiSheetInput,
} from "../../src/taskpane/wizards/kpi/state";

const base: KpiSheetInput = {
  year: 2027,
  startMonth: 1,
  seasonality: { kind: "preset", preset: "chinaRetail" },
  currency: "CNY",
  kpis: [
    { input: { kpiId: "visits", baseline: 1_000_000, target: { mode: "percentChange", percent: 0.2 } }, owner: "A" },
    { input: { kpiId: "conversionRate", baseline: 0.02, target: { mode: "absolute", value: 0.022 } } },
    { input: { kpiId: "revenue", baseline: 9_000_000, target: { mode: "absolute", value: 10_000_003 } } },
    { input: { kpiId: "cac", baseline: 80, target: { mode: "absolute", value: 72 } }, owner: "B" },
  ],
};

const byAddress = (plan: SheetPlan) => new Map(plan.cells.map((c) => [a1(c.row, c.col), c]));
const rowOfText = (plan: SheetPlan, text: string, col = 0) =>
  plan.cells.find((c) => c.value === text && c.col === col)!;

/** Built-in functions the sheet may use (all exist in Excel 2010+ and LibreOffice). */
const BUILT_INS = new Set([
  "IF",
  "IFERROR",
  "ISNUMBER",
  "SUM",
  "SUMPRODUCT",
  "AVERAGE",
  "AVERAGEIFS",
  "MAX",
  "MIN",
  "YEAR",
  "MONTH",
  "AND",
  "OR",
  "NA",
  "ABS",
]);

describe("buildKpiSheet", () => {
  const plan = buildKpiSheet(base, "en-US");
  const text = KPI_TEXT["en-US"];

  it("uses built-in functions only, and every formula carries the core's value", () => {
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(60);
    for (const c of formulas) {
      expect(c.formula!.startsWith("=")).toBe(true);
      expect(c.expected, c.formula).not.toBeUndefined();
      const outside = c.formula!.replace(/"(?:[^"]|"")*"/g, '""');
      for (const m of outside.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(BUILT_INS, c.formula).toContain(m[1]);
    }
    for (const cf of plan.conditionalFormats ?? []) {
      if (cf.kind === "expression") {
        for (const m of cf.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(BUILT_INS).toContain(m[1]);
      }
    }
  });

  it("lays out the KPI table with owners as inputs, and the sheet in the wizard's language", () => {
    expect(plan.sheetName).toBe("KPI targets 2027");
    const head = rowOfText(plan, text.layer, 1).row;
    const header = plan.cells.filter((c) => c.row === head).map((c) => c.value);
    expect(header).toEqual([
      text.kpi,
      text.layer,
      text.unit,
      text.direction,
      text.baseline,
      text.floor,
      text.target,
      text.stretch,
      text.owner,
    ]);
    const at = byAddress(plan);
    const r = head + 1;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => at.get(a1(r, c))?.value)).toEqual([
      "Visits",
      "Traffic",
      "Count",
      "Higher",
      1_000_000,
      1_000_000,
      1_200_000,
      1_440_000,
    ]);
    expect(at.get(a1(r, 8))).toMatchObject({ input: true, key: "owner|visits", value: "A" });
    expect(at.get(a1(r + 1, 8))).toMatchObject({ input: true, key: "owner|conversionRate", value: null });
    expect(at.get(a1(r + 3, 3))?.value).toBe("Lower");
    expect(plan.tables).toEqual([{ name: "mkKpiTargets", range: { r0: head, c0: 0, r1: head + 4, c1: 8 } }]);

    const tw = buildKpiSheet(base, "zh-TW");
    expect(tw.sheetName).toBe("KPI 目標 2027");
    expect(tw.cells.some((c) => c.value === "造訪次數")).toBe(true);
    expect(tw.cells.some((c) => c.value === KPI_TEXT["zh-TW"].ytd)).toBe(true);
    expect(tw.cells.filter((c) => c.formula?.includes('"綠"')).length).toBe(4);
  });

  it("splits volumes exactly and carries rates, with formats by unit", () => {
    const at = byAddress(plan);
    const head = rowOfText(plan, text.planMonth).row + 2;
    const months = (r: number) => Array.from({ length: 12 }, (_, j) => at.get(a1(r, 1 + j))!);
    const visits = months(head + 1);
    expect(visits.every((c) => Number.isInteger(c.value) && c.numberFormat === INTEGER)).toBe(true);
    expect(visits.reduce((s, c) => s + (c.value as number), 0)).toBe(1_200_000);
    const revenue = months(head + 3);
    expect(revenue.reduce((s, c) => s + (c.value as number), 0)).toBe(10_000_003);
    expect(revenue[0].numberFormat).toBe(currencyFormat("CNY", 0));
    const cr = months(head + 2);
    const targetRow = rowOfText(plan, "Conversion rate").row;
    expect(cr.every((c) => c.formula === `=$G$${targetRow + 1}` && c.expected === 0.022)).toBe(true);
    expect(cr[0].numberFormat).toBe("0.00%");
    expect(months(head + 4)[0].numberFormat).toBe(currencyFormat("CNY", 2));
    // Quarters and year: sums of volumes, the (visit-weighted) rate for conversion.
    expect(at.get(a1(head + 1, 17))).toMatchObject({ formula: `=SUM(B${head + 2}:M${head + 2})`, expected: 1_200_000 });
    expect(at.get(a1(head + 2, 13))!.formula).toMatch(/^=IFERROR\(SUMPRODUCT\(B\d+:D\d+,B\d+:D\d+\)\/SUM/);
    expect(at.get(a1(head + 4, 17))).toMatchObject({ formula: `=AVERAGE(B${head + 5}:M${head + 5})`, expected: 72 });
  });

  it("gives every actual a stable key per KPI and month, and the as-of date an input", () => {
    const keys = plan.cells.filter((c) => c.input).map((c) => c.key!);
    expect(new Set(keys).size).toBe(keys.length);
    const labels = kpiMonthLabels(2027, 1);
    for (const id of ["visits", "conversionRate", "revenue", "cac"]) {
      for (const l of labels) expect(keys).toContain(`actual|${actualKey(id, l)}`);
    }
    expect(keys).toContain("asOf");
    expect(keys.filter((k) => k.startsWith("owner|"))).toHaveLength(4);
    expect(plan.names!.map((n) => n.name)).toEqual(["mkKpiAsOf", "mkKpiMonthsElapsed"]);
  });

  it("colours status by formula and by conditional format, and charts attainment", () => {
    const cfs = plan.conditionalFormats!.filter(
      (c) => c.kind === "expression" && /"(Green|Amber|Red)"$/.test(c.formula),
    );
    expect(cfs.map((c) => c.fill)).toEqual(["#C6EFCE", "#FFEB9C", "#FFC7CE"]);
    const ytdHead = rowOfText(plan, text.attainment, 1).row;
    expect(cfs[0].range).toEqual({ r0: ytdHead + 1, c0: 1, r1: ytdHead + 4, c1: 2 });
    expect(cfs[0].kind === "expression" && cfs[0].formula).toBe(`=$C${ytdHead + 2}="Green"`);
    const at = byAddress(plan);
    // Higher-is-better visits with a floor; lower-is-better CAC.
    expect(at.get(a1(ytdHead + 1, 2))!.formula).toContain(
      'IF(D{r}>=E{r},"Green",IF(D{r}>=F{r},"Amber","Red"))'.replace(/\{r\}/g, String(ytdHead + 2)),
    );
    expect(at.get(a1(ytdHead + 4, 2))!.formula).toContain(`IF(D${ytdHead + 5}<=E${ytdHead + 5},"Green"`);
    expect(at.get(a1(ytdHead + 4, 1))!.formula).toContain("IF(D" + (ytdHead + 5) + "=0,1,E" + (ytdHead + 5));
    expect(plan.charts).toEqual([
      expect.objectContaining({
        kind: "barClustered",
        data: { r0: ytdHead, c0: 0, r1: ytdHead + 4, c1: 1 },
        seriesBy: "columns",
      }),
    ]);
  });

  it("takes preset weights from the calendar year each month falls in", () => {
    const w = kpiCalendarWeights({ kind: "preset", preset: "chinaRetail" }, 2027, 7);
    const y27 = presetWeights("chinaRetail", 2027);
    const y28 = presetWeights("chinaRetail", 2028);
    expect(w).toEqual([...y28.slice(0, 6), ...y27.slice(6)]);
    expect(kpiCalendarWeights({ kind: "even" }, 2027, 1)).toBeNull();
    expect(() => kpiCalendarWeights({ kind: "custom", weights: [1, 2] }, 2027, 1)).toThrow(/12 values/);
  });

  it("throws the core's first error for invalid targets", () => {
    const bad: KpiTargetInput = {
      kpiId: "visits",
      baseline: 100,
      target: { mode: "absolute", value: 120 },
      stretch: { rule: "typed", value: 90 },
    };
    let err: unknown;
    try {
      buildKpiSheet({ ...base, kpis: [{ input: bad }] }, "en-US");
    } catch (e) {
      err = e;
    }
    expect(isMktError(err) && err.key).toBe("stretchBelowFloor");
  });

  it("agrees with the core's ytdComparison for any fully reported months (property)", () => {
    const visits = getKpi("visits");
    const cac = getKpi("cac");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 40, max: 120 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (n, vAct, cAct, startMonth) => {
          const labels = kpiMonthLabels(2027, startMonth);
          const actuals: Record<string, number> = {};
          for (let j = 0; j < n; j++) {
            actuals[actualKey("visits", labels[j])] = vAct[j];
            actuals[actualKey("cac", labels[j])] = cAct[j];
          }
          const input: KpiSheetInput = {
            ...base,
            startMonth,
            kpis: [base.kpis[0], base.kpis[3]],
            actuals,
          };
          const p = buildKpiSheet(input, "en-US");
          const head = rowOfText(p, text.attainment, 1).row;
          const at = byAddress(p);
          const weights = kpiCalendarWeights(input.seasonality, 2027, startMonth);
          const checks = [
            { k: visits, annual: 1_200_000, floor: 1_000_000, acts: vAct, row: head + 1 },
            { k: cac, annual: 72, floor: 80, acts: cAct, row: head + 2 },
          ];
          for (const c of checks) {
            const bd = breakdownTarget({ kpi: c.k, annual: c.annual, weights, startMonth, currencyDecimals: 0 });
            const ref = ytdComparison({
              kpi: c.k,
              monthlyTargets: bd.months,
              monthlyActuals: c.acts.map((v, j) => (j < n ? v : null)),
              monthsElapsed: n,
              floor: c.floor,
            });
            const cell = (col: number) => at.get(a1(c.row, col))!.expected;
            expect(cell(3)).toBe(ref.actual);
            expect(cell(4)).toBe(ref.target);
            expect(cell(5)).toBe(ref.floor);
            expect(cell(1)).toBe(ref.attainment ?? "");
            expect(cell(2)).toBe(text.statusLabels[ref.status]);
          }
          expect(at.get(a1(rowOfText(p, text.monthsElapsed).row, 1))!.expected).toBe(n);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts months to the as-of date when one is given", () => {
    const p = buildKpiSheet({ ...base, startMonth: 4, asOf: { year: 2028, month: 2 } }, "en-US");
    const row = rowOfText(p, text.monthsElapsed).row;
    expect(byAddress(p).get(a1(row, 1))!.expected).toBe(11);
    const asOf = p.cells.find((c) => c.key === "asOf")!;
    // 2028-02-29 is Excel serial 46,812.
    expect(asOf.value).toBe(46_812);
  });

  it("adds the funnel with formulas and differences against the plan's targets", () => {
    const p = buildKpiSheet(
      {
        ...base,
        kpis: [
          ...base.kpis,
          { input: { kpiId: "orders", target: { mode: "derived" } } },
          { input: { kpiId: "signUps", target: { mode: "absolute", value: 30_000 } } },
        ],
        funnel: { revenue: 10_000_000, averageOrderValue: 250, visitToLeadRate: 0.05, leadToOrderRate: 0.8, cac: 60 },
      },
      "en-US",
    );
    const label = (s: string) => rowOfText(p, s).row;
    const at = byAddress(p);
    const orders = label(text.funnelOrders);
    expect(at.get(a1(orders, 1))).toMatchObject({ expected: 40_000 });
    expect(at.get(a1(orders, 2))).toMatchObject({ expected: 40_000 });
    const leads = label(text.funnelLeads);
    expect(at.get(a1(leads, 1))).toMatchObject({
      formula: `=B${orders + 1}/B${label(text.funnelLeadToOrder) + 1}`,
      expected: 50_000,
    });
    expect(at.get(a1(leads, 3))!.expected).toBeCloseTo(-0.4, 12);
    expect(at.get(a1(label(text.funnelVisits), 1))!.expected).toBeCloseTo(1_000_000, 6);
    expect(at.get(a1(label(text.funnelBudget), 1))!.expected).toBe(2_400_000);
    expect(p.conditionalFormats!.some((c) => c.kind === "expression" && c.formula.includes("ABS(D"))).toBe(true);
  });
});

// ------------------------------------------------------------------ the wizard's state

function stateWith(patch: Partial<KpiWizardState>, rows: Record<string, Partial<ReturnType<typeof defaultRow>>>) {
  const s = { ...initialKpiState("en-US", new Date(2026, 5, 1)), ...patch };
  s.rows = Object.fromEntries(
    Object.entries(rows).map(([id, r]) => [id, { ...defaultRow(id === "cac" ? "lower" : "higher"), ...r }]),
  );
  return s;
}

describe("KPI wizard state", () => {
  const filled = {
    visits: { baseline: "2,000,000" },
    conversionRate: { baseline: "2.4" },
    revenue: { baseline: "20000000" },
    cac: { baseline: "95" },
  };

  it("parses typed numbers leniently", () => {
    expect(parseNumber("1,200,000")).toBe(1_200_000);
    expect(parseNumber("１２％")).toBe(12);
    expect(parseNumber("−5")).toBe(-5);
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("abc")).toBe("invalid");
  });

  it("starts with the baselines to fill in, then builds a plan", () => {
    const initial = initialKpiState("zh-CN");
    expect(stepErrors(initial, "zh-CN", "kpis")).toEqual([]);
    const missing = stepErrors(initial, "zh-CN", "targets");
    expect(missing.map((e) => e.field)).toContain("baseline.visits");
    expect(missing.find((e) => e.field === "baseline.visits")!.message).toBe(
      "访问量：按百分比变化设定目标需要基准值（上一期的数值）。",
    );
    const s = stateWith({}, filled);
    expect(stepErrors(s, "en-US", "targets")).toEqual([]);
    const plan = buildKpiSheet(toKpiSheetInput(s), "en-US");
    expect(plan.sheetName).toBe("KPI targets 2027");
    expect(plan.inputs).toBe(s);
    const cr = analyzeKpiState(s, "en-US").resolved.conversionRate;
    expect(cr.target).toBeCloseTo(0.0264, 12);
  });

  it("reports a stretch below the floor, a rate over 100% and a bad number at their fields, localized", () => {
    const s = stateWith(
      {},
      {
        ...filled,
        visits: { baseline: "2000000", stretchRule: "typed", stretch: "1500000" },
        conversionRate: { baseline: "120" },
        cac: { baseline: "9x" },
      },
    );
    const tw = stepErrors(s, "zh-TW", "targets");
    const at = (f: string) => tw.find((e) => e.field === f)?.message;
    expect(at("stretch.visits")).toBe("造訪次數：挑戰目標（1,500,000）必須至少與底線（2,000,000）一樣好。");
    expect(at("baseline.conversionRate")).toBe("轉換率：基準值 為 120%，超過 100%；請輸入 0% 到 100% 之間的百分比。");
    expect(at("baseline.cac")).toBe("請輸入數字。");
    expect(stepErrors(s, "en-US", "kpis")).toEqual([]);
  });

  it("puts a missing funnel under the funnel step, and warns where typed targets contradict it", () => {
    const s = stateWith(
      { selected: ["visits", "orders", "revenue"] },
      {
        visits: { baseline: "1000000", percent: "10" },
        orders: { targetMode: "derived", floorRule: "none" },
        revenue: { baseline: "9000000" },
      },
    );
    expect(stepErrors(s, "en-US", "targets")).toEqual([]);
    expect(stepErrors(s, "en-US", "funnel")).toEqual([
      {
        field: "derived.orders",
        message: "Orders: the target should come from the funnel, but the funnel gives no value for it.",
      },
    ]);
    const on = { ...s, funnelOn: true, revenue: "10,000,000", aov: "250", conversionRate: "2.5", cac: "60" };
    expect(stepErrors(on, "en-US", "funnel")).toEqual([]);
    const a = analyzeKpiState(on, "zh-CN");
    expect(a.derived!.orders).toBe(40_000);
    expect(a.resolved.orders.target).toBe(40_000);
    // 1.1M visits typed vs 1.6M needed (40,000 ÷ 2.5%).
    expect(a.warnings.funnel).toEqual([
      "访问量：输入的访问量目标（1,100,000）比漏斗为达成收入目标所需的 1,600,000 低 31.3%。",
    ]);
    const bad = { ...on, conversionRate: "140" };
    expect(stepErrors(bad, "en-US", "funnel")).toEqual([
      {
        field: "funnel.conversionRate",
        message: "Conversion rate: conversion rate is 140%, a rate above 100%; enter a percentage from 0% to 100%.",
      },
    ]);
  });

  it("checks custom KPIs and the seasonality in the first step", () => {
    const s = stateWith(
      {
        season: "custom",
        weights: "1,2,3",
        custom: [{ id: "custom1", name: "NPS of stores", unit: "score", direction: "higher", aggregation: "sum" }],
      },
      filled,
    );
    const e = stepErrors(s, "zh-CN", "kpis");
    expect(e.map((x) => x.field).sort()).toEqual(["custom.aggregation.custom1", "weights"]);
    expect(e.find((x) => x.field === "weights")!.message).toBe(
      "季节性权重 需要 12 个数值，从 1 月起每个日历月一个（当前 3 个）。",
    );
    expect(e.find((x) => x.field === "custom.aggregation.custom1")!.message).toContain(
      "NPS of stores：以分数计量的 KPI",
    );
    expect(stepErrors({ ...s, selected: [], custom: [] }, "en-US", "kpis").map((x) => x.field)).toEqual([
      "weights",
      "kpis",
    ]);
  });
});

// ------------------------------------------------------------------ messages

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const deepKeys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? deepKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe("KPI messages", () => {
  for (const locale of ["zh-CN", "zh-TW"] as const) {
    it(`${locale} translates every core error and warning key with the same placeholders`, () => {
      for (const [en, tr] of [
        [KPI_ERROR_MESSAGES, KPI_ERRORS[locale]],
        [KPI_WARNING_MESSAGES, KPI_WARNINGS[locale]],
      ] as const) {
        expect(Object.keys(en).filter((k) => !(k in tr))).toEqual([]);
        expect(Object.keys(tr).filter((k) => !(k in en))).toEqual([]);
        for (const k of Object.keys(en)) expect(placeholders(tr[k]), k).toEqual(placeholders(en[k]));
      }
    });
  }

  it("formats params and falls back to English, then to the given text", () => {
    expect(kpiErrorMessage("zh-CN", "targetZero", { kpi: "订单量" }, "x")).toBe(
      "订单量：目标为 0，达成率（实际 ÷ 目标）会除以零。",
    );
    expect(kpiErrorMessage("zh-TW", "nope", {}, "fallback")).toBe("fallback");
  });

  it("has the same UI and sheet keys in every language", () => {
    for (const catalog of [KPI_MESSAGES, KPI_TEXT] as const) {
      const keys = deepKeys(catalog["en-US"]).sort();
      expect(deepKeys(catalog["zh-CN"]).sort()).toEqual(keys);
      expect(deepKeys(catalog["zh-TW"]).sort()).toEqual(keys);
    }
    for (const locale of ["en-US", "zh-CN", "zh-TW"] as const) expect(KPI_MESSAGES[locale].months).toHaveLength(12);
  });
});
