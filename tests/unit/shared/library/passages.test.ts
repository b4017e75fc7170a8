import { describe, expect, it } from 'vitest';
import { passageSpans, sentences } from '../../../../src/shared/library/passages';

const cut = (text: string, needle: string): string[] => {
  const start = text.indexOf(needle);
  return passageSpans(text, [{ start, end: start + needle.length }]).map((s) => text.slice(s.start, s.end));
};

describe('passages', () => {
  it('splits sentences without their surrounding spaces', () => {
    const text = 'One. Two is here.  Three?';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'One.',
      'Two is here.',
      'Three?',
    ]);
  });

  it('quotes the sentence that holds the mention when it stands on its own', () => {
    const text =
      'Background sentence about something else entirely, long enough to be a sentence. The Japanese company NEC has already laid the submarine optical fibre cables between two places.';
    expect(cut(text, 'NEC')).toEqual([
      'The Japanese company NEC has already laid the submarine optical fibre cables between two places.',
    ]);
  });

  it('adds the previous sentence when the mention sentence points back or is short', () => {
    const text = 'Many operations were attributed to APT groups. One example is the campaign by Cicada.';
    expect(cut(text, 'Cicada')).toEqual([text]);
    const short = 'A long first sentence that sets the scene for what follows here. NEC won.';
    expect(cut(short, 'NEC')).toEqual([short]);
  });

  it('merges passages of one entity that touch', () => {
    const text =
      'Huawei sells gear in many markets across the world today. Huawei also builds phones for many people.';
    const a = text.indexOf('Huawei');
    const b = text.lastIndexOf('Huawei');
    const spans = passageSpans(text, [
      { start: a, end: a + 6 },
      { start: b, end: b + 6 },
    ]);
    expect(spans).toEqual([{ start: 0, end: text.length }]);
  });
});
