/**
 * `tCount` picks the plural form by the language the messages were read from (their `messagesLocale`), not
 * the browser's, writes the count as that language writes numbers, and falls back to the other form when a
 * partial translation lacks one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const table = vi.hoisted(() => ({ messages: {} as Record<string, string> }));

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string[]) =>
        (table.messages[key] ?? '').replace(/\$(\d)/g, (_, n: string) => subs?.[Number(n) - 1] ?? ''),
    },
  },
}));

const { tCount, tNumber } = await import('../../../src/platform/i18n');

describe('tCount', () => {
  beforeEach(() => {
    table.messages = {};
  });

  it('uses the English forms for English messages', () => {
    table.messages = { messagesLocale: 'en', n_one: '$1 mention', n_other: '$1 mentions' };
    expect([0, 1, 2, 10_001].map((n) => tCount('n', n))).toEqual([
      '0 mentions',
      '1 mention',
      '2 mentions',
      '10,001 mentions',
    ]);
    // A number beside the count (a limit) is written the same way.
    expect(tNumber(20_000)).toBe('20,000');
  });

  it("uses the messages' language's categories, and other for a form a translation lacks", () => {
    table.messages = {
      messagesLocale: 'pl',
      n_one: '$1 wzmianka',
      n_few: '$1 wzmianki',
      n_many: '$1 wzmianek',
      n_other: '$1 wzmianki (other) $2',
    };
    expect([1, 3, 22, 5, 12].map((n) => tCount('n', n))).toEqual([
      '1 wzmianka',
      '3 wzmianki',
      '22 wzmianki',
      '5 wzmianek',
      '12 wzmianek',
    ]);
    delete table.messages.n_many;
    expect(tCount('n', 5, ['!'])).toBe('5 wzmianki (other) !');
  });
});
