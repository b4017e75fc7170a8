/** Moving the active result, and the dashboard's search address. */
import { describe, expect, it } from 'vitest';
import { flattenHits, moveActive } from '../../../../../src/pages/shared/search/search-nav';
import {
  dashboardSearchHref,
  readSearchParam,
  withSearchParam,
} from '../../../../../src/shared/search/search-address';
import { mixed } from './search-fixtures';

describe('moveActive', () => {
  it('starts at the first (down) or the last (up), wraps around, and jumps with Home and End', () => {
    expect(moveActive(-1, 4, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 4, 'ArrowUp')).toBe(3);
    expect(moveActive(3, 4, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 4, 'ArrowUp')).toBe(3);
    expect(moveActive(1, 4, 'ArrowDown')).toBe(2);
    expect(moveActive(2, 4, 'Home')).toBe(0);
    expect(moveActive(0, 4, 'End')).toBe(3);
    expect(moveActive(-1, 0, 'ArrowDown')).toBe(-1);
  });

  it('crosses groups in the order shown', () => {
    expect(flattenHits(mixed('x')).map((h) => h.id)).toEqual(['n1', 'n2', 's1', 'apt10']);
    expect(flattenHits(undefined)).toEqual([]);
  });
});

describe('search address', () => {
  it('reads and writes ?search= beside other parameters, and leaves a clean address clean', () => {
    expect(readSearchParam('?q=caf%C3%A9&search=%E3%82%B5%E3%82%A4%E3%83%90%E3%83%BC')).toBe('サイバー');
    expect(readSearchParam('?q=apt')).toBe('');
    expect(withSearchParam('?tab=sources&q=apt', 'APT10 & co')).toBe(
      '?tab=sources&q=apt&search=APT10+%26+co',
    );
    expect(withSearchParam('?q=apt&search=x', '  ')).toBe('?q=apt');
    expect(withSearchParam('?search=x', '')).toBe('');
    expect(dashboardSearchHref('a b')).toBe('dashboard.html?search=a+b');
  });
});
