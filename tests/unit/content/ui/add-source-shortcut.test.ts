// @vitest-environment happy-dom
/**
 * Alt+Shift+S keeps the page as a source only when the reader presses it: a page's synthetic key press does
 * nothing, and so does the shortcut typed in a form field.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRegistry } from '../../../../src/content/highlight/registry';
import type { NoteHighlights } from '../../../../src/content/notes/note-highlights';
import type { CardController } from '../../../../src/content/ui/card-controller';
import { isAddSourceShortcut, wireInteractions } from '../../../../src/content/ui/interactions';

const chord = {
  key: 'S',
  code: 'KeyS',
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  bubbles: true,
  cancelable: true,
};

function press(target: EventTarget, isTrusted: boolean): void {
  const e = new KeyboardEvent('keydown', chord);
  if (isTrusted) Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

let stop: AbortController;
let addSource: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  stop = new AbortController();
  addSource = vi.fn();
  const card = { current: undefined, isSticky: false, isInside: () => false } as unknown as CardController;
  wireInteractions({
    registry: {} as HighlightRegistry,
    notes: {} as NoteHighlights,
    card,
    shadowRoots: () => [],
    addNote: () => undefined,
    addSource,
    signal: stop.signal,
  });
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
});

describe('Alt+Shift+S', () => {
  it('is the chord, and nothing like it', () => {
    expect(isAddSourceShortcut(chord)).toBe(true);
    expect(isAddSourceShortcut({ ...chord, ctrlKey: true })).toBe(false);
    expect(isAddSourceShortcut({ ...chord, code: 'KeyN' })).toBe(false);
  });

  it('ignores a synthetic key press and acts on a trusted one', () => {
    press(document.body, false);
    expect(addSource).not.toHaveBeenCalled();
    press(document.body, true);
    expect(addSource).toHaveBeenCalledTimes(1);
  });

  it('is left to editable fields', () => {
    const input = document.createElement('input');
    document.body.append(input);
    press(input, true);
    expect(addSource).not.toHaveBeenCalled();
  });
});
