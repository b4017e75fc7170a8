/**
 * Wires page events to the card: pointer movement (hit-tested once per animation frame), focus moving
 * onto page elements that hold mentions or notes, Escape, clicks outside the card, and the shortcuts:
 * Alt+Shift+J / Alt+Shift+K step to the next / previous mention or note, Alt+Shift+N adds a note on
 * the selection, Alt+Shift+S keeps the page as a source (top frame). Only trusted (user-made) key presses count: a page cannot script Gloss's shortcuts.
 */
import { mentionAtPoint } from '../highlight/hit-test';
import { compareMentions, type HighlightRegistry, type Mention } from '../highlight/registry';
import type { NoteHighlights, NoteMark } from '../notes/note-highlights';
import type { CardController } from './card-controller';

/** Whether a keydown is the next/previous-mention shortcut; returns the step or 0. */
export function shortcutStep(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): number {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return 0;
  return e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : 0;
}

/** Whether a keydown is the add-note shortcut, Alt+Shift+N. */
export function isAddNoteShortcut(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';
}

/** Whether a keydown is the add-source shortcut, Alt+Shift+S. */
export function isAddSourceShortcut(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The item `step` places after (or before) `current`, wrapping around. */
export function stepFrom<T>(all: readonly T[], current: T | undefined, step: number): T | undefined {
  if (all.length === 0) return undefined;
  const at = current ? all.indexOf(current) : -1;
  if (at < 0) return step > 0 ? all[0] : all[all.length - 1];
  return all[(at + step + all.length) % all.length];
}

/**
 * Of a mention and a note under the same point, the one the reader most likely means: the shorter
 * (a name inside an annotated sentence shows the name's card; elsewhere in the sentence, the note).
 */
export function pickTarget(
  mention: Mention | undefined,
  note: NoteMark | undefined,
): Mention | NoteMark | undefined {
  if (!mention || !note) return mention ?? note;
  return mention.text.length < note.range.toString().length ? mention : note;
}

/** What the listeners act on. */
export interface InteractionDeps {
  registry: HighlightRegistry;
  notes: NoteHighlights;
  card: CardController;
  shadowRoots: () => ShadowRoot[];
  addNote: () => void;
  /** Keeps the page as a source; absent where that is not offered (frames). */
  addSource?: () => void;
  signal: AbortSignal;
}

/** Registers every listener until `signal` aborts. */
export function wireInteractions({
  registry,
  notes,
  card,
  shadowRoots,
  addNote,
  addSource,
  signal,
}: InteractionDeps): void {
  const opts = { capture: true, passive: true, signal };
  const targetAt = (x: number, y: number) =>
    pickTarget(mentionAtPoint(registry, x, y, shadowRoots()), notes.atPoint(x, y));
  let frame = 0;
  let last: { x: number; y: number; isInside: boolean } | undefined;
  document.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      // composedPath() is empty once dispatch is over, so whether the pointer is in the card is read now.
      last = { x: e.clientX, y: e.clientY, isInside: card.isInside(e) };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last) return;
        const target = last.isInside ? undefined : targetAt(last.x, last.y);
        card.pointerAt(target, last.x, last.y, last.isInside);
      });
    },
    opts,
  );
  // Leaving this document (the window, or the iframe Gloss runs in) sends no more moves here: treat it as
  // the pointer resting on nothing, so a card opened in a frame still closes after its grace period.
  document.addEventListener(
    'pointerout',
    (e) => {
      if (e.relatedTarget === null && e.pointerType !== 'touch')
        card.pointerAt(undefined, e.clientX, e.clientY, false);
    },
    opts,
  );
  // Touch has no hover: a tap on a mention or note opens its card, a tap elsewhere closes it.
  document.addEventListener(
    'pointerdown',
    (e) => {
      if (card.isInside(e)) return;
      const target = e.pointerType === 'touch' ? targetAt(e.clientX, e.clientY) : undefined;
      if (target && !card.isSticky) card.show(target, 'pointer', { x: e.clientX, y: e.clientY });
      else card.clickedOutside();
    },
    opts,
  );
  // Focus returning to the element that already had it (the window or tab regained focus) is not the
  // user moving to a mention, and must not open a card over whatever the pointer is doing.
  let lastFocused: EventTarget | null = null;
  document.addEventListener(
    'focusin',
    (e) => {
      if (card.isInside(e) || !(e.target instanceof Element)) return;
      if (e.target === lastFocused) return;
      lastFocused = e.target;
      const [first] = [...registry.mentionsWithin(e.target), ...notes.within(e.target)].sort(compareMentions);
      if (first) card.focusOn(first);
      else card.focusLeft();
    },
    opts,
  );
  // Focus leaving while the page keeps focus (a click elsewhere) is a real move: forget the element.
  document.addEventListener(
    'focusout',
    () => {
      setTimeout(() => {
        if (document.hasFocus()) lastFocused = document.activeElement === document.body ? null : lastFocused;
      }, 0);
    },
    opts,
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape' && card.current) {
        // An editor in the card handles Escape itself (cancel), inside the shadow root.
        if (!(card.isSticky && card.isInside(e))) card.close(true);
        return;
      }
      if (isAddNoteShortcut(e) && !card.isInside(e) && !isEditable(e.target)) {
        e.preventDefault();
        addNote();
        return;
      }
      if (addSource && isAddSourceShortcut(e) && !card.isInside(e) && !isEditable(e.target)) {
        e.preventDefault();
        addSource();
        return;
      }
      const step = shortcutStep(e);
      if (step === 0 || (isEditable(e.target) && !card.isInside(e)) || card.isSticky) return;
      const all = [...registry.inOrder(), ...notes.inOrder()].sort(compareMentions);
      const next = stepFrom<Mention | NoteMark>(all, card.current as Mention | NoteMark | undefined, step);
      if (!next) return;
      e.preventDefault();
      next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      card.show(next, 'keyboard');
    },
    { capture: true, signal },
  );
}
