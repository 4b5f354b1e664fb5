/**
 * MKT.ABTEST (two-proportion z-test, label/value rows) and MKT.SAMPLESIZE (visitors per variant,
 * element-wise), wrapping src/core/abtest.ts.
 */
import { abTest, sampleSize } from "../core/abtest";
import { mapElementwise } from "./broadcast";
import { cellNumber, optionalNumber, toGrid } from "./cells";
import { inputError, propagateErrors, relabelCoreErrors, type Relabel } from "./columns";
import { safelyGrid } from "./errors";
import { fill, labels, labelValueTable, percentLabel } from "./spill";

const NAMES: Relabel = {
  names: {
    convA: "conversions_a",
    visitorsA: "visitors_a",
    convB: "conversions_b",
    visitorsB: "visitors_b",
    baselineRate: "baseline_rate",
    minimumDetectableLift: "minimum_detectable_lift",
  },
};

/** A required single value; a blank cell counts as 0, as in Excel arithmetic. */
function requiredNumber(v: unknown, arg: string): number {
  const g = toGrid(v);
  if (g.length > 1 || (g.length === 1 && g[0].length !== 1)) {
    throw inputError("value", "expectedSingleValue", { arg });
  }
  return g.length === 0 ? 0 : (cellNumber(g[0][0], arg) ?? 0);
}

export function abTestCells(
  conversionsA: unknown,
  visitorsA: unknown,
  conversionsB: unknown,
  visitorsB: unknown,
  confidence: unknown,
): unknown[][] {
  return safelyGrid(() => {
    propagateErrors(conversionsA, visitorsA, conversionsB, visitorsB, confidence);
    const cA = requiredNumber(conversionsA, "conversions_a");
    const nA = requiredNumber(visitorsA, "visitors_a");
    const cB = requiredNumber(conversionsB, "conversions_b");
    const nB = requiredNumber(visitorsB, "visitors_b");
    const conf = optionalNumber(confidence, "confidence", 0.95);
    const r = relabelCoreErrors(NAMES, () => abTest(cA, nA, cB, nB, conf));
    const L = labels().abTest;
    const c = { confidence: percentLabel(r.confidence) };
    return labelValueTable([
      [L.rateA, r.rateA],
      [L.rateB, r.rateB],
      [L.relativeLift, r.relativeLift],
      [L.pValue, r.pValue],
      [fill(L.liftLow, c), r.relativeLiftLow],
      [fill(L.liftHigh, c), r.relativeLiftHigh],
      [fill(L.significant, c), r.significant],
    ]);
  });
}

export function sampleSizeCells(
  baselineRate: unknown,
  minimumDetectableLift: unknown,
  alpha: unknown,
  power: unknown,
): unknown[][] {
  return safelyGrid(() =>
    mapElementwise(
      [
        { name: "baseline_rate", value: baselineRate },
        { name: "minimum_detectable_lift", value: minimumDetectableLift },
        { name: "alpha", value: alpha, fallback: 0.05 },
        { name: "power", value: power, fallback: 0.8 },
      ],
      ([p, lift, a, pw]) => relabelCoreErrors(NAMES, () => sampleSize(p, lift, a, pw)),
    ),
  );
}
