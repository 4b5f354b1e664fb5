/**
 * The budget sheet: channel × month planned spend with totals and the reserve line, an actual-spend input block,
 * variance and variance % (conditional formats at the warning threshold), expected return and ROI per channel,
 * a sensitivity block, and two charts. Every calculated cell is a built-in Excel formula, so the sheet keeps
 * working for colleagues without MarketKit; each carries the value our core computed.
 *
 * The monthly planned amounts are the core's phasing (whole currency units that add up exactly) written as
 * values the user may edit; totals, shares, variances and returns recalculate from them.
 */
import { buildBudgetPlan, hillResponse, type BudgetInputs, type ChannelAllocation } from "../core/budget";
import type { Locale } from "../i18n/locale";
import { CellGrid } from "./cells";
import { type CurrencyCode, currencyFormat, DECIMAL2, PERCENT, PERCENT_INT } from "./formats";
import { BUDGET_TEXT } from "./i18n/budget";
import { a1, type CellRange, type PlanConditionalFormat, type SheetPlan } from "./plan";

export interface BudgetSheetInput {
  readonly inputs: BudgetInputs;
  readonly currency: CurrencyCode;
  /** Warning when actual spend exceeds plan by more than this fraction (default 0.1). */
  readonly warningThreshold?: number;
  /** What the wizard stores to reopen it (defaults to the inputs). */
  readonly wizardState?: unknown;
}

const SENSITIVITY_STEPS = [-0.2, -0.1, 0, 0.1, 0.2];

export function buildBudgetSheet(input: BudgetSheetInput, locale: Locale): SheetPlan {
  const text = BUDGET_TEXT[locale];
  const { allocation, plan } = buildBudgetPlan(input.inputs);
  const money = currencyFormat(input.currency);
  const threshold = input.warningThreshold ?? 0.1;
  const g = new CellGrid();
  const n = plan.channels.length;
  const m = plan.months.length;
  const monthLabel = (i: number) => `${plan.months[i].year}-${String(plan.months[i].month).padStart(2, "0")}`;
  const year = plan.months[0].year;

  // ---- title and summary (rows 0–7)
  g.value(0, 0, `${text.title} ${year}`, { style: "title" });
  g.value(1, 0, `${text.methods[allocation.method]} · ${input.currency} · ${text.generated}`, { style: "subtitle" });
  const R_TOTAL = 3;
  g.value(R_TOTAL, 0, text.totalBudget, { style: "label" });
  g.value(R_TOTAL, 1, allocation.total, { numberFormat: money });
  g.value(R_TOTAL + 1, 0, text.reservePercent, { style: "label" });
  g.value(R_TOTAL + 1, 1, (input.inputs.reservePercent ?? 0) / 100, { numberFormat: PERCENT });
  g.value(R_TOTAL + 2, 0, text.reserve, { style: "label" });
  g.formula(R_TOTAL + 2, 1, `=B${R_TOTAL + 1}*B${R_TOTAL + 2}`, allocation.reserve, { numberFormat: money });
  g.value(R_TOTAL + 3, 0, text.allocatable, { style: "label" });
  g.formula(R_TOTAL + 3, 1, `=B${R_TOTAL + 1}-B${R_TOTAL + 3}`, allocation.allocatable, { numberFormat: money });
  g.value(R_TOTAL + 4, 0, text.threshold, { style: "label" });
  g.input(R_TOTAL + 4, 1, "threshold", threshold, { numberFormat: PERCENT_INT });
  const thresholdRef = a1(R_TOTAL + 4, 1, true);

  // ---- planned spend (channel × month)
  const C_FIRST = 1;
  const C_TOTAL = C_FIRST + m;
  const C_SHARE = C_TOTAL + 1;
  const R_PLAN_HEAD = R_TOTAL + 7;
  g.value(R_PLAN_HEAD - 1, 0, text.planned, { style: "label" });
  g.value(R_PLAN_HEAD, 0, text.channel, { style: "header" });
  for (let j = 0; j < m; j++) g.value(R_PLAN_HEAD, C_FIRST + j, monthLabel(j), { style: "header" });
  g.value(R_PLAN_HEAD, C_TOTAL, text.total, { style: "header" });
  g.value(R_PLAN_HEAD, C_SHARE, text.share, { style: "header" });
  const R_PLAN0 = R_PLAN_HEAD + 1;
  const R_PLAN_TOTAL = R_PLAN0 + n;
  const grand = plan.grandTotal;
  const grandRef = a1(R_PLAN_TOTAL, C_TOTAL, true);
  plan.channels.forEach((ch, i) => {
    const r = R_PLAN0 + i;
    g.value(r, 0, ch.name);
    ch.monthly.forEach((v, j) => g.value(r, C_FIRST + j, v, { numberFormat: money }));
    g.formula(r, C_TOTAL, `=SUM(${a1(r, C_FIRST)}:${a1(r, C_TOTAL - 1)})`, ch.total, { numberFormat: money });
    g.formula(r, C_SHARE, `=IFERROR(${a1(r, C_TOTAL)}/${grandRef},0)`, grand > 0 ? ch.total / grand : 0, {
      numberFormat: PERCENT,
    });
  });
  g.value(R_PLAN_TOTAL, 0, text.total, { style: "total" });
  for (let j = 0; j <= m; j++) {
    const c = C_FIRST + j;
    const expected = j < m ? plan.monthTotals[j] : grand;
    g.formula(R_PLAN_TOTAL, c, `=SUM(${a1(R_PLAN0, c)}:${a1(R_PLAN_TOTAL - 1, c)})`, expected, {
      numberFormat: money,
      style: "total",
    });
  }
  g.formula(
    R_PLAN_TOTAL,
    C_SHARE,
    `=SUM(${a1(R_PLAN0, C_SHARE)}:${a1(R_PLAN_TOTAL - 1, C_SHARE)})`,
    n > 0 && grand > 0 ? 1 : 0,
    {
      numberFormat: PERCENT,
      style: "total",
    },
  );
  g.value(R_PLAN_TOTAL + 1, 0, text.reserveLine);
  g.formula(R_PLAN_TOTAL + 1, C_TOTAL, `=B${R_TOTAL + 3}`, allocation.reserve, { numberFormat: money });
  g.value(R_PLAN_TOTAL + 2, 0, text.budgetWithReserve, { style: "total" });
  g.formula(
    R_PLAN_TOTAL + 2,
    C_TOTAL,
    `=${a1(R_PLAN_TOTAL, C_TOTAL)}+${a1(R_PLAN_TOTAL + 1, C_TOTAL)}`,
    grand + allocation.reserve,
    { numberFormat: money, style: "total" },
  );

  // ---- actual spend (inputs), variance, variance %
  const block = (top: number, title: string) => {
    g.value(top - 1, 0, title, { style: "label" });
    g.value(top, 0, text.channel, { style: "header" });
    for (let j = 0; j < m; j++) g.value(top, C_FIRST + j, monthLabel(j), { style: "header" });
    g.value(top, C_TOTAL, text.total, { style: "header" });
    return top + 1;
  };
  const R_ACT0 = block(R_PLAN_TOTAL + 5, text.actual);
  g.value(R_PLAN_TOTAL + 5, C_SHARE, text.notes, { style: "header" });
  g.value(R_PLAN_TOTAL + 3, 0, text.actualHint, { style: "note" });
  const R_VAR0 = block(R_ACT0 + n + 2, text.variance);
  const R_PCT0 = block(R_VAR0 + n + 2, text.variancePercent);
  plan.channels.forEach((ch, i) => {
    const ra = R_ACT0 + i;
    const rv = R_VAR0 + i;
    const rp = R_PCT0 + i;
    const rPlan = R_PLAN0 + i;
    for (const r of [ra, rv, rp]) g.value(r, 0, ch.name);
    for (let j = 0; j <= m; j++) {
      const c = C_FIRST + j;
      const act = a1(ra, c);
      const pl = a1(rPlan, c);
      if (j < m) g.input(ra, c, `actual|${ch.id}|${monthLabel(j)}`, null, { numberFormat: money });
      else {
        const row = `${a1(ra, C_FIRST)}:${a1(ra, C_TOTAL - 1)}`;
        g.formula(ra, c, `=IF(COUNT(${row})=0,"",SUM(${row}))`, "", { numberFormat: money });
      }
      g.formula(rv, c, `=IF(${act}="","",${act}-${pl})`, "", { numberFormat: money });
      g.formula(rp, c, `=IF(OR(${act}="",${pl}=0),"",${act}/${pl}-1)`, "", { numberFormat: PERCENT });
    }
    g.input(ra, C_SHARE, `notes|${ch.id}`, null, { style: "input" });
  });
  const pctRange: CellRange = { r0: R_PCT0, c0: C_FIRST, r1: R_PCT0 + n - 1, c1: C_TOTAL };
  const topLeft = a1(R_PCT0, C_FIRST);
  const conditionalFormats: PlanConditionalFormat[] = [
    {
      range: pctRange,
      kind: "expression",
      formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>${thresholdRef})`,
      fill: "#F4CCCC",
      fontColor: "#A4262C",
    },
    {
      range: pctRange,
      kind: "expression",
      formula: `=AND(ISNUMBER(${topLeft}),${topLeft}>0,${topLeft}<=${thresholdRef})`,
      fill: "#FFF4CE",
    },
  ];

  // ---- expected return per channel
  const R_RET_HEAD = R_PCT0 + n + 2;
  const byId = new Map<string, ChannelAllocation>(allocation.channels.map((c) => [c.id, c]));
  const outcome =
    allocation.method === "optimized" && input.inputs.method.kind === "optimized"
      ? input.inputs.method.outcome
      : undefined;
  const usesConversions =
    outcome === "conversions" ||
    (input.inputs.method.kind === "weighted" && input.inputs.method.metric === "conversionsPerSpend");
  g.value(R_RET_HEAD - 1, 0, text.returns, { style: "label" });
  const retHeaders = [
    text.channel,
    text.plannedSpend,
    usesConversions ? text.expectedConversions : text.expectedRevenue,
    usesConversions ? text.cpa : text.roi,
    ...(outcome
      ? [text.curveVmax, text.curveK, text.curveAlpha]
      : [usesConversions ? text.historicalConversionRate : text.historicalRoas]),
  ];
  retHeaders.forEach((h, c) => g.value(R_RET_HEAD, c, h, { style: "header" }));
  const R_RET0 = R_RET_HEAD + 1;
  let sumSpend = 0;
  let sumOutcome = 0;
  let anyOutcome = false;
  plan.channels.forEach((ch, i) => {
    const r = R_RET0 + i;
    const alloc = byId.get(ch.id);
    const spend = ch.total;
    const spendRef = a1(r, 1);
    g.value(r, 0, ch.name);
    g.formula(r, 1, `=${a1(R_PLAN0 + i, C_TOTAL)}`, spend, { numberFormat: money });
    sumSpend += spend;
    let expected: number | undefined;
    if (outcome && alloc?.curve) {
      const { vmax, k, alpha } = alloc.curve;
      g.value(r, 4, vmax, { numberFormat: DECIMAL2 });
      g.value(r, 5, k, { numberFormat: money });
      g.value(r, 6, alpha, { numberFormat: "0.000" });
      const [V, K, A] = [a1(r, 4), a1(r, 5), a1(r, 6)];
      expected = hillResponse(alloc.curve, spend);
      g.formula(r, 2, `=IF(${spendRef}<=0,0,${V}*${spendRef}^${A}/(${K}^${A}+${spendRef}^${A}))`, expected, {
        numberFormat: usesConversions ? DECIMAL2 : money,
      });
    } else {
      const rate = historyRate(input.inputs, ch.id, usesConversions ? "conversions" : "revenue");
      if (rate !== undefined) {
        g.value(r, 4, rate, { numberFormat: "0.0000" });
        expected = spend * rate;
        g.formula(r, 2, `=${spendRef}*${a1(r, 4)}`, expected, { numberFormat: usesConversions ? DECIMAL2 : money });
      }
    }
    if (expected !== undefined) {
      anyOutcome = true;
      sumOutcome += expected;
      const oRef = a1(r, 2);
      if (usesConversions) {
        g.formula(r, 3, `=IFERROR(${spendRef}/${oRef},"")`, expected > 0 ? spend / expected : "", {
          numberFormat: money,
        });
      } else {
        g.formula(r, 3, `=IFERROR((${oRef}-${spendRef})/${spendRef},"")`, spend > 0 ? (expected - spend) / spend : "", {
          numberFormat: PERCENT,
        });
      }
    }
  });
  const R_RET_TOTAL = R_RET0 + n;
  g.value(R_RET_TOTAL, 0, text.total, { style: "total" });
  g.formula(R_RET_TOTAL, 1, `=SUM(${a1(R_RET0, 1)}:${a1(R_RET_TOTAL - 1, 1)})`, sumSpend, {
    numberFormat: money,
    style: "total",
  });
  if (anyOutcome) {
    const so = a1(R_RET_TOTAL, 2);
    const ss = a1(R_RET_TOTAL, 1);
    g.formula(R_RET_TOTAL, 2, `=SUM(${a1(R_RET0, 2)}:${a1(R_RET_TOTAL - 1, 2)})`, sumOutcome, {
      numberFormat: usesConversions ? DECIMAL2 : money,
      style: "total",
    });
    if (usesConversions) {
      g.formula(R_RET_TOTAL, 3, `=IFERROR(${ss}/${so},"")`, sumOutcome > 0 ? sumSpend / sumOutcome : "", {
        numberFormat: money,
        style: "total",
      });
    } else {
      g.formula(
        R_RET_TOTAL,
        3,
        `=IFERROR((${so}-${ss})/${ss},"")`,
        sumSpend > 0 ? (sumOutcome - sumSpend) / sumSpend : "",
        {
          numberFormat: PERCENT,
          style: "total",
        },
      );
    }
  }

  // ---- sensitivity
  const R_SENS = R_RET_TOTAL + 3;
  if (anyOutcome && sumSpend > 0 && sumOutcome > 0) {
    const so = a1(R_RET_TOTAL, 2, true);
    const ss = a1(R_RET_TOTAL, 1, true);
    if (!usesConversions) {
      // Revenue = conversions × AOV and conversions = spend ÷ CPA, so revenue scales with (1+ΔAOV)/(1+ΔCPA).
      g.value(R_SENS - 1, 0, text.sensitivity, { style: "label" });
      g.value(R_SENS - 1, 2, text.sensitivityHint, { style: "note" });
      g.value(R_SENS, 0, `${text.cpaChange} \\ ${text.aovChange}`, { style: "header" });
      SENSITIVITY_STEPS.forEach((s, j) => g.value(R_SENS, 1 + j, s, { numberFormat: "+0%;-0%;0%", style: "header" }));
      SENSITIVITY_STEPS.forEach((dc, i) => {
        const r = R_SENS + 1 + i;
        g.value(r, 0, dc, { numberFormat: "+0%;-0%;0%", style: "label" });
        SENSITIVITY_STEPS.forEach((da, j) => {
          const colHead = a1(R_SENS, 1 + j, false).replace(/(\d+)$/, "$$$1");
          const rowHead = "$" + a1(r, 0);
          g.formula(
            r,
            1 + j,
            `=IFERROR(${so}/${ss}*(1+${colHead})/(1+${rowHead})-1,"")`,
            (sumOutcome / sumSpend) * ((1 + da) / (1 + dc)) - 1,
            {
              numberFormat: PERCENT,
            },
          );
        });
      });
    } else {
      g.value(R_SENS - 1, 0, text.sensitivityConversions, { style: "label" });
      g.value(R_SENS, 0, text.cpaChange, { style: "header" });
      SENSITIVITY_STEPS.forEach((dc, j) => {
        g.value(R_SENS, 1 + j, dc, { numberFormat: "+0%;-0%;0%", style: "header" });
        const head = a1(R_SENS, 1 + j, false).replace(/(\d+)$/, "$$$1");
        g.formula(R_SENS + 1, 1 + j, `=IFERROR(${so}/(1+${head}),"")`, sumOutcome / (1 + dc), {
          numberFormat: DECIMAL2,
        });
      });
    }
  }

  const lastMonthCol = C_TOTAL - 1;
  const chartTop = 3;
  const chartCol = Math.max(C_SHARE + 2, 8);
  return {
    version: 1,
    wizard: "budget",
    sheetName: `${text.sheetName} ${year}`,
    locale,
    cells: g.cells,
    columnWidths: [
      { col: 0, width: 26 },
      ...Array.from({ length: m }, (_, j) => ({ col: C_FIRST + j, width: 12 })),
      { col: C_TOTAL, width: 14 },
      { col: C_SHARE, width: 16 },
    ],
    tables:
      n > 0 ? [{ name: "mkBudgetPlan", range: { r0: R_PLAN_HEAD, c0: 0, r1: R_PLAN_TOTAL - 1, c1: C_SHARE } }] : [],
    names: [
      { name: "mkBudgetTotal", range: { r0: R_TOTAL, c0: 1, r1: R_TOTAL, c1: 1 } },
      { name: "mkBudgetWarning", range: { r0: R_TOTAL + 4, c0: 1, r1: R_TOTAL + 4, c1: 1 } },
    ],
    conditionalFormats: n > 0 ? conditionalFormats : [],
    freeze: { rows: 0, cols: 1 },
    charts:
      n > 0
        ? [
            {
              kind: "columnStacked",
              title: text.chartByMonth,
              data: { r0: R_PLAN_HEAD, c0: 0, r1: R_PLAN_TOTAL - 1, c1: lastMonthCol },
              seriesBy: "rows",
              anchor: { row: chartTop, col: chartCol },
              width: 480,
              height: 260,
            },
            {
              kind: "pie",
              title: text.chartShare,
              data: { r0: R_RET_HEAD, c0: 0, r1: R_RET_TOTAL - 1, c1: 1 },
              seriesBy: "columns",
              anchor: { row: chartTop + 15, col: chartCol },
              width: 360,
              height: 260,
            },
          ]
        : [],
    inputs: input.wizardState ?? input.inputs,
  };
}

/** Outcome per unit of spend over a channel's history (Σ outcome ÷ Σ spend), if it has any. */
function historyRate(inputs: BudgetInputs, channelId: string, outcome: "revenue" | "conversions"): number | undefined {
  const ch = inputs.channels.find((c) => c.id === channelId);
  let spend = 0;
  let out = 0;
  for (const h of ch?.history ?? []) {
    const o = h[outcome];
    if (o === undefined || !(h.spend > 0)) continue;
    spend += h.spend;
    out += o;
  }
  return spend > 0 ? out / spend : undefined;
}
