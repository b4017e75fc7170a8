/**
 * Hypothesis's quote-matching cases (tests/fixtures/anchoring/hypothesis-match-quote.ts, BSD-2-Clause) run
 * against Gloss's anchoring (issue 12.2): with several exact occurrences of a quote, the one whose context
 * is most similar wins, also when the context only nearly agrees; and scores fall as quote, prefix or
 * suffix get less similar, in Hypothesis's order.
 *
 * Hypothesis's `matchQuote(text, quote, { prefix, suffix, hint })` is Gloss's `anchorInText(text, anchor)`
 * with the hint as the stored position. Gloss differs by design in three ways, checked here as such:
 * - scores are on Gloss's scale (missing context counts as undecided, 0.5, not as a perfect 1; see
 *   score.ts), so an exact quote without context scores below 1;
 * - an approximate match must score 0.7 to be accepted (a passage that is gone becomes an orphan rather
 *   than a highlight on something similar), so weak candidates are ranked with `fuzzyMatch(…, 0)`;
 * - a quote under 8 characters needs context that supports it (exact.ts), so "text" with a suffix that
 *   agrees nowhere is not placed.
 */
import { describe, expect, it } from 'vitest';
import { anchorInText } from '../../../../src/shared/notes/anchoring/anchor';
import { fuzzyMatch } from '../../../../src/shared/notes/anchoring/fuzzy';
import { contextBefore } from '../../../../src/shared/notes/anchoring/score';
import {
  contextCases,
  prefixesBySimilarity,
  prefixQuote,
  quotesBySimilarity,
  solitude,
  suffixesBySimilarity,
  suffixQuote,
  twoCities,
} from '../../../fixtures/anchoring/hypothesis-match-quote';

const quoteOf = (exact: string, prefix = '', suffix = '') => ({ exact, prefix, suffix });

/** Strictly falling, as Hypothesis asserts with `assert.isBelow(scores[i], scores[i - 1])`. */
function expectFalling(scores: number[]): void {
  for (let i = 1; i < scores.length; i += 1) expect(scores[i], `score ${i}`).toBeLessThan(scores[i - 1]!);
}

describe('Hypothesis match-quote cases', () => {
  it('finds exact match', () => {
    const match = anchorInText(solitude, { quote: quoteOf('discover ice') });
    expect(match).toMatchObject({ method: 'exact' });
    expect(solitude.slice(match!.start, match!.end)).toBe('discover ice');
    // Hypothesis scores it 1.0; Gloss counts the missing context and position as undecided.
    expect(match!.score).toBeCloseTo((50 + 10 + 10 + 1) / 92);
  });

  it('finds best approximate match if there is no exact match (below Gloss’s threshold: not accepted)', () => {
    const best = fuzzyMatch(solitude, quoteOf('some years later'), [], 0);
    expect(best).not.toBeNull();
    expect(best!.score).toBeGreaterThan(0);
    expect(best!.score).toBeLessThan(1);
    expect(solitude.slice(best!.start, best!.end)).toBe('Many years later');
    expect(anchorInText(solitude, { quote: quoteOf('some years later') })).toBeNull();
  });

  it('scores matches based on quote similarity', () => {
    const scores = quotesBySimilarity.map((q) => fuzzyMatch(solitude, quoteOf(q), [], 0)!.score);
    expectFalling(scores);
  });

  it('scores matches based on prefix similarity', () => {
    const matches = prefixesBySimilarity.map((p) =>
      anchorInText(solitude, { quote: quoteOf(prefixQuote, p) }),
    );
    for (const m of matches)
      expect(m).toMatchObject({ start: solitude.indexOf(prefixQuote), method: 'exact' });
    expectFalling(matches.map((m) => m!.score));
  });

  it('scores matches based on suffix similarity', () => {
    const matches = suffixesBySimilarity.map((s) =>
      anchorInText(solitude, { quote: quoteOf(suffixQuote, '', s) }),
    );
    for (const m of matches) expect(m).toMatchObject({ start: 0, method: 'exact' });
    expectFalling(matches.map((m) => m!.score));
  });

  it('returns `null` if there is no acceptable approximate match', () => {
    expect(anchorInText(twoCities, { quote: quoteOf(solitude) })).toBeNull();
  });

  it('returns `null` if quote is empty', () => {
    expect(anchorInText('foobar', { quote: quoteOf('') })).toBeNull();
  });

  it('returns `null` if text is empty', () => {
    expect(anchorInText('', { quote: quoteOf('foobar') })).toBeNull();
  });

  contextCases.forEach(({ quote, prefix, suffix, expected }, i) => {
    it(`finds match with best context match (${i}): "${quote}" ${prefix ? `after "${prefix}"` : `before "${suffix}"`}`, () => {
      const match = anchorInText(twoCities, { quote: quoteOf(quote, prefix, suffix) });
      expect(match).not.toBeNull();
      expect(twoCities.slice(match!.start, match!.end)).toBe(quote);
      expect(match!.start).toBe(twoCities.indexOf(expected));
    });
  });

  it('ranks the occurrences by context similarity, not by how many characters agree verbatim', () => {
    // "we had nout" agrees verbatim beside the quote with neither "we had everything" nor "we had nothing"
    // (the last characters differ at once); by edit distance it is much nearer the second.
    const [first, second] = [...twoCities.matchAll(/before us/g)].map((m) => m.index);
    const nearFirst = contextBefore(twoCities, first!, 'we had nout')!;
    const nearSecond = contextBefore(twoCities, second!, 'we had nout')!;
    expect(nearSecond).toBeGreaterThan(nearFirst);
    expect(nearSecond).toBeCloseTo(1 - 5 / 9);
  });

  it('uses `hint` as a tie-breaker to choose between matches with close scores', () => {
    const posA = twoCities.indexOf('everything before us') + 'everything '.length;
    const posB = twoCities.indexOf('nothing before us') + 'nothing '.length;
    const at = (start: number) => ({ start, end: start + 'befor us'.length });
    const matchHintA = anchorInText(twoCities, { quote: quoteOf('befor us'), position: at(posA) });
    const matchHintB = anchorInText(twoCities, { quote: quoteOf('befor us'), position: at(posB) });
    const matchNoHint = anchorInText(twoCities, { quote: quoteOf('befor us') });
    expect(matchHintA).toMatchObject({ start: posA, method: 'fuzzy' });
    expect(matchHintB).toMatchObject({ start: posB, method: 'fuzzy' });
    // Without a hint, the first match.
    expect(matchNoHint).toMatchObject({ start: posA, method: 'fuzzy' });
  });

  it('matches when prefix length is greater than the match start offset', () => {
    const prefix = 'It used to be many';
    const match = anchorInText(solitude, { quote: quoteOf('years later', prefix) });
    expect(prefix.length).toBeGreaterThan(match!.start);
    expect(solitude.slice(match!.start, match!.end)).toBe('years later');
  });

  it('matches when match ends at end of text and there is a non-empty suffix (a longer quote)', () => {
    const text = 'Some document text';
    const match = anchorInText(text, { quote: quoteOf('document text', '', 'missing') });
    expect(text.slice(match!.start, match!.end)).toBe('document text');
    // Hypothesis's own case, "text": a short quote whose only context agrees nowhere is not placed.
    expect(anchorInText(text, { quote: quoteOf('text', '', 'missing') })).toBeNull();
  });
});
