/**
 * The MKT custom functions. This file is what Microsoft's custom-functions-metadata generator reads: each
 * function's JSDoc becomes its entry in functions.json (English; functions.zh-cn.json and functions.zh-tw.json are
 * derived at build time from src/functions/i18n/). The webpack plugin appends the CustomFunctions.associate calls.
 * Bodies stay one line: the work happens in the wrappers and the core, which tests call directly.
 *
 * Parameters are declared as `unknown[][]` (metadata type "any", dimensionality "matrix") so each accepts a
 * number, a cell or a range, and results are spilled arrays.
 */
import { cacCells, paybackCells, roasCells, roiCells } from "./roi-family";

/**
 * Return on investment: (revenue × margin − cost) ÷ cost. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction ROI
 * @helpurl https://localhost:3000/docs/functions.md#mktroi
 * @param revenue Revenue the spend brought in: a number or a range.
 * @param cost Marketing cost or spend: a number or a range (must not be 0).
 * @param [margin] Gross margin applied to revenue, between 0 and 1. Default 1 (revenue counts in full).
 * @returns ROI as a ratio: 0.25 means 25%.
 */
export function roi(revenue: unknown[][], cost: unknown[][], margin?: unknown[][]): unknown[][] {
  return roiCells(revenue, cost, margin);
}

/**
 * Return on ad spend: revenue ÷ cost. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction ROAS
 * @helpurl https://localhost:3000/docs/functions.md#mktroas
 * @param revenue Revenue attributed to the ads: a number or a range.
 * @param cost Ad spend: a number or a range (must not be 0).
 * @returns ROAS as a multiple: 4 means 4:1.
 */
export function roas(revenue: unknown[][], cost: unknown[][]): unknown[][] {
  return roasCells(revenue, cost);
}

/**
 * Customer acquisition cost: spend ÷ new customers. Accepts numbers or ranges; ranges spill element-wise.
 * @customfunction CAC
 * @helpurl https://localhost:3000/docs/functions.md#mktcac
 * @param spend Acquisition spend: a number or a range.
 * @param new_customers New customers acquired with that spend: a number or a range (must not be 0).
 * @returns Cost per new customer.
 */
export function cac(spend: unknown[][], new_customers: unknown[][]): unknown[][] {
  return cacCells(spend, new_customers);
}

/**
 * CAC payback: periods of contribution needed to recover the acquisition cost, CAC ÷ (ARPU × margin).
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/docs/functions.md#mktpayback
 * @param cac Acquisition cost per customer: a number or a range.
 * @param arpu Revenue per customer per period (month, year…): a number or a range.
 * @param [margin] Gross margin between 0 and 1. Default 1.
 * @returns Number of periods (in ARPU's period) to recover CAC.
 */
export function payback(cac: unknown[][], arpu: unknown[][], margin?: unknown[][]): unknown[][] {
  return paybackCells(cac, arpu, margin);
}
