/**
 * "Prepare for sharing": custom functions show #NAME? to anyone without the add-in, so this lists the workbook's
 * MKT formulas, says which become built-in formulas and which are frozen as values (with a note), and does it
 * on request. Outside Excel there is no workbook, and the view says so.
 */
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { MktFormulaCell, ShareResult } from "../../excel/share";
import type { PaneHost } from "../host";
import type { Messages } from "../i18n";
import { interpolate } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "320px", overflow: "auto" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ShareViewProps {
  host: PaneHost;
  t: Messages;
  onClose: () => void;
}

export function ShareView({ host, t, onClose }: ShareViewProps) {
  const styles = useStyles();
  const [items, setItems] = useState<MktFormulaCell[]>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ShareResult>();
  const [error, setError] = useState<string>();
  const run = async <T,>(f: () => Promise<T>, done: (v: T) => void) => {
    setBusy(true);
    setError(undefined);
    try {
      done(await f());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const scan = host.scanMktFormulas;
  const apply = host.prepareForSharing;
  const note = (formula: string, date: Date) =>
    interpolate(t.shareNote, { formula, date: date.toISOString().slice(0, 10) });
  return (
    <section className={styles.root} aria-labelledby="share-title">
      <div className={styles.row}>
        <Button appearance="subtle" onClick={onClose}>
          {t.back}
        </Button>
        <Subtitle1 as="h2" id="share-title">
          {t.shareTitle}
        </Subtitle1>
      </div>
      <Body1 as="p" block>
        {t.shareIntro}
      </Body1>
      {!scan || !apply ? (
        <MessageBar intent="info" data-testid="share-needs-excel">
          <MessageBarBody>{t.shareNeedsExcel}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.row}>
            <Button onClick={() => run(scan, (v) => (setItems(v), setResult(undefined)))} disabled={busy}>
              {t.shareScan}
            </Button>
            {items && items.length > 0 && (
              <Button appearance="primary" disabled={busy} onClick={() => run(() => apply(items, note), setResult)}>
                {t.shareApply}
              </Button>
            )}
            {busy && <Spinner size="tiny" />}
          </div>
          {items && items.length === 0 && <Caption1>{t.shareNone}</Caption1>}
          {items && items.length > 0 && (
            <ul className={styles.list}>
              {items.map((i) => (
                <li key={`${i.sheet}!${i.address}`}>
                  <Caption1>
                    {`${i.sheet}!${i.address}  ${i.formula}  → `}
                    {"native" in i.plan ? i.plan.native : t.shareFreeze}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          {result && (
            <MessageBar intent="success">
              <MessageBarBody>
                {interpolate(t.shareDone, {
                  rewritten: result.rewritten.length,
                  frozen: result.frozen.length,
                  skipped: result.skipped.length,
                })}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{interpolate(t.writeFailed, { reason: error })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
