/**
 * Compact row storage for k-means and silhouettes: the numeric features as a dense block, and every one-hot
 * block (exactly one coordinate equal to v_b per row, the others 0) as one integer code per row.
 *
 * Distances are unchanged, only cheaper: for a row x and a dense centre c,
 *   ‖x − c‖² = Σ_numeric (x_t − c_t)² + Σ_blocks [ Q_b(c) − c_h² + (v_b − c_h)² ],
 * with h the row's hot coordinate in block b and Q_b(c) = Σ_{t ∈ b} c_t² (precomputed per centre). A row and a
 * centre equal to a row (k-means++ seeds) are then at distance exactly 0, as with the dense formula. Between two
 * rows the block part is 2·v_b² when their categories differ, else 0. With 7 numeric columns and 3 categorical
 * columns of 5 categories each, a distance costs 7 + 3 terms instead of 22.
 */
import type { MatrixLike } from "./types";

/** Rows in compact form; internal coordinates are [numeric dims | block dims in block order]. */
export interface Compact {
  n: number;
  /** Numeric (dense) dims. */
  dn: number;
  /** One-hot blocks. */
  nb: number;
  /** Internal dims: dn + total block width. */
  D: number;
  /** n × dn numeric values. */
  xn: Float64Array;
  /** n × nb internal coordinate of each row's hot entry in each block. */
  codes: Int32Array;
  /** Hot value v_b of each block (0 for an all-zero block). */
  vals: Float64Array;
  /** Internal coordinate range of each block: start (nb + 1 entries, last = D). */
  blockStart: Int32Array;
  /** Internal coordinate → column of the original matrix. */
  perm: Int32Array;
}

/**
 * Splits a row-major matrix into numeric dims and one-hot blocks. A declared block is used only if every row
 * has exactly one non-zero entry in it, with the same value in every row (or the block is zero in every row);
 * otherwise its columns are treated as numeric, so any matrix gives the same distances.
 */
export function toCompact(m: MatrixLike): Compact {
  const { data: x, rows: n, dims: d } = m;
  const blocks = m.blocks ?? [];
  const used = new Uint8Array(d);
  const good: { offset: number; width: number; v: number; codes: Int32Array }[] = [];
  for (const b of blocks) {
    if (!Number.isInteger(b.offset) || !Number.isInteger(b.width) || b.width < 1) continue;
    if (b.offset < 0 || b.offset + b.width > d) continue;
    let overlap = false;
    for (let t = b.offset; t < b.offset + b.width; t++) if (used[t]) overlap = true;
    if (overlap) continue;
    const codes = new Int32Array(n);
    let v = NaN;
    let zeroRows = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      let hot = -1;
      for (let t = 0; t < b.width; t++) {
        const y = x[i * d + b.offset + t];
        if (y === 0) continue;
        if (hot >= 0 || (v === v && y !== v)) {
          ok = false;
          break;
        }
        hot = t;
        v = y;
      }
      if (hot < 0) zeroRows++;
      codes[i] = hot < 0 ? 0 : hot;
    }
    if (!ok || (zeroRows > 0 && zeroRows < n)) continue;
    for (let t = b.offset; t < b.offset + b.width; t++) used[t] = 1;
    good.push({ offset: b.offset, width: b.width, v: zeroRows === n ? 0 : v, codes });
  }
  const numeric: number[] = [];
  for (let t = 0; t < d; t++) if (!used[t]) numeric.push(t);
  const dn = numeric.length;
  const nb = good.length;
  const perm = new Int32Array(d);
  numeric.forEach((t, q) => (perm[q] = t));
  const blockStart = new Int32Array(nb + 1);
  let D = dn;
  good.forEach((b, q) => {
    blockStart[q] = D;
    for (let t = 0; t < b.width; t++) perm[D + t] = b.offset + t;
    D += b.width;
  });
  blockStart[nb] = D;
  const xn = new Float64Array(n * dn);
  for (let i = 0; i < n; i++) for (let q = 0; q < dn; q++) xn[i * dn + q] = x[i * d + numeric[q]];
  const codes = new Int32Array(n * nb);
  const vals = new Float64Array(nb);
  good.forEach((b, q) => {
    vals[q] = b.v;
    for (let i = 0; i < n; i++) codes[i * nb + q] = blockStart[q] + b.codes[i];
  });
  return { n, dn, nb, D, xn, codes, vals, blockStart, perm };
}

/** The rows `rows` of a compact matrix (in that order). */
export function compactSubset(c: Compact, rows: Int32Array): Compact {
  const m = rows.length;
  const xn = new Float64Array(m * c.dn);
  const codes = new Int32Array(m * c.nb);
  for (let i = 0; i < m; i++) {
    const r = rows[i];
    xn.set(c.xn.subarray(r * c.dn, r * c.dn + c.dn), i * c.dn);
    codes.set(c.codes.subarray(r * c.nb, r * c.nb + c.nb), i * c.nb);
  }
  return { ...c, n: m, xn, codes };
}

/** Row `i` of a compact matrix as a dense internal vector, written at `out[at … at + D)`. */
export function denseRow(c: Compact, i: number, out: Float64Array, at: number): void {
  out.fill(0, at, at + c.D);
  for (let t = 0; t < c.dn; t++) out[at + t] = c.xn[i * c.dn + t];
  for (let b = 0; b < c.nb; b++) out[at + c.codes[i * c.nb + b]] = c.vals[b];
}

/** Dense internal centres (k × D) back to the original column order (k × d). */
export function toOriginalOrder(c: Compact, centers: Float64Array, k: number): Float64Array {
  const D = c.D;
  const out = new Float64Array(k * D);
  for (let j = 0; j < k; j++) for (let t = 0; t < D; t++) out[j * D + c.perm[t]] = centers[j * D + t];
  return out;
}
