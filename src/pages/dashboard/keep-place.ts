/**
 * The reader's place in a list that is read again under them (live pages, issue 14): which item is at the
 * top of the window and where, and what has keyboard focus (with the caret of a text field). Taken just
 * before the new list is applied and put back right after it renders, so a note arriving above, a group
 * moving to the top or the focused row changing in place does not move what the reader is looking at or
 * typing in. Browsers' own scroll anchoring does part of this; this does the rest (focus, and browsers or
 * cases where anchoring does not apply), and measures after it, so the two never fight.
 */

/** The attribute that names an item of the list: `data-note-id`, `data-entity-id`, … */
export type ItemAttribute = 'data-note-id' | 'data-source-id' | 'data-entity-id' | 'data-suggestion-key';

/** A place, as `capturePlace` took it. */
export interface Place {
  attribute: ItemAttribute;
  /** Every item's key, in list order, to find the neighbour of an item that went away. */
  order: string[];
  /** The element that had focus, if it was inside the list's container. */
  focused?: HTMLElement;
  /** The item holding focus. */
  focusedKey?: string;
  /** The caret of a focused text field. */
  selection?: { start: number; end: number; direction: 'forward' | 'backward' | 'none' };
  /** The first item on screen, and its top relative to the viewport. */
  anchorKey?: string;
  anchorTop: number;
}

const keyOf = (el: Element, attribute: ItemAttribute): string | undefined =>
  el.closest(`[${attribute}]`)?.getAttribute(attribute) ?? undefined;

const items = (container: ParentNode, attribute: ItemAttribute): HTMLElement[] => [
  ...container.querySelectorAll<HTMLElement>(`[${attribute}]`),
];

/** Where the reader is in `container`'s list. */
export function capturePlace(container: HTMLElement | null, attribute: ItemAttribute): Place | undefined {
  if (!container) return undefined;
  const all = items(container, attribute);
  const active = document.activeElement as HTMLElement | null;
  const focused = active && active !== document.body && container.contains(active) ? active : undefined;
  const field = focused as HTMLInputElement | HTMLTextAreaElement | undefined;
  const hasCaret = !!field && 'selectionStart' in field && typeof field.selectionStart === 'number';
  // The first item whose bottom is below the top of the window: what the reader is looking at.
  const anchor = all.find((el) => el.getBoundingClientRect().bottom > 0);
  return {
    attribute,
    order: all.map((el) => el.getAttribute(attribute) ?? ''),
    ...(focused ? { focused, focusedKey: keyOf(focused, attribute) } : {}),
    ...(hasCaret
      ? {
          selection: {
            start: field.selectionStart ?? 0,
            end: field.selectionEnd ?? 0,
            direction: field.selectionDirection ?? 'none',
          },
        }
      : {}),
    anchorKey: anchor?.getAttribute(attribute) ?? undefined,
    anchorTop: anchor?.getBoundingClientRect().top ?? 0,
  };
}

/** An item's own focus target: itself when focusable (a note), else its first button (a library row). */
const focusTarget = (item: HTMLElement): HTMLElement =>
  item.hasAttribute('tabindex') ? item : (item.querySelector<HTMLElement>('button') ?? item);

/** Puts focus back where `place` had it. */
function restoreFocus(container: HTMLElement, place: Place): void {
  const { focused } = place;
  if (!focused || document.activeElement === focused) return;
  // Focus moved on by itself (the reader clicked elsewhere meanwhile): leave it.
  if (document.activeElement && document.activeElement !== document.body) return;
  if (focused.isConnected) {
    focused.focus({ preventScroll: true });
    const s = place.selection;
    if (s) (focused as HTMLInputElement).setSelectionRange(s.start, s.end, s.direction);
    return;
  }
  if (place.focusedKey === undefined) return;
  // The focused element went: its item's own target, or the nearest surviving item after it (or before).
  const byKey = new Map(
    items(container, place.attribute).map((el) => [el.getAttribute(place.attribute), el]),
  );
  const at = place.order.indexOf(place.focusedKey);
  const candidates = [
    place.focusedKey,
    ...place.order.slice(at + 1),
    ...place.order.slice(0, Math.max(at, 0)).reverse(),
  ];
  const item = candidates.map((key) => byKey.get(key)).find((el) => el !== undefined);
  if (item) focusTarget(item).focus({ preventScroll: true });
}

/** Puts the reader back at `place` after the list re-rendered. */
export function restorePlace(container: HTMLElement | null, place: Place | undefined): void {
  if (!container || !place) return;
  restoreFocus(container, place);
  if (place.anchorKey === undefined) return;
  const anchor = items(container, place.attribute).find(
    (el) => el.getAttribute(place.attribute) === place.anchorKey,
  );
  if (!anchor) return;
  const moved = anchor.getBoundingClientRect().top - place.anchorTop;
  if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
}
