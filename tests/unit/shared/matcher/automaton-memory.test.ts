/**
 * The automaton is built in every frame of every page, so what it allocates before scanning must grow
 * with the number of trie states, not states × DFA columns (a full ASCII table for a 5,000-entity KB is
 * 16 MB per frame), and what a scan adds must grow with the states it visits. The lazily made DFA rows
 * must still give exactly the occurrences a brute-force search finds while the pool grows mid-scan.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../../scripts/seeded-random';
import {
  type Automaton,
  automatonFootprint,
  automatonFromTables,
  buildAutomaton,
  buildAutomatonTables,
} from '../../../../src/shared/matcher/automaton';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-.';

/** `n` distinct patterns of 4 to 14 units over 38 ASCII units (so about 39 DFA columns), a few with kana. */
function patterns(n: number, r: () => number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    let p = '';
    for (let i = 4 + Math.floor(r() * 11); i > 0; i--) p += ALPHABET[Math.floor(r() * ALPHABET.length)];
    if (r() < 0.05) p += 'カタ';
    out.add(p);
  }
  return [...out];
}

/** Text over a few letters only (folds to itself), so that short patterns over them occur many times. */
function text(length: number, letters: string, r: () => number): string {
  let t = '';
  while (t.length < length) t += letters[Math.floor(r() * letters.length)];
  return t;
}

type Hit = [pattern: number, start: number, end: number];

function hits(automaton: Automaton, t: string): Hit[] {
  const out: Hit[] = [];
  automaton.scan(t, (p, start, end) => out.push([p, start, end]));
  return out.sort((x, y) => x[2] - y[2] || x[1] - y[1]);
}

/** Every occurrence of every pattern, by brute force (for text and patterns that fold to themselves). */
function bruteForce(list: readonly string[], t: string): Hit[] {
  const index = new Map(list.map((p, i) => [p, i]));
  const longest = Math.max(...list.map((p) => p.length));
  const out: Hit[] = [];
  for (let end = 1; end <= t.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const p = index.get(t.slice(start, end));
      if (p !== undefined) out.push([p, start, end]);
    }
  }
  return out;
}

describe('automaton memory', () => {
  const list = patterns(20_000, random(1));
  const built = buildAutomaton(list);
  const unpacked = automatonFromTables(buildAutomatonTables(list));

  it('allocates, before scanning, less than one 32-bit integer per state, not states × columns', () => {
    for (const automaton of [built, unpacked]) {
      const { states, columns, rows, ownBytes, dfaBytes } = automatonFootprint(automaton);
      expect(states).toBeGreaterThan(100_000);
      expect(columns).toBeGreaterThan(30);
      // The root's row (at most 257 blocks of 256 entries and their index), the ring of the longest
      // pattern's offsets, 64 DFA rows (columns, first output, state) and the state-to-row hash of twice
      // as many slots (key, row): 0.3 MB at most, where a full DFA would be 16 MB.
      const bound = (256 + 257 * 256) * 4 + 15 * 4 + 64 * (columns + 2) * 4 + 128 * 2 * 4;
      expect(ownBytes).toBeLessThanOrEqual(bound);
      expect(bound).toBeLessThan(states * 4);
      expect(rows).toBe(1); // the root's
      expect(dfaBytes).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('adds DFA rows only for the states a scan visits', () => {
    const automaton = automatonFromTables(buildAutomatonTables(list));
    const page = 'The report said that officials of the national cyber security agency met in Tokyo. '.repeat(
      200,
    );
    automaton.scan(page, () => {});
    const { rows, columns, dfaBytes, ownBytes } = automatonFootprint(automaton);
    // At most one state per distinct position in the repeating text, and the pool at most doubles.
    expect(rows).toBeLessThanOrEqual(85 + 1);
    expect(dfaBytes).toBeLessThanOrEqual(Math.max(64, 2 * (rows + 1)) * (columns + 2) * 4);
    expect(ownBytes).toBeLessThanOrEqual((256 + 257 * 256) * 4 + 15 * 4 + dfaBytes + 4 * (rows + 1) * 2 * 4);
  });

  it('finds exactly what a brute-force search finds while the pool grows', () => {
    const r = random(2);
    // Short patterns over few letters, so that scans visit thousands of states and the pool doubles.
    const dense = patterns(20_000, r).map((p, i) => (i % 2 === 0 ? p.slice(0, 2 + (i % 5)) : p));
    const distinct = [...new Set(dense)].filter((p) => !p.includes('カ'));
    const t = text(50_000, 'abcde', r);
    const expected = bruteForce(distinct, t);
    expect(expected.length).toBeGreaterThan(10_000);
    for (const automaton of [buildAutomaton(distinct), automatonFromTables(buildAutomatonTables(distinct))]) {
      expect(hits(automaton, t)).toEqual(expected);
      expect(automatonFootprint(automaton).rows).toBeGreaterThan(64);
    }
  });

  it('finds exactly what a brute-force search finds in text mixing ASCII and kana', () => {
    const r = random(4);
    const units = 'abcカタナ';
    const mixed = new Set<string>();
    while (mixed.size < 3_000) mixed.add(text(2 + Math.floor(r() * 7), units, r).slice(0, 8));
    const distinct = [...mixed];
    const t = text(30_000, units, r);
    const expected = bruteForce(distinct, t);
    expect(expected.length).toBeGreaterThan(10_000);
    for (const automaton of [buildAutomaton(distinct), automatonFromTables(buildAutomatonTables(distinct))]) {
      expect(hits(automaton, t)).toEqual(expected);
    }
  });
});
