/**
 * Gloss's only node on a page: a `<gloss-ui>` element holding a closed shadow root into which Preact
 * renders the card, the selection buttons, the toast and the entity form. Created on first use
 * (`LazyShadowHost.get()`), removed when the content script's signal aborts, so a page where nothing is
 * ever shown carries no node of ours at all.
 */
import { type ComponentChild, render } from 'preact';
import { CARD_CSS } from './card-styles';

/** The independent parts of the in-page UI, each with its own mount point. */
export type UiSlot = 'card' | 'adder' | 'toast' | 'form';

const SLOTS: readonly UiSlot[] = ['card', 'adder', 'toast', 'form'];

/** The shadow-root container of Gloss's in-page UI. */
export class ShadowHost {
  readonly element: HTMLElement;
  private readonly mounts: Record<UiSlot, HTMLElement>;

  constructor(signal: AbortSignal) {
    this.element = document.createElement('gloss-ui');
    const root = this.element.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets = [sheet];
    const mounts = {} as Record<UiSlot, HTMLElement>;
    for (const slot of SLOTS) mounts[slot] = document.createElement('div');
    this.mounts = mounts;
    root.append(...SLOTS.map((slot) => mounts[slot]));
    document.documentElement.append(this.element);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Renders `vnode` (or nothing) into one part of the shadow root. */
  render(vnode: ComponentChild, slot: UiSlot = 'card'): void {
    render(vnode, this.mounts[slot]);
  }

  /** The element inside the shadow root that carries `selector`, for focus management. */
  query<T extends Element>(selector: string, slot: UiSlot = 'card'): T | null {
    return this.mounts[slot].querySelector<T>(selector);
  }

  /** Whether an event's path runs through Gloss's UI. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.element);
  }

  /** Unmounts Preact and removes the host from the page. */
  destroy(): void {
    for (const slot of SLOTS) render(null, this.mounts[slot]);
    this.element.remove();
  }
}

/**
 * The page's one `ShadowHost`, created the first time any part of the UI needs it (so a page where nothing
 * is ever shown carries no node of Gloss's) and shared by the card and the note button.
 */
export class LazyShadowHost {
  private host: ShadowHost | undefined;

  constructor(private readonly signal: AbortSignal) {}

  /** The host, created on first call. */
  get(): ShadowHost {
    this.host ??= new ShadowHost(this.signal);
    return this.host;
  }

  /** The host element, or null while nothing has been shown. */
  get element(): Element | null {
    return this.host?.element ?? null;
  }

  /** Whether an event happened inside Gloss's UI. */
  contains(event: Event): boolean {
    return this.host?.contains(event) === true;
  }
}
