/**
 * Wires page events to the card: pointer movement (hit-tested once per animation frame), focus moving
 * onto page elements that hold mentions, Escape, clicks outside the card, and the keyboard shortcut that
 * steps from mention to mention: Alt+Shift+J (next) and Alt+Shift+K (previous).
 */
import { mentionAtPoint } from '../highlight/hit-test';
import type { HighlightRegistry, Mention } from '../highlight/registry';
import type { CardController } from './card-controller';

/** Whether a keydown is the next/previous-mention shortcut; returns the step or 0. */
export function shortcutStep(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): number {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return 0;
  return e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : 0;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The mention `step` places after (or before) `current`, wrapping around. */
export function stepFrom(
  all: readonly Mention[],
  current: Mention | undefined,
  step: number,
): Mention | undefined {
  if (all.length === 0) return undefined;
  const at = current ? all.indexOf(current) : -1;
  if (at < 0) return step > 0 ? all[0] : all[all.length - 1];
  return all[(at + step + all.length) % all.length];
}

/** Registers every listener until `signal` aborts. */
export function wireInteractions(
  registry: HighlightRegistry,
  card: CardController,
  shadowRoots: () => ShadowRoot[],
  signal: AbortSignal,
): void {
  const opts = { capture: true, passive: true, signal };
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
        const mention = last.isInside ? undefined : mentionAtPoint(registry, last.x, last.y, shadowRoots());
        card.pointerAt(mention, last.x, last.y, last.isInside);
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
  // Touch has no hover: a tap on a mention opens its card, a tap elsewhere closes it.
  document.addEventListener(
    'pointerdown',
    (e) => {
      if (card.isInside(e)) return;
      const mention =
        e.pointerType === 'touch' ? mentionAtPoint(registry, e.clientX, e.clientY, shadowRoots()) : undefined;
      if (mention) card.show(mention, 'pointer', { x: e.clientX, y: e.clientY });
      else card.close(false);
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
      const [first] = registry.mentionsWithin(e.target);
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
      if (e.key === 'Escape' && card.current) {
        card.close(true);
        return;
      }
      const step = shortcutStep(e);
      if (step === 0 || (isEditable(e.target) && !card.isInside(e))) return;
      const next = stepFrom(registry.inOrder(), card.current, step);
      if (!next) return;
      e.preventDefault();
      next.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      card.show(next, 'keyboard');
    },
    { capture: true, signal },
  );
}
