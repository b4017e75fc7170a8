import { describe, expect, it } from 'vitest';
import { mentionCounts, mentionsByBlock, segmentText } from '../../../../src/pages/reader/mention-segments';
import type { SourceMention } from '../../../../src/shared/kb-types';

const text = 'APT40 and the BECA deal; APT40 again.';
const m = (start: number, end: number, entityId = 'apt40') => ({ entityId, start, end });
const joined = (segments: Array<{ text: string }>) => segments.map((s) => s.text).join('');

describe('segmentText', () => {
  it('returns the whole text as one plain segment when nothing is mentioned', () => {
    expect(segmentText(text, [])).toEqual([{ text, start: 0, end: text.length }]);
  });

  it('returns no segments for an empty block', () => {
    expect(segmentText('', [m(0, 1)])).toEqual([]);
  });

  it('splits around mentions at the start, middle and end, in order even when given out of order', () => {
    const s = 'BECA and BECA';
    const segments = segmentText(s, [m(9, 13, 'beca'), m(0, 4, 'beca')]);
    expect(segments).toEqual([
      { text: 'BECA', start: 0, end: 4, entityId: 'beca' },
      { text: ' and ', start: 4, end: 9 },
      { text: 'BECA', start: 9, end: 13, entityId: 'beca' },
    ]);
  });

  it('marks the mentioned text exactly', () => {
    const segments = segmentText(text, [m(0, 5), m(25, 30)]);
    expect(segments.filter((s) => s.entityId).map((s) => s.text)).toEqual(['APT40', 'APT40']);
    expect(joined(segments)).toBe(text);
  });

  it('skips overlapping, empty, reversed and out-of-range mentions but keeps the text intact', () => {
    const segments = segmentText(text, [
      m(0, 5),
      m(2, 8),
      m(10, 10),
      m(12, 11),
      m(30, 99),
      m(-1, 3),
      m(1.5, 3),
    ]);
    expect(segments.filter((s) => s.entityId)).toEqual([
      { text: 'APT40', start: 0, end: 5, entityId: 'apt40' },
    ]);
    expect(joined(segments)).toBe(text);
  });

  it('prefers the longer of two mentions that start together', () => {
    const segments = segmentText('Five Eyes alliance', [m(0, 4, 'a'), m(0, 9, 'b')]);
    expect(segments[0]).toEqual({ text: 'Five Eyes', start: 0, end: 9, entityId: 'b' });
    expect(joined(segments)).toBe('Five Eyes alliance');
  });
});

describe('mentionsByBlock and mentionCounts', () => {
  const mentions: SourceMention[] = [
    { entityId: 'apt40', blockIndex: 2, start: 0, end: 5, text: 'APT40' },
    { entityId: 'beca', blockIndex: 2, start: 14, end: 18, text: 'BECA' },
    { entityId: 'apt40', blockIndex: 2, start: 25, end: 30, text: 'APT40' },
    { entityId: 'apt40', blockIndex: 7, start: 3, end: 8, text: 'APT40' },
  ];

  it('groups only the selected entity, by block', () => {
    const byBlock = mentionsByBlock(mentions, 'apt40');
    expect([...byBlock.keys()]).toEqual([2, 7]);
    expect(byBlock.get(2)?.map((x) => x.start)).toEqual([0, 25]);
  });

  it('groups nothing when no entity is selected', () => {
    expect(mentionsByBlock(mentions, undefined).size).toBe(0);
    expect(mentionsByBlock(mentions, '').size).toBe(0);
  });

  it('counts mentions per entity', () => {
    expect(Object.fromEntries(mentionCounts(mentions))).toEqual({ apt40: 3, beca: 1 });
  });
});
