/**
 * The edit distance context similarity is built on (anchoring/edit-distance.ts): the bit-parallel path
 * (contexts up to 32 characters) must agree with the table everywhere, and both with a plain reference.
 */
import { describe, expect, it } from 'vitest';
import { prefixDistance, prefixDistanceByTable } from '../../../../src/shared/notes/anchoring/edit-distance';

const codes = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

/** Levenshtein distance from `a` to the nearest prefix of `b`, by the textbook recurrence. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => i + j),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      d[i]![j] = Math.min(
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
      );
    }
  }
  return Math.min(...d[a.length]!);
}

const distance = (a: string, b: string) => prefixDistance(codes(a), a.length, codes(b), b.length);

describe('prefixDistance', () => {
  it('measures from the start of both and leaves the rest of the page free', () => {
    expect(distance('abc', 'abc')).toBe(0);
    expect(distance('abc', 'abcdef')).toBe(0);
    expect(distance('abc', '')).toBe(3);
    expect(distance('', 'xyz')).toBe(0);
    expect(distance('abc', 'xabc')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(2);
    // A stored prefix read outward ("wehadnout" reversed) against the page's ("wehadnothing" reversed).
    expect(distance('tuondahew', 'gnihtondahew')).toBe(5);
  });

  it('agrees with the reference and the table on random strings, bit-parallel up to 32 characters and beyond', () => {
    let seed = 12;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const word = (n: number, alphabet: string) =>
      Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let k = 0; k < 3000; k += 1) {
      const alphabet = k % 3 === 0 ? 'ab' : k % 3 === 1 ? 'abcd ' : 'abcdefghijklmnopqrstuvwxyz日本';
      const a = word(Math.floor(random() * 40), alphabet);
      const b =
        random() < 0.5
          ? word(Math.floor(random() * 50), alphabet)
          : a + word(Math.floor(random() * 8), alphabet);
      const want = reference(a, b);
      expect(distance(a, b), `${a} / ${b}`).toBe(want);
      expect(prefixDistanceByTable(codes(a), a.length, codes(b), b.length)).toBe(want);
    }
  });
});
