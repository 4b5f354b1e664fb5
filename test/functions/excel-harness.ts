/**
 * An Excel-like harness for the MKT functions. It reads the metadata with Microsoft's generator (the same call
 * the webpack plugin makes), binds each id to its function the way the plugin's loader does (by the generator's
 * `associate` list), and calls functions with arguments shaped as Excel passes them: a matrix parameter gets a
 * scalar as [[x]], an omitted optional argument is null, an empty cell is null inside the matrix.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { resolve } from "node:path";
import * as functionsModule from "../../src/functions/functions";

export interface ParamMeta {
  name: string;
  description?: string;
  type: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result: { dimensionality?: string; type?: string };
  options?: Record<string, boolean>;
}

export interface Metadata {
  functions: FunctionMeta[];
}

export const FUNCTIONS_FILE = resolve("src/functions/functions.ts");

export interface Registry {
  metadata: Metadata;
  errors: string[];
  byId: Map<string, { meta: FunctionMeta; fn: (...args: unknown[]) => unknown }>;
}

export async function loadRegistry(): Promise<Registry> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
  const metadata = JSON.parse(result.metadataJson) as Metadata;
  const byId = new Map<string, { meta: FunctionMeta; fn: (...args: unknown[]) => unknown }>();
  const exports = functionsModule as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const a of result.associate) {
    const meta = metadata.functions.find((f) => f.id === a.id);
    const fn = exports[a.functionName];
    if (meta && typeof fn === "function") byId.set(a.id, { meta, fn });
  }
  return { metadata, errors: result.errors, byId };
}

/** Calls a registered function as Excel would. Pass `undefined` for an omitted optional argument. */
export function callAsExcel(reg: Registry, id: string, ...args: unknown[]): unknown {
  const entry = reg.byId.get(id);
  if (!entry) throw new Error(`MKT.${id} is not registered`);
  const shaped = entry.meta.parameters.map((p, i) => {
    const a = args[i];
    if (a === undefined) return null;
    if (p.dimensionality === "matrix" && !Array.isArray(a)) return [[a]];
    return a;
  });
  return entry.fn(...shaped);
}
