/**
 * Moving through search results with the keyboard: the groups' hits as one list (so the arrows cross from
 * one group to the next), and which option the arrows, Home and End land on.
 */
import type { SearchHit, SearchResults } from '../../../shared/search/search-types';

/** The keys that move the active result. */
export type NavKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/** Whether `key` moves the active result. */
export const isNavKey = (key: string): key is NavKey =>
  key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End';

/** Every hit in the order shown: group by group, best group first. */
export function flattenHits(results: SearchResults | undefined): SearchHit[] {
  return results ? results.groups.flatMap((group) => group.hits) : [];
}

/**
 * The index the key moves to among `count` options; `current` is -1 when none is active. The arrows wrap
 * around, so the last result is one ArrowUp away from the box.
 */
export function moveActive(current: number, count: number, key: NavKey): number {
  if (count === 0) return -1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
  }
}

/** The DOM id of option `index` of the box named `prefix` (what `aria-activedescendant` points at). */
export const optionId = (prefix: string, index: number): string => `${prefix}-option-${index}`;
