/**
 * Typed errors of the calculation core.
 *
 * The core never returns NaN silently and never lets a raw exception escape to Excel: every invalid input
 * raises an {@link MktError}. Its `kind` says which Excel error the functions layer shows (`#VALUE!` for input
 * the user must fix, `#NUM!` / `#DIV/0!` only where Excel's own functions would use them), and its `key` plus
 * `params` name a message in the localized catalog, so the core stays free of UI languages. `message` is the
 * English text, for logs and tests.
 */
export type MktErrorKind = "value" | "num" | "div0" | "na";

export type MktErrorParams = Readonly<Record<string, string | number>>;

export class MktError extends Error {
  readonly kind: MktErrorKind;
  readonly key: string;
  readonly params: MktErrorParams;

  constructor(kind: MktErrorKind, key: string, message: string, params: MktErrorParams = {}) {
    super(message);
    this.name = "MktError";
    this.kind = kind;
    this.key = key;
    this.params = params;
  }
}

export function isMktError(e: unknown): e is MktError {
  return e instanceof MktError;
}

/** Throws a `#VALUE!` error unless `x` is a finite number. */
export function requireFinite(x: number, name: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new MktError("value", "notANumber", `${name} must be a finite number.`, { arg: name });
  }
  return x;
}
