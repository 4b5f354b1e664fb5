/**
 * A small benchmark harness: runs a function repeatedly, reports the median (and min / p90) wall time in
 * milliseconds, and collects results so `npm run bench` can print one table and write bench/results/*.json.
 * Speed targets live here, never in timed unit tests.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

export interface BenchResult {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  p90Ms: number;
  /** Optional target in ms; `ok` says whether the median meets it. */
  targetMs?: number;
  ok?: boolean;
  /** Extra figures worth reporting (memory, sizes, ratios). */
  notes?: Record<string, string | number>;
}

const results: BenchResult[] = [];

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  targetMs?: number;
  notes?: Record<string, string | number>;
}

export function measure(name: string, fn: () => unknown, opts: MeasureOptions = {}): BenchResult {
  const runs = opts.runs ?? 15;
  const warmup = opts.warmup ?? 3;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  if (sink === Symbol.for("never")) console.log(""); // keep the result alive
  return record(name, times, opts);
}

/** The same for an async function (page loads, file round trips). */
export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  opts: MeasureOptions = {},
): Promise<BenchResult> {
  const runs = opts.runs ?? 7;
  const warmup = opts.warmup ?? 1;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return record(name, times, opts);
}

function record(name: string, unsorted: number[], opts: MeasureOptions): BenchResult {
  const times = [...unsorted].sort((a, b) => a - b);
  const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * (times.length - 1) + 0.5))];
  const r: BenchResult = {
    name,
    runs: times.length,
    medianMs: q(0.5),
    minMs: times[0],
    p90Ms: q(0.9),
    targetMs: opts.targetMs,
    ok: opts.targetMs === undefined ? undefined : q(0.5) <= opts.targetMs,
    notes: opts.notes,
  };
  results.push(r);
  const target = r.targetMs === undefined ? "" : `  target ${r.targetMs} ms ${r.ok ? "OK" : "MISSED"}`;
  const notes = r.notes
    ? "  " +
      Object.entries(r.notes)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")
    : "";
  console.log(
    `${name.padEnd(58)} median ${r.medianMs.toFixed(2).padStart(9)} ms  min ${r.minMs.toFixed(2)}  p90 ${r.p90Ms.toFixed(2)}${target}${notes}`,
  );
  return r;
}

/** Records a figure that is not a time (sizes, counts), so it lands in the results file. */
export function note(name: string, notes: Record<string, string | number>): void {
  results.push({ name, runs: 0, medianMs: 0, minMs: 0, p90Ms: 0, notes });
  console.log(
    `${name.padEnd(58)} ${Object.entries(notes)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
}

/** Writes this file's results to bench/results/<file>.json. Call once at the end of a bench file. */
export function saveResults(file: string): void {
  mkdirSync("bench/results", { recursive: true });
  const out = `bench/results/${basename(file).replace(/\.ts$/, "")}.json`;
  writeFileSync(out, JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2));
}

/** Heap in use, in MB, after a GC when node runs with --expose-gc. */
export function heapMB(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  return process.memoryUsage().heapUsed / 1e6;
}
