/**
 * Message catalog of the budget wizard's core, and the issue collector its checks report to.
 *
 * Every {@link MktError} thrown by `src/core/budget/` and every {@link BudgetIssue} returned by
 * `validateBudgetInputs` uses a key of {@link BUDGET_ERROR_MESSAGES}; the English text is the template with
 * `{name}` placeholders replaced by the params. Params always include `field` (the input field) and, for a
 * channel's field, `channel` (its display name) and `channelId`, so the wizard can show the message at the field.
 */
import { MktError, type MktErrorParams } from "../errors";
import type { BudgetIssue } from "./types";

const MESSAGES = {
  invalidMonths: "The plan length must be a whole number of months from 1 to 24 (got {value}).",
  invalidStartMonth: "The start month must be a whole number from 1 to 12 (got {value}).",
  invalidStartYear: "The start year must be a whole number from 1900 to 9999 (got {value}).",
  emptyBudget: "Enter a total budget greater than zero.",
  negativeBudget: "The total budget must not be negative (got {value}).",
  invalidRevenueTarget: "Enter a revenue target greater than zero.",
  invalidBudgetRatio: "The budget ratio must be a percentage above 0 and at most 100 (got {value}).",
  budgetRatioUnusual: "A budget of {value}% of revenue is outside the usual 5–15%; check the ratio.",
  invalidReserve: "The contingency reserve must be a percentage from 0 to below 100 (got {value}).",
  noChannels: "Add at least one channel.",
  duplicateChannelId: "Channel id {channelId} is used more than once.",
  emptyChannelName: "Give channel {channelId} a name.",
  invalidNumber: "{channel}: enter a number here (got {value}).",
  negativeBound: "{channel}: a spend limit must not be negative (got {value}).",
  minAboveMax: "The minimum spend of {channel} ({min}) is above its maximum ({max}).",
  minAboveTotal: "The minimum spend of {channel} ({min}) is above the allocatable budget ({total}).",
  boundsInfeasible:
    "The channel limits cannot be met: the minimums add up to {sumMin} and the maximums to {sumMax}, but the allocatable budget is {total}.",
  negativeShare: "The share of {channel} must not be negative (got {value}%).",
  sharesDoNotSumTo100: "The shares must add up to 100% (they add up to {sum}%).",
  sharesAllZero: "At least one share must be above zero.",
  shareBelowMin: "The share of {channel} ({share}% = {amount}) is below its minimum spend of {min}.",
  shareAboveMax: "The share of {channel} ({share}% = {amount}) is above its maximum spend of {max}.",
  invalidHistory: "History point {row} of {channel}: the {what} must be a number of at least 0.",
  missingHistory:
    "{channel} has no spend and {outcome} history to weight by: add history, enter an assumed value, or choose how to treat channels without history.",
  invalidAssumedMetric: "The assumed value of {channel} must be a number of at least 0.",
  weightsAllZero: "Every channel's weight ({metric}) is zero, so there is nothing to weight the budget by.",
  historyCannotFitCurve:
    "The history of {channel} cannot fit a response curve: it needs at least 2 points at different spend levels whose {outcome} rises with spend ({reason}).",
  invalidCurve: "The response curve of {channel} needs Vmax > 0, K > 0 and α between 0.1 and 10.",
  noSaturationInHistory:
    "The history of {channel} shows no diminishing returns, so its response curve is an extrapolation.",
  invalidMethod: "Choose an allocation method.",
  seasonalityLength: "Seasonality weights need 12 numbers, January to December (got {count}).",
  negativeSeasonality: "Seasonality weight {row} must be a number of at least 0.",
  seasonalityAllZero: "At least one seasonality weight must be above zero.",
  seasonalityZeroInPeriod: "The seasonality weights are zero for every month of the plan.",
  unknownPreset: "Unknown seasonality preset {value}.",
  invalidDecimals: "Decimals must be a whole number from 0 to 4 (got {value}).",
  invalidAmount: "The total budget must be a number (got {value}).",
} as const;

/** Stable message ids of the budget core. */
export type BudgetErrorKey = keyof typeof MESSAGES;

/** English templates for every message key of the budget core; `{name}` = `params.name`. */
export const BUDGET_ERROR_MESSAGES: Readonly<Record<string, string>> = MESSAGES;

/** Fills a template of {@link BUDGET_ERROR_MESSAGES} with params (unknown placeholders stay as they are). */
export function formatBudgetMessage(key: string, params: MktErrorParams): string {
  const template = (MESSAGES as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Builds a `#VALUE!` {@link MktError} whose English message comes from {@link BUDGET_ERROR_MESSAGES}. */
export function budgetError(key: BudgetErrorKey, params: MktErrorParams = {}): MktError {
  return new MktError("value", key, formatBudgetMessage(key, params), params);
}

/** A number shown in a message: at most 10 significant digits, no floating-point noise. */
export function shown(x: number): number | string {
  return Number.isFinite(x) ? Number(x.toPrecision(10)) : String(x);
}

/** Receives the issues found by the checks. */
export interface IssueSink {
  /** Records an issue; an "error" stops a throwing sink. */
  report(
    field: string,
    key: BudgetErrorKey,
    params?: Record<string, string | number>,
    severity?: "error" | "warning",
  ): void;
  /** Errors recorded so far (0 for a throwing sink that has not thrown). */
  readonly errorCount: number;
}

/** Collects every issue (for `validateBudgetInputs`). */
export class IssueList implements IssueSink {
  readonly issues: BudgetIssue[] = [];
  errorCount = 0;

  report(
    field: string,
    key: BudgetErrorKey,
    params: Record<string, string | number> = {},
    severity: "error" | "warning" = "error",
  ): void {
    const p: Record<string, string | number> = { field, ...params };
    const channelId = typeof p.channelId === "string" ? p.channelId : undefined;
    this.issues.push({
      field,
      ...(channelId !== undefined ? { channelId } : {}),
      key,
      params: p,
      message: formatBudgetMessage(key, p),
      severity,
    });
    if (severity === "error") this.errorCount++;
  }
}

/** Throws the first error as an {@link MktError}; keeps warnings (for the calculation functions). */
export class ThrowingSink implements IssueSink {
  readonly warnings = new IssueList();
  readonly errorCount = 0;

  report(
    field: string,
    key: BudgetErrorKey,
    params: Record<string, string | number> = {},
    severity: "error" | "warning" = "error",
  ): void {
    if (severity === "warning") {
      this.warnings.report(field, key, params, "warning");
      return;
    }
    throw budgetError(key, { field, ...params });
  }
}

/** The params naming a channel. */
export function channelParams(ch: { id: string; name: string }): { channel: string; channelId: string } {
  return { channel: ch.name, channelId: ch.id };
}
