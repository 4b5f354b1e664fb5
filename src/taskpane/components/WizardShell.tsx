/**
 * Runs a wizard: a short multi-step form (errors at the fields as you type; Next only when the step is valid),
 * a preview of the sheet it will write, then "Write to Excel" (inside Excel) and "Export .xlsx" (everywhere),
 * with a clear result ("Budget plan written to sheet 预算 2027").
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { Locale } from "../../i18n/locale";
import { isMktError } from "../../core/errors";
import type { PaneHost } from "../host";
import type { Messages } from "../i18n";
import { interpolate } from "../i18n";
import type { WizardDefinition } from "../wizard";
import { PreviewGrid } from "./PreviewGrid";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  nav: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

type Outcome = { kind: "ok"; text: string } | { kind: "error"; text: string } | undefined;

export interface WizardShellProps<S> {
  wizard: WizardDefinition<S>;
  host: PaneHost;
  locale: Locale;
  t: Messages;
  onClose: () => void;
  /** Reopening a sheet MarketKit made: its stored inputs, and the sheet to regenerate in place. */
  reopen?: { state: unknown; sheetId: string };
}

export function WizardShell<S>({ wizard, host, locale, t, onClose, reopen }: WizardShellProps<S>) {
  const styles = useStyles();
  const [state, setState] = useState<S>(() =>
    reopen ? { ...wizard.initial(locale), ...(reopen.state as Partial<S>) } : wizard.initial(locale),
  );
  const [stepIndex, setStepIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const previewIndex = wizard.steps.length;
  const update = useCallback((patch: Partial<S> | ((s: S) => S)) => {
    setOutcome(undefined);
    setState((s) => (typeof patch === "function" ? patch(s) : { ...s, ...patch }));
  }, []);

  const errorsByStep = useMemo(() => wizard.steps.map((s) => s.validate(state, locale)), [wizard, state, locale]);
  const firstInvalid = errorsByStep.findIndex((e) => e.length > 0);
  const plan = useMemo(() => {
    if (firstInvalid !== -1) return undefined;
    try {
      return wizard.build(state, locale);
    } catch (e) {
      return isMktError(e) ? e : undefined;
    }
  }, [wizard, state, locale, firstInvalid]);

  const go = (i: number) => {
    // Steps after an invalid one cannot be reached until it is fixed.
    if (firstInvalid !== -1 && i > firstInvalid) return;
    setStepIndex(i);
  };

  const write = async () => {
    if (!plan || isMktError(plan) || !host.writePlan) return;
    setBusy(true);
    try {
      const res = await host.writePlan(plan, reopen ? { targetSheetId: reopen.sheetId } : undefined);
      setOutcome({ kind: "ok", text: interpolate(t.writtenTo, { title: wizard.title(locale), sheet: res.sheetName }) });
    } catch (e) {
      setOutcome({
        kind: "error",
        text: interpolate(t.writeFailed, { reason: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const exportFile = async () => {
    if (!plan || isMktError(plan)) return;
    setBusy(true);
    try {
      const name = wizard.fileName(state);
      await host.exportXlsx([plan], name);
      setOutcome({ kind: "ok", text: interpolate(t.exportedAs, { file: name }) });
    } catch (e) {
      setOutcome({
        kind: "error",
        text: interpolate(t.writeFailed, { reason: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const step = wizard.steps[stepIndex];
  return (
    <section className={styles.root} aria-labelledby="wizard-title">
      <div className={styles.nav}>
        <Button appearance="subtle" onClick={onClose}>
          {t.back}
        </Button>
        <Subtitle1 as="h2" id="wizard-title">
          {wizard.title(locale)}
        </Subtitle1>
      </div>
      <TabList
        selectedValue={String(stepIndex)}
        onTabSelect={(_, d) => go(Number(d.value))}
        size="small"
        aria-label={t.steps}
      >
        {wizard.steps.map((s, i) => (
          <Tab key={s.id} value={String(i)} disabled={firstInvalid !== -1 && i > firstInvalid}>
            {`${i + 1}. ${s.title(locale)}`}
          </Tab>
        ))}
        <Tab value={String(previewIndex)} disabled={firstInvalid !== -1}>
          {`${previewIndex + 1}. ${t.preview}`}
        </Tab>
      </TabList>

      {step && (
        <div className={styles.step} data-testid={`step-${step.id}`}>
          {step.render({ state, update, errors: errorsByStep[stepIndex], locale, t })}
          <div className={styles.nav}>
            {stepIndex > 0 && <Button onClick={() => go(stepIndex - 1)}>{t.previous}</Button>}
            <Button
              appearance="primary"
              disabled={errorsByStep[stepIndex].length > 0}
              onClick={() => go(stepIndex + 1)}
              data-testid="next"
            >
              {t.next}
            </Button>
          </div>
        </div>
      )}

      {stepIndex === previewIndex && (
        <div className={styles.step} data-testid="step-preview">
          {plan && !isMktError(plan) && <PreviewGrid plan={plan} label={t.preview} />}
          {plan && isMktError(plan) && (
            <MessageBar intent="error">
              <MessageBarBody>{plan.message}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.nav}>
            <Button onClick={() => go(previewIndex - 1)}>{t.previous}</Button>
            {host.writePlan && (
              <Button
                appearance="primary"
                disabled={busy || !plan || isMktError(plan)}
                onClick={write}
                data-testid="write"
              >
                {t.writeToExcel}
              </Button>
            )}
            <Button
              appearance={host.writePlan ? "secondary" : "primary"}
              disabled={busy || !plan || isMktError(plan)}
              onClick={exportFile}
              data-testid="export"
            >
              {t.exportXlsx}
            </Button>
            {busy && <Spinner size="tiny" />}
          </div>
        </div>
      )}

      {outcome && (
        <MessageBar intent={outcome.kind === "ok" ? "success" : "error"} data-testid="outcome">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
