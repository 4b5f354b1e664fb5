import { MktError } from "../../../src/core/errors";

/** The MktError thrown by `f` (fails if it throws anything else or nothing). */
export function errorOf(f: () => unknown): MktError {
  try {
    f();
  } catch (e) {
    if (e instanceof MktError) return e;
    throw e;
  }
  throw new Error("expected an MktError");
}
