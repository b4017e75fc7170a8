/**
 * Chromium driver: Playwright's persistent context with the unpacked extension (the recipe of
 * /work/shared/docs/browser-testing.md). The service worker gives the extension id, tab ids and badge text;
 * the card, inside Gloss's closed shadow root, is read from CDP's `Accessibility.getFullAXTree`, which
 * includes closed shadow trees (and is what assistive technology reads).
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumArgs } from '../../../scripts/chromium-args';
import {
  type CardSnapshot,
  type ConsoleEntry,
  type DownloadedFile,
  type ExtensionPage,
  firstStackUrl,
  type GlossBrowser,
  type Point,
  type Rect,
  type TestPage,
  VIEWPORT,
} from './driver';
import { waitFor } from './page-scripts';
import { assertBuilt, DIST } from './paths';

interface AXValue {
  value?: unknown;
}

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  properties?: Array<{ name: string; value: AXValue }>;
  childIds?: string[];
  backendDOMNodeId?: number;
}

const str = (v: AXValue | undefined): string => (typeof v?.value === 'string' ? v.value : '');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Roles that start a new line of text. Text inside inline roles (strong, link, generic spans) joins its
 * neighbours directly, as it reads on screen: "Title, Author, The Diplomat".
 */
const BLOCK_ROLES = new Set([
  'dialog',
  'paragraph',
  'heading',
  'blockquote',
  'list',
  'listitem',
  'button',
  'group',
  'section',
  'region',
  'article',
  'LineBreak',
]);

/** Reads a dialog's subtree of an AX tree into a snapshot (rect filled in by the caller). */
function readDialog(dialog: AXNode, byId: Map<string, AXNode>): Omit<CardSnapshot, 'rect'> {
  const quotes: string[] = [];
  const buttons: string[] = [];
  const links: string[] = [];
  let hasFocus = false;
  /** The text under `n` as a reader sees it; also collects quotes, buttons, links and focus on the way. */
  const textOf = (n: AXNode | undefined): string => {
    if (!n) return '';
    if (n.properties?.some((p) => p.name === 'focused' && p.value.value === true)) hasFocus = true;
    const role = str(n.role);
    if (role === 'StaticText') return n.ignored ? '' : str(n.name); // its children are inline text boxes
    const inner = (n.childIds ?? []).map((id) => textOf(byId.get(id))).join('');
    if (!n.ignored) {
      if (role === 'blockquote') quotes.push(collapse(inner));
      if (role === 'button') buttons.push(str(n.name));
      if (role === 'link') links.push(str(n.name));
    }
    return BLOCK_ROLES.has(role) ? ` ${inner} ` : inner;
  };
  const text = collapse(textOf(dialog));
  return { name: str(dialog.name), text, quotes, buttons, links, hasFocus };
}

/** Whether a DOM node lies in the shadow tree of Gloss's `<gloss-ui>` host (run on the node). */
const IN_GLOSS_UI = `function () {
  const root = this.getRootNode();
  return !!root && root.nodeType === 11 && !!root.host && root.host.localName === 'gloss-ui';
}`;

class ChromiumTestPage implements TestPage {
  private cdpSession: CDPSession | undefined;

  constructor(
    readonly page: Page,
    readonly url: string,
    readonly id: number,
    private readonly entries: ConsoleEntry[] = [],
  ) {}

  /** Starts recording `page`'s console messages and uncaught errors (all frames and worlds) into `into`. */
  static recordConsole(page: Page, into: ConsoleEntry[]): void {
    page.on('console', (m) => {
      into.push({ kind: 'console', level: m.type(), text: m.text(), url: m.location().url ?? '', stack: '' });
    });
    page.on('pageerror', (e) => {
      const stack = e.stack ?? '';
      const url = firstStackUrl(stack);
      into.push({ kind: 'pageerror', level: 'error', text: e.message, url, stack });
    });
  }

  consoleEntries(): ConsoleEntry[] {
    return [...this.entries];
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  async mouseMove(point: Point, steps = 1): Promise<void> {
    await this.page.mouse.move(point.x, point.y, { steps });
  }

  async click(point: Point): Promise<void> {
    await this.page.mouse.click(point.x, point.y);
  }

  async press(chord: string): Promise<void> {
    await this.page.keyboard.press(chord);
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  private async cdp(): Promise<CDPSession> {
    this.cdpSession ??= await this.page.context().newCDPSession(this.page);
    return this.cdpSession;
  }

  private async axTree(frameId?: string): Promise<AXNode[]> {
    const { nodes } = (await (
      await this.cdp()
    ).send('Accessibility.getFullAXTree', frameId === undefined ? undefined : { frameId })) as unknown as {
      nodes: AXNode[];
    };
    return nodes;
  }

  /** The CDP frame id of the frame shown by the `<iframe>` matching `selector`, or undefined. */
  private async childFrameId(selector: string): Promise<string | undefined> {
    const cdp = await this.cdp();
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(selector)})`,
    })) as { result: { objectId?: string } };
    if (!result.objectId) return undefined;
    try {
      const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId })) as {
        node: { frameId?: string };
      };
      return node.frameId;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => undefined);
    }
  }

  private async boxOf(backendNodeId: number | undefined): Promise<Rect> {
    if (backendNodeId === undefined) throw new Error('accessibility node without a DOM node');
    const { quads } = (await (await this.cdp()).send('DOM.getContentQuads', { backendNodeId })) as {
      quads: number[][];
    };
    const q = quads[0];
    if (!q) throw new Error('element has no box');
    const xs = [q[0]!, q[2]!, q[4]!, q[6]!];
    const ys = [q[1]!, q[3]!, q[5]!, q[7]!];
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }

  /** Whether the DOM node behind an AX node is inside Gloss's closed shadow root. */
  private async isInGloss(backendNodeId: number | undefined): Promise<boolean> {
    if (backendNodeId === undefined) return false;
    const cdp = await this.cdp();
    // A node removed since the tree was read (a card closing) cannot be resolved: it is in no UI any more.
    const resolved = (await cdp.send('DOM.resolveNode', { backendNodeId }).catch(() => null)) as {
      object: { objectId?: string };
    } | null;
    const object = resolved?.object;
    if (!object?.objectId) return false;
    try {
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: IN_GLOSS_UI,
        returnByValue: true,
      })) as { result: { value?: unknown } };
      return result.value === true;
    } finally {
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
    }
  }

  /** The first unignored node with this role (and name) that lies inside Gloss's UI. */
  private async findInGloss(nodes: AXNode[], role: string, name?: string): Promise<AXNode | undefined> {
    for (const n of nodes) {
      if (n.ignored || str(n.role) !== role || (name !== undefined && str(n.name) !== name)) continue;
      if (await this.isInGloss(n.backendDOMNodeId)) return n;
    }
    return undefined;
  }

  /** The Gloss dialog in an AX tree, read. */
  private async glossDialog(
    nodes: AXNode[],
  ): Promise<{ snapshot: Omit<CardSnapshot, 'rect'>; dialog: AXNode; byId: Map<string, AXNode> } | null> {
    const dialog = await this.findInGloss(nodes, 'dialog');
    if (!dialog) return null;
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    return { snapshot: readDialog(dialog, byId), dialog, byId };
  }

  /** The Gloss dialog of the tree `tree` reads, measured; the tree is read again if the card closed meanwhile. */
  private async readCard(tree: () => Promise<AXNode[]>): Promise<CardSnapshot | null> {
    for (let attempt = 0; ; attempt++) {
      const read = await this.glossDialog(await tree());
      if (!read) return null;
      try {
        return { ...read.snapshot, rect: await this.boxOf(read.dialog.backendDOMNodeId) };
      } catch (e) {
        // The card closing between the two reads leaves a node without a box; a second failure is real.
        if (attempt > 0) throw e;
      }
    }
  }

  card(): Promise<CardSnapshot | null> {
    return this.readCard(() => this.axTree());
  }

  async frameCard(iframeSelector: string): Promise<CardSnapshot | null> {
    const frameId = await this.childFrameId(iframeSelector);
    if (frameId === undefined) throw new Error(`no frame shown by ${iframeSelector}`);
    return this.readCard(() => this.axTree(frameId));
  }

  /** Scrolls an element into view (a card scrolls when its content is taller than its maximum height) and clicks its centre. */
  private async clickNode(node: AXNode): Promise<void> {
    await (await this.cdp()).send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
    const box = await this.boxOf(node.backendDOMNodeId);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async clickInCard(role: string, name: string): Promise<void> {
    const read = await this.glossDialog(await this.axTree());
    if (!read) throw new Error(`no card open to click "${name}" in`);
    let target: AXNode | undefined;
    const visit = (n: AXNode | undefined): void => {
      if (!n || target) return;
      if (!n.ignored && str(n.role) === role && str(n.name) === name) target = n;
      for (const id of n.childIds ?? []) visit(read.byId.get(id));
    };
    visit(read.dialog);
    if (!target)
      throw new Error(`the card has no ${role} named "${name}" (${JSON.stringify(read.snapshot)})`);
    await this.clickNode(target);
  }

  async boxInGloss(role: string, name: string): Promise<Rect | null> {
    const node = await this.findInGloss(await this.axTree(), role, name);
    return node ? this.boxOf(node.backendDOMNodeId) : null;
  }

  async clickInGloss(role: string, name: string): Promise<void> {
    const node = await this.findInGloss(await this.axTree(), role, name);
    if (!node) throw new Error(`Gloss's UI has no ${role} named "${name}"`);
    await this.clickNode(node);
  }

  async screenshot(clip: Rect): Promise<Buffer> {
    return this.page.screenshot({ clip, type: 'png', animations: 'disabled', caret: 'hide' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async tabId(): Promise<number> {
    return this.id;
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async close(): Promise<void> {
    await this.cdpSession?.detach().catch(() => undefined);
    await this.page.close();
  }
}

class ChromiumExtensionPage implements ExtensionPage {
  constructor(readonly page: Page) {}

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  private byRole(role: string, name: string) {
    return this.page.getByRole(role as Parameters<Page['getByRole']>[0], { name, exact: true });
  }

  async clickByRole(role: string, name: string): Promise<void> {
    await this.byRole(role, name).click();
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async chooseFile(role: string, name: string, path: string): Promise<void> {
    const [chooser] = await Promise.all([
      this.page.waitForEvent('filechooser', { timeout: 10_000 }),
      this.byRole(role, name).click(),
    ]);
    await chooser.setFiles(path);
  }

  async download(role: string, name: string): Promise<DownloadedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 10_000 }),
      this.byRole(role, name).click(),
    ]);
    const path = await download.path();
    return { filename: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Chromium with Gloss loaded. */
export class ChromiumGloss implements GlossBrowser {
  readonly name = 'chromium' as const;
  readonly extensionOrigin: string;
  private constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly home: string,
  ) {
    this.extensionOrigin = `chrome-extension://${extensionId}`;
  }

  /** Launches Chromium with dist/chrome loaded, in a fresh profile and a throwaway HOME. */
  static async launch(): Promise<ChromiumGloss> {
    assertBuilt(DIST.chrome);
    const home = mkdtempSync(join(tmpdir(), 'gloss-e2e-chromium-'));
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(join(home, 'profile'), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        viewport: { ...VIEWPORT },
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
        args: [
          ...chromiumArgs(DIST.chrome),
          // Real pages reference third-party hosts: resolve none of them, so tests never leave 127.0.0.1.
          '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        ],
      });
      const sw =
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      return new ChromiumGloss(context, new URL(sw.url()).host, home);
    } catch (e) {
      await context?.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
      throw e;
    }
  }

  /** The extension's service worker (it may have been stopped and restarted since the last call). */
  private async worker(): Promise<Worker> {
    const prefix = `chrome-extension://${this.extensionId}/`;
    const live = this.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
    if (live) return live;
    // A stopped worker starts again on any extension event; opening an extension page is the simplest one.
    const poke = await this.context.newPage();
    await poke.goto(`${prefix}popup.html`).catch(() => undefined);
    const sw = await waitFor(
      async () => this.context.serviceWorkers().find((w) => w.url().startsWith(prefix)),
      (w) => w !== undefined,
      { what: 'the extension service worker' },
    );
    await poke.close();
    return sw!;
  }

  private async tabIds(): Promise<number[]> {
    const sw = await this.worker();
    return sw.evaluate('chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.id))') as Promise<number[]>;
  }

  async open(url: string): Promise<TestPage> {
    // Without the "tabs" permission the extension sees no tab URLs: the new tab is the id that was not there before.
    const before = new Set(await this.tabIds());
    const page = await this.context.newPage();
    const ids = await waitFor(
      () => this.tabIds(),
      (all) => all.some((id) => !before.has(id)),
      { what: 'the new tab to appear in chrome.tabs' },
    );
    const fresh = ids.filter((id) => !before.has(id));
    if (fresh.length !== 1) throw new Error(`expected one new tab, found ${fresh.join(', ')}`);
    const entries: ConsoleEntry[] = [];
    ChromiumTestPage.recordConsole(page, entries);
    await page.goto(url, { waitUntil: 'load' });
    return new ChromiumTestPage(page, url, fresh[0]!, entries);
  }

  async openPopup(page: TestPage): Promise<ExtensionPage> {
    const p = await this.context.newPage();
    await p.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${await page.tabId()}`);
    return new ChromiumExtensionPage(p);
  }

  async openExtensionPage(path: string): Promise<ExtensionPage> {
    const p = await this.context.newPage();
    await p.goto(`${this.extensionOrigin}/${path.replace(/^\//, '')}`);
    return new ChromiumExtensionPage(p);
  }

  async badgeText(page: TestPage): Promise<string> {
    const sw = await this.worker();
    return sw.evaluate(`chrome.action.getBadgeText({ tabId: ${await page.tabId()} })`) as Promise<string>;
  }

  async extensionPageUrls(): Promise<string[]> {
    return this.context
      .pages()
      .map((p) => p.url())
      .filter((u) => u.startsWith(`chrome-extension://${this.extensionId}/`));
  }

  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      rmSync(this.home, { recursive: true, force: true });
    }
  }
}
