/**
 * An Aho–Corasick automaton over folded UTF-16 code units. Written by hand because it is the product's
 * core loop: every visible character of a page goes through `scan`, once, for all aliases together
 * (mark.js-style one-pass-per-name is what makes other highlighters freeze tabs).
 *
 * The root's transitions live in a flat typed array, because on real pages the automaton sits at the
 * root for almost every character; deeper states use one Map keyed by `state * 65536 + unit`.
 */
import { foldUnit, SKIP, SPACE } from './fold';

/** Called for every pattern occurrence: pattern index, start and end offsets in the original text. */
export type OnHit = (pattern: number, start: number, end: number) => void;

/** A compiled set of folded patterns. */
export interface Automaton {
  /** Reports every occurrence of every pattern in `text` (overlaps included), in end order. */
  scan(text: string, onHit: OnHit): void;
}

/** Builds the automaton for `patterns`, which must already be folded (see `foldString`) and non-empty. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const rootGoto = new Int32Array(0x10000);
  const edges = new Map<number, number>();
  const depth: number[] = [0];
  const outputs: number[][] = [[]];

  const child = (state: number, unit: number): number =>
    state === 0 ? rootGoto[unit]! : (edges.get(state * 0x10000 + unit) ?? 0);

  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = child(state, unit);
      if (next === 0) {
        next = depth.length;
        depth.push(depth[state]! + 1);
        outputs.push([]);
        if (state === 0) rootGoto[unit] = next;
        else edges.set(state * 0x10000 + unit, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });

  // Breadth-first failure links; each state's outputs absorb those of its failure state.
  const fail = new Int32Array(depth.length);
  const childrenOf = new Map<number, Array<[number, number]>>();
  const addChild = (parent: number, unit: number, s: number): void => {
    const list = childrenOf.get(parent);
    if (list) list.push([unit, s]);
    else childrenOf.set(parent, [[unit, s]]);
  };
  for (let unit = 0; unit < 0x10000; unit++) if (rootGoto[unit] !== 0) addChild(0, unit, rootGoto[unit]!);
  for (const [key, s] of edges) addChild(Math.floor(key / 0x10000), key % 0x10000, s);
  const queue: number[] = [];
  for (const [, s] of childrenOf.get(0) ?? []) {
    fail[s] = 0;
    queue.push(s);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const state = queue[qi]!;
    for (const [unit, next] of childrenOf.get(state) ?? []) {
      let f = fail[state]!;
      while (f !== 0 && child(f, unit) === 0) f = fail[f]!;
      const target = child(f, unit);
      fail[next] = target === next ? 0 : target;
      outputs[next]!.push(...outputs[fail[next]!]!);
      queue.push(next);
    }
  }

  const lengths = patterns.map((p) => p.length);
  const ringSize = Math.max(1, ...lengths);
  const ring = new Int32Array(ringSize);
  const hasOutput = outputs.map((o) => o.length > 0);

  return {
    scan(text, onHit) {
      let state = 0;
      let folded = 0;
      let lastWasSpace = true;
      for (let i = 0; i < text.length; i++) {
        const unit = foldUnit(text.charCodeAt(i));
        if (unit === SKIP) continue;
        if (unit === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        ring[folded % ringSize] = i;
        if (state === 0) state = rootGoto[unit]!;
        else {
          let next = edges.get(state * 0x10000 + unit);
          while (next === undefined && state !== 0) {
            state = fail[state]!;
            next = state === 0 ? rootGoto[unit]! : edges.get(state * 0x10000 + unit);
          }
          state = next ?? 0;
        }
        if (hasOutput[state]) {
          for (const p of outputs[state]!) {
            const start = ring[(folded - lengths[p]! + 1) % ringSize]!;
            onHit(p, start, i + 1);
          }
        }
        folded++;
      }
    },
  };
}
