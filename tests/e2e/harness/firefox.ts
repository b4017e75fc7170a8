/**
 * Firefox driver: puppeteer-core over WebDriver BiDi with dist/firefox installed as a temporary add-on, its
 * moz-extension UUID pinned through `extensions.webextensions.uuids`.
 *
 * Two limits of the driver shape this file (see /work/shared/docs/browser-testing.md):
 * - It cannot navigate to moz-extension:// URLs nor reach the background. So the harness reaches an extension
 *   page through the product's own UI: it opens a card on a fixture page and clicks the card's "Gloss settings"
 *   button, which opens options.html in a tab. That page has the full `browser.*` API and serves as the
 *   control page (tab ids, badge text, opening `popup.html?tabId=N` with `tabs.create`). Puppeteer reports
 *   such tabs as about:blank, so they are found by evaluating `location.href` in each.
 * - Puppeteer cannot read into a closed shadow root with its own tools: `bidi-card.ts` reads the card.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/manifest';
import { BidiCard, type BidiConnection } from './bidi-card';
import {
  type CardSnapshot,
  type ConsoleEntry,
  type DownloadedFile,
  type ExtensionPage,
  firstStackUrl,
  type GlossBrowser,
  type Point,
  type Rect,
  splitChord,
  type TestPage,
  VIEWPORT,
} from './driver';
import { readHighlights, sleep, waitFor } from './page-scripts';
import { assertBuilt, DIST } from './paths';

/** The moz-extension UUID the tests pin, so extension URLs are known in advance. */
export const FIREFOX_EXTENSION_UUID = '0b7a3f52-6a1e-4c55-9d7e-3f2e6c1a9b10';
const EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

/**
 * Navigates and waits for the load event. Firefox ESR 153's BiDi `browsingContext.navigate` sometimes fails with
 * "Address rejected" when a third-party iframe of the page fails to load (the proxy refuses it) although the
 * page itself loads: then the page's own URL and readyState decide.
 */
async function gotoAndLoad(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (e) {
    const loaded = await waitFor(
      () => page.evaluate('location.href + " " + document.readyState').catch(() => ''),
      (state) => state === `${url} complete`,
      { timeoutMs: 20_000, what: `${url} to load` },
    ).catch(() => undefined);
    if (loaded === undefined) throw e;
  }
}

class FirefoxTestPage implements TestPage {
  private readonly cardReader: BidiCard;

  constructor(
    readonly page: Page,
    readonly url: string,
    private readonly connection: BidiConnection,
    private readonly owner: FirefoxGloss,
    private readonly entries: ConsoleEntry[] = [],
    private knownTabId?: number,
  ) {
    // Frame._id is the BiDi browsing context id (not public API, but stable across puppeteer 24).
    this.cardReader = new BidiCard(connection, () => this.contextId());
  }

  private contextId(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }

  /**
   * Starts recording `page`'s console messages and uncaught errors into `into`. Over BiDi these come from
   * every realm of the page's frames, content-script sandboxes included.
   */
  static recordConsole(page: Page, into: ConsoleEntry[]): void {
    page.on('console', (m) => {
      const level = m.type() === 'warn' ? 'warning' : m.type();
      const stack = m
        .stackTrace()
        .map((f) => `${f.url ?? ''}:${f.lineNumber ?? 0}:${f.columnNumber ?? 0}`)
        .join('\n');
      into.push({ kind: 'console', level, text: m.text(), url: m.location().url ?? '', stack });
    });
    page.on('pageerror', (e) => {
      const err = e as Error;
      const stack = err.stack ?? '';
      into.push({ kind: 'pageerror', level: 'error', text: err.message, url: firstStackUrl(stack), stack });
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
    const { modifiers, key } = splitChord(chord);
    type Key = Parameters<Page['keyboard']['press']>[0];
    for (const m of modifiers) await this.page.keyboard.down(m as Key);
    await this.page.keyboard.press(key as Key);
    for (const m of [...modifiers].reverse()) await this.page.keyboard.up(m as Key);
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async card(): Promise<CardSnapshot | null> {
    // The card closing in the middle of the several reads a snapshot takes leaves node references that no
    // longer resolve: read it again, and let a second failure through.
    try {
      return await this.cardReader.snapshot();
    } catch {
      return this.cardReader.snapshot();
    }
  }

  async frameCard(iframeSelector: string): Promise<CardSnapshot | null> {
    // A child frame's window, serialised over BiDi, names the frame's own browsing context.
    const { result } = (await this.connection.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(iframeSelector)})?.contentWindow ?? null`,
      target: { context: this.contextId() },
      awaitPromise: false,
      resultOwnership: 'none',
    })) as { result: { result?: { type: string; value?: { context?: string } } } };
    const context = result.result?.type === 'window' ? result.result.value?.context : undefined;
    if (!context) throw new Error(`no frame shown by ${iframeSelector}`);
    const card = await new BidiCard(this.connection, () => context).snapshot();
    if (!card) return null;
    // The frame measures in its own viewport; the driver's boxes are in the top viewport's coordinates.
    const offset = await this.evaluate<{ x: number; y: number }>(
      `(() => { const f = document.querySelector(${JSON.stringify(iframeSelector)}); const b = f.getBoundingClientRect(); const s = getComputedStyle(f); return { x: b.left + f.clientLeft + parseFloat(s.paddingLeft), y: b.top + f.clientTop + parseFloat(s.paddingTop) }; })()`,
    );
    return { ...card, rect: { ...card.rect, x: card.rect.x + offset.x, y: card.rect.y + offset.y } };
  }

  async clickInCard(role: string, name: string): Promise<void> {
    const box = await this.cardReader.boxOf(role, name);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  boxInGloss(role: string, name: string): Promise<Rect | null> {
    return this.cardReader.boxInUi(role, name);
  }

  async clickInGloss(role: string, name: string): Promise<void> {
    const box = await this.boxInGloss(role, name);
    if (!box) throw new Error(`Gloss's UI has no ${role} named "${name}"`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  async screenshot(clip: Rect): Promise<Buffer> {
    // Puppeteer takes the clip in document coordinates (it subtracts the scroll position); the driver's
    // boxes are in the viewport's.
    const scroll = await this.evaluate<{ x: number; y: number }>('({ x: scrollX, y: scrollY })');
    const png = await this.page.screenshot({
      clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y },
      type: 'png',
      captureBeyondViewport: false,
    });
    return Buffer.from(png);
  }

  async reload(): Promise<void> {
    await gotoAndLoad(this.page, this.url);
  }

  async tabId(): Promise<number> {
    this.knownTabId ??= await this.owner.tabIdByUrl(await this.evaluate<string>('location.href'));
    return this.knownTabId;
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

class FirefoxExtensionPage implements ExtensionPage {
  constructor(
    readonly page: Page,
    private readonly downloads: string,
  ) {}

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  private byRole(role: string, name: string) {
    const q = (s: string): string => JSON.stringify(s);
    return this.page.locator(`::-p-aria([role=${q(role)}][name=${q(name)}])`).setTimeout(10_000);
  }

  async clickByRole(role: string, name: string): Promise<void> {
    // Puppeteer's locator click never settles on an element below the fold of a moz-extension:// page (its
    // own scrolling into view does not happen there over BiDi, seen with Firefox ESR 153), so the element is
    // scrolled into view first, as a reader scrolls to it, and then clicked with the mouse.
    const element = await this.byRole(role, name).waitHandle();
    try {
      await element.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await element.click();
    } finally {
      await element.dispose();
    }
  }

  async typeText(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async chooseFile(role: string, name: string, path: string): Promise<void> {
    // Firefox ESR 153 sends BiDi's input.fileDialogOpened (puppeteer's FileChooser) for web pages only: from a
    // moz-extension:// page the picker is cancelled at once in headless mode and no event comes. So the
    // button is clicked with the mouse as a user would, the file input it opened a picker for is noted (a
    // click on it reaches the document), and the file is set on that input with BiDi's input.setFiles,
    // which fires `input` and `change` as a user's choice does.
    await this.page.evaluate(`window.__glossFilePickerWatch ??= document.addEventListener('click', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__glossFilePicker = e.target;
    }, { capture: true }) ?? true`);
    await this.byRole(role, name).click();
    await waitFor(
      () => this.page.evaluate('window.__glossFilePicker instanceof HTMLInputElement') as Promise<boolean>,
      (isOpened) => isOpened,
      { what: `the ${role} "${name}" to open a file picker` },
    );
    const input = (await this.page.evaluateHandle(
      'window.__glossFilePicker',
    )) as ElementHandle<HTMLInputElement>;
    try {
      await input.uploadFile(path);
    } finally {
      await this.page.evaluate('delete window.__glossFilePicker');
      await input.dispose();
    }
  }

  async download(role: string, name: string): Promise<DownloadedFile> {
    // Firefox saves downloads into the profile's download folder without asking (prefs set at launch); a
    // download in progress is a `.part` file next to the final one, which appears when it is complete.
    const before = new Set(readdirSync(this.downloads));
    await this.byRole(role, name).click();
    const fresh = await waitFor(
      async () => readdirSync(this.downloads).filter((f) => !before.has(f) && !f.endsWith('.part')),
      (files) => files.length > 0,
      { what: `a download started by the ${role} "${name}"` },
    );
    const filename = fresh[0]!;
    await waitFor(
      async () => readdirSync(this.downloads).some((f) => f.endsWith('.part')),
      (isPartial) => !isPartial,
      { what: `the download of ${filename} to finish` },
    );
    return { filename, text: readFileSync(join(this.downloads, filename), 'utf8') };
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Options of `FirefoxGloss.launch`. */
export interface FirefoxLaunchOptions {
  /**
   * A page with at least one mention, used once to reach an extension page through a card's settings
   * button (the driver cannot open moz-extension:// URLs itself).
   */
  bootstrapUrl: string;
  /** A port on 127.0.0.1 that answers proxied requests for every other host with an error (the test server). */
  proxyPort: number;
}

/** Firefox ESR with Gloss installed as a temporary add-on. */
export class FirefoxGloss implements GlossBrowser {
  readonly name = 'firefox' as const;
  readonly extensionOrigin = EXTENSION_ORIGIN;
  private control: Page | undefined;

  private constructor(
    private readonly browser: Browser,
    private readonly home: string,
    private readonly options: FirefoxLaunchOptions,
  ) {}

  static async launch(options: FirefoxLaunchOptions): Promise<FirefoxGloss> {
    assertBuilt(DIST.firefox);
    const home = mkdtempSync(join(tmpdir(), 'gloss-e2e-firefox-'));
    mkdirSync(join(home, 'downloads'));
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: '/usr/bin/firefox-esr',
        headless: true,
        defaultViewport: { ...VIEWPORT },
        // The profile lives in our temp HOME, so it is removed with it even if Firefox has to be killed.
        userDataDir: join(home, 'profile'),
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
          // Real pages reference third-party hosts: send those requests to the test server, which answers
          // them with 404 (and refuses CONNECT), so tests never leave 127.0.0.1. Firefox never proxies
          // loopback addresses, so the test pages themselves load directly.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': options.proxyPort,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': options.proxyPort,
          'network.proxy.share_proxy_settings': true,
          // Downloads go straight into the temp HOME's downloads folder, never through a dialog.
          'browser.download.folderList': 2,
          'browser.download.dir': join(home, 'downloads'),
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.start_downloads_in_tmp_dir': false,
        },
      });
      await browser.installExtension(DIST.firefox);
      return new FirefoxGloss(browser, home, options);
    } catch (e) {
      await browser?.close().catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
      throw e;
    }
  }

  private get connection(): BidiConnection {
    return (this.browser as unknown as { connection: BidiConnection }).connection;
  }

  async open(url: string): Promise<TestPage> {
    const page = await this.browser.newPage();
    const entries: ConsoleEntry[] = [];
    FirefoxTestPage.recordConsole(page, entries);
    await gotoAndLoad(page, url);
    return new FirefoxTestPage(page, url, this.connection, this, entries);
  }

  /** Every open tab whose document's URL starts with `prefix` (puppeteer shows extension pages as about:blank). */
  private async pagesAt(prefix: string): Promise<Page[]> {
    const out: Page[] = [];
    for (const p of await this.browser.pages()) {
      const href = await p.evaluate('location.href').catch(() => '');
      if (typeof href === 'string' && href.startsWith(prefix)) out.push(p);
    }
    return out;
  }

  /** The extension page used to call extension APIs, reached through a card's settings button. */
  private async controlPage(): Promise<Page> {
    if (this.control && !this.control.isClosed()) return this.control;
    const [existing] = await this.pagesAt(`${EXTENSION_ORIGIN}/options.html`);
    if (existing) {
      this.control = existing;
      return existing;
    }
    const page = (await this.open(this.options.bootstrapUrl)) as FirefoxTestPage;
    try {
      await waitFor(
        () => readHighlights(page),
        (h) => Object.keys(h).length > 0,
        {
          what: `highlights on ${this.options.bootstrapUrl} (needed to reach an extension page through a card)`,
        },
      );
      await page.press('Alt+Shift+KeyJ');
      await waitFor(
        () => page.card(),
        (c) => c?.buttons.includes('Gloss settings') === true,
        { what: 'a card with a "Gloss settings" button' },
      );
      await page.clickInCard('button', 'Gloss settings');
      const [options] = await waitFor(
        () => this.pagesAt(`${EXTENSION_ORIGIN}/options.html`),
        (pages) => pages.length > 0,
        { what: 'the options page opened by the card\'s "Gloss settings" button' },
      );
      this.control = options;
      return options!;
    } finally {
      await page.close();
    }
  }

  /** Evaluates an expression in the control page (full `browser.*` API). */
  private async inExtension<T>(expression: string): Promise<T> {
    return (await this.controlPage()).evaluate(expression) as Promise<T>;
  }

  /** @internal The id of the one tab showing `url` (Firefox gives the extension URLs of pages it may script). */
  async tabIdByUrl(url: string): Promise<number> {
    const tabs = await this.inExtension<Array<{ id: number; url?: string }>>(
      'browser.tabs.query({}).then((tabs) => tabs.map((t) => ({ id: t.id, url: t.url })))',
    );
    const matching = tabs.filter((t) => t.url === url);
    if (matching.length !== 1) {
      throw new Error(`expected one tab at ${url}, found ${matching.length}: ${JSON.stringify(tabs)}`);
    }
    return matching[0]!.id;
  }

  async openPopup(page: TestPage): Promise<ExtensionPage> {
    return this.openExtensionPage(`popup.html?tabId=${await page.tabId()}`);
  }

  async openExtensionPage(path: string): Promise<ExtensionPage> {
    const url = `/${path.replace(/^\//, '')}`;
    // An earlier tab of the same page may still be open (a popup of the same tab, hidden, so no longer
    // refreshing): only a page that appears after this call is the new one.
    const before = new Set(await this.pagesAt(`${EXTENSION_ORIGIN}${url}`));
    await this.inExtension(`browser.tabs.create({ url: ${JSON.stringify(url)} }).then(() => null)`);
    const fresh = await waitFor(
      async () => (await this.pagesAt(`${EXTENSION_ORIGIN}${url}`)).filter((p) => !before.has(p)),
      (pages) => pages.length > 0,
      { what: `the extension page ${url}` },
    );
    return new FirefoxExtensionPage(fresh[0]!, join(this.home, 'downloads'));
  }

  async badgeText(page: TestPage): Promise<string> {
    return this.inExtension<string>(`browser.action.getBadgeText({ tabId: ${await page.tabId()} })`);
  }

  async extensionPageUrls(): Promise<string[]> {
    const pages = await this.pagesAt(`${EXTENSION_ORIGIN}/`);
    return Promise.all(pages.map((p) => p.evaluate('location.href') as Promise<string>));
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.browser.close(), sleep(15_000)]);
    } finally {
      this.browser.process()?.kill('SIGKILL');
      rmSync(this.home, { recursive: true, force: true });
    }
  }
}
