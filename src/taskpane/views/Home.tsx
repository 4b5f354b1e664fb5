import {
  Body1,
  Button,
  Caption1,
  Card,
  CardFooter,
  CardHeader,
  Link,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Locale } from "../../i18n/locale";
import { loadFunctionCatalog, type FunctionInfo } from "../function-catalog";
import type { ActiveSheetPlan } from "../../excel/stored";
import type { Messages } from "../i18n";
import { interpolate } from "../i18n";
import { WIZARDS } from "../wizards/registry";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface HomeProps {
  t: Messages;
  locale: Locale;
  onOpen: (wizardId: string, fromSheet?: ActiveSheetPlan) => void;
  /** The active sheet's stored wizard inputs, when MarketKit made it. */
  activeSheet?: ActiveSheetPlan;
}

type CatalogState = { status: "loading" } | { status: "failed" } | { status: "ready"; functions: FunctionInfo[] };

export function Home({ t, locale, onOpen, activeSheet }: HomeProps) {
  const styles = useStyles();
  const [catalog, setCatalog] = useState<CatalogState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    setCatalog({ status: "loading" });
    loadFunctionCatalog(locale).then(
      (functions) => live && setCatalog({ status: "ready", functions }),
      () => live && setCatalog({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [locale]);

  return (
    <section>
      <Body1 as="p" block>
        {t.homeIntro}
      </Body1>
      {activeSheet && WIZARDS.some((w) => w.id === activeSheet.stored.wizard) && (
        <Card size="small" data-testid="reopen">
          <CardHeader
            header={
              <Text weight="semibold">
                {interpolate(t.reopenTitle, {
                  wizard: WIZARDS.find((w) => w.id === activeSheet.stored.wizard)!.title(locale),
                  sheet: activeSheet.sheetName,
                })}
              </Text>
            }
            description={<Caption1>{t.reopenHint}</Caption1>}
          />
          <CardFooter>
            <Button appearance="primary" onClick={() => onOpen(activeSheet.stored.wizard, activeSheet)}>
              {t.reopen}
            </Button>
          </CardFooter>
        </Card>
      )}
      {WIZARDS.length > 0 && (
        <>
          <Subtitle2 as="h2" block>
            {t.wizardsTitle}
          </Subtitle2>
          <Caption1 as="p" block>
            {t.wizardsIntro}
          </Caption1>
          <div className={styles.list} data-testid="wizard-list">
            {WIZARDS.map((w) => (
              <Card key={w.id} size="small">
                <CardHeader
                  header={<Text weight="semibold">{w.title(locale)}</Text>}
                  description={<Caption1>{w.summary(locale)}</Caption1>}
                />
                <CardFooter>
                  <Button appearance="primary" onClick={() => onOpen(w.id)} data-testid={`open-${w.id}`}>
                    {t.open}
                  </Button>
                </CardFooter>
              </Card>
            ))}
          </div>
        </>
      )}
      <Subtitle2 as="h2" block>
        {t.shareTitle}
      </Subtitle2>
      <Button onClick={() => onOpen("share")} data-testid="open-share">
        {t.shareOpen}
      </Button>
      <Subtitle2 as="h2" block>
        {t.functionsTitle}
      </Subtitle2>
      <Caption1 as="p" block>
        {t.functionsIntro}
      </Caption1>
      {catalog.status === "loading" && <Spinner size="tiny" label={t.functionsLoading} />}
      {catalog.status === "failed" && <Text role="alert">{t.functionsFailed}</Text>}
      {catalog.status === "ready" && (
        <div className={styles.list} data-testid="function-list">
          {catalog.functions.map((f) => (
            <Card key={f.id} size="small">
              <CardHeader
                header={
                  <Text weight="semibold">{`MKT.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`}</Text>
                }
                description={<Caption1>{f.description}</Caption1>}
              />
              <ul className={styles.params} aria-label={t.parameters}>
                {f.parameters.map((p) => (
                  <li key={p.name}>
                    <Caption1>
                      <b>{p.name}</b>
                      {p.optional ? ` (${t.optional})` : ""}: {p.description}
                    </Caption1>
                  </li>
                ))}
              </ul>
              {f.helpUrl && (
                <Link href={f.helpUrl} target="_blank" rel="noreferrer">
                  {t.help}
                </Link>
              )}
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
