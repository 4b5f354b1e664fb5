import {
  Field,
  FluentProvider,
  Select,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { ActiveSheetPlan } from "../excel/stored";
import { LOCALES, resolveLocale, type Locale } from "../i18n/locale";
import type { PaneHost } from "./host";
import { LANGUAGE_NAMES, PANE_MESSAGES } from "./i18n";
import { Home } from "./views/Home";
import { ShareView } from "./views/ShareView";
import { WizardView } from "./views/WizardView";
import { WIZARDS } from "./wizards/registry";

const useStyles = makeStyles({
  shell: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  banner: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface AppProps {
  host: PaneHost;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const [choice, setChoice] = useState<Locale | "auto">("auto");
  const [view, setView] = useState<string>("home");
  const [reopen, setReopen] = useState<{ state: unknown; sheetId: string }>();
  const [active, setActive] = useState<ActiveSheetPlan>();
  const entry = WIZARDS.find((w) => w.id === view);
  useEffect(() => {
    // Inside Excel: if the active sheet is one MarketKit made, offer to reopen its wizard with its inputs.
    if (view !== "home" || !host.readActivePlan) return;
    let live = true;
    host.readActivePlan().then(
      (p) => live && setActive(p),
      () => live && setActive(undefined),
    );
    return () => {
      live = false;
    };
  }, [host, view]);
  const open = (id: string, fromSheet?: ActiveSheetPlan) => {
    setReopen(fromSheet ? { state: fromSheet.stored.inputs, sheetId: fromSheet.sheetId } : undefined);
    setView(id);
  };
  const locale: Locale = choice === "auto" ? resolveLocale(host.displayLanguage) : choice;
  const t = PANE_MESSAGES[locale];
  const theme = useMemo(() => (host.dark ? webDarkTheme : webLightTheme), [host.dark]);
  return (
    <FluentProvider theme={theme} lang={locale}>
      <div className={styles.shell}>
        <header className={styles.header}>
          <h1 className={styles.title}>{t.appTitle}</h1>
          <Field label={t.language} orientation="horizontal">
            <Select value={choice} onChange={(_, d) => setChoice(d.value as Locale | "auto")} data-testid="language">
              <option value="auto">{t.languageAuto}</option>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </Select>
          </Field>
        </header>
        {host.kind === "preview" && (
          <div className={styles.banner} role="status">
            {t.previewBanner}
          </div>
        )}
        <main>
          {view === "share" ? (
            <ShareView host={host} t={t} onClose={() => setView("home")} />
          ) : entry ? (
            <WizardView
              entry={entry}
              host={host}
              locale={locale}
              t={t}
              reopen={reopen}
              onClose={() => setView("home")}
            />
          ) : (
            <Home t={t} locale={locale} onOpen={open} activeSheet={active} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
