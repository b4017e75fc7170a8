// @vitest-environment happy-dom
/**
 * The reader's place through a refetch (keep-place.ts): the row at the top of the window stays where it was
 * on screen when rows arrive above it, and focus (with a text field's caret) stays or moves to a neighbour.
 * happy-dom does no layout, so each row's position is given.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capturePlace, restorePlace } from '../../../../src/pages/dashboard/keep-place';

let container: HTMLElement;
/** Each row's top on screen, by key; rows are 100 px tall. */
const tops = new Map<string, number>();

function rows(keys: string[]): void {
  container.replaceChildren(
    ...keys.map((key) => {
      const row = document.createElement('article');
      row.dataset.noteId = key;
      row.tabIndex = -1;
      row.append(Object.assign(document.createElement('button'), { textContent: 'Edit' }));
      row.getBoundingClientRect = () => {
        const top = tops.get(key) ?? 0;
        return { top, bottom: top + 100, left: 0, right: 0, width: 0, height: 100, x: 0, y: top } as DOMRect;
      };
      return row;
    }),
  );
}
function layOut(keys: string[], firstTop: number): void {
  for (const [i, key] of keys.entries()) tops.set(key, firstTop + i * 100);
}
const row = (key: string) => container.querySelector<HTMLElement>(`[data-note-id="${key}"]`)!;

beforeEach(() => {
  container = document.createElement('main');
  document.body.append(container);
  tops.clear();
});
afterEach(() => {
  container.remove();
  vi.restoreAllMocks();
});

describe('keep-place', () => {
  it('scrolls by as much as rows arriving above moved the row the reader was looking at', () => {
    rows(['a', 'b', 'c']);
    // Scrolled so that a is above the window and b is the first row on screen (its top 70 px above it).
    layOut(['a', 'b', 'c'], -170);
    const place = capturePlace(container, 'data-note-id');
    expect(place?.anchorKey).toBe('b');
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    // Two notes arrive above: b is now 200 px lower.
    rows(['x', 'y', 'a', 'b', 'c']);
    layOut(['x', 'y', 'a', 'b', 'c'], -170);
    restorePlace(container, place);
    expect(scrollBy).toHaveBeenCalledWith(0, 200);
  });

  it('does not scroll when nothing moved', () => {
    rows(['a', 'b']);
    layOut(['a', 'b'], 0);
    const place = capturePlace(container, 'data-note-id');
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => undefined);
    restorePlace(container, place);
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('puts focus and the caret back when a render took them away', () => {
    rows(['a']);
    const field = document.createElement('textarea');
    field.value = 'half a sentence';
    row('a').append(field);
    field.focus();
    field.setSelectionRange(4, 6);
    const place = capturePlace(container, 'data-note-id');
    field.blur();
    field.setSelectionRange(0, 0);
    restorePlace(container, place);
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([4, 6]);
  });

  it('moves focus to the next row when the focused row went, or the previous at the end', () => {
    rows(['a', 'b', 'c']);
    row('b').querySelector('button')!.focus();
    let place = capturePlace(container, 'data-note-id');
    rows(['a', 'c']);
    restorePlace(container, place);
    expect(document.activeElement).toBe(row('c'));
    row('c').focus();
    place = capturePlace(container, 'data-note-id');
    rows(['a']);
    restorePlace(container, place);
    expect(document.activeElement).toBe(row('a'));
  });

  it('leaves focus alone when the reader moved it meanwhile', () => {
    rows(['a', 'b']);
    row('a').focus();
    const place = capturePlace(container, 'data-note-id');
    const elsewhere = document.createElement('input');
    document.body.append(elsewhere);
    elsewhere.focus();
    restorePlace(container, place);
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });
});
