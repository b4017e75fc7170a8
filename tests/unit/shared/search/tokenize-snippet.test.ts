/** The search tokenizer (one rule for indexing, queries and marks) and the snippets it marks. */
import { describe, expect, it } from 'vitest';
import { markAll, snippetOf } from '../../../../src/shared/search/snippet';
import { isUnspacedTerm, tokenize, tokenSpans } from '../../../../src/shared/search/tokenize';

describe('tokenize', () => {
  it('splits spaced scripts on non-letters, folds case, accents and full-width forms, drops stop words', () => {
    expect(tokenize("Japan's NISC and the Pokémon ＡＰＴ１０ co-operation")).toEqual([
      'japan',
      'nisc',
      'pokemon',
      'apt10',
      'co',
      'operation',
    ]);
  });

  it('segments Japanese with Intl.Segmenter and drops lone particles', () => {
    const terms = tokenize('日本のサイバー攻撃対策');
    expect(terms).toContain('日本');
    expect(terms).toContain('攻撃');
    expect(terms).not.toContain('の');
    // Whatever the dictionary makes of サイバー, a query of it is cut the same way.
    const query = tokenize('サイバー');
    expect(terms.join('|')).toContain(query.join('|'));
  });

  it('keeps Hindi vowel signs with their letters and drops Hindi stop words', () => {
    expect(tokenize('भारत में साइबर सुरक्षा')).toEqual(['भारत', 'साइबर', 'सुरक्षा']);
  });

  it('gives each word its place in the original text', () => {
    const text = 'Über APT10';
    expect(tokenSpans(text).map((t) => text.slice(t.start, t.end))).toEqual(['Über', 'APT10']);
  });

  it('treats Japanese as unspaced (always a prefix) but not Hindi or Latin', () => {
    expect(isUnspacedTerm('サイ')).toBe(true);
    expect(isUnspacedTerm('साइबर')).toBe(false);
    expect(isUnspacedTerm('cyber')).toBe(false);
  });
});

describe('snippets', () => {
  const long = `${'Filler words before the point. '.repeat(6)}Then the shipbuilders were warned about spear-phishing. ${'More filler after it. '.repeat(12)}`;

  it('cuts around the first match on spaces, with ellipses, and marks every matched word', () => {
    const parts = snippetOf(long, new Set(['shipbuilders', 'phishing']))!;
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(240);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['shipbuilders', 'phishing']);
    expect(text).not.toMatch(/…\S*ords /);
  });

  it('merges the halves of a segmented word into one mark', () => {
    const parts = markAll('日本のサイバー攻撃', new Set(tokenize('サイバー')));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['サイバー']);
  });

  it('says nothing matched rather than inventing a snippet', () => {
    expect(snippetOf('nothing here', new Set(['absent']))).toBeUndefined();
  });
});
