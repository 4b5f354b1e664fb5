/** English error messages of the MKT functions, keyed by MktError.key: the core's catalogs plus this layer's. */
import { VALUE_ERROR_MESSAGES } from "../../core/value-messages";

export const MESSAGES_EN: Readonly<Record<string, string>> = {
  ...VALUE_ERROR_MESSAGES,
  internal: "MarketKit could not compute this. Check the arguments.",
  notANumber: "{arg} must be a number.",
  notFinite: "{arg} is not a finite number.",
  expectedSingleValue: "{arg} must be a single value, not a range.",
};
