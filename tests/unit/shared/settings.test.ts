import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, tidyCreatorName } from '../../../src/shared/settings';

describe('parseSettings', () => {
  it('returns defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces invalid ones field by field', () => {
    const parsed = parseSettings({
      highlightStyle: 'underline',
      hoverDelayMs: -5,
      enabledTypes: ['company', 'nope'],
    });
    expect(parsed.highlightStyle).toBe('underline');
    expect(parsed.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(parsed.enabledTypes).toEqual(DEFAULT_SETTINGS.enabledTypes);
  });

  it('accepts a valid complete object', () => {
    const s = {
      highlightStyle: 'both',
      enabledTypes: ['threat-actor'],
      hoverDelayMs: 800,
      creatorName: 'Aiko',
      recordHistory: false,
      historyRetentionDays: 30,
    };
    expect(parseSettings(s)).toEqual(s);
  });

  it('keeps the history switch and a retention it offers, and falls back to on, 90 days otherwise', () => {
    expect(parseSettings({})).toMatchObject({ recordHistory: true, historyRetentionDays: 90 });
    expect(parseSettings({ recordHistory: false, historyRetentionDays: 0 })).toMatchObject({
      recordHistory: false,
      historyRetentionDays: 0,
    });
    expect(parseSettings({ recordHistory: 'no', historyRetentionDays: 45 })).toMatchObject({
      recordHistory: true,
      historyRetentionDays: 90,
    });
  });

  it('keeps a creator name of up to 100 characters and nothing that is not text', () => {
    expect(parseSettings({}).creatorName).toBe('');
    expect(parseSettings({ creatorName: 'アイコ・タナカ' }).creatorName).toBe('アイコ・タナカ');
    expect(parseSettings({ creatorName: 'x'.repeat(100) }).creatorName).toBe('x'.repeat(100));
    expect(parseSettings({ creatorName: 'x'.repeat(101) }).creatorName).toBe('');
    expect(parseSettings({ creatorName: 42 }).creatorName).toBe('');
  });

  it('tidies a typed name: inner whitespace and line breaks become one space, ends trimmed', () => {
    expect(tidyCreatorName('  Aiko \n\t Tanaka ')).toBe('Aiko Tanaka');
    expect(tidyCreatorName('   ')).toBe('');
  });
});
