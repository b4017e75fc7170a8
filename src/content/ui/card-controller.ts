/**
 * When the card opens, where it sits and when it closes. The card shows an entity, a note, or the editor
 * for a new note (see notes/card-target.ts); what it shows is rendered by `deps.render`.
 *
 * - Pointer: opens after the user's dwell delay over a mention or note; a 300 ms grace period lets the
 *   pointer travel into the card, which stays open while the pointer is inside it.
 * - Keyboard: focusing a page element that holds a mention opens its card without stealing focus; the
 *   Alt+Shift+J/K shortcut (interactions.ts) opens a card and moves focus into it.
 * - Closes on Escape (focus returns where it was), a click outside, and its close button. A card holding
 *   an editor is "sticky": neither the pointer, other mentions nor outside clicks close it, so typed text
 *   is never lost by accident.
 * Placement uses @floating-ui/dom with the target's range as the reference; `inline()` picks the line box
 * under the pointer when a range wraps across lines.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import type { ComponentChild } from 'preact';
import type { HighlightRegistry } from '../highlight/registry';
import { type CardTarget, isMention, isNoteMark } from '../notes/card-target';
import { rangeReference } from './range-reference';
import type { LazyShadowHost } from './shadow-host';

/** How long the pointer may be away from both target and card before the card closes. */
const GRACE_MS = 300;

/** How a card was opened; decides focus handling and what closes it. */
export type OpenedBy = 'pointer' | 'focus' | 'keyboard';

/** What a card's content may ask of the controller. */
export interface CardContext {
  /** The entity shown (an entity card can switch to a related entity). */
  entityId?: string;
  close: (restoreFocus: boolean) => void;
  /** Shows another entity at the same place. */
  showEntity: (entityId: string) => void;
  /** An editor opened (true) or closed (false) inside the card. */
  setSticky: (sticky: boolean) => void;
  /** Renders the card again (what it shows changed). */
  repaint: () => void;
}

/** What the controller needs from the rest of the content script. */
export interface CardDeps {
  host: LazyShadowHost;
  registry: HighlightRegistry;
  render: (target: CardTarget, ctx: CardContext) => ComponentChild;
  hoverDelayMs: () => number;
  signal: AbortSignal;
}

interface OpenCard {
  target: CardTarget;
  entityId?: string;
  by: OpenedBy;
  point?: { x: number; y: number };
  returnFocus: Element | null;
  sticky: boolean;
  stopPositioning: () => void;
}

/** Owns the one card a page can show at a time. */
export class CardController {
  private open: OpenCard | undefined;
  /** Pointer dwell before opening. */
  private dwell: ReturnType<typeof setTimeout> | undefined;
  /** Keyboard-focus dwell before opening; kept apart so pointer movement does not cancel it. */
  private focusDwell: ReturnType<typeof setTimeout> | undefined;
  /** Grace period before a pointer-opened card closes. */
  private grace: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CardDeps) {
    deps.signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  /** Gloss's UI host on the page, once anything has been shown. */
  get hostElement(): Element | null {
    return this.deps.host.element;
  }

  /** What the open card is about, if a card is open. */
  get current(): CardTarget | undefined {
    return this.open?.target;
  }

  /** Whether the open card holds an editor the reader may be typing in. */
  get isSticky(): boolean {
    return this.open?.sticky === true;
  }

  /** Whether an event happened inside Gloss's UI. */
  isInside(event: Event): boolean {
    return this.deps.host.contains(event);
  }

  /** Pointer moved: over `target` (or nothing), possibly inside the card. */
  pointerAt(target: CardTarget | undefined, x: number, y: number, isInsideCard: boolean): void {
    if (isInsideCard || (target && this.open?.target === target) || this.isSticky) {
      this.cancel('grace');
      this.cancel('dwell');
      return;
    }
    this.cancel('dwell');
    if (target) {
      // The pointer resting on a mention says more about intent than a focus move a moment ago.
      this.cancel('focusDwell');
      this.dwell = setTimeout(() => this.show(target, 'pointer', { x, y }), this.deps.hoverDelayMs());
      return;
    }
    if (this.open && this.open.by === 'pointer' && this.grace === undefined) {
      this.grace = setTimeout(() => this.close(false), GRACE_MS);
    }
  }

  /** Opens the card for `target`, after the dwell delay, because focus moved onto it. */
  focusOn(target: CardTarget): void {
    this.cancel('focusDwell');
    if (this.isSticky) return;
    this.focusDwell = setTimeout(() => this.show(target, 'focus'), this.deps.hoverDelayMs());
  }

  /** Focus left the page element that opened a card. */
  focusLeft(): void {
    this.cancel('focusDwell');
    if (this.open?.by === 'focus' && !this.isSticky) this.close(false);
  }

  /** A click outside the card. */
  clickedOutside(): void {
    if (!this.isSticky) this.close(false);
  }

  /** Opens (or moves) the card to `target` now. */
  show(target: CardTarget, by: OpenedBy, point?: { x: number; y: number }, entityId?: string): void {
    this.cancel('dwell');
    this.cancel('focusDwell');
    this.cancel('grace');
    const returnFocus = this.open?.returnFocus ?? document.activeElement;
    this.open?.stopPositioning();
    const host = this.deps.host.get();
    // A note keeps its own colour while its card is open; mentions and a draft's passage get the focus mark.
    this.deps.registry.setFocus(isNoteMark(target) ? undefined : target);
    const open: OpenCard = {
      target,
      entityId: entityId ?? (isMention(target) ? target.entityId : undefined),
      by,
      point,
      returnFocus,
      sticky: false,
      stopPositioning: () => undefined,
    };
    this.open = open;
    this.paint();
    const card = host.query<HTMLElement>('.gloss-card');
    if (card) open.stopPositioning = this.place(card, target.range, point);
    // An editor takes focus in its text field; a keyboard-opened card takes it on the card itself.
    const field = host.query<HTMLElement>('[data-autofocus]');
    if (field) field.focus();
    else if (by === 'keyboard') card?.focus();
  }

  /** Closes the card; `restoreFocus` returns focus to where it was before a keyboard open. */
  close(restoreFocus: boolean): void {
    this.cancel('dwell');
    this.cancel('focusDwell');
    this.cancel('grace');
    if (!this.open) return;
    const { returnFocus, stopPositioning } = this.open;
    stopPositioning();
    this.open = undefined;
    this.deps.registry.setFocus(undefined);
    this.deps.host.get().render(null);
    if (restoreFocus && returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  private paint(): void {
    const open = this.open;
    if (!open) return;
    const ctx: CardContext = {
      entityId: open.entityId,
      close: (restoreFocus) => this.open === open && this.close(restoreFocus),
      showEntity: (id) =>
        this.show(open.target, open.by === 'pointer' ? 'pointer' : 'keyboard', open.point, id),
      setSticky: (sticky) => {
        open.sticky = sticky;
      },
      repaint: () => this.open === open && this.paint(),
    };
    this.deps.host.get().render(this.deps.render(open.target, ctx));
  }

  /** Positions the card beside the range and keeps it there while the page scrolls or resizes. */
  private place(card: HTMLElement, range: Range, point?: { x: number; y: number }): () => void {
    const reference = rangeReference(range);
    const update = (): void => {
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        // flip picks the side with more room; size then caps the height to that room (the card scrolls
        // inside), so the card never runs off the top or bottom of the viewport.
        middleware: [
          inline(point),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight, elements }) => {
              elements.floating.style.maxHeight = `${Math.max(120, Math.min(480, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
      });
    };
    return autoUpdate(reference, card, update, { animationFrame: false });
  }

  private cancel(which: 'dwell' | 'focusDwell' | 'grace'): void {
    clearTimeout(this[which]);
    this[which] = undefined;
  }
}
