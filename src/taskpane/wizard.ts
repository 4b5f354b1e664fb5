/**
 * The contract every wizard fulfils: a state, steps that edit it, validation that names fields, and a pure
 * builder (src/sheets/) that turns the state into a SheetPlan. The shell renders steps, shows errors at their
 * fields as the user types, previews the plan, and writes or exports it.
 */
import type { ReactNode } from "react";
import type { Locale } from "../i18n/locale";
import type { SheetPlan } from "../sheets/plan";
import type { Messages } from "./i18n";

export interface FieldError {
  /** The field's id within its step (e.g. "total", "shares.Search"). */
  readonly field: string;
  readonly message: string;
}

export interface StepProps<S> {
  state: S;
  update: (patch: Partial<S> | ((s: S) => S)) => void;
  errors: readonly FieldError[];
  locale: Locale;
  t: Messages;
}

export interface WizardStep<S> {
  readonly id: string;
  readonly title: (locale: Locale) => string;
  /** Field errors of this step for the current state (empty when the step is complete). */
  readonly validate: (state: S, locale: Locale) => FieldError[];
  readonly render: (props: StepProps<S>) => ReactNode;
}

export interface WizardDefinition<S> {
  readonly id: string;
  readonly title: (locale: Locale) => string;
  readonly initial: (locale: Locale) => S;
  readonly steps: readonly WizardStep<S>[];
  readonly build: (state: S, locale: Locale) => SheetPlan;
  readonly fileName: (state: S) => string;
}

/** The message of the first error for a field, for Fluent's Field validationMessage. */
export function errorFor(errors: readonly FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
