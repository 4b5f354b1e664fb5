/**
 * Markov-chain attribution with removal effects (Anderl, Becker, von Wangenheim & Schumann 2016, "Mapping the
 * customer journey: lessons learned from graph-based online attribution modeling"), following the definitions
 * of ChannelAttribution 2.1.7 `markov_model` (Altomare & Loris) but computed exactly instead of by simulation.
 *
 * With P = P(conversion | start) of the chain built by {@link buildChain} and P₋c the same probability after
 * every state containing channel c is redirected to (null):
 *   removal effect RE_c = 1 − P₋c / P  (= P(the journey visits c | it converts), ChannelAttribution's estimate),
 *   attributed conversions_c = total conversions · RE_c / Σ_d RE_d.
 * Conversion value, as in ChannelAttribution, uses value removal effects: with E = E[value | start], where
 * each conversion from last state s is worth the mean value per conversion of the paths ending in s, and E₋c
 * the same after removal, REV_c = 1 − E₋c / E and value_c = total value · REV_c / Σ_d REV_d.
 */
import { buildChain, MAX_ORDER, type MarkovChain } from "./chain";
import { attributionError } from "./messages";
import { requireConversions } from "./result";
import { solveAbsorption } from "./solve";
import type { AttributionResult, PathData } from "./types";

export interface MarkovOptions {
  /** Order k (states are the last k channels), 1..4; default 1. */
  order?: number;
}

export interface MarkovResult extends AttributionResult {
  order: number;
  /** RE_c per channel (not normalised; 0 for channels never on a path). */
  removalEffects: number[];
  /** Value removal effects REV_c (all 0 without conversion values). */
  valueRemovalEffects: number[];
  /** P(conversion | start) of the full chain; equals conversions / (conversions + nulls). */
  baseConversionProbability: number;
  /** Expected conversion value per journey, E[value | start]. */
  baseValuePerJourney: number;
  /** Transient states (start included) and transient transitions of the chain. */
  states: number;
  transitions: number;
}

function checkOrder(order: number): number {
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) {
    throw attributionError("value", "invalidOrder", { arg: "order", max: MAX_ORDER });
  }
  return order;
}

/**
 * Markov attribution of order k with exact removal effects (see module doc).
 * Cost: one chain build (linear in the touches of the distinct paths) plus 1 + nChannels absorbing-chain solves.
 * @throws MktError value: no conversions, order not in 1..4, too many channels for the order.
 */
export function markovModel(data: PathData, options: MarkovOptions = {}): MarkovResult {
  const order = checkOrder(options.order ?? 1);
  requireConversions(data);
  const chain = buildChain(data, order);
  const base = solveAbsorption(chain, null);
  const p = base.conv[0];
  const e = base.value[0];
  const nCh = data.channels.length;
  const re = new Array<number>(nCh).fill(0);
  const rev = new Array<number>(nCh).fill(0);
  const removed = new Uint8Array(chain.n);
  for (let c = 0; c < nCh; c++) {
    const a = chain.removalPtr[c];
    const b = chain.removalPtr[c + 1];
    if (a === b) continue;
    for (let k = a; k < b; k++) removed[chain.removalStates[k]] = 1;
    const sol = solveAbsorption(chain, removed, base);
    for (let k = a; k < b; k++) removed[chain.removalStates[k]] = 0;
    re[c] = clamp01(1 - sol.conv[0] / p);
    rev[c] = e > 0 ? clamp01(1 - sol.value[0] / e) : 0;
  }
  const sre = re.reduce((s, v) => s + v, 0);
  const srev = rev.reduce((s, v) => s + v, 0);
  const total = data.totalConversions;
  const conversions = re.map((r) => (total * r) / sre);
  const value = rev.map((r) => (srev > 0 ? (data.totalValue * r) / srev : 0));
  return {
    model: "markov",
    channels: data.channels.slice(),
    conversions,
    value,
    share: conversions.map((c) => c / total),
    totalConversions: total,
    totalValue: data.totalValue,
    order,
    removalEffects: re,
    valueRemovalEffects: rev,
    baseConversionProbability: p,
    baseValuePerJourney: e * chain.valueScale,
    states: chain.n,
    transitions: chain.col.length,
  };
}

/** Rounding can push 1 − P₋c/P a hair outside [0, 1]; removal can only lower P. */
function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** One row of the transition matrix. */
export interface TransitionRow {
  from: string;
  to: string;
  probability: number;
}

/**
 * The transition matrix of the order-k chain as rows (from, to, probability), including the absorbing
 * transitions to "(conversion)" and "(null)"; states are named "(start)" or their channels joined by " > ".
 * Rows are grouped by source state in order of first appearance.
 */
export function markovTransitions(data: PathData, options: MarkovOptions = {}): TransitionRow[] {
  const order = checkOrder(options.order ?? 1);
  const chain = buildChain(data, order);
  const name = stateNamer(chain, data.channels);
  const rows: TransitionRow[] = [];
  for (let s = 0; s < chain.n; s++) {
    for (let k = chain.rowPtr[s]; k < chain.rowPtr[s + 1]; k++) {
      rows.push({ from: name(s), to: name(chain.col[k]), probability: chain.prob[k] });
    }
    if (chain.convProb[s] > 0) rows.push({ from: name(s), to: "(conversion)", probability: chain.convProb[s] });
    if (chain.nullProb[s] > 0) rows.push({ from: name(s), to: "(null)", probability: chain.nullProb[s] });
  }
  return rows;
}

function stateNamer(chain: MarkovChain, channels: readonly string[]): (s: number) => string {
  return (s) => {
    if (s === 0) return "(start)";
    const parts: string[] = [];
    for (let i = 0; i < chain.order; i++) {
      const c = chain.stateChannels[s * chain.order + i];
      if (c >= 0) parts.push(channels[c]);
    }
    return parts.join(" > ");
  };
}
