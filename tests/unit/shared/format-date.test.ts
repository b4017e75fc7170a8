/** Dates in words in the reader's locale, never all digits (src/shared/format-date.ts). */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPageDate, isoDate } from '../../../src/shared/format-date';

/** 4 December 2026, 14:05 UTC: day and month cannot be mistaken for each other. */
const TIME = Date.UTC(2026, 11, 4, 14, 5);
const UTC = { timeZone: 'UTC' };

describe('formatDate', () => {
  it('writes the day, the month in words and the year in the order of each locale', () => {
    expect(formatDate(TIME, { ...UTC, locale: 'en-GB' })).toBe('4 Dec 2026');
    expect(formatDate(TIME, { ...UTC, locale: 'en-US' })).toBe('Dec 4, 2026');
    expect(formatDate(TIME, { ...UTC, locale: 'fr' })).toBe('4 déc. 2026');
  });

  it('spells the month even where the medium date style is all digits', () => {
    expect(formatDate(TIME, { ...UTC, locale: 'de' })).toBe('4. Dez. 2026');
    expect(formatDate(TIME, { ...UTC, locale: 'ja' })).toBe('2026年12月4日');
  });

  it('never writes a date as numbers and slashes', () => {
    for (const locale of ['en-US', 'en-GB', 'de', 'ja', 'ko', 'zh-CN', 'hi', 'es'])
      expect(formatDate(TIME, { ...UTC, locale })).not.toMatch(/\d+[/.-]\d+[/.-]\d+/);
  });

  it('follows the time zone: late on the 4th in UTC is the 5th in Tokyo', () => {
    const late = Date.UTC(2026, 11, 4, 20, 0);
    expect(formatDate(late, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('5 Dec 2026');
  });
});

describe('formatDateTime', () => {
  it('adds the time as each locale writes it', () => {
    expect(formatDateTime(TIME, { ...UTC, locale: 'en-GB' })).toBe('4 Dec 2026, 14:05');
    expect(formatDateTime(TIME, { ...UTC, locale: 'en-US' })).toBe('Dec 4, 2026, 2:05 PM');
  });

  it('uses the browser locale when none is given', () => {
    const expected = new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    }).format(TIME);
    expect(formatDateTime(TIME, UTC)).toBe(expected);
  });
});

describe('isoDate', () => {
  it('is the ISO form for <time datetime>', () => {
    expect(isoDate(TIME)).toBe('2026-12-04T14:05:00.000Z');
  });
});

describe('formatPageDate', () => {
  it('shows the day the page printed, not the day of that instant where the reader is', () => {
    // 06:00 in Tokyo is the evening before in UTC and in New York.
    expect(formatPageDate('2024-03-14T06:00:00.000+09:00', { locale: 'en-GB' })).toBe('14 Mar 2024');
    expect(formatPageDate('2024-03-14T23:30:00.000-05:00', { locale: 'en-GB' })).toBe('14 Mar 2024');
    expect(formatPageDate('2024-03-14T00:00:00.000Z', { locale: 'en-US' })).toBe('Mar 14, 2024');
    expect(formatPageDate('not a date')).toBeUndefined();
  });
});
