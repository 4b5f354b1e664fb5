/**
 * English error messages of the MKT functions, keyed by MktError.key: the core's catalogs plus this layer's.
 *
 * The value and cohort catalogs share a few keys (notANumber, negative, lengthMismatch, dateOutOfRange…) with
 * the same placeholders, so they are spread flat (cohort last: its date text names Excel's date range). The
 * attribution catalog reuses some of those keys with other placeholders ({row} instead of {index}; its
 * noConvergence has {states}), so its keys are namespaced "attribution.<key>"; the attribution wrappers
 * (src/functions/attribution.ts) re-key the errors of src/core/attribution/ accordingly.
 */
import { ATTRIBUTION_ERROR_MESSAGES } from "../../core/attribution/messages";
import { COHORT_ERROR_MESSAGES } from "../../core/cohort-messages";
import { VALUE_ERROR_MESSAGES } from "../../core/value-messages";

/** The attribution catalog with its keys prefixed, as the attribution wrappers throw them. */
export const ATTRIBUTION_KEY_PREFIX = "attribution.";

function namespaced(prefix: string, catalog: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([k, v]) => [prefix + k, v]));
}

export const MESSAGES_EN: Readonly<Record<string, string>> = {
  ...VALUE_ERROR_MESSAGES,
  ...COHORT_ERROR_MESSAGES,
  ...namespaced(ATTRIBUTION_KEY_PREFIX, ATTRIBUTION_ERROR_MESSAGES),
  internal: "MarketKit could not compute this. Check the arguments.",
  notANumber: "{arg} must be a number.",
  notFinite: "{arg} is not a finite number.",
  expectedSingleValue: "{arg} must be a single value, not a range.",
  unknownTimeUnit: "{arg} must be one of days, weeks, months, years (天, 周, 月, 年).",
  // reading columns and tables
  expectedColumn: "{arg} must be one column or one row, not a block of several columns.",
  expectedColumns: "{arg} must have at least {columns} columns.",
  blankCell: "{arg} row {row} is blank: fill it or clear the whole row.",
  invalidDate: "{arg} row {row} must be a date: an Excel date or text such as 2024-03-31.",
  invalidDateArg: "{arg} must be a date: an Excel date or text such as 2024-03-31.",
  curveBlank: "{arg} has a blank cell inside the survival curve (value {index}): fill it or end the range before it.",
  // attribution arguments
  pathsShape:
    "{arg} must be one column of path strings or a 4-column touchpoint range (journey id, timestamp, channel, value); it has {columns} columns.",
  conversionsRequired: "{arg} is required with path strings; only a 4-column touchpoint range may leave it out.",
  argNotUsedWithTouchpoints:
    "{arg} is not used with a 4-column touchpoint range (the value is its 4th column): leave it empty.",
  unknownModel:
    "{arg} must be one of first, last, last_non_direct, linear, position, time_decay, markov, shapley, all.",
  // the options text
  optionSyntax:
    '{arg}: "{part}" is not a setting; write name=value pairs separated by semicolons, such as order=2; headers=false.',
  optionUnknown: '{arg}: unknown setting "{name}"; the settings are {known}.',
  optionDuplicate: "{arg}: {name} is set twice.",
  optionNotNumber: "{arg}: {name} must be a number.",
  optionNotPositive: "{arg}: {name} must be greater than 0.",
  optionNegative: "{arg}: {name} must not be negative.",
  optionRange: "{arg}: {name} must be between {min} and {max}.",
  optionWeights: "{arg}: first + last must be at most 1 (100%).",
  optionEmpty: "{arg}: {name} must not be empty.",
  optionNotBoolean: "{arg}: {name} must be TRUE or FALSE.",
  optionChoice: "{arg}: {name} must be one of {choices}.",
};
