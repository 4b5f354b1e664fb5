/**
 * Internal allocation-free splitter of path strings: scans the characters once, trims spaces around each
 * piece and recognises channel names already seen through a small hash table of raw pieces verified character by
 * character, so a new path string costs no substring or Map lookup per channel. Pieces that are new go
 * through `String.prototype.trim` and the builder's channel dictionary once.
 */
import type { PathBuilder } from "./builder";

/** Whitespace as removed by String.prototype.trim (ASCII, NBSP, Unicode spaces, line separators, BOM). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

export class PathTokenizer {
  private readonly sep: string;
  private readonly sep0: number;
  private table = new Int32Array(256); // slot → piece index + 1
  private readonly pieces: string[] = [];
  private readonly pieceIds: number[] = [];
  private readonly pieceHash: number[] = [];

  constructor(
    separator: string,
    private readonly builder: PathBuilder,
  ) {
    this.sep = separator;
    this.sep0 = separator.charCodeAt(0);
  }

  /** Writes the channel ids of path string `s` into `ids` and returns their number (0 = no channel). */
  split(s: string, ids: number[]): number {
    const n = s.length;
    const sep = this.sep;
    const sep0 = this.sep0;
    const sepLen = sep.length;
    let len = 0;
    let i = 0;
    while (i <= n) {
      // one piece: skip leading spaces, hash up to the separator, remember the last non-space
      let start = -1;
      let end = -1;
      let h = 0x811c9dc5 | 0; // int32 (FNV-1a offset basis), keeps h a small integer for the JIT
      let hEnd = h; // hash of s[start, end)
      let e = i;
      for (; e < n; e++) {
        const c = s.charCodeAt(e);
        if (c === sep0 && (sepLen === 1 || s.startsWith(sep, e))) break;
        const space = isSpace(c);
        if (start < 0) {
          if (space) continue;
          start = e;
        }
        h = Math.imul(h ^ c, 0x01000193);
        if (!space) {
          end = e + 1;
          hEnd = h;
        }
      }
      if (start >= 0) ids[len++] = this.pieceId(s, start, end, hEnd);
      i = e + sepLen;
    }
    return len;
  }

  /** Id of the piece s[start, end) (no surrounding spaces) whose FNV-1a hash is `h`. */
  private pieceId(s: string, start: number, end: number, h: number): number {
    const len = end - start;
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      const piece = this.pieces[e - 1];
      if (this.pieceHash[e - 1] === h && piece.length === len) {
        let k = 0;
        while (k < len && piece.charCodeAt(k) === s.charCodeAt(start + k)) k++;
        if (k === len) return this.pieceIds[e - 1];
      }
      slot = (slot + 1) & mask;
    }
    const raw = s.substring(start, end);
    const id = this.builder.channelId(raw.trim());
    this.pieces.push(raw);
    this.pieceIds.push(id);
    this.pieceHash.push(h);
    this.table[slot] = this.pieces.length;
    if (2 * this.pieces.length > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let k = 0; k < this.pieces.length; k++) {
      let slot = this.pieceHash[k] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    this.table = table;
  }
}
