/**
 * An Aho–Corasick automaton over folded UTF-16 code units. Written by hand because it is the product's
 * core loop: every visible character of a page goes through `scan`, once, for all aliases together
 * (mark.js-style one-pass-per-name is what makes other highlighters freeze tabs).
 *
 * Transitions live in flat typed arrays. For ASCII (most of the text on most pages) every state has a
 * precomputed row, failure links already followed, over the few dozen ASCII units that occur in aliases:
 * one array read per character. Other units use the root's 65,536-entry table and, deeper, each state's
 * short run of (unit, next) pairs plus failure links. No Map or object is touched per character.
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
  // 1. A trie with per-state child maps (build time only).
  const children: Array<Map<number, number>> = [new Map()];
  const own: number[][] = [[]];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = children[state]!.get(unit);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[state]!.set(unit, next);
      }
      state = next;
    }
    own[state]!.push(index);
  });

  // 2. Flatten: root table, then each state's children as a run in childUnit/childNext.
  const count = children.length;
  const rootGoto = new Int32Array(0x10000);
  for (const [unit, next] of children[0]!) rootGoto[unit] = next;
  const childStart = new Int32Array(count + 1);
  let total = 0;
  for (let s = 0; s < count; s++) {
    childStart[s] = total;
    if (s !== 0) total += children[s]!.size;
  }
  childStart[count] = total;
  const childUnit = new Uint16Array(total);
  const childNext = new Int32Array(total);
  for (let s = 1; s < count; s++) {
    let k = childStart[s]!;
    for (const [unit, next] of children[s]!) {
      childUnit[k] = unit;
      childNext[k++] = next;
    }
  }
  const child = (state: number, unit: number): number => {
    if (state === 0) return rootGoto[unit]! || -1;
    for (let k = childStart[state]!, end = childStart[state + 1]!; k < end; k++) {
      if (childUnit[k] === unit) return childNext[k]!;
    }
    return -1;
  };

  // 3. Breadth-first failure links; each state's outputs absorb those of its failure state.
  const fail = new Int32Array(count);
  const outputs: number[][] = own;
  const queue: number[] = [...children[0]!.values()];
  for (let qi = 0; qi < queue.length; qi++) {
    const state = queue[qi]!;
    for (const [unit, next] of children[state]!) {
      let f = fail[state]!;
      let target = child(f, unit);
      while (target < 0 && f !== 0) {
        f = fail[f]!;
        target = child(f, unit);
      }
      fail[next] = target > 0 && target !== next ? target : 0;
      outputs[next]!.push(...outputs[fail[next]!]!);
      queue.push(next);
    }
  }

  // 4. The ASCII DFA: columns are the ASCII units that occur in patterns (column 0: any other ASCII).
  const asciiColumn = new Uint8Array(0x80);
  const columnUnit: number[] = [0];
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const u = p.charCodeAt(i);
      if (u < 0x80 && asciiColumn[u] === 0) {
        asciiColumn[u] = columnUnit.length;
        columnUnit.push(u);
      }
    }
  }
  const width = columnUnit.length;
  const dfa = new Int32Array(count * width);
  for (let k = 1; k < width; k++) dfa[k] = rootGoto[columnUnit[k]!]!;
  // Breadth-first order guarantees the failure state's row is complete before it is copied.
  for (const state of queue) {
    const row = state * width;
    const fallback = fail[state]! * width;
    dfa.copyWithin(row, fallback, fallback + width);
    for (const [unit, next] of children[state]!) if (unit < 0x80) dfa[row + asciiColumn[unit]!] = next;
  }

  const lengths = Int32Array.from(patterns, (p) => p.length);
  const ringSize = Math.max(1, ...lengths);
  const ring = new Int32Array(ringSize);
  const hasOutput = Uint8Array.from(outputs, (o) => (o.length > 0 ? 1 : 0));

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
        if (unit < 0x80) state = dfa[state * width + asciiColumn[unit]!]!;
        else if (state === 0) state = rootGoto[unit]!;
        else {
          let next = child(state, unit);
          while (next < 0 && state !== 0) {
            state = fail[state]!;
            next = child(state, unit);
          }
          state = next < 0 ? 0 : next;
        }
        if (hasOutput[state] === 1) {
          for (const p of outputs[state]!) onHit(p, ring[(folded - lengths[p]! + 1) % ringSize]!, i + 1);
        }
        folded++;
      }
    },
  };
}
