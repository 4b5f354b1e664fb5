/** Loads a wizard's code on demand and runs it in the shell. */
import { Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Locale } from "../../i18n/locale";
import { WizardShell } from "../components/WizardShell";
import type { PaneHost } from "../host";
import type { Messages } from "../i18n";
import type { WizardDefinition } from "../wizard";
import type { WizardEntry } from "../wizards/registry";

export interface WizardViewProps {
  entry: WizardEntry;
  host: PaneHost;
  locale: Locale;
  t: Messages;
  onClose: () => void;
  reopen?: { state: unknown; sheetId: string };
}

export function WizardView({ entry, host, locale, t, onClose, reopen }: WizardViewProps) {
  const [wizard, setWizard] = useState<WizardDefinition<unknown>>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    entry.load().then(
      (w) => live && setWizard(() => w),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [entry]);
  if (failed) return <p role="alert">{t.functionsFailed}</p>;
  if (!wizard) return <Spinner size="small" />;
  return <WizardShell wizard={wizard} host={host} locale={locale} t={t} onClose={onClose} reopen={reopen} />;
}
