import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { churnByHabit } from "../../src/core/churn";
import { COHORT_ERROR_MESSAGES } from "../../src/core/cohort-messages";
import { MktError, type MktErrorKind } from "../../src/core/errors";
import { ymdToSerial } from "../../src/core/periods";

const S = ymdToSerial;

function expectThrows(fn: () => unknown, kind: MktErrorKind, key: string, arg: string): MktError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(MktError);
  const e = caught as MktError;
  expect({ kind: e.kind, key: e.key, arg: e.params.arg }).toEqual({ kind, key, arg });
  expect(COHORT_ERROR_MESSAGES[key]).toBeDefined();
  expect(e.message).not.toMatch(/\{\w+\}/);
  return e;
}

// Window 1 month, as-of 2027-04-01: preceding P = [Mar 1, Apr 1), next N = [Apr 1, May 1).
const rows: [string, number][] = [
  ["A", S(2027, 3, 1)], // first day of P (inclusive)
  ["A", S(2027, 3, 1)], // same day: one purchase day
  ["A", S(2027, 4, 1)], // first day of N → retained
  ["B", S(2027, 3, 5)],
  ["B", S(2027, 3, 10)],
  ["B", S(2027, 4, 30)], // last day of N → retained
  ["C", S(2027, 3, 2)],
  ["C", S(2027, 3, 3)],
  ["C", S(2027, 3, 31)],
  ["C", S(2027, 5, 1)], // after N → churned
  ["D", S(2027, 3, 2)],
  ["D", S(2027, 3, 3)],
  ["D", S(2027, 3, 4)],
  ["D", S(2027, 3, 5)],
  ["D", S(2027, 3, 6)], // 5 days → 4+, churned
  ["E", S(2027, 2, 28)], // only before P → not at risk
  ["E", S(2027, 4, 10)],
  ["F", S(2027, 3, 20)], // one purchase day, churned
];
const ids = rows.map((r) => r[0]);
const dates = rows.map((r) => r[1]);

describe("churnByHabit on a hand-worked log", () => {
  it("groups 1, 2, 3, 4+ with counts and rates; window boundaries start-inclusive, end-exclusive", () => {
    const r = churnByHabit(ids, dates, { windowMonths: 1, asOf: S(2027, 4, 1) });
    expect(r.groups.map((g) => [g.label, g.customers, g.churned, g.churnRate])).toEqual([
      ["1", 2, 1, 0.5],
      ["2", 1, 0, 0],
      ["3", 1, 1, 1],
      ["4+", 1, 1, 1],
    ]);
    expect(r.total).toEqual({ label: "all", minPurchases: 1, customers: 5, churned: 3, churnRate: 0.6 });
    expect(r.precedingStart).toBe(S(2027, 3, 1));
    expect(r.nextEnd).toBe(S(2027, 4, 30));
    expect(r.lastPurchase).toBe(S(2027, 5, 1));
  });

  it("default as-of = last purchase + 1 day − window, so the next window is fully observed", () => {
    const r = churnByHabit(ids, dates, { windowMonths: 1 });
    expect(r.asOf).toBe(S(2027, 4, 2));
    expect(r.precedingStart).toBe(S(2027, 3, 2));
    expect(r.nextEnd).toBe(S(2027, 5, 1));
    // P = [Mar 2, Apr 2): A has one day (Apr 1) and nothing after → churned, like F; B retained (Apr 30);
    // C: Mar 2, 3, 31 and May 1 now inside N → retained; D churned.
    expect(r.groups.map((g) => [g.customers, g.churned])).toEqual([
      [2, 2],
      [1, 0],
      [1, 0],
      [1, 1],
    ]);
    const three = churnByHabit([...ids, "Z"], [...dates, S(2027, 1, 15)]); // default window: 3 months
    expect([three.windowMonths, three.asOf, three.precedingStart]).toEqual([3, S(2027, 2, 2), S(2026, 11, 2)]);
    expect(three.total).toMatchObject({ customers: 1, churned: 1 });
  });

  it("empty groups have a blank (null) churn rate", () => {
    const r = churnByHabit(["x", "y", "y"], [S(2027, 1, 10), S(2027, 1, 11), S(2027, 3, 1)], {
      windowMonths: 1,
      asOf: S(2027, 2, 1),
    });
    expect(r.groups.map((g) => g.churnRate)).toEqual([1, null, null, null]);
  });

  it("input errors", () => {
    expectThrows(
      () => churnByHabit(ids, dates, { windowMonths: 1, asOf: S(2027, 4, 15) }),
      "value",
      "churnWindowNotObserved",
      "asOf",
    );
    expectThrows(
      () => churnByHabit(ids, dates, { windowMonths: 0 }),
      "value",
      "windowMonthsOutOfRange",
      "windowMonths",
    );
    expectThrows(
      () => churnByHabit(ids, dates, { windowMonths: 1.5 }),
      "value",
      "windowMonthsOutOfRange",
      "windowMonths",
    );
    expectThrows(
      () => churnByHabit(ids, dates, { windowMonths: "3" as unknown as number }),
      "value",
      "windowMonthsOutOfRange",
      "windowMonths",
    );
    expectThrows(
      () => churnByHabit(ids, dates, { windowMonths: 1, asOf: S(2026, 6, 1) }),
      "value",
      "noActiveCustomers",
      "asOf",
    );
    expectThrows(() => churnByHabit(ids, dates, { windowMonths: 24 }), "value", "noActiveCustomers", "asOf");
    expectThrows(() => churnByHabit(ids, dates.slice(1)), "value", "lengthMismatch", "dates");
    expectThrows(() => churnByHabit(ids, [Number.NaN, ...dates.slice(1)]), "value", "notANumberAt", "dates");
    expectThrows(() => churnByHabit(["", ...ids.slice(1)], dates), "value", "invalidCustomerId", "customerIds");
    expectThrows(() => churnByHabit(ids, dates, { asOf: Number.NaN }), "value", "notANumber", "asOf");
  });
});

describe("churnByHabit on CDNOW, recomputed independently", () => {
  const text = readFileSync("test/fixtures/lifetimes/CDNOW_master.txt", "utf8");
  const cid: string[] = [];
  const ymd: string[] = [];
  for (const line of text.split("\r\n").slice(1)) {
    if (line.trim() === "") continue;
    const [id, d] = line.trim().split(/\s+/);
    cid.push(id);
    ymd.push(d);
  }
  const serials = ymd.map((d) => S(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8))));

  /** Straightforward recount on the YYYYMMDD strings: P = [p0, t), N = [t, n1). */
  function recount(p0: string, t: string, n1: string): [number, number][] {
    const daysInP = new Map<string, Set<string>>();
    const inN = new Set<string>();
    cid.forEach((id, i) => {
      const d = ymd[i];
      if (d >= p0 && d < t) {
        if (!daysInP.has(id)) daysInP.set(id, new Set());
        daysInP.get(id)?.add(d);
      } else if (d >= t && d < n1) inN.add(id);
    });
    const out: [number, number][] = [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    for (const [id, days] of daysInP) {
      const g = out[Math.min(days.size, 4) - 1];
      g[0]++;
      if (!inN.has(id)) g[1]++;
    }
    return out;
  }

  it("default: as-of 1998-04-01 (data end 1998-06-30, 3-month windows)", () => {
    const r = churnByHabit(cid, serials);
    expect(r.asOf).toBe(S(1998, 4, 1));
    expect(r.groups.map((g) => [g.customers, g.churned])).toEqual(recount("19980101", "19980401", "19980701"));
    expect(r.total.customers).toBe(3817);
    // Churn falls with purchase frequency.
    const rates = r.groups.map((g) => g.churnRate as number);
    for (let i = 1; i < 4; i++) expect(rates[i]).toBeLessThan(rates[i - 1]);
  });

  it("6-month windows at as-of 1997-10-01", () => {
    const r = churnByHabit(cid, serials, { windowMonths: 6, asOf: S(1997, 10, 1) });
    expect(r.groups.map((g) => [g.customers, g.churned])).toEqual(recount("19970401", "19971001", "19980401"));
  });
});

describe("churnByHabit properties", () => {
  const BASE = S(2026, 1, 1);
  const logArb = fc.array(fc.record({ id: fc.integer({ min: 0, max: 20 }), day: fc.integer({ min: 0, max: 300 }) }), {
    minLength: 1,
    maxLength: 100,
  });
  it("shuffle-invariant, id-type-invariant, totals add up, rates in [0, 1]", () => {
    fc.assert(
      fc.property(
        logArb.chain((r) =>
          fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length })),
        ),
        fc.integer({ min: 1, max: 3 }),
        ([log, shuffled], w) => {
          // Anchor the data end so that a window is observable and someone is active before as-of.
          const rowsA = [...log, { id: 99, day: 300 }, { id: 98, day: 150 }];
          const rowsB = [...shuffled, { id: 98, day: 150 }, { id: 99, day: 300 }];
          const run = (rs: { id: number; day: number }[], text: boolean): ReturnType<typeof churnByHabit> | string => {
            try {
              return churnByHabit(
                rs.map((x) => (text ? `id${x.id}` : x.id)),
                rs.map((x) => BASE + x.day),
                { windowMonths: w },
              );
            } catch (e) {
              return (e as MktError).key;
            }
          };
          const a = run(rowsA, false);
          expect(run(rowsB, false)).toEqual(a);
          expect(run(rowsA, true)).toEqual(a);
          if (typeof a === "string") {
            expect(a).toBe("noActiveCustomers");
            return;
          }
          expect(a.groups.reduce((s, g) => s + g.customers, 0)).toBe(a.total.customers);
          expect(a.groups.reduce((s, g) => s + g.churned, 0)).toBe(a.total.churned);
          for (const g of [...a.groups, a.total]) {
            expect(g.churned).toBeLessThanOrEqual(g.customers);
            if (g.churnRate !== null) {
              expect(g.churnRate).toBeGreaterThanOrEqual(0);
              expect(g.churnRate).toBeLessThanOrEqual(1);
            } else expect(g.customers).toBe(0);
          }
        },
      ),
    );
  });
});
