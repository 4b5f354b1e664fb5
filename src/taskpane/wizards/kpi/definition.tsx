/**
 * The KPI-target wizard: KPIs (library by layer, own KPIs), period and seasonality; per-KPI baseline, target,
 * floor, stretch and owner; the funnel check; then the sheet preview. Validation comes from the core
 * (validateKpiInputs and friends, see state.ts) and is shown at each field as the user types; nothing is written
 * while any error remains.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { KPI_LAYER_NAMES, KPI_LAYERS, KPI_UNITS, kpiName, kpisInLayer, type KpiDefinition } from "../../../core/kpi";
import type { Locale } from "../../../i18n/locale";
import { CURRENCIES, type CurrencyCode } from "../../../sheets/formats";
import { KPI_TEXT } from "../../../sheets/i18n/kpi";
import { buildKpiSheet } from "../../../sheets/kpi";
import { interpolate } from "../../i18n";
import { errorFor, type StepProps, type WizardDefinition } from "../../wizard";
import { KPI_MESSAGES } from "./messages";
import {
  analyzeKpiState,
  type CustomKpiRow,
  formatKpiValue,
  initialKpiState,
  type KpiRowState,
  type KpiWizardState,
  rowOf,
  stepErrors,
  toKpiSheetInput,
} from "./state";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "flex-end" },
  narrow: { width: "150px" },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  layer: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(170px, 1fr))" },
  table: { borderCollapse: "collapse", fontVariantNumeric: "tabular-nums" },
  cell: { padding: "2px 8px", textAlign: "right" },
});

/** The state with one KPI's typed targets patched (a KPI not edited yet starts from its default row). */
const withRow = (st: KpiWizardState, k: KpiDefinition, patch: Partial<KpiRowState>): KpiWizardState => ({
  ...st,
  rows: { ...st.rows, [k.id]: { ...rowOf(st, k), ...patch } },
});

function KpisStep({ state, update, errors, locale }: StepProps<KpiWizardState>) {
  const s = useStyles();
  const t = KPI_MESSAGES[locale];
  const sheet = KPI_TEXT[locale];
  const [name, setName] = useState("");
  const toggle = (id: string, on: boolean) =>
    update((st) => ({ ...st, selected: on ? [...st.selected, id] : st.selected.filter((x) => x !== id) }));
  const addCustom = () => {
    const n = name.trim();
    if (!n) return;
    let i = 1;
    while (state.custom.some((c) => c.id === `custom${i}`)) i++;
    const row: CustomKpiRow = { id: `custom${i}`, name: n, unit: "count", direction: "higher", aggregation: "sum" };
    update((st) => ({ ...st, custom: [...st.custom, row] }));
    setName("");
  };
  const setCustom = (id: string, patch: Partial<CustomKpiRow>) =>
    update((st) => ({ ...st, custom: st.custom.map((c) => (c.id === id ? { ...c, ...patch } : c)) }));
  return (
    <>
      <div className={s.row}>
        <Field label={t.year} validationMessage={errorFor(errors, "year")} className={s.narrow}>
          <Input
            value={state.year}
            onChange={(_, d) => update({ year: d.value })}
            inputMode="numeric"
            data-testid="field-year"
          />
        </Field>
        <Field label={t.startMonth}>
          <Select
            value={state.startMonth}
            onChange={(_, d) => update({ startMonth: d.value })}
            data-testid="field-startMonth"
          >
            {t.months.map((m, i) => (
              <option key={m} value={String(i + 1)}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.currency}>
          <Select value={state.currency} onChange={(_, d) => update({ currency: d.value as CurrencyCode })}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t.seasonality}>
        <Select
          value={state.season}
          onChange={(_, d) => update({ season: d.value as KpiWizardState["season"] })}
          data-testid="field-season"
        >
          <option value="even">{t.seasonEven}</option>
          <option value="chinaRetail">{t.seasonChina}</option>
          <option value="westernRetail">{t.seasonWestern}</option>
          <option value="custom">{t.seasonCustom}</option>
        </Select>
      </Field>
      {state.season === "custom" && (
        <Field label={t.weights} validationMessage={errorFor(errors, "weights")}>
          <Input value={state.weights} onChange={(_, d) => update({ weights: d.value })} data-testid="field-weights" />
        </Field>
      )}
      <Field label={t.library} validationMessage={errorFor(errors, "kpis")}>
        <div className={s.card}>
          {KPI_LAYERS.filter((l) => l !== "custom").map((layer) => (
            <div key={layer}>
              <Text weight="semibold">{KPI_LAYER_NAMES[layer][locale]}</Text>
              <div className={s.layer}>
                {kpisInLayer(layer).map((k) => (
                  <Checkbox
                    key={k.id}
                    label={kpiName(k, locale)}
                    checked={state.selected.includes(k.id)}
                    onChange={(_, d) => toggle(k.id, !!d.checked)}
                    data-testid={`kpi-${k.id}`}
                  />
                ))}
              </div>
            </div>
          ))}
        </div>
      </Field>
      <Text weight="semibold">{t.customTitle}</Text>
      <div className={s.row}>
        <Field label={t.newCustomName}>
          <Input value={name} onChange={(_, d) => setName(d.value)} data-testid="custom-name" />
        </Field>
        <Button onClick={addCustom} data-testid="add-custom">
          {t.add}
        </Button>
      </div>
      {state.custom.map((c) => (
        <div key={c.id} className={s.card} data-testid={`custom-${c.id}`}>
          <div className={s.row}>
            <Field label={t.customName} validationMessage={errorFor(errors, `custom.name.${c.id}`)}>
              <Input value={c.name} onChange={(_, d) => setCustom(c.id, { name: d.value })} />
            </Field>
            <Button
              appearance="subtle"
              onClick={() => update((st) => ({ ...st, custom: st.custom.filter((x) => x.id !== c.id) }))}
            >
              {t.remove}
            </Button>
          </div>
          <div className={s.row}>
            <Field label={t.unit} validationMessage={errorFor(errors, `custom.unit.${c.id}`)}>
              <Select
                value={c.unit}
                onChange={(_, d) => {
                  const unit = d.value as CustomKpiRow["unit"];
                  // Only counts and amounts add up over time; anything else is averaged.
                  setCustom(c.id, {
                    unit,
                    aggregation: unit === "count" || unit === "currency" ? c.aggregation : "rate",
                  });
                }}
                data-testid={`custom-unit-${c.id}`}
              >
                {KPI_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {sheet.units[u]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.direction} validationMessage={errorFor(errors, `custom.direction.${c.id}`)}>
              <Select
                value={c.direction}
                onChange={(_, d) => setCustom(c.id, { direction: d.value as CustomKpiRow["direction"] })}
                data-testid={`custom-direction-${c.id}`}
              >
                <option value="higher">{sheet.directions.higher}</option>
                <option value="lower">{sheet.directions.lower}</option>
              </Select>
            </Field>
            <Field label={t.aggregation} validationMessage={errorFor(errors, `custom.aggregation.${c.id}`)}>
              <Select
                value={c.aggregation}
                onChange={(_, d) => setCustom(c.id, { aggregation: d.value as CustomKpiRow["aggregation"] })}
                data-testid={`custom-aggregation-${c.id}`}
              >
                <option value="sum">{t.aggregations.sum}</option>
                <option value="rate">{t.aggregations.rate}</option>
              </Select>
            </Field>
          </div>
        </div>
      ))}
    </>
  );
}

function TargetsStep({ state, update, errors, locale }: StepProps<KpiWizardState>) {
  const s = useStyles();
  const t = KPI_MESSAGES[locale];
  const sheet = KPI_TEXT[locale];
  const analysis = analyzeKpiState(state, locale);
  return (
    <>
      {analysis.kpis.map((k) => {
        const row = rowOf(state, k);
        const pct = k.unit === "percent" ? t.percentSuffix : "";
        const set = (patch: Partial<KpiRowState>) => update((st) => withRow(st, k, patch));
        const show = (v: number | undefined) =>
          v === undefined ? t.none : formatKpiValue(v, k.unit === "percent", locale);
        const input = (key: keyof KpiRowState, label: string, field: string | null, testId: string) => (
          <Field
            label={label}
            validationMessage={field ? errorFor(errors, `${field}.${k.id}`) : undefined}
            className={s.narrow}
          >
            <Input
              value={row[key]}
              onChange={(_, d) => set({ [key]: d.value })}
              inputMode="decimal"
              aria-label={`${kpiName(k, locale)} ${label}`}
              data-testid={`${testId}-${k.id}`}
            />
          </Field>
        );
        const r = analysis.resolved[k.id];
        const derived = analysis.derived?.[k.id];
        return (
          <div key={k.id} className={s.card} data-testid={`row-${k.id}`}>
            <Text weight="semibold">
              {kpiName(k, locale)} · {sheet.units[k.unit]} · {sheet.directions[k.direction]}
            </Text>
            <div className={s.row}>
              {input("baseline", t.baseline + pct, "baseline", "baseline")}
              <Field label={t.targetMode}>
                <Select
                  value={row.targetMode}
                  onChange={(_, d) => set({ targetMode: d.value as KpiRowState["targetMode"] })}
                  data-testid={`mode-${k.id}`}
                >
                  <option value="percentChange">{t.modePercent}</option>
                  <option value="absolute">{t.modeAbsolute}</option>
                  <option value="derived">{t.modeDerived}</option>
                </Select>
              </Field>
              {row.targetMode === "absolute" && input("target", t.targetValue + pct, "target", "target")}
              {row.targetMode === "percentChange" && input("percent", t.targetPercent, "target", "percent")}
              {row.targetMode === "derived" && (
                <Field validationMessage={errorFor(errors, `target.${k.id}`)}>
                  <Caption1>
                    {derived === undefined
                      ? t.derivedPending
                      : interpolate(t.derivedValue, { value: formatKpiValue(derived, k.unit === "percent", locale) })}
                  </Caption1>
                </Field>
              )}
            </div>
            <div className={s.row}>
              <Field label={t.floorRule}>
                <Select
                  value={row.floorRule}
                  onChange={(_, d) => set({ floorRule: d.value as KpiRowState["floorRule"] })}
                  data-testid={`floor-rule-${k.id}`}
                >
                  <option value="baseline">{t.floorBaseline}</option>
                  <option value="typed">{t.floorTyped}</option>
                  <option value="none">{t.floorNone}</option>
                </Select>
              </Field>
              {row.floorRule === "baseline" && input("floorMultiplier", t.factor, "floor", "floor-factor")}
              {row.floorRule === "typed" && input("floor", t.floorValue + pct, "floor", "floor")}
            </div>
            <div className={s.row}>
              <Field label={t.stretchRule}>
                <Select
                  value={row.stretchRule}
                  onChange={(_, d) => set({ stretchRule: d.value as KpiRowState["stretchRule"] })}
                  data-testid={`stretch-rule-${k.id}`}
                >
                  <option value="targetMultiple">{t.stretchMultiple}</option>
                  <option value="typed">{t.stretchTyped}</option>
                  <option value="benchmark">{t.stretchBenchmark}</option>
                </Select>
              </Field>
              {row.stretchRule === "benchmark" && input("benchmark", t.benchmark + pct, "stretch", "benchmark")}
              {row.stretchRule !== "typed" &&
                input(
                  "stretchMultiplier",
                  t.factor,
                  row.stretchRule === "benchmark" ? null : "stretch",
                  "stretch-factor",
                )}
              {row.stretchRule === "typed" && input("stretch", t.stretchValue + pct, "stretch", "stretch")}
            </div>
            <div className={s.row}>
              <Field label={t.owner}>
                <Input
                  value={row.owner}
                  onChange={(_, d) => set({ owner: d.value })}
                  aria-label={`${kpiName(k, locale)} ${t.owner}`}
                  data-testid={`owner-${k.id}`}
                />
              </Field>
            </div>
            {r && (
              <Caption1 data-testid={`resolved-${k.id}`}>
                {interpolate(t.resolved, { floor: show(r.floor), target: show(r.target), stretch: show(r.stretch) })}
              </Caption1>
            )}
            {(analysis.warnings[k.id] ?? []).map((w) => (
              <MessageBar key={w} intent="warning">
                <MessageBarBody>{w}</MessageBarBody>
              </MessageBar>
            ))}
          </div>
        );
      })}
    </>
  );
}

function FunnelStep({ state, update, errors, locale }: StepProps<KpiWizardState>) {
  const s = useStyles();
  const t = KPI_MESSAGES[locale];
  const analysis = analyzeKpiState(state, locale);
  const f = analysis.funnel;
  const input = (key: keyof KpiWizardState, field: string, label: string) => (
    <Field label={label} validationMessage={errorFor(errors, `funnel.${field}`)}>
      <Input
        value={state[key] as string}
        onChange={(_, d) => update({ [key]: d.value } as Partial<KpiWizardState>)}
        inputMode="decimal"
        data-testid={`funnel-${field}`}
      />
    </Field>
  );
  const count = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(v - 1e-9));
  const money = (v: number) =>
    `${state.currency} ${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v)}`;
  const results: [string, string][] = f
    ? [
        ...(f.visits !== undefined ? [[t.derivedVisits, count(f.visits)] as [string, string]] : []),
        ...(f.leads !== undefined ? [[t.derivedLeads, count(f.leads)] as [string, string]] : []),
        [t.derivedOrders, count(f.orders)],
        [t.derivedNewCustomers, count(f.newCustomers)],
        ...(f.budget !== undefined ? [[t.derivedBudget, money(f.budget)] as [string, string]] : []),
      ]
    : [];
  const missing = errors.filter((e) => e.field.startsWith("derived."));
  return (
    <>
      <Switch
        checked={state.funnelOn}
        onChange={(_, d) => update({ funnelOn: d.checked })}
        label={t.funnelOn}
        data-testid="funnel-on"
      />
      <Caption1>{t.funnelIntro}</Caption1>
      {state.funnelOn && (
        <>
          <div className={s.row}>
            {input("revenue", "revenue", t.revenue)}
            {input("aov", "averageOrderValue", t.aov)}
          </div>
          <div className={s.row}>
            {input("conversionRate", "conversionRate", t.conversionRate)}
            {input("visitToLead", "visitToLeadRate", t.visitToLead)}
            {input("leadToOrder", "leadToOrderRate", t.leadToOrder)}
          </div>
          <div className={s.row}>
            {input("newCustomerShare", "newCustomerShare", t.newCustomerShare)}
            {input("cac", "cac", t.cac)}
          </div>
          {results.length > 0 && (
            <div className={s.card}>
              <Text weight="semibold">{t.derivedTitle}</Text>
              <table className={s.table} data-testid="funnel-result">
                <tbody>
                  {results.map(([label, v]) => (
                    <tr key={label}>
                      <th scope="row" style={{ textAlign: "left", fontWeight: "normal" }}>
                        {label}
                      </th>
                      <td className={s.cell}>{v}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {(analysis.warnings.funnel ?? []).length > 0 && (
        <MessageBar intent="warning" data-testid="funnel-warning">
          <MessageBarBody>
            <MessageBarTitle>{t.warnings}</MessageBarTitle>
            {analysis.warnings.funnel!.map((w) => (
              <div key={w}>{w}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {missing.map((e) => (
        <MessageBar key={e.field} intent="error">
          <MessageBarBody role="alert">{e.message}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

export const kpiWizard: WizardDefinition<KpiWizardState> = {
  id: "kpi",
  title: (locale: Locale) => KPI_MESSAGES[locale].title,
  initial: (locale) => initialKpiState(locale),
  steps: [
    {
      id: "kpis",
      title: (locale) => KPI_MESSAGES[locale].stepKpis,
      validate: (st, locale) => stepErrors(st, locale, "kpis"),
      render: (p) => <KpisStep {...p} />,
    },
    {
      id: "targets",
      title: (locale) => KPI_MESSAGES[locale].stepTargets,
      validate: (st, locale) => stepErrors(st, locale, "targets"),
      render: (p) => <TargetsStep {...p} />,
    },
    {
      id: "funnel",
      title: (locale) => KPI_MESSAGES[locale].stepFunnel,
      validate: (st, locale) => stepErrors(st, locale, "funnel"),
      render: (p) => <FunnelStep {...p} />,
    },
  ],
  build: (st, locale) => buildKpiSheet(toKpiSheetInput(st), locale),
  fileName: (st) => `MarketKit-KPI-${st.year}.xlsx`,
};

export default kpiWizard;
