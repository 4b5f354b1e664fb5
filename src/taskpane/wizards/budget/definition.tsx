/**
 * The budget wizard: period and budget, channels (with history and limits), allocation method and phasing, then
 * the sheet preview. Validation comes from the core (validateBudgetInputs) and is shown at each field as the
 * user types; nothing is written while any error remains.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { normalizeShares, validateBudgetInputs, type BudgetIssue } from "../../../core/budget";
import type { Locale } from "../../../i18n/locale";
import { buildBudgetSheet } from "../../../sheets/budget";
import { CURRENCIES, type CurrencyCode } from "../../../sheets/formats";
import { interpolate } from "../../i18n";
import { errorFor, type FieldError, type StepProps, type WizardDefinition } from "../../wizard";
import { budgetMessage } from "./errors";
import { BUDGET_MESSAGES } from "./messages";
import {
  type BudgetWizardState,
  type ChannelRow,
  emptyChannel,
  initialBudgetState,
  parseNumber,
  PRESET_CHANNELS,
  toBudgetInputs,
  unparsedFields,
} from "./state";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "flex-end" },
  narrow: { width: "110px" },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  presets: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))" },
});

const STEP1 = new Set(["year", "startMonth", "months", "total", "revenueTarget", "ratio", "reserve", "threshold"]);
const STEP2_PREFIX = [
  "channels",
  "name",
  "minSpend",
  "maxSpend",
  "history",
  "bounds",
  "spend1",
  "revenue1",
  "conversions1",
  "spend2",
  "revenue2",
  "conversions2",
  "id",
];
const STEP3_PREFIX = ["method", "share", "shares", "seasonality", "weights", "assumedMetric", "curve", "decimals"];

/** Core field names → the form's field ids. */
const FIELD_ALIAS: Record<string, string> = {
  startYear: "year",
  amount: "total",
  budgetRatioPercent: "ratio",
  reservePercent: "reserve",
  sharePercent: "share",
};

function allErrors(state: BudgetWizardState, locale: Locale): FieldError[] {
  const t = BUDGET_MESSAGES[locale];
  const errors: FieldError[] = unparsedFields(state).map((field) => ({ field, message: t.notANumber }));
  const threshold = parseNumber(state.threshold);
  if (typeof threshold === "number" && (threshold < 0 || threshold > 100)) {
    errors.push({ field: "threshold", message: t.notANumber });
  }
  if (errors.length > 0) return errors;
  const issues: BudgetIssue[] = validateBudgetInputs(toBudgetInputs(state)).filter((i) => i.severity === "error");
  for (const i of issues) {
    // Problems caused by the chosen method (no history to weight by, no curve to fit) belong to that choice.
    const base = METHOD_KEYS.has(i.key) ? "method" : (FIELD_ALIAS[i.field] ?? i.field);
    errors.push({
      field: i.channelId ? `${base}.${i.channelId}` : base,
      message: budgetMessage(locale, i.key, i.params, i.message),
    });
  }
  return errors;
}

const METHOD_KEYS = new Set([
  "historyCannotFitCurve",
  "missingHistory",
  "weightsAllZero",
  "invalidCurve",
  "invalidAssumedMetric",
]);

const inStep = (prefixes: readonly string[]) => (e: FieldError) => prefixes.includes(e.field.split(".")[0]);

function PeriodStep({ state, update, errors, locale }: StepProps<BudgetWizardState>) {
  const s = useStyles();
  const t = BUDGET_MESSAGES[locale];
  const num = (id: keyof BudgetWizardState, label: string) => (
    <Field label={label} validationMessage={errorFor(errors, id)}>
      <Input
        value={state[id] as string}
        onChange={(_, d) => update({ [id]: d.value } as Partial<BudgetWizardState>)}
        inputMode="decimal"
        data-testid={`field-${id}`}
      />
    </Field>
  );
  return (
    <>
      <div className={s.row}>
        <div className={s.narrow}>{num("year", t.year)}</div>
        <Field label={t.startMonth} validationMessage={errorFor(errors, "startMonth")}>
          <Select value={state.startMonth} onChange={(_, d) => update({ startMonth: d.value })}>
            {t.months.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.length}>
          <Select value={state.months} onChange={(_, d) => update({ months: d.value as BudgetWizardState["months"] })}>
            <option value="12">{t.lengthYear}</option>
            <option value="6">{t.lengthHalf}</option>
            <option value="3">{t.lengthQuarter}</option>
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
      <Field label={t.budgetMode}>
        <RadioGroup
          value={state.budgetMode}
          onChange={(_, d) => update({ budgetMode: d.value as BudgetWizardState["budgetMode"] })}
        >
          <Radio value="total" label={t.modeTotal} />
          <Radio value="revenue" label={t.modeRevenue} />
        </RadioGroup>
      </Field>
      {state.budgetMode === "total" ? (
        num("total", t.total)
      ) : (
        <div className={s.row}>
          {num("revenueTarget", t.revenueTarget)}
          {num("ratio", t.ratio)}
        </div>
      )}
      <div className={s.row}>
        {num("reserve", t.reserve)}
        {num("threshold", t.threshold)}
      </div>
    </>
  );
}

function ChannelsStep({ state, update, errors, locale }: StepProps<BudgetWizardState>) {
  const s = useStyles();
  const t = BUDGET_MESSAGES[locale];
  const [custom, setCustom] = useState("");
  const has = (id: string) => state.channels.some((c) => c.id === id);
  const toggle = (id: (typeof PRESET_CHANNELS)[number], on: boolean) =>
    update((st) => ({
      ...st,
      channels: on ? [...st.channels, emptyChannel(id, t.channelNames[id])] : st.channels.filter((c) => c.id !== id),
    }));
  const addCustom = () => {
    const name = custom.trim();
    if (!name) return;
    let i = 1;
    while (has(`custom${i}`)) i++;
    update((st) => ({ ...st, channels: [...st.channels, emptyChannel(`custom${i}`, name)] }));
    setCustom("");
  };
  const setField = (id: string, key: keyof ChannelRow, value: string) =>
    update((st) => ({ ...st, channels: st.channels.map((c) => (c.id === id ? { ...c, [key]: value } : c)) }));
  const cell = (c: ChannelRow, key: keyof ChannelRow, label: string) => (
    <Field
      label={label}
      validationMessage={
        errorFor(errors, `${key}.${c.id}`) ?? (key === "spend1" ? errorFor(errors, `history.${c.id}`) : undefined)
      }
      className={s.narrow}
    >
      <Input
        value={c[key]}
        onChange={(_, d) => setField(c.id, key, d.value)}
        inputMode="decimal"
        aria-label={`${c.name} ${label}`}
      />
    </Field>
  );
  return (
    <>
      <Field label={t.presets} validationMessage={errorFor(errors, "channels") ?? errorFor(errors, "bounds")}>
        <div className={s.presets}>
          {PRESET_CHANNELS.map((id) => (
            <Checkbox
              key={id}
              label={t.channelNames[id]}
              checked={has(id)}
              onChange={(_, d) => toggle(id, !!d.checked)}
            />
          ))}
        </div>
      </Field>
      <div className={s.row}>
        <Field label={t.custom}>
          <Input value={custom} onChange={(_, d) => setCustom(d.value)} data-testid="custom-channel" />
        </Field>
        <Button onClick={addCustom} data-testid="add-channel">
          {t.add}
        </Button>
      </div>
      {state.channels.map((c) => (
        <div key={c.id} className={s.card} data-testid={`channel-${c.id}`}>
          <div className={s.row}>
            <Field
              label={c.id.startsWith("custom") ? t.custom : ""}
              validationMessage={errorFor(errors, `name.${c.id}`)}
            >
              <Input value={c.name} onChange={(_, d) => setField(c.id, "name", d.value)} aria-label={t.presets} />
            </Field>
            <Button
              appearance="subtle"
              onClick={() => update((st) => ({ ...st, channels: st.channels.filter((x) => x.id !== c.id) }))}
            >
              {t.remove}
            </Button>
          </div>
          <Caption1>{t.history}</Caption1>
          <div className={s.row}>
            {cell(c, "spend1", t.histSpend)}
            {cell(c, "revenue1", t.histRevenue)}
            {cell(c, "conversions1", t.histConversions)}
          </div>
          <Caption1>{t.history2}</Caption1>
          <div className={s.row}>
            {cell(c, "spend2", t.histSpend)}
            {cell(c, "revenue2", t.histRevenue)}
            {cell(c, "conversions2", t.histConversions)}
          </div>
          <div className={s.row}>
            {cell(c, "minSpend", t.minSpend)}
            {cell(c, "maxSpend", t.maxSpend)}
          </div>
        </div>
      ))}
    </>
  );
}

function AllocationStep({ state, update, errors, locale }: StepProps<BudgetWizardState>) {
  const s = useStyles();
  const t = BUDGET_MESSAGES[locale];
  const shares = state.channels.map((c) => {
    const n = parseNumber(c.share);
    return typeof n === "number" ? n : 0;
  });
  const sum = shares.reduce((a, b) => a + b, 0);
  const normalize = () => {
    const next = normalizeShares(shares, 2);
    update((st) => ({ ...st, channels: st.channels.map((c, i) => ({ ...c, share: String(next[i]) })) }));
  };
  return (
    <>
      <Field label={t.method} validationMessage={errorFor(errors, "method")}>
        <RadioGroup
          value={state.method}
          onChange={(_, d) => update({ method: d.value as BudgetWizardState["method"] })}
        >
          <Radio value="fixedShares" label={t.methodFixed} />
          <Radio value="weightedRoi" label={t.methodRoi} />
          <Radio value="weightedCpa" label={t.methodCpa} />
          <Radio value="optimizedRevenue" label={t.methodOptRevenue} />
          <Radio value="optimizedConversions" label={t.methodOptConversions} />
        </RadioGroup>
      </Field>
      {state.method === "fixedShares" && (
        <div className={s.card}>
          {state.channels.map((c) => (
            <Field
              key={c.id}
              label={`${c.name} — ${t.share}`}
              validationMessage={errorFor(errors, `share.${c.id}`)}
              orientation="horizontal"
            >
              <Input
                value={c.share}
                onChange={(_, d) =>
                  update((st) => ({
                    ...st,
                    channels: st.channels.map((x) => (x.id === c.id ? { ...x, share: d.value } : x)),
                  }))
                }
                inputMode="decimal"
                data-testid={`share-${c.id}`}
              />
            </Field>
          ))}
          <Field validationMessage={errorFor(errors, "shares")}>
            <div className={s.row}>
              <Text>{interpolate(t.sharesSum, { sum: Math.round(sum * 100) / 100 })}</Text>
              {Math.abs(sum - 100) > 0.01 && sum > 0 && (
                <Button size="small" onClick={normalize} data-testid="normalize">
                  {t.normalize}
                </Button>
              )}
            </div>
          </Field>
        </div>
      )}
      {errors
        .filter((e) => e.field.startsWith("method."))
        .map((e) => (
          <Text key={e.field} role="alert">
            {e.message}
          </Text>
        ))}
      <Field label={t.seasonality} validationMessage={errorFor(errors, "seasonality")}>
        <Select value={state.season} onChange={(_, d) => update({ season: d.value as BudgetWizardState["season"] })}>
          <option value="even">{t.seasonEven}</option>
          <option value="chinaRetail">{t.seasonChina}</option>
          <option value="westernRetail">{t.seasonWestern}</option>
          <option value="custom">{t.seasonCustom}</option>
        </Select>
      </Field>
      {state.season === "custom" && (
        <Field label={t.weights} validationMessage={errorFor(errors, "weights")}>
          <Input value={state.weights} onChange={(_, d) => update({ weights: d.value })} />
        </Field>
      )}
    </>
  );
}

export const budgetWizard: WizardDefinition<BudgetWizardState> = {
  id: "budget",
  title: (locale) => BUDGET_MESSAGES[locale].title,
  initial: (locale) => initialBudgetState(locale),
  steps: [
    {
      id: "period",
      title: (locale) => BUDGET_MESSAGES[locale].stepBudget,
      validate: (st, locale) => allErrors(st, locale).filter((e) => STEP1.has(e.field)),
      render: (p) => <PeriodStep {...p} />,
    },
    {
      id: "channels",
      title: (locale) => BUDGET_MESSAGES[locale].stepChannels,
      validate: (st, locale) => allErrors(st, locale).filter(inStep(STEP2_PREFIX)),
      render: (p) => <ChannelsStep {...p} />,
    },
    {
      id: "allocation",
      title: (locale) => BUDGET_MESSAGES[locale].stepAllocation,
      validate: (st, locale) => allErrors(st, locale).filter(inStep(STEP3_PREFIX)),
      render: (p) => <AllocationStep {...p} />,
    },
  ],
  build: (st, locale) =>
    buildBudgetSheet(
      {
        inputs: toBudgetInputs(st),
        currency: st.currency,
        warningThreshold: (Number(parseNumber(st.threshold)) || 0) / 100,
        wizardState: st,
      },
      locale,
    ),
  fileName: (st) => `MarketKit-budget-${st.year}.xlsx`,
};

export default budgetWizard;
