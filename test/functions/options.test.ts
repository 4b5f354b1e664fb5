// The options text of MKT.ATTRIB.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MktError } from "../../src/core/errors";
import { parseAttributionOptions, type AttributionSettings } from "../../src/functions/options";

function keyOf(text: string): string {
  try {
    parseAttributionOptions(text);
  } catch (e) {
    if (e instanceof MktError) return `${e.kind}:${e.key}`;
    throw e;
  }
  return "ok";
}

describe("parseAttributionOptions", () => {
  it("reads every setting of the documented example", () => {
    expect(
      parseAttributionOptions(
        "order=2; separator=→; direct=Direct; half_life=7; first=0.4; last=0.4; lookback=30; headers=false",
      ),
    ).toEqual({
      order: 2,
      separator: "→",
      direct: "Direct",
      halfLife: 7,
      first: 0.4,
      last: 0.4,
      lookback: 30,
      headers: false,
    });
  });

  it("gives the defaults for blank text and ignores empty settings", () => {
    expect(parseAttributionOptions("")).toEqual({ headers: true });
    expect(parseAttributionOptions(" ;; \n ; ")).toEqual({ headers: true });
  });

  it("accepts case, spaces, hyphens, aliases, full-width punctuation, line breaks and quotes", () => {
    expect(parseAttributionOptions("Half-Life = 3 ；HEADERS＝否\nsep = ' > '; decay unit=steps")).toEqual({
      halfLife: 3,
      headers: false,
      separator: " > ",
      decayUnit: "steps",
    });
    expect(parseAttributionOptions('separator=";"; first=30%; last=".5"').separator).toBe(";");
    expect(parseAttributionOptions("first=30%; last=50%")).toMatchObject({ first: 0.3, last: 0.5 });
    expect(parseAttributionOptions("separator=a=b").separator).toBe("a=b");
    expect(parseAttributionOptions("headers=TRUE").headers).toBe(true);
    expect(parseAttributionOptions("lookback_days=1,000").lookback).toBe(1000);
  });

  it("rejects each kind of mistake with its own message key", () => {
    expect(keyOf("order")).toBe("value:optionSyntax");
    expect(keyOf("=2")).toBe("value:optionSyntax");
    expect(keyOf("colour=red")).toBe("value:optionUnknown");
    expect(keyOf("order=1; order=2")).toBe("value:optionDuplicate");
    expect(keyOf("order=two")).toBe("value:optionNotNumber");
    expect(keyOf("order=1.5")).toBe("value:attribution.invalidOrder");
    expect(keyOf("order=0")).toBe("value:attribution.invalidOrder");
    expect(keyOf("half_life=0")).toBe("value:optionNotPositive");
    expect(keyOf("lookback=-1")).toBe("value:optionNegative");
    expect(keyOf("first=1.2")).toBe("value:optionRange");
    expect(keyOf("first=0.7; last=0.7")).toBe("value:optionWeights");
    expect(keyOf("last=0.7")).toBe("value:optionWeights");
    expect(keyOf("separator=")).toBe("value:optionEmpty");
    expect(keyOf("direct=''")).toBe("value:optionEmpty");
    expect(keyOf("headers=maybe")).toBe("value:optionNotBoolean");
    expect(keyOf("decay_unit=hours")).toBe("value:optionChoice");
  });

  it("round-trips any valid settings written as text (property)", () => {
    const settings = fc.record(
      {
        order: fc.integer({ min: 1, max: 4 }),
        separator: fc.constantFrom(">", "→", "|", "/", ";", "::"),
        direct: fc.constantFrom("Direct", "直接访问", "(none)"),
        halfLife: fc.double({ min: 0.01, max: 1000, noNaN: true }),
        first: fc.double({ min: 0, max: 0.5, noNaN: true }),
        last: fc.double({ min: 0, max: 0.5, noNaN: true }),
        lookback: fc.integer({ min: 0, max: 365 }),
        headers: fc.boolean(),
      },
      { requiredKeys: ["headers"] },
    );
    fc.assert(
      fc.property(settings, fc.constantFrom("; ", "；", "\n"), (s: AttributionSettings, sep) => {
        const name: Record<string, string> = { halfLife: "half_life" };
        const text = Object.entries(s)
          .map(([k, v]) => `${name[k] ?? k}=${typeof v === "string" ? `"${v}"` : String(v)}`)
          .join(sep);
        expect(parseAttributionOptions(text)).toEqual(s);
      }),
    );
  });
});
