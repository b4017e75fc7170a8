/**
 * `npx tsx scripts/screenshots/index.ts` (after a build): real screenshots of Gloss's own pages for the
 * documentation, taken in headless Chromium with dist/chrome loaded, light and dark:
 *   docs/screenshots/popup-<scheme>.png            the popup on the demo article
 *   docs/screenshots/popup-notes-<scheme>.png      the same popup scrolled to the page's notes
 *   docs/screenshots/dashboard-empty-<scheme>.png  the dashboard of a fresh profile
 *   docs/screenshots/dashboard-<scheme>.png        the dashboard with notes of every colour
 *   docs/screenshots/options-<scheme>.png          the options page, sync not connected
 *   docs/screenshots/page-add-note-<scheme>.png    "Add note" (and "Make entity") under a selection on the article
 * and, once the reader's knowledge base is filled (library.ts: four pages kept with Alt+Shift+S, among them
 * briefing.html, which gives the Suggestions tab names to propose; entities of the reader's, a built-in one
 * edited and one hidden):
 *   docs/screenshots/page-source-saved-<scheme>.png       the confirmation in the page after Alt+Shift+S
 *   docs/screenshots/page-make-entity-<scheme>.png        "Make entity" and "Add note" under a selected name
 *   docs/screenshots/dashboard-sources-<scheme>.png       the Sources tab
 *   docs/screenshots/dashboard-entities-<scheme>.png      the Entities tab: glossary buttons, filters, the list
 *   docs/screenshots/dashboard-entity-form-<scheme>.png   the entity form on one of the reader's entities
 *   docs/screenshots/dashboard-suggestions-<scheme>.png   the Suggestions tab's review queue
 *   dist/screenshots-narrow/…                      each page at 320 px wide (to look at; not kept in git)
 * The browser writes in British English, so dates read "4 Dec 2026". It also measures every page at 320 px and
 * at 640 px (a 1280 px window at 200% zoom) and exits non-zero when one scrolls sideways: every page and state
 * above, and a few library states with no picture (an entity's quotes open, Merge into… and Accept open).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../chromium-args';
import { narrowOut, out, problems, root, SCHEMES, type Scheme, settle, shoot } from './capture';
import { boxAroundText } from './gloss-ui';
import { shootLibrary } from './library';
import { sampleNotesFile } from './sample-notes';

/**
 * The pages served (read only) on 127.0.0.1: the demo article and two news pages from tests/fixtures/pages,
 * and a briefing (beside this script) that gives the Suggestions tab names to propose.
 */
const PAGES = [
  join(root, 'tests', 'fixtures', 'pages', 'article.html'),
  join(root, 'tests', 'fixtures', 'pages', 'news-article.html'),
  join(root, 'tests', 'fixtures', 'pages', 'news-article-ja.html'),
  join(root, 'scripts', 'screenshots', 'briefing.html'),
];

/** Serves the pages at /<file name> on 127.0.0.1; `url(name)` is where one is. */
async function servePages(): Promise<{ url: (name: string) => string; close: () => void }> {
  const files = new Map(PAGES.map((path) => [`/${basename(path)}`, readFileSync(path)]));
  const server = createServer((req, res) => {
    const html = files.get(req.url ?? '');
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, close: () => server.close() };
}

/** The article with a passage selected over two lines and the "Add note" button that appears under it. */
async function shootAddNote(tab: Page, scheme: Scheme): Promise<void> {
  await tab.emulateMedia({ colorScheme: scheme });
  const box = await tab.evaluate(() => {
    getSelection()?.removeAllRanges();
    const paragraph = document.getElementById('vendors');
    const text = paragraph?.firstChild;
    if (!paragraph || !(text instanceof Text)) throw new Error('the article has no #vendors paragraph');
    const start = text.data.indexOf('Domestic suppliers');
    const end = text.data.indexOf('submarine cables') + 'submarine cables'.length;
    paragraph.scrollIntoView({ block: 'center' });
    getSelection()?.setBaseAndExtent(text, start, text, end);
    const rect = paragraph.getBoundingClientRect();
    return { x: rect.left - 16, y: rect.top - 40, width: rect.width + 32, height: rect.height + 80 };
  });
  await tab.waitForTimeout(900);
  // The bar ends under the selection's end, so "Make entity" beside "Add note" may reach left of the paragraph.
  const make = await boxAroundText(tab, 'button', 'Make entity');
  const left = Math.max(0, Math.min(box.x, (make?.x ?? box.x) - 16));
  const clip = { ...box, x: left, width: box.x + box.width - left };
  await tab.screenshot({ path: join(out, `page-add-note-${scheme}.png`), clip });
}

async function openExtensionPage(context: BrowserContext, origin: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/${path}`);
  return page;
}

/**
 * The Japanese page's title is in the Sources tab: without a Japanese font the browser draws it as empty boxes.
 * Where fontconfig can say so (Linux), stop before taking screenshots that would show them.
 */
function checkJapaneseFont(): void {
  let families: string;
  try {
    families = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  } catch {
    return;
  }
  if (families.trim() === '') {
    throw new Error(
      'no Japanese font: the Sources tab would show empty boxes. Install one, e.g. `apt-get install fonts-noto-cjk`.',
    );
  }
}

async function main(): Promise<void> {
  checkJapaneseFont();
  mkdirSync(out, { recursive: true });
  mkdirSync(narrowOut, { recursive: true });
  const server = await servePages();
  const article = { url: server.url('article.html') };
  const home = mkdtempSync(join(tmpdir(), 'gloss-screenshots-'));
  const context = await chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 800 },
    locale: 'en-GB',
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    args: chromiumArgs(join(root, 'dist', 'chrome')),
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(sw.url()).host}`;

    const options = await openExtensionPage(context, origin, 'options.html');
    await settle(options, '#sync-server');
    for (const scheme of SCHEMES) await shoot(options, 'options', scheme);

    const dashboard = await openExtensionPage(context, origin, 'dashboard.html');
    await settle(dashboard, '.dashboard-count:not(:empty)');
    for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard-empty', scheme);

    await dashboard.setInputFiles('#import-file', {
      name: 'gloss-notes.jsonld',
      mimeType: 'application/ld+json',
      buffer: Buffer.from(sampleNotesFile(article.url)),
    });
    await settle(dashboard, '.note');
    await dashboard.evaluate(() => {
      // The import's "5 notes imported" line is news only once; the documentation shows the list itself.
      for (const p of document.querySelectorAll('.import-export-status')) p.textContent = '';
    });
    for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard', scheme);

    const tab = await context.newPage();
    await tab.goto(article.url);
    await tab.waitForFunction(() => CSS.highlights.has('gloss-note-yellow'), null, { timeout: 15_000 });
    const tabId = (await sw.evaluate(
      'chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs[0]?.id)',
    )) as number;
    for (const scheme of SCHEMES) await shootAddNote(tab, scheme);
    const popup = await openExtensionPage(context, origin, `popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 360, height: 600 });
    await settle(popup, '.popup-note');
    for (const scheme of SCHEMES) await shoot(popup, 'popup', scheme, popup.locator('.popup'));
    await popup.locator('.popup-notes').scrollIntoViewIfNeeded();
    for (const scheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('.popup').screenshot({ path: join(out, `popup-notes-${scheme}.png`) });
    }
    await popup.close();
    await tab.close();

    await shootLibrary(context, origin, {
      article: article.url,
      news: server.url('news-article.html'),
      newsJa: server.url('news-article-ja.html'),
      briefing: server.url('briefing.html'),
    });
  } finally {
    await context.close();
    server.close();
    rmSync(home, { recursive: true, force: true });
  }
  console.log(`gloss: screenshots saved in ${out}`);
  if (problems.length > 0) {
    console.error(`gloss: pages that scroll sideways:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
