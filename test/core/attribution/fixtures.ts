/** Test helpers: the ChannelAttribution reference data set and a naive Markov reference implementation. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PathColumns } from "../../../src/core/attribution";

/** Data.csv of ChannelAttribution as columns (10,000 rows, not aggregated). */
export function loadChannelAttributionData(): Required<PathColumns> & { paths: string[] } {
  const url = new URL("../../fixtures/channelattribution/Data.csv", import.meta.url);
  const lines = readFileSync(fileURLToPath(url), "utf8").trim().split(/\r?\n/);
  const rows = lines.slice(1).map((l) => l.split(";"));
  return {
    paths: rows.map((r) => r[0]),
    conversions: rows.map((r) => Number(r[1])),
    values: rows.map((r) => Number(r[2])),
    nulls: rows.map((r) => Number(r[3])),
  };
}

export interface RawRow {
  path: string[];
  conv: number;
  value: number;
  nulls: number;
}

/**
 * Naive order-k Markov removal effects on raw rows: string states, self-loops kept (no merging of repeated
 * states), dense Gaussian elimination. Independent of the engine's chain builder and solver.
 */
export function naiveMarkov(rows: readonly RawRow[], order: number): { p: number; re: Map<string, number> } {
  const names = new Map<string, number>([["(start)", 0]]);
  const states: string[][] = [[]];
  const edges = new Map<string, number>();
  const conv = new Map<number, number>();
  const out = new Map<number, number>();
  const id = (w: string[]): number => {
    const k = w.join("\u0001");
    let s = names.get(k);
    if (s === undefined) {
      s = states.length;
      names.set(k, s);
      states.push(w);
    }
    return s;
  };
  for (const r of rows) {
    const w = r.conv + r.nulls;
    if (w === 0) continue;
    const m = Math.min(order, r.path.length);
    let prev = 0;
    for (let j = 0; j + m <= r.path.length; j++) {
      const s = id(r.path.slice(j, j + m));
      edges.set(`${prev},${s}`, (edges.get(`${prev},${s}`) ?? 0) + w);
      out.set(prev, (out.get(prev) ?? 0) + w);
      prev = s;
    }
    conv.set(prev, (conv.get(prev) ?? 0) + r.conv);
    out.set(prev, (out.get(prev) ?? 0) + r.conv + r.nulls);
  }
  const n = states.length;
  const solve = (removed: (s: number) => boolean): number => {
    const a: number[][] = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n + 1 }, (_, j) => (i === j ? 1 : 0)),
    );
    for (const [k, w] of edges) {
      const [f, t] = k.split(",").map(Number);
      if (!removed(f)) a[f][t] -= w / out.get(f)!;
    }
    for (const [s, c] of conv) if (!removed(s)) a[s][n] = c / out.get(s)!;
    for (let c = 0; c < n; c++) {
      let piv = c;
      for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
      [a[c], a[piv]] = [a[piv], a[c]];
      for (let r = 0; r < n; r++) {
        if (r === c) continue;
        const f = a[r][c] / a[c][c];
        for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
      }
    }
    return a[0][n] / a[0][0];
  };
  const p = solve(() => false);
  const re = new Map<string, number>();
  const channels = new Set(rows.filter((r) => r.conv + r.nulls > 0).flatMap((r) => r.path));
  for (const c of channels) re.set(c, 1 - solve((s) => states[s].includes(c)) / p);
  return { p, re };
}
