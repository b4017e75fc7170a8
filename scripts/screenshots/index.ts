/**
 * `npx tsx scripts/screenshots/index.ts` (after a build): real screenshots of Gloss's own pages for the
 * documentation, taken in headless Chromium with dist/chrome loaded, light and dark:
 *   docs/screenshots/popup-<scheme>.png            the popup on the demo article
 *   docs/screenshots/popup-notes-<scheme>.png      the same popup scrolled to the page's notes
 *   docs/screenshots/dashboard-empty-<scheme>.png  the dashboard of a fresh profile
 *   docs/screenshots/dashboard-<scheme>.png        the dashboard with notes of every colour
 *   docs/screenshots/options-<scheme>.png          the options page, sync not connected
 *   docs/screenshots/page-add-note-<scheme>.png    the "Add note" button under a selection on the article
 *   dist/screenshots-narrow/…                      each page at 320 px wide (to look at; not kept in git)
 * The browser writes in British English, so dates read "4 Dec 2026". It also measures every page at 320 px and at 640 px (a 1280 px window at 200% zoom) and exits non-zero
 * when one scrolls sideways.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../chromium-args';
import { sampleNotesFile } from './sample-notes';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'docs', 'screenshots');
const narrowOut = join(root, 'dist', 'screenshots-narrow');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** Widths every page must fit without scrolling sideways: a phone-sized window, and 1280 px at 200%. */
const REFLOW_WIDTHS = [320, 640];

const problems: string[] = [];

/** Serves the demo article (read only) at /article.html on 127.0.0.1. */
async function serveArticle(): Promise<{ url: string; close: () => void }> {
  const html = readFileSync(join(root, 'tests', 'fixtures', 'pages', 'article.html'));
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/article.html`, close: () => server.close() };
}

/** Waits until the page has painted what it loads (no "Loading…" left) and fonts are ready. */
async function settle(page: Page, ready: string): Promise<void> {
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Whether the page scrolls sideways at `width`; records the widest element when it does. */
async function checkReflow(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1000, height: 800 };
  for (const width of REFLOW_WIDTHS) {
    await page.setViewportSize({ width, height: size.height });
    await page.waitForTimeout(150);
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= doc.clientWidth) return '';
      const widest = [...document.querySelectorAll('body *')].find(
        (el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5,
      );
      return `${doc.scrollWidth} > ${doc.clientWidth} (${widest?.outerHTML.slice(0, 80) ?? '?'})`;
    });
    if (overflow) problems.push(`${name} at ${width} px: ${overflow}`);
  }
  await page.setViewportSize(size);
}

/** One page in one scheme: the screenshot, a 320 px one, and the reflow check. */
async function shoot(page: Page, name: string, scheme: Scheme, target = page.locator('body')): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(150);
  await target.screenshot({ path: join(out, `${name}-${scheme}.png`), animations: 'disabled' });
  const size = page.viewportSize() ?? { width: 1000, height: 800 };
  await page.setViewportSize({ width: 320, height: size.height });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(narrowOut, `${name}-${scheme}.png`), fullPage: true });
  await page.setViewportSize(size);
  if (scheme === 'light') await checkReflow(page, name);
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
  await tab.screenshot({ path: join(out, `page-add-note-${scheme}.png`), clip: box });
}

async function openExtensionPage(context: BrowserContext, origin: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/${path}`);
  return page;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  mkdirSync(narrowOut, { recursive: true });
  const article = await serveArticle();
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
  } finally {
    await context.close();
    article.close();
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
