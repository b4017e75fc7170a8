/**
 * Publication dates keep the page's own day: a time with a UTC offset keeps its offset, a date without a
 * zone stays that day, other forms become the day this browser reads; nonsense is dropped.
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../../src/content/sources/page-metadata';

describe('isoDate (page metadata)', () => {
  it("keeps the offset the page wrote, so the day shown is the page's day", () => {
    expect(isoDate('2024-03-14T06:00:00+09:00')).toBe('2024-03-14T06:00:00.000+09:00');
    expect(isoDate('2024-03-14T06:00+0530')).toBe('2024-03-14T06:00:00.000+05:30');
    expect(isoDate('2024-03-14T06:00:00.123Z')).toBe('2024-03-14T06:00:00.000Z');
  });

  it('takes a date or a time without a zone as that wall-clock day', () => {
    expect(isoDate('2024-03-14')).toBe('2024-03-14T00:00:00.000Z');
    expect(isoDate('2024-03-14 18:45')).toBe('2024-03-14T18:45:00.000Z');
    expect(isoDate('March 14, 2024')).toBe('2024-03-14T00:00:00.000Z');
  });

  it('drops what no page means as a date', () => {
    for (const bad of ['', 'yesterday', '20240', '2024-13-45', '0099-01-01', undefined, 42])
      expect(isoDate(bad)).toBeUndefined();
  });
});
