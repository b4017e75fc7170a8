/** The alias policy shared by CSV import and the entity editor (src/shared/kb/alias-policy.ts). */
import { describe, expect, it } from 'vitest';
import {
  applyAliasPolicy,
  commonWordNotice,
  isAcronym,
  isCommonWord,
  MAX_ALIAS_LENGTH,
} from '../../../../src/shared/kb/alias-policy';
import { COMMON_WORDS } from '../../../../src/shared/kb/common-words';

describe('applyAliasPolicy', () => {
  it('refuses an alias of one character, a kanji or an emoji included, and names it', () => {
    for (const text of ['X', '7', '党', '🐉']) {
      const verdict = applyAliasPolicy(text);
      expect(verdict.kind).toBe('refused');
      if (verdict.kind === 'refused') expect(verdict.reason).toContain(`'${text}'`);
    }
    expect(applyAliasPolicy('公安').kind).toBe('accepted');
  });

  it('refuses an alias longer than the limit', () => {
    expect(applyAliasPolicy('a'.repeat(MAX_ALIAS_LENGTH + 1)).kind).toBe('refused');
    expect(applyAliasPolicy('a'.repeat(MAX_ALIAS_LENGTH)).kind).toBe('accepted');
  });

  it('makes acronyms and codes case-sensitive, with or without cues', () => {
    for (const text of ['KEV', 'CISA', 'APT41', 'JPCERT/CC', 'UNC3886'])
      expect(applyAliasPolicy(text)).toEqual({
        kind: 'accepted',
        rule: { text, caseSensitive: true },
        commonWord: false,
      });
    expect(applyAliasPolicy('NCSC', ['GCHQ'])).toEqual({
      kind: 'accepted',
      rule: { text: 'NCSC', caseSensitive: true, cues: ['GCHQ'] },
      commonWord: false,
    });
  });

  it('leaves other names case-insensitive', () => {
    for (const text of ['Volt Typhoon', 'CERT-In', 'Kimsuky', 'menuPass', '警察庁'])
      expect(applyAliasPolicy(text)).toEqual({ kind: 'accepted', rule: { text }, commonWord: false });
  });

  it('makes a common word without cues case-sensitive and flags it', () => {
    for (const text of ['Line', 'Quad', 'office', 'Apple', 'Signal'])
      expect(applyAliasPolicy(text)).toEqual({
        kind: 'accepted',
        rule: { text, caseSensitive: true },
        commonWord: true,
      });
  });

  it('accepts a common word with cues as written, without a flag', () => {
    expect(applyAliasPolicy('Signal', ['messaging', 'app'])).toEqual({
      kind: 'accepted',
      rule: { text: 'Signal', cues: ['messaging', 'app'] },
      commonWord: false,
    });
  });
});

describe('isCommonWord and isAcronym', () => {
  it('counts lower-case and Title-case single words from the list only', () => {
    expect(isCommonWord('line')).toBe(true);
    expect(isCommonWord('Line')).toBe(true);
    expect(isCommonWord('LINE')).toBe(false); // capitals: an acronym, already case-sensitive
    expect(isCommonWord('LiNe')).toBe(false);
    expect(isCommonWord('Line Corp')).toBe(false);
    expect(isCommonWord('Kimsuky')).toBe(false);
  });

  it('takes capitals with digits and punctuation as acronyms, but not words without case', () => {
    expect(isAcronym('APT41')).toBe(true);
    expect(isAcronym('JPCERT/CC')).toBe(true);
    expect(isAcronym('CERT-In')).toBe(false);
    expect(isAcronym('3301')).toBe(false);
    expect(isAcronym('警察庁')).toBe(false);
  });

  it('keeps a list of at least 200 lower-case single words', () => {
    expect(COMMON_WORDS.size).toBeGreaterThanOrEqual(200);
    for (const word of COMMON_WORDS) expect(word).toMatch(/^[a-z]+$/);
    for (const word of ['line', 'quad', 'office', 'apple', 'signal', 'typhoon', 'panda'])
      expect(COMMON_WORDS).toContain(word);
  });
});

describe('commonWordNotice', () => {
  it('names the line and the alias, and warns that a lower-case word stays broad', () => {
    expect(commonWordNotice('Line', 4)).toBe(
      "Line 4: treated 'Line' as case-sensitive because it is a common word",
    );
    expect(commonWordNotice('line', 4)).toContain('add cues');
  });
});
