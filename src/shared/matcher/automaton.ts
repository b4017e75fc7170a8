/**
 * An Aho–Corasick automaton over folded UTF-16 code units. Written by hand because it is the product's
 * core loop: every visible character of a page goes through `scan`, once, for all aliases together
 * (mark.js-style one-pass-per-name is what makes other highlighters freeze tabs).
 *
 * Everything lives in flat typed arrays, and building allocates little else, because the automaton is
 * built in every frame of every page at start-up (objects per trie state showed up as garbage-collection
 * time in the benchmark):
 * - ASCII (most of the text on most pages): a DFA row per state, failure links already followed, over
 *   the few dozen ASCII units that occur in aliases, made and filled as scans reach the state (a page
 *   visits a few hundred states of 100,000); one array read per character, plus one for the outputs.
 * - Other units: the root's row over all 65,536 units (two-level, blocks of 256 made only where the root
 *   has children) and, deeper, each state's short run of (unit, next) pairs
 *   plus failure links.
 * - Outputs: each state's own pattern (if any) plus a dictionary-suffix link to the next state along its
 *   failure chain that has one.
 */
import { foldUnit, SKIP, SPACE } from './fold';

/** Called for every pattern occurrence: pattern index, start and end offsets in the original text. */
export type OnHit = (pattern: number, start: number, end: number) => void;

/** A compiled set of folded patterns. */
export interface Automaton {
  /**
   * Reports every occurrence of every pattern in `text` (overlaps included), in end order. Not reentrant:
   * `onHit` must not scan with the same automaton.
   */
  scan(text: string, onHit: OnHit): void;
}

/**
 * The automaton's flat tables, all that `scan` needs besides what `automatonFromTables` derives from them.
 * State 0 is the root; states are numbered in any order in which a state's failure target can be found
 * before it (`buildAutomatonTables` numbers them in creation order, `packed.ts` breadth-first).
 */
export interface AutomatonTables {
  /** State s's children are entries childStart[s] .. childStart[s + 1] - 1 of childUnit/childNext. */
  childStart: Int32Array;
  childUnit: Uint16Array;
  childNext: Int32Array;
  /** Failure link of each state (0 for the root and its children). */
  fail: Int32Array;
  /** Next state along the failure chain that ends a pattern, or -1. */
  dictLink: Int32Array;
  /** The pattern a state ends, or -1. */
  ownPattern: Int32Array;
  /** Folded length of each pattern. */
  lengths: Int32Array;
}

/** What an automaton holds, in bytes of typed arrays (see `automatonFootprint`). */
export interface AutomatonFootprint {
  /** Trie states, and columns of the ASCII DFA (the ASCII units of the patterns, plus one for the rest). */
  states: number;
  columns: number;
  /** DFA rows made so far: one per state that scans have reached or left by an ASCII unit. */
  rows: number;
  /** The `AutomatonTables` (shared with whatever built or unpacked them). */
  tableBytes: number;
  /** What the scanner allocated on top: the root's row, the DFA pool and its state-to-row hash, the ring. */
  ownBytes: number;
  /** The DFA pool alone (part of `ownBytes`). */
  dfaBytes: number;
}

/** DFA rows allocated up front; the pool doubles from there. */
const INITIAL_ROWS = 64;

const footprints = new WeakMap<Automaton, () => AutomatonFootprint>();

/** The memory `automaton` (from this module) holds now; for benchmarks and tests. */
export function automatonFootprint(automaton: Automaton): AutomatonFootprint {
  const footprint = footprints.get(automaton);
  if (footprint === undefined) throw new Error('not an automaton from automaton.ts');
  return footprint();
}

/** Builds the automaton for `patterns`, which must already be folded (see `foldString`), non-empty and distinct. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  return scanner(buildTables(patterns));
}

/** The tables of `buildAutomaton(patterns)`, for shipping them elsewhere (see `packed.ts`). */
export function buildAutomatonTables(patterns: readonly string[]): AutomatonTables {
  return buildTables(patterns);
}

/**
 * An automaton over tables built earlier (by `buildAutomatonTables`, possibly renumbered and shipped):
 * only the root's row, the ASCII columns and the lazy DFA (one row, the root's) are made here.
 */
export function automatonFromTables(tables: AutomatonTables): Automaton {
  return scanner(tables);
}

/**
 * The root's row over all 65,536 units, in two levels: entry h (0 to 255) is where the block of units
 * h × 256 .. h × 256 + 255 starts, and blocks without a child of the root share one block of zeros (a flat
 * row would be 256 KB per frame; the root's children fall in a few dozen blocks). The root's child for
 * `unit`, or 0, is `root[root[unit >>> 8] + (unit & 0xff)]`.
 */
function rootRow(childStart: Int32Array, childUnit: Uint16Array, childNext: Int32Array): Int32Array {
  const blockOf = new Int32Array(256);
  let blocks = 1;
  for (let k = childStart[0]!; k < childStart[1]!; k++) {
    const high = childUnit[k]! >>> 8;
    if (blockOf[high] === 0) blockOf[high] = blocks++;
  }
  const root = new Int32Array(256 + blocks * 256);
  for (let h = 0; h < 256; h++) root[h] = 256 + blockOf[h]! * 256;
  for (let k = childStart[0]!; k < childStart[1]!; k++) {
    const unit = childUnit[k]!;
    root[root[unit >>> 8]! + (unit & 0xff)] = childNext[k]!;
  }
  return root;
}

/** Steps 1 to 3 below. */
function buildTables(patterns: readonly string[]): AutomatonTables {
  // 1. The trie as an edge list: one Map from (parent, unit) to child, no object per state.
  let maxStates = 1;
  for (const p of patterns) maxStates += p.length;
  const edges = new Map<number, number>();
  const parentOf = new Int32Array(maxStates);
  const unitOf = new Uint16Array(maxStates);
  const depth = new Int32Array(maxStates);
  const ownPattern = new Int32Array(maxStates).fill(-1);
  let count = 1;
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      const key = state * 0x10000 + unit;
      let next = edges.get(key);
      if (next === undefined) {
        next = count++;
        edges.set(key, next);
        parentOf[next] = state;
        unitOf[next] = unit;
        depth[next] = depth[state]! + 1;
      }
      state = next;
    }
    ownPattern[state] = index;
  });

  // 2. States in breadth-first order (by depth; creation order within a depth keeps it stable), and each
  //    state's children as a run of childUnit/childNext, via a counting sort on the parent.
  let maxDepth = 0;
  for (let s = 0; s < count; s++) maxDepth = Math.max(maxDepth, depth[s]!);
  const atDepth = new Int32Array(maxDepth + 2);
  for (let s = 0; s < count; s++) atDepth[depth[s]! + 1]!++;
  for (let d = 0; d <= maxDepth; d++) atDepth[d + 1] = atDepth[d + 1]! + atDepth[d]!;
  const order = new Int32Array(count);
  for (let s = 0; s < count; s++) order[atDepth[depth[s]!]!++] = s;
  const childStart = new Int32Array(count + 1);
  for (let s = 1; s < count; s++) childStart[parentOf[s]! + 1]!++;
  for (let s = 0; s < count; s++) childStart[s + 1] = childStart[s + 1]! + childStart[s]!;
  const fill = childStart.slice(0, count);
  const childUnit = new Uint16Array(count);
  const childNext = new Int32Array(count);
  for (const s of order) {
    if (s === 0) continue;
    const k = fill[parentOf[s]!]!++;
    childUnit[k] = unitOf[s]!;
    childNext[k] = s;
  }
  const rootGoto = rootRow(childStart, childUnit, childNext);
  const child = (state: number, unit: number): number => {
    if (state === 0) return rootGoto[rootGoto[unit >>> 8]! + (unit & 0xff)]! || -1;
    for (let k = childStart[state]!, end = childStart[state + 1]!; k < end; k++) {
      if (childUnit[k] === unit) return childNext[k]!;
    }
    return -1;
  };

  // 3. Failure and dictionary-suffix links, in breadth-first order (a state's failure is shallower).
  const fail = new Int32Array(count);
  const dictLink = new Int32Array(count).fill(-1);
  for (const s of order) {
    if (depth[s]! <= 1) continue;
    const unit = unitOf[s]!;
    let f = fail[parentOf[s]!]!;
    let target = child(f, unit);
    while (target < 0 && f !== 0) {
      f = fail[f]!;
      target = child(f, unit);
    }
    fail[s] = target > 0 ? target : 0;
    const fs = fail[s]!;
    dictLink[s] = ownPattern[fs]! >= 0 ? fs : dictLink[fs]!;
  }
  const lengths = Int32Array.from(patterns, (p) => p.length);
  return { childStart, childUnit, childNext, fail, dictLink, ownPattern, lengths };
}

/** Step 4 and the scan loop, over finished tables. */
function scanner(tables: AutomatonTables): Automaton {
  const { childStart, childUnit, childNext, fail, dictLink, ownPattern, lengths } = tables;
  const count = fail.length;
  const rootGoto = rootRow(childStart, childUnit, childNext);
  const child = (state: number, unit: number): number => {
    if (state === 0) return rootGoto[rootGoto[unit >>> 8]! + (unit & 0xff)]! || -1;
    for (let k = childStart[state]!, end = childStart[state + 1]!; k < end; k++) {
      if (childUnit[k] === unit) return childNext[k]!;
    }
    return -1;
  };
  const step = (state: number, unit: number): number => {
    let s = state;
    let next = child(s, unit);
    while (next < 0 && s !== 0) {
      s = fail[s]!;
      next = child(s, unit);
    }
    return next < 0 ? 0 : next;
  };

  // 4. The ASCII DFA: columns are the ASCII units that occur in patterns (column 0: any other ASCII).
  //    Filled lazily, and allocated lazily too: a state gets a row only when a scan reaches it by an ASCII
  //    unit or leaves it by one, in a pool that doubles as it fills (a page visits a few hundred of the
  //    100,000 states of a 5,000-entity KB, whose full table would be 16 MB). Each row holds its columns
  //    (the next state's row, 0 = not yet known), then the state's first output and the state itself, so
  //    an ASCII unit costs one read for the transition and one for the outputs, as with a full table.
  const asciiColumn = new Uint8Array(0x80);
  let width = 1;
  for (let k = 0, end = childStart[count]!; k < end; k++) {
    const u = childUnit[k]!;
    if (u < 0x80 && asciiColumn[u] === 0) asciiColumn[u] = width++;
  }
  const out = width;
  const self = width + 1;
  const stride = width + 2;
  // Row 0 is never used, so that 0 means "no row yet" here and "not yet known" in a column.
  const maxPool = (count + 1) * stride;
  let pool = new Int32Array(Math.min(INITIAL_ROWS * stride, maxPool));
  let used = stride;
  // Which state has which row: open addressing (state + 1, 0 = free slot; then the row), at most half
  // full, so that it grows with the rows made rather than with the states. Read only when a row is made
  // or a non-ASCII unit is followed by an ASCII one.
  let keys = new Int32Array(INITIAL_ROWS * 2);
  let rows = new Int32Array(INITIAL_ROWS * 2);
  let shift = 32 - Math.log2(keys.length);
  const slot = (state: number): number => {
    const mask = keys.length - 1;
    let h = Math.imul(state + 1, 0x9e3779b1) >>> shift;
    while (keys[h] !== 0 && keys[h] !== state + 1) h = (h + 1) & mask;
    return h;
  };
  const rowFor = (state: number): number => {
    let h = slot(state);
    if (keys[h] !== 0) return rows[h]!;
    if (used === pool.length) {
      const bigger = new Int32Array(Math.min(pool.length * 2, maxPool));
      bigger.set(pool);
      pool = bigger;
    }
    const row = used;
    used += stride;
    pool[row + out] = ownPattern[state]! >= 0 ? state : dictLink[state]!;
    pool[row + self] = state;
    if ((used / stride) * 2 > keys.length) {
      keys = new Int32Array(keys.length * 2);
      rows = new Int32Array(keys.length);
      shift--;
      for (let r = stride; r < used; r += stride) {
        h = slot(pool[r + self]!);
        keys[h] = pool[r + self]! + 1;
        rows[h] = r;
      }
    } else {
      keys[h] = state + 1;
      rows[h] = row;
    }
    return row;
  };
  const rootDfaRow = rowFor(0);

  let ringSize = 1;
  for (let p = 0; p < lengths.length; p++) ringSize = Math.max(ringSize, lengths[p]!);
  const ring = new Int32Array(ringSize);

  const automaton: Automaton = {
    scan(text, onHit) {
      let dfa = pool;
      // The current state's row, or 0 after a non-ASCII unit (then the state is `state`).
      let row = rootDfaRow;
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
        let first: number;
        if (unit < 0x80) {
          if (row === 0) {
            row = rowFor(state);
            dfa = pool;
          }
          const cell = row + asciiColumn[unit]!;
          let next = dfa[cell]!;
          if (next === 0) {
            next = rowFor(step(dfa[row + self]!, unit));
            dfa = pool;
            dfa[cell] = next;
          }
          row = next;
          first = dfa[row + out]!;
        } else {
          const from = row === 0 ? state : dfa[row + self]!;
          state = from === 0 ? rootGoto[rootGoto[unit >>> 8]! + (unit & 0xff)]! : step(from, unit);
          row = 0;
          first = ownPattern[state]! >= 0 ? state : dictLink[state]!;
        }
        for (let s = first; s >= 0; s = dictLink[s]!) {
          const p = ownPattern[s]!;
          onHit(p, ring[(folded - lengths[p]! + 1) % ringSize]!, i + 1);
        }
        folded++;
      }
    },
  };
  const tableBytes = Object.values(tables).reduce(
    (sum, a: ArrayLike<number> & ArrayBufferView) => sum + a.byteLength,
    0,
  );
  footprints.set(automaton, () => ({
    states: count,
    columns: width,
    rows: used / stride - 1,
    tableBytes,
    ownBytes:
      rootGoto.byteLength +
      asciiColumn.byteLength +
      keys.byteLength +
      rows.byteLength +
      pool.byteLength +
      ring.byteLength,
    dfaBytes: pool.byteLength,
  }));
  return automaton;
}
