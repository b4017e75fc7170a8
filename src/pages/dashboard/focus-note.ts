/**
 * Keeping keyboard focus somewhere sensible when the list changes under it: a deleted note's Delete button
 * vanishes with it, and focus left on nothing drops a keyboard user back to the top of the page.
 */

/**
 * Focuses the note `id` inside `container` once the pending render has run (Preact renders on a microtask,
 * so a zero timeout comes after it), or `fallback` when that note is not shown.
 */
export function focusNoteSoon(
  container: HTMLElement | null,
  id: string | undefined,
  fallback?: () => HTMLElement | null,
): void {
  setTimeout(() => {
    const notes = container ? [...container.querySelectorAll<HTMLElement>('article.note')] : [];
    const target = notes.find((note) => note.dataset.noteId === id) ?? fallback?.();
    target?.focus();
  }, 0);
}
