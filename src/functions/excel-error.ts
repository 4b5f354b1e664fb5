/**
 * Excel error values for custom functions. Inside Excel the runtime provides `CustomFunctions.Error`; in tests and
 * the standalone preview it does not exist, so an object of the same shape stands in. Excel shows a message only
 * for #VALUE! and #N/A, so only those carry one.
 */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!" | "#REF!" | "#NAME?" | "#BUSY!";

export interface ExcelErrorValue {
  readonly code: ExcelErrorCode;
  readonly message?: string;
}

class HarnessExcelError implements ExcelErrorValue {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message?: string,
  ) {}
}

type ErrorCtor = new (code: CustomFunctions.ErrorCode, message?: string) => ExcelErrorValue;

function runtimeErrorClass(): ErrorCtor | undefined {
  const cf = (globalThis as { CustomFunctions?: { Error?: ErrorCtor } }).CustomFunctions;
  return cf?.Error;
}

export function excelError(code: ExcelErrorCode, message?: string): ExcelErrorValue {
  const withMessage = code === "#VALUE!" || code === "#N/A";
  const Ctor = runtimeErrorClass();
  if (Ctor) {
    return withMessage && message
      ? new Ctor(code as CustomFunctions.ErrorCode, message)
      : new Ctor(code as CustomFunctions.ErrorCode);
  }
  return new HarnessExcelError(code, withMessage ? message : undefined);
}

const CODES = new Set<string>([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#REF!",
  "#NAME?",
  "#BUSY!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** True for an error value as Excel passes it into a function (an object with an error `code`). */
export function isExcelError(v: unknown): v is ExcelErrorValue {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { code?: unknown }).code === "string" &&
    CODES.has((v as { code: string }).code)
  );
}
