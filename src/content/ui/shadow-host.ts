/**
 * Gloss's only node on a page: a `<gloss-ui>` element holding a closed shadow root into which Preact
 * renders the card. Created on first use, removed by `destroy()` (and when the content script's signal
 * aborts), so a page where no card is ever opened carries no node of ours at all.
 */
import { type ComponentChild, render } from 'preact';
import { CARD_CSS } from './card-styles';

/** The shadow-root container of Gloss's in-page UI. */
export class ShadowHost {
  readonly element: HTMLElement;
  private readonly mount: HTMLElement;

  constructor(signal: AbortSignal) {
    this.element = document.createElement('gloss-ui');
    const root = this.element.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CARD_CSS);
    root.adoptedStyleSheets = [sheet];
    this.mount = document.createElement('div');
    root.append(this.mount);
    document.documentElement.append(this.element);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Renders `vnode` (or nothing) into the shadow root. */
  render(vnode: ComponentChild): void {
    render(vnode, this.mount);
  }

  /** The element inside the shadow root that carries `selector`, for focus management. */
  query<T extends Element>(selector: string): T | null {
    return this.mount.querySelector<T>(selector);
  }

  /** Whether an event's path runs through Gloss's UI. */
  contains(event: Event): boolean {
    return event.composedPath().includes(this.element);
  }

  /** Unmounts Preact and removes the host from the page. */
  destroy(): void {
    render(null, this.mount);
    this.element.remove();
  }
}
