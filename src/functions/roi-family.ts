/** Excel wrappers of the ROI family: element-wise over scalars or ranges, with Excel's broadcasting. */
import { cac, paybackPeriods, roas, roi } from "../core/roi";
import { mapElementwise } from "./broadcast";
import { safelyGrid } from "./errors";

export function roiCells(revenue: unknown, cost: unknown, margin: unknown): unknown[][] {
  return safelyGrid(() =>
    mapElementwise(
      [
        { name: "revenue", value: revenue },
        { name: "cost", value: cost },
        { name: "margin", value: margin, fallback: 1 },
      ],
      ([r, c, m]) => roi(r, c, m),
    ),
  );
}

export function roasCells(revenue: unknown, cost: unknown): unknown[][] {
  return safelyGrid(() =>
    mapElementwise(
      [
        { name: "revenue", value: revenue },
        { name: "cost", value: cost },
      ],
      ([r, c]) => roas(r, c),
    ),
  );
}

export function cacCells(spend: unknown, newCustomers: unknown): unknown[][] {
  return safelyGrid(() =>
    mapElementwise(
      [
        { name: "spend", value: spend },
        { name: "new_customers", value: newCustomers },
      ],
      ([s, n]) => cac(s, n),
    ),
  );
}

export function paybackCells(cacValue: unknown, arpu: unknown, margin: unknown): unknown[][] {
  return safelyGrid(() =>
    mapElementwise(
      [
        { name: "cac", value: cacValue },
        { name: "arpu", value: arpu },
        { name: "margin", value: margin, fallback: 1 },
      ],
      ([c, a, m]) => paybackPeriods(c, a, m),
    ),
  );
}
