/**
 * The KPI-target sheet: a KPI table (KPI, layer, unit, direction, baseline, floor, target, stretch, owner), a
 * year-to-date block (actual and pro-rata target and floor, attainment, red / amber / green status as formulas
 * and as conditional formats, with a bar chart of attainment), the monthly targets (volumes split by the
 * seasonality, rates carried), the monthly actual inputs, and the funnel back-solved from the revenue target.
 *
 * Every calculated cell is a built-in Excel formula (the formula text of the status, attainment and year-to-date
 * rules comes from the core, `src/core/kpi/status.ts`), so the sheet keeps working without MarketKit; each carries
 * the value our core computed for it. Owners, actuals and the as-of date are input cells with stable keys, so
 * regenerating the sheet keeps what was typed.
 *
 * Months elapsed: through the month of the as-of date when one is typed, else through the last plan month with
 * any actual. A KPI with no actual in those months shows blanks, not a red status.
 */
import type { SeasonalityPreset } from "../core/budget/types";
import { presetWeights } from "../core/budget/seasonality";
import {
  assessKpi,
  attainmentFormula,
  breakdownTarget,
  DEFAULT_FUNNEL_TOLERANCE,
  deriveFunnel,
  funnelDerivedTargets,
  KPI_LAYER_NAMES,
  kpiName,
  monthsElapsed,
  monthsElapsedFormula,
  planMonths,
  statusFormula,
  validateKpiInputs,
  validateSeasonality,
  ytdActual,
  ytdFormula,
  ytdTarget,
  type FunnelInput,
  type FunnelResult,
  type KpiBreakdown,
  type KpiDefinition,
  type KpiTargetInput,
  type ResolvedKpiTarget,
} from "../core/kpi";
import { kpiError } from "../core/kpi/messages";
import type { Locale } from "../i18n/locale";
import { CellGrid } from "./cells";
import { type CurrencyCode, currencyFormat, DECIMAL2, INTEGER, PERCENT } from "./formats";
import { KPI_TEXT, type KpiSeasonName } from "./i18n/kpi";
import { a1, type CellRange, type PlanConditionalFormat, type SheetPlan } from "./plan";

/** How the year's volume targets are phased over the months. */
export type KpiSeasonality =
  | { readonly kind: "even" }
  | { readonly kind: "preset"; readonly preset: SeasonalityPreset }
  /** 12 weights ≥ 0 by calendar month, January first. */
  | { readonly kind: "custom"; readonly weights: readonly number[] };

export interface KpiSheetRow {
  readonly input: KpiTargetInput;
  /** Default owner (the sheet's owner cell is an input: a name typed there is kept on regeneration). */
  readonly owner?: string;
}

export interface KpiSheetInput {
  readonly year: number;
  /** Calendar month (1–12) the plan year starts in. */
  readonly startMonth: number;
  readonly seasonality: KpiSeasonality;
  readonly currency: CurrencyCode;
  readonly kpis: readonly KpiSheetRow[];
  /** User-defined KPIs used by `kpis`. */
  readonly custom?: readonly KpiDefinition[];
  /** The funnel (without typed targets: the sheet compares it with the plan's own targets). */
  readonly funnel?: Omit<FunnelInput, "typed"> | null;
  /** Values to put in the actual input cells, by {@link actualKey} (reopening, tests). */
  readonly actuals?: Readonly<Record<string, number>>;
  /** Value of the as-of input cell (the last day of that month unless `day` is given). */
  readonly asOf?: { readonly year: number; readonly month: number; readonly day?: number } | null;
  /** What the wizard stores to reopen it (defaults to this input). */
  readonly wizardState?: unknown;
}

/** Key of a KPI's actual for one plan month, e.g. "visits|2027-03" (the input cell's key is "actual|" + this). */
export function actualKey(kpiId: string, monthLabel: string): string {
  return `${kpiId}|${monthLabel}`;
}

/** "YYYY-MM" of each of the 12 plan months. */
export function kpiMonthLabels(year: number, startMonth: number): string[] {
  return planMonths(startMonth).map((m) => `${year + m.yearOffset}-${String(m.calendarMonth).padStart(2, "0")}`);
}

/**
 * The 12 calendar weights (January first) for the breakdown, or null for even phasing. A preset takes each
 * calendar month's weight from the calendar year that month falls in within the plan (a plan from July 2027 takes
 * January–June from 2028, whose Spring Festival differs). Custom weights are validated (`weightsLength`, …).
 */
export function kpiCalendarWeights(s: KpiSeasonality, year: number, startMonth: number): number[] | null {
  if (s.kind === "even") return null;
  if (s.kind === "custom") {
    const errors = validateSeasonality(s.weights as number[], "weights");
    if (errors.length > 0) throw errors[0];
    return [...s.weights];
  }
  const thisYear = presetWeights(s.preset, year);
  const nextYear = startMonth > 1 ? presetWeights(s.preset, year + 1) : thisYear;
  return thisYear.map((w, i) => (i + 1 < startMonth ? nextYear[i] : w));
}

/**
 * Targets the funnel gives for `{ mode: "derived" }`: whole orders, visits and sign-ups (rounded up, see
 * `funnelDerivedTargets`), and the revenue, average order value, effective conversion rate and CAC it was given.
 */
export function kpiDerivedTargets(result: FunnelResult, funnel: Pick<FunnelInput, "cac">): Record<string, number> {
  const out: Record<string, number> = {
    ...funnelDerivedTargets(result),
    revenue: result.revenue,
    averageOrderValue: result.averageOrderValue,
  };
  if (result.effectiveConversionRate !== undefined) out.conversionRate = result.effectiveConversionRate;
  if (funnel.cac !== null && funnel.cac !== undefined) out.cac = funnel.cac;
  return out;
}

/** Number format of a KPI's values. */
export function kpiNumberFormat(k: KpiDefinition, currency: CurrencyCode): string {
  switch (k.unit) {
    case "percent":
      return "0.00%";
    case "currency":
      return currencyFormat(currency, k.aggregation === "sum" ? 0 : 2);
    case "count":
      return INTEGER;
    case "ratio":
      return DECIMAL2;
    case "index":
      return "#,##0.0";
    default:
      return "0.0";
  }
}

/** Excel date serial number (1900 date system) of a calendar day. */
export function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const GREEN = { fill: "#C6EFCE", font: "#006100" };
const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
const RED = { fill: "#FFC7CE", font: "#9C0006" };

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const noEq = (f: string) => f.replace(/^=/, "");

interface Row {
  r: ResolvedKpiTarget;
  k: KpiDefinition;
  bd: KpiBreakdown;
  owner: string;
  actuals: (number | null)[];
  /** Index of the weight KPI among the rows, or −1. */
  w: number;
}

export function buildKpiSheet(input: KpiSheetInput, locale: Locale): SheetPlan {
  const text = KPI_TEXT[locale];
  const { year, startMonth } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw kpiError("value", "invalidYear", { field: "year", value: String(year) });
  }
  const labels = kpiMonthLabels(year, startMonth);
  const weights = kpiCalendarWeights(input.seasonality, year, startMonth);
  const custom = input.custom ?? [];
  let funnel: FunnelResult | undefined;
  let derived: Record<string, number> | undefined;
  if (input.funnel) {
    funnel = deriveFunnel(input.funnel);
    derived = kpiDerivedTargets(funnel, input.funnel);
  }
  if (input.kpis.length === 0) {
    throw kpiError("value", "invalidOption", { field: "kpi", kpi: "kpi", expected: "at least one KPI" });
  }
  const validation = validateKpiInputs(
    input.kpis.map((x) => x.input),
    { custom, derived },
  );
  if (!validation.ok) throw validation.errors[0];
  const resolved = validation.results as ResolvedKpiTarget[];
  const ids = resolved.map((r) => r.kpi.id);
  const rows: Row[] = resolved.map((r, i) => ({
    r,
    k: r.kpi,
    bd: breakdownTarget({ kpi: r.kpi, annual: r.target, weights, startMonth, currencyDecimals: 0 }),
    owner: input.kpis[i].owner ?? "",
    actuals: labels.map((l) => {
      const v = input.actuals?.[actualKey(r.kpi.id, l)];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    }),
    w: r.kpi.weightKpi ? ids.indexOf(r.kpi.weightKpi) : -1,
  }));
  const n = rows.length;
  const g = new CellGrid();
  const merges: CellRange[] = [];
  /** A hint beside a section title, merged over the month columns so it wraps on one or two lines. */
  const note = (row: number, value: string) => {
    g.value(row, 2, value, { style: "note" });
    merges.push({ r0: row, c0: 2, r1: row, c1: 12 });
  };
  const money0 = currencyFormat(input.currency, 0);
  const money2 = currencyFormat(input.currency, 2);
  const fmt = (k: KpiDefinition) => kpiNumberFormat(k, input.currency);
  const seasonName: KpiSeasonName =
    input.seasonality.kind === "preset" ? input.seasonality.preset : input.seasonality.kind;

  // ---- title and settings (rows 0–6)
  g.value(0, 0, `${text.title} ${year}`, { style: "title" });
  g.value(
    1,
    0,
    `${text.period} ${labels[0]} – ${labels[11]} · ${text.seasons[seasonName]} · ${input.currency} · ${text.generated}`,
    { style: "subtitle" },
  );
  const R_YEAR = 3;
  g.value(R_YEAR, 0, text.startYear, { style: "label" });
  g.value(R_YEAR, 1, year, { numberFormat: "0" });
  g.value(R_YEAR + 1, 0, text.startMonth, { style: "label" });
  g.value(R_YEAR + 1, 1, startMonth, { numberFormat: "0" });
  g.value(R_YEAR + 2, 0, text.asOf, { style: "label" });
  const asOf = input.asOf;
  const asOfSerial = asOf
    ? excelSerial(asOf.year, asOf.month, asOf.day ?? new Date(Date.UTC(asOf.year, asOf.month, 0)).getUTCDate())
    : null;
  g.input(R_YEAR + 2, 1, "asOf", asOfSerial, { numberFormat: "yyyy-mm-dd" });
  note(R_YEAR + 2, text.asOfHint);
  g.value(R_YEAR + 3, 0, text.monthsElapsed, { style: "label" });
  const asOfRef = a1(R_YEAR + 2, 1, true);
  const nRef = a1(R_YEAR + 3, 1, true);

  // ---- layout
  const R_KPI_HEAD = R_YEAR + 6;
  const R_KPI0 = R_KPI_HEAD + 1;
  const R_YTD_HEAD = R_KPI0 + n + 3;
  const R_YTD0 = R_YTD_HEAD + 1;
  const R_MNUM = R_YTD0 + n + 3;
  const R_MSHARE = R_MNUM + 1;
  const R_MHEAD = R_MSHARE + 1;
  const R_M0 = R_MHEAD + 1;
  const R_AHEAD = R_M0 + n + 3;
  const R_A0 = R_AHEAD + 1;
  const C_M0 = 1;
  const C_Q0 = C_M0 + 12;
  const C_YEAR = C_Q0 + 4;
  const rowRange = (r: number, c0 = C_M0, c1 = C_M0 + 11) => `${a1(r, c0, true)}:${a1(r, c1, true)}`;
  const M = rowRange(R_MNUM);
  const T = (i: number) => rowRange(R_M0 + i);
  const A = (i: number) => rowRange(R_A0 + i);
  const targetRef = (i: number) => a1(R_KPI0 + i, 6, true);
  const floorRef = (i: number) => a1(R_KPI0 + i, 5, true);

  // ---- months elapsed
  let elapsed = 0;
  if (asOf) elapsed = monthsElapsed(year, startMonth, asOf.year, asOf.month);
  else rows.forEach((row) => row.actuals.forEach((v, j) => v !== null && (elapsed = Math.max(elapsed, j + 1))));
  const byDate = noEq(
    monthsElapsedFormula({ asOf: asOfRef, startYear: a1(R_YEAR, 1, true), startMonth: a1(R_YEAR + 1, 1, true) }),
  );
  const actualBlock = `${a1(R_A0, C_M0, true)}:${a1(R_A0 + n - 1, C_M0 + 11, true)}`;
  g.formula(R_YEAR + 3, 1, `=IF(ISNUMBER(${asOfRef}),${byDate},SUMPRODUCT(MAX((${actualBlock}<>"")*${M})))`, elapsed, {
    numberFormat: "0",
  });

  // ---- KPI table
  g.value(R_KPI_HEAD - 1, 0, text.targets, { style: "label" });
  note(R_KPI_HEAD - 1, text.ownerHint);
  const heads = [
    text.kpi,
    text.layer,
    text.unit,
    text.direction,
    text.baseline,
    text.floor,
    text.target,
    text.stretch,
    text.owner,
  ];
  heads.forEach((h, c) => g.value(R_KPI_HEAD, c, h, { style: "header" }));
  rows.forEach(({ r, k, owner }, i) => {
    const row = R_KPI0 + i;
    const f = fmt(k);
    g.value(row, 0, kpiName(k, locale));
    g.value(row, 1, KPI_LAYER_NAMES[k.layer][locale]);
    g.value(row, 2, text.units[k.unit]);
    g.value(row, 3, text.directions[k.direction]);
    if (r.baseline !== undefined) g.value(row, 4, r.baseline, { numberFormat: f });
    if (r.floor !== undefined) g.value(row, 5, r.floor, { numberFormat: f });
    g.value(row, 6, r.target, { numberFormat: f });
    g.value(row, 7, r.stretch, { numberFormat: f });
    g.input(row, 8, `owner|${k.id}`, owner.trim() === "" ? null : owner.trim());
  });

  // ---- monthly targets
  g.value(R_MNUM - 1, 0, text.monthly, { style: "label" });
  note(R_MNUM - 1, text.monthlyHint);
  g.value(R_MNUM, 0, text.planMonth, { style: "note" });
  g.value(R_MSHARE, 0, text.seasonality, { style: "note" });
  const shares = rows[0].bd.shares;
  for (let j = 0; j < 12; j++) {
    g.value(R_MNUM, C_M0 + j, j + 1, { style: "note" });
    g.value(R_MSHARE, C_M0 + j, shares[j], { numberFormat: PERCENT, style: "note" });
  }
  const monthHead = (r: number, withTotals: boolean) => {
    g.value(r, 0, text.kpi, { style: "header" });
    labels.forEach((l, j) => g.value(r, C_M0 + j, l, { style: "header" }));
    if (!withTotals) return;
    for (let q = 0; q < 4; q++) g.value(r, C_Q0 + q, `${text.quarter}${q + 1}`, { style: "header" });
    g.value(r, C_YEAR, text.year, { style: "header" });
  };
  monthHead(R_MHEAD, true);
  rows.forEach(({ k, bd, w }, i) => {
    const row = R_M0 + i;
    const f = fmt(k);
    g.value(row, 0, kpiName(k, locale));
    for (let j = 0; j < 12; j++) {
      if (k.aggregation === "rate") g.formula(row, C_M0 + j, `=${targetRef(i)}`, bd.months[j], { numberFormat: f });
      else g.value(row, C_M0 + j, bd.months[j], { numberFormat: f });
    }
    const span = (c0: number, c1: number) => `${a1(row, c0)}:${a1(row, c1)}`;
    const wSpan = (c0: number, c1: number) => `${a1(R_M0 + w, c0)}:${a1(R_M0 + w, c1)}`;
    const total = (c0: number, c1: number) => {
      if (k.aggregation === "sum") return `=SUM(${span(c0, c1)})`;
      if (w >= 0) {
        return `=IFERROR(SUMPRODUCT(${span(c0, c1)},${wSpan(c0, c1)})/SUM(${wSpan(c0, c1)}),AVERAGE(${span(c0, c1)}))`;
      }
      return `=AVERAGE(${span(c0, c1)})`;
    };
    for (let q = 0; q < 4; q++) {
      const c0 = C_M0 + 3 * q;
      g.formula(row, C_Q0 + q, total(c0, c0 + 2), bd.quarters[q], { numberFormat: f });
    }
    g.formula(row, C_YEAR, total(C_M0, C_M0 + 11), bd.annual, { numberFormat: f, style: "total" });
  });

  // ---- actuals (inputs)
  g.value(R_AHEAD - 1, 0, text.actuals, { style: "label" });
  note(R_AHEAD - 1, text.actualsHint);
  monthHead(R_AHEAD, false);
  rows.forEach(({ k, actuals }, i) => {
    const row = R_A0 + i;
    g.value(row, 0, kpiName(k, locale));
    labels.forEach((l, j) =>
      g.input(row, C_M0 + j, `actual|${actualKey(k.id, l)}`, actuals[j], { numberFormat: fmt(k) }),
    );
  });

  // ---- year to date, attainment and status
  g.value(R_YTD_HEAD - 1, 0, text.ytd, { style: "label" });
  note(R_YTD_HEAD - 1, text.ytdHint);
  [text.kpi, text.attainment, text.status, text.ytdActual, text.ytdTarget, text.ytdFloor].forEach((h, c) =>
    g.value(R_YTD_HEAD, c, h, { style: "header" }),
  );
  const statusLabels = text.statusLabels;
  rows.forEach(({ r, k, bd, actuals, w }, i) => {
    const row = R_YTD0 + i;
    const f = fmt(k);
    const [D, E, F] = [a1(row, 3), a1(row, 4), a1(row, 5)];
    g.value(row, 0, kpiName(k, locale));

    // target to date
    const tFormula = noEq(
      ytdFormula(k.aggregation, { values: T(i), months: M, elapsed: nRef, weights: w >= 0 ? T(w) : null }),
    );
    let ytdT: number | "" = "";
    if (elapsed > 0) ytdT = attempt(() => ytdTarget(k, bd.months, elapsed, w >= 0 ? rows[w].bd.months : null));
    g.formula(row, 4, `=IF(${nRef}=0,"",IFERROR(${tFormula},""))`, ytdT, { numberFormat: f });

    // actual to date (blank while this KPI has no actual in the months elapsed)
    const reported = `SUMPRODUCT((${M}<=${nRef})*(${A(i)}<>""))`;
    const aFormula = noEq(
      ytdFormula(k.aggregation, { values: A(i), months: M, elapsed: nRef, weights: w >= 0 ? A(w) : null }),
    );
    const count = actuals.slice(0, elapsed).filter((v) => v !== null).length;
    let ytdA: number | "" = "";
    if (count > 0) ytdA = attempt(() => ytdActual(k, actuals, elapsed, w >= 0 ? rows[w].actuals : null));
    g.formula(row, 3, `=IF(${reported}=0,"",IFERROR(${aFormula},""))`, ytdA, { numberFormat: f });

    // pro-rata floor
    let ytdF: number | "" | undefined;
    if (r.floor !== undefined) {
      const fl = r.floor;
      if (k.aggregation === "sum") {
        const yearRef = a1(R_M0 + i, C_YEAR);
        const annual = bd.months.reduce((s, x) => s + x, 0);
        ytdF = ytdT === "" ? "" : annual !== 0 ? (fl * ytdT) / annual : (fl * elapsed) / 12;
        g.formula(
          row,
          5,
          `=IF(${E}="","",IF(${yearRef}=0,${floorRef(i)}*${nRef}/12,${floorRef(i)}*${E}/${yearRef}))`,
          ytdF,
          { numberFormat: f },
        );
      } else {
        ytdF = ytdT === "" ? "" : fl;
        g.formula(row, 5, `=IF(${E}="","",${floorRef(i)})`, ytdF, { numberFormat: f });
      }
    }

    // attainment and status
    const blank = `OR(${D}="",${E}="")`;
    let att: number | "" = "";
    let status = "";
    if (ytdA !== "" && ytdT !== "") {
      const a = assessKpi(k, ytdA, ytdT, ytdF === "" ? undefined : ytdF);
      att = a.attainment ?? "";
      status = statusLabels[a.status];
    }
    g.formula(
      row,
      1,
      `=IF(${blank},"",IFERROR(${noEq(attainmentFormula(k.direction, { actual: D, target: E }))},""))`,
      att,
      { numberFormat: PERCENT },
    );
    const sFormula = noEq(
      statusFormula(k.direction, { actual: D, target: E, floor: r.floor !== undefined ? F : null }, statusLabels),
    );
    g.formula(row, 2, `=IF(${blank},"",${sFormula})`, status);
  });
  const statusRange: CellRange = { r0: R_YTD0, c0: 1, r1: R_YTD0 + n - 1, c1: 2 };
  const statusCell = `$${a1(R_YTD0, 2)}`;
  const conditionalFormats: PlanConditionalFormat[] = (
    [
      ["green", GREEN],
      ["amber", AMBER],
      ["red", RED],
    ] as const
  ).map(([s, look]) => ({
    range: statusRange,
    kind: "expression",
    formula: `=${statusCell}=${quoted(statusLabels[s])}`,
    fill: look.fill,
    fontColor: look.font,
  }));

  // ---- funnel
  if (funnel && input.funnel) {
    const fi = input.funnel;
    const R_FHEAD = R_A0 + n + 3;
    g.value(R_FHEAD - 1, 0, text.funnel, { style: "label" });
    note(R_FHEAD - 1, text.funnelHint);
    [text.funnel, text.funnelValue, text.funnelPlan, text.funnelDeviation].forEach((h, c) =>
      g.value(R_FHEAD, c, h, { style: "header" }),
    );
    let r = R_FHEAD + 1;
    const ref: Record<string, string> = {};
    const given = (x: number | null | undefined): x is number => x !== null && x !== undefined;
    const inputRow = (id: string, label: string, v: number, numberFormat: string) => {
      g.value(r, 0, label);
      g.value(r, 1, v, { numberFormat });
      ref[id] = a1(r, 1);
      r++;
    };
    inputRow("revenue", text.funnelRevenue, fi.revenue, money0);
    inputRow("aov", text.funnelAov, fi.averageOrderValue, money2);
    if (given(fi.conversionRate)) inputRow("cr", text.funnelConversionRate, fi.conversionRate, "0.00%");
    if (given(fi.visitToLeadRate)) inputRow("v2l", text.funnelVisitToLead, fi.visitToLeadRate, "0.00%");
    if (given(fi.leadToOrderRate)) inputRow("l2o", text.funnelLeadToOrder, fi.leadToOrderRate, "0.00%");
    inputRow("share", text.funnelNewCustomerShare, funnel.newCustomerShare, PERCENT);
    if (given(fi.cac)) inputRow("cac", text.funnelCac, fi.cac, money2);
    // Derived rows: their positions first, since the chains refer to each other.
    const R_VISITS = r;
    const R_LEADS = R_VISITS + (funnel.visits !== undefined ? 1 : 0);
    const R_ORDERS = R_LEADS + (funnel.leads !== undefined ? 1 : 0);
    const R_NEW = R_ORDERS + 1;
    const R_BUDGET = R_NEW + 1;
    const [visits, leads, orders, newCustomers] = [a1(R_VISITS, 1), a1(R_LEADS, 1), a1(R_ORDERS, 1), a1(R_NEW, 1)];
    const tol = fi.tolerance ?? DEFAULT_FUNNEL_TOLERANCE;
    const devCells: CellRange[] = [];
    const derivedRow = (row: number, label: string, formula: string, v: number, kpiId?: string, f = INTEGER) => {
      g.value(row, 0, label);
      g.formula(row, 1, formula, v, { numberFormat: f });
      const i = kpiId ? ids.indexOf(kpiId) : -1;
      if (i < 0) return;
      const t = rows[i].r.target;
      g.formula(row, 2, `=${targetRef(i)}`, t, { numberFormat: f });
      g.formula(row, 3, `=${a1(row, 2)}/${a1(row, 1)}-1`, t / v - 1, { numberFormat: "+0.0%;-0.0%;0.0%" });
      devCells.push({ r0: row, c0: 3, r1: row, c1: 3 });
    };
    if (funnel.visits !== undefined) {
      const formula = funnel.chain === "leads" ? `=${leads}/${ref.v2l}` : `=${orders}/${ref.cr}`;
      derivedRow(R_VISITS, text.funnelVisits, formula, funnel.visits, "visits");
    }
    if (funnel.leads !== undefined) {
      const formula = given(fi.leadToOrderRate) ? `=${orders}/${ref.l2o}` : `=${visits}*${ref.v2l}`;
      derivedRow(R_LEADS, text.funnelLeads, formula, funnel.leads, "signUps");
    }
    derivedRow(R_ORDERS, text.funnelOrders, `=${ref.revenue}/${ref.aov}`, funnel.orders, "orders");
    derivedRow(R_NEW, text.funnelNewCustomers, `=${orders}*${ref.share}`, funnel.newCustomers);
    if (funnel.budget !== undefined) {
      derivedRow(R_BUDGET, text.funnelBudget, `=${newCustomers}*${ref.cac}`, funnel.budget, undefined, money0);
    }
    for (const range of devCells) {
      const c = a1(range.r0, range.c0);
      conditionalFormats.push({
        range,
        kind: "expression",
        formula: `=AND(ISNUMBER(${c}),ABS(${c})>${tol})`,
        fill: AMBER.fill,
        fontColor: AMBER.font,
      });
    }
  }

  return {
    version: 1,
    wizard: "kpi",
    sheetName: `${text.sheetName} ${year}`,
    locale,
    cells: g.cells,
    columnWidths: [{ col: 0, width: 30 }, ...Array.from({ length: C_YEAR }, (_, j) => ({ col: 1 + j, width: 13 }))],
    tables: [{ name: "mkKpiTargets", range: { r0: R_KPI_HEAD, c0: 0, r1: R_KPI0 + n - 1, c1: 8 } }],
    names: [
      { name: "mkKpiAsOf", range: { r0: R_YEAR + 2, c0: 1, r1: R_YEAR + 2, c1: 1 } },
      { name: "mkKpiMonthsElapsed", range: { r0: R_YEAR + 3, c0: 1, r1: R_YEAR + 3, c1: 1 } },
    ],
    conditionalFormats,
    merges,
    freeze: { rows: 0, cols: 1 },
    charts: [
      {
        kind: "barClustered",
        title: text.chartAttainment,
        data: { r0: R_YTD_HEAD, c0: 0, r1: R_YTD0 + n - 1, c1: 1 },
        seriesBy: "columns",
        anchor: { row: 3, col: C_YEAR + 2 },
        width: 420,
        height: Math.max(220, 80 + 28 * n),
      },
    ],
    inputs: input.wizardState ?? input,
  };
}

/** The value, or "" where the core says it is undefined (the sheet's IFERROR). */
function attempt(f: () => number): number | "" {
  try {
    return f();
  } catch {
    return "";
  }
}
