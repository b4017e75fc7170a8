/**
 * When the card opens, where it sits and when it closes.
 *
 * - Pointer: opens after the user's dwell delay over a mention; a 300 ms grace period lets the pointer
 *   travel into the card, which stays open while the pointer is inside it.
 * - Keyboard: focusing a page element that holds a mention opens its card without stealing focus; the
 *   Alt+Shift+J/K shortcut (keyboard.ts) opens a card and moves focus into it.
 * - Closes on Escape (focus returns where it was), a click outside, and its close button.
 * Placement uses @floating-ui/dom with the mention's range as the reference; `inline()` picks the line box
 * under the pointer when a mention wraps across lines.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { h } from 'preact';
import type { CardData } from '../../shared/kb-types';
import type { Result } from '../../shared/result';
import type { SourceTarget } from '../../shared/ui/CardBody';
import type { HighlightRegistry, Mention } from '../highlight/registry';
import { type CardContent, type CardFrameLabels, CardView } from './CardView';
import { ShadowHost } from './shadow-host';

/** How long the pointer may be away from both mention and card before the card closes. */
const GRACE_MS = 300;

/** How a card was opened; decides focus handling and what closes it. */
export type OpenedBy = 'pointer' | 'focus' | 'keyboard';

/** What the controller needs from the rest of the content script. */
export interface CardDeps {
  registry: HighlightRegistry;
  /** UI strings, read when the first card opens (not at start-up on every page). */
  labels: () => CardFrameLabels;
  entityName: (entityId: string) => string;
  loadCard: (entityId: string) => Promise<Result<CardData>>;
  openSource: (target: SourceTarget) => void;
  openSettings: () => void;
  hoverDelayMs: () => number;
  signal: AbortSignal;
}

interface OpenCard {
  mention: Mention;
  entityId: string;
  by: OpenedBy;
  point?: { x: number; y: number };
  returnFocus: Element | null;
  stopPositioning: () => void;
}

/** Owns the one card a page can show at a time. */
export class CardController {
  private host: ShadowHost | undefined;
  private open: OpenCard | undefined;
  /** Pointer dwell before opening. */
  private dwell: ReturnType<typeof setTimeout> | undefined;
  /** Keyboard-focus dwell before opening; kept apart so pointer movement does not cancel it. */
  private focusDwell: ReturnType<typeof setTimeout> | undefined;
  /** Grace period before a pointer-opened card closes. */
  private grace: ReturnType<typeof setTimeout> | undefined;
  private readonly cache = new Map<string, CardData>();
  private labels: CardFrameLabels | undefined;

  constructor(private readonly deps: CardDeps) {
    deps.signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  /** Gloss's UI host on the page, once a card has been opened. */
  get hostElement(): Element | null {
    return this.host?.element ?? null;
  }

  /** The mention whose card is open, if any. */
  get current(): Mention | undefined {
    return this.open?.mention;
  }

  /** Whether an event happened inside the card. */
  isInside(event: Event): boolean {
    return this.host?.contains(event) === true;
  }

  /** Pointer moved: over `mention` (or none), possibly inside the card. */
  pointerAt(mention: Mention | undefined, x: number, y: number, isInsideCard: boolean): void {
    if (isInsideCard || (mention && this.open?.mention === mention)) {
      this.cancel('grace');
      this.cancel('dwell');
      return;
    }
    this.cancel('dwell');
    if (mention) {
      // The pointer resting on a mention says more about intent than a focus move a moment ago.
      this.cancel('focusDwell');
      this.dwell = setTimeout(() => this.show(mention, 'pointer', { x, y }), this.deps.hoverDelayMs());
      return;
    }
    if (this.open && this.open.by === 'pointer' && this.grace === undefined) {
      this.grace = setTimeout(() => this.close(false), GRACE_MS);
    }
  }

  /** Opens the card for `mention`, after the dwell delay when `by` is focus. */
  focusOn(mention: Mention): void {
    this.cancel('focusDwell');
    this.focusDwell = setTimeout(() => this.show(mention, 'focus'), this.deps.hoverDelayMs());
  }

  /** Focus left the page element that opened a card. */
  focusLeft(): void {
    this.cancel('focusDwell');
    if (this.open?.by === 'focus') this.close(false);
  }

  /** Opens (or moves) the card to `mention` now. */
  show(mention: Mention, by: OpenedBy, point?: { x: number; y: number }, entityId = mention.entityId): void {
    this.cancel('dwell');
    this.cancel('focusDwell');
    this.cancel('grace');
    const returnFocus = this.open?.returnFocus ?? document.activeElement;
    this.open?.stopPositioning();
    this.host ??= new ShadowHost(this.deps.signal);
    this.deps.registry.setFocus(mention);
    this.open = { mention, entityId, by, point, returnFocus, stopPositioning: () => undefined };
    const cached = this.cache.get(entityId);
    this.paint(cached ? { kind: 'ready', card: cached } : { kind: 'loading' });
    if (!cached) void this.fetch(entityId);
    const card = this.host.query<HTMLElement>('.gloss-card');
    if (card) this.open.stopPositioning = this.place(card, mention, point);
    if (by === 'keyboard') card?.focus();
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
    this.host?.render(null);
    if (restoreFocus && returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  private async fetch(entityId: string): Promise<void> {
    const result = await this.deps.loadCard(entityId);
    if (result.ok) this.cache.set(entityId, result.value);
    if (this.open?.entityId !== entityId) return;
    this.paint(result.ok ? { kind: 'ready', card: result.value } : { kind: 'error', message: result.error });
  }

  private frameLabels(): CardFrameLabels {
    if (!this.labels) this.labels = this.deps.labels();
    return this.labels;
  }

  private paint(content: CardContent): void {
    const open = this.open;
    if (!open || !this.host) return;
    const count = this.deps.registry.counts()[open.entityId] ?? 0;
    this.host.render(
      h(CardView, {
        name: this.deps.entityName(open.entityId),
        content,
        mentionCount: count,
        labels: this.frameLabels(),
        onClose: () => this.close(true),
        onOpenSettings: () => this.deps.openSettings(),
        onOpenSource: (target) => this.deps.openSource(target),
        onSelectEntity: (id) =>
          this.show(open.mention, open.by === 'pointer' ? 'pointer' : 'keyboard', open.point, id),
      }),
    );
  }

  /** Positions the card beside the mention and keeps it there while the page scrolls or resizes. */
  private place(card: HTMLElement, mention: Mention, point?: { x: number; y: number }): () => void {
    const range = mention.range;
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
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
