/**
 * Keeping keyboard focus somewhere sensible when a library list changes under it (as focus-note.ts does for
 * notes): a deleted row's Delete button vanishes with it, and focus left on nothing drops a keyboard user back
 * to the top of the page.
 */

/** The id of the row after `id` in `ids`, or the one before when it is the last. */
export function neighbourOf(ids: readonly string[], id: string): string | undefined {
  const at = ids.indexOf(id);
  return at === -1 ? undefined : (ids[at + 1] ?? ids[at - 1]);
}

/**
 * Focuses the first button of the row whose `data-<key>` is `id` once the pending render has run (a zero
 * timeout comes after Preact's), or `fallback` when that row is not shown.
 */
export function focusRowSoon(
  key: 'sourceId' | 'entityId',
  id: string | undefined,
  fallback?: () => HTMLElement | null,
): void {
  setTimeout(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('.library-item')];
    const row = id === undefined ? undefined : rows.find((el) => el.dataset[key] === id);
    (row?.querySelector<HTMLElement>('button') ?? fallback?.())?.focus();
  }, 0);
}
