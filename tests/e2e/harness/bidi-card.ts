/**
 * Reads Gloss's card, which lives in a CLOSED shadow root, over WebDriver BiDi in Firefox.
 *
 * Puppeteer's accessibility snapshot needs CDP, and its ARIA selectors (`aria/…`, `::-p-aria`) do not enter a
 * closed shadow root. What works: BiDi serialisation with `includeShadowTree: "all"` hands out a reference to
 * the closed root, and `browsingContext.locateNodes` with an accessibility locator (role + accessible name,
 * searched by Firefox's accessibility engine) started from that root finds the dialog, its buttons, links and
 * blockquotes. Text and boxes are then read from the located nodes.
 */
import type { CardSnapshot, Rect } from './driver';

/** The part of puppeteer's BiDi connection the harness uses. */
export interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface NodeRef {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: { sharedId: string } | null };
}

/** What a BiDi `script.evaluate` / `script.callFunction` answers. */
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string } & Partial<NodeRef>;
  exceptionDetails?: { text: string };
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Reads the closed-shadow-root card of one page over the page's BiDi browsing context. */
export class BidiCard {
  constructor(
    private readonly connection: BidiConnection,
    private readonly context: () => string,
  ) {}

  private async call<T>(fn: string, args: string[]): Promise<T> {
    const { result } = (await this.connection.send('script.callFunction', {
      functionDeclaration: fn,
      target: { context: this.context() },
      awaitPromise: true,
      resultOwnership: 'none',
      arguments: args.map((sharedId) => ({ sharedId })),
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(`in page: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result?.value)) as T;
  }

  /** The shared id of Gloss's closed shadow root, or null when the page has no `<gloss-ui>` host. */
  async shadowRoot(): Promise<string | null> {
    const { result } = (await this.connection.send('script.evaluate', {
      expression: 'document.querySelector("gloss-ui")',
      target: { context: this.context() },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    })) as { result: EvaluateResult };
    return result.result?.type === 'node' ? (result.result.value?.shadowRoot?.sharedId ?? null) : null;
  }

  /** Nodes under `start` with this role (and accessible name), found by Firefox's accessibility engine. */
  async locate(start: string, role: string, name?: string): Promise<string[]> {
    const value: Record<string, string> = { role };
    if (name !== undefined) value.name = name;
    const { result } = (await this.connection.send('browsingContext.locateNodes', {
      context: this.context(),
      locator: { type: 'accessibility', value },
      startNodes: [{ sharedId: start }],
    })) as { result: { nodes: NodeRef[] } };
    return result.nodes.map((n) => n.sharedId);
  }

  private async dialog(): Promise<{ root: string; dialog: string } | null> {
    const root = await this.shadowRoot();
    if (!root) return null;
    const [dialog] = await this.locate(root, 'dialog');
    return dialog ? { root, dialog } : null;
  }

  async snapshot(): Promise<CardSnapshot | null> {
    const found = await this.dialog();
    if (!found) return null;
    const { root, dialog } = found;
    const base = await this.call<{ label: string; text: string; rect: Rect; hasFocus: boolean }>(
      `(dialog, root) => {
        const b = dialog.getBoundingClientRect();
        const active = root.activeElement;
        return JSON.stringify({
          label: dialog.getAttribute('aria-label') || '',
          text: dialog.innerText,
          rect: { x: b.left, y: b.top, width: b.width, height: b.height },
          hasFocus: !!active && (active === dialog || dialog.contains(active)),
        });
      }`,
      [dialog, root],
    );
    // The name read from the DOM must also be the accessible name Firefox computes.
    const named = await this.locate(root, 'dialog', base.label);
    const textsOf = async (role: string, how: string): Promise<string[]> => {
      const ids = await this.locate(dialog, role);
      return ids.length === 0
        ? []
        : this.call<string[]>(`(...els) => JSON.stringify(els.map((el) => ${how}))`, ids);
    };
    return {
      name: named.includes(dialog) ? base.label : '',
      text: collapse(base.text),
      quotes: (await textsOf('blockquote', 'el.innerText')).map(collapse),
      buttons: (await textsOf('button', "el.getAttribute('aria-label') || el.textContent")).map(collapse),
      links: (await textsOf('link', "el.getAttribute('aria-label') || el.textContent")).map(collapse),
      hasFocus: base.hasFocus,
      rect: base.rect,
    };
  }

  /** The box of the first element in the card with this role and accessible name. */
  async boxOf(role: string, name: string): Promise<Rect> {
    const found = await this.dialog();
    if (!found) throw new Error(`no card open to click "${name}" in`);
    const [element] = await this.locate(found.dialog, role, name);
    if (!element) throw new Error(`the card has no ${role} named "${name}"`);
    return this.box(element);
  }

  /** The box of the first element anywhere in Gloss's UI with this role and accessible name, or null. */
  async boxInUi(role: string, name: string): Promise<Rect | null> {
    const root = await this.shadowRoot();
    if (!root) return null;
    const [element] = await this.locate(root, role, name);
    return element ? this.box(element) : null;
  }

  /**
   * An element's box, scrolled into view first: the card scrolls when its content is taller than its
   * maximum height, and a user scrolls it to reach a link. A link that wraps has one box per line: aim at
   * the first line, not at the middle of the union.
   */
  private box(element: string): Promise<Rect> {
    return this.call<Rect>(
      "(el) => { el.scrollIntoView({ block: 'nearest', inline: 'nearest' }); const b = el.getClientRects()[0] || el.getBoundingClientRect(); return JSON.stringify({ x: b.left, y: b.top, width: b.width, height: b.height }); }",
      [element],
    );
  }
}
