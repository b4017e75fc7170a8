import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../../src/shared/settings';

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
    const s = { highlightStyle: 'both', enabledTypes: ['threat-actor'], hoverDelayMs: 800 };
    expect(parseSettings(s)).toEqual(s);
  });
});
