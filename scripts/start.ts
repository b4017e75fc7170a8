/**
 * `npm start` (after the build): serves the demo page on 127.0.0.1 and opens it in Chromium with Gloss
 * loaded. With a display, the browser window stays open until you close it or press Ctrl+C. Without one
 * (CI, SSH), it runs headless, waits for the page to settle, prints every highlight Gloss registered, opens
 * one card and saves a screenshot. Either way the temporary browser profile is removed at the end, also after
 * an error, Ctrl+C or SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from './chromium-args';
import { waitForSettled } from './settle';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const screenshot = join(root, 'dist', 'screenshot.png');
const notesScreenshot = join(root, 'dist', 'screenshot-notes.png');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
/** The signal that is stopping the run, if one is. */
let stoppedBy: NodeJS.Signals | undefined;

async function main(): Promise<void> {
  execFileSync('bash', [join(root, 'scripts', 'ensure-browsers.sh')], { stdio: 'inherit' });
  const page = readFileSync(join(root, 'scripts', 'demo.html'));
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'gloss-start-'));
  const launching = chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: !hasDisplay,
    viewport: { width: 1100, height: 820 },
    args: chromiumArgs(extension),
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile },
    // Ours instead (below): Playwright's own handlers may exit before the profile is removed.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closing: Promise<void> | undefined;
  const shutDown = (): Promise<void> => {
    // Once: a signal and the end of main() both come here, and two removals of one folder collide.
    closing = closing ?? closeAndRemove(launching, server, profile);
    return closing;
  };
  const stopped = (signal: NodeJS.Signals): void => {
    stoppedBy = signal;
    console.log(`gloss: ${signal}, closing Chromium`);
    void shutDown().finally(() => process.exit(128 + constants.signals[signal]));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stopped);
  try {
    const context = await launching;
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(url);
    if (hasDisplay) {
      console.log(
        `gloss: Chromium is open on ${url} with Gloss loaded. Close the window or press Ctrl+C to stop.`,
      );
      await new Promise<void>((done) => context.on('close', () => done()));
      return;
    }
    await demo(tab, url);
  } finally {
    await shutDown();
  }
}

/**
 * Closes the browser (once it has started, if it was still starting) and the server, then removes the
 * temporary profile; safe to call more than once.
 */
async function closeAndRemove(
  launching: Promise<BrowserContext>,
  server: Server,
  profile: string,
): Promise<void> {
  const context = await launching.catch(() => undefined);
  await context?.close().catch(() => undefined);
  server.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}

/** Highlight name to range count, for Gloss's highlights (not the focus ring). */
const highlightCounts = (tab: Page): Promise<Record<string, number>> =>
  tab.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()]
        .filter(([name]) => name.startsWith('gloss-') && name !== 'gloss-focus')
        .map(([name, h]) => [name, h.size] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  );

/** The headless demo: every highlight once the page has settled, a card, a note and two screenshots. */
async function demo(tab: Page, url: string): Promise<void> {
  // Gloss registers highlights in slices: wait until the names and range counts stay the same for a second.
  const settled = await waitForSettled(() => highlightCounts(tab), {
    isReady: (counts) => Object.keys(counts).length > 0,
    quietMs: 1000,
    timeoutMs: 20_000,
  });
  if (!settled.isReady) throw new Error(`gloss: no highlight on ${url} after 20 s`);
  if (!settled.isSettled)
    console.log('gloss: the highlights were still changing after 20 s; as they are now:');
  const found = await tab.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('gloss-') && name !== 'gloss-focus')
      .map(([name, h]) => [name, [...h].map((r) => r.toString())] as const),
  );
  const ranges = found.reduce((n, [, texts]) => n + texts.length, 0);
  console.log(
    `gloss: headless run on ${url}; ${found.length} highlights (${ranges} ranges) registered in CSS.highlights:`,
  );
  for (const [name, texts] of found)
    console.log(`  ${name.padEnd(34)} ${texts.map((t) => JSON.stringify(t)).join(', ')}`);
  // Open one card the way a reader would: rest the pointer on a mention.
  const point = await tab.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-cicada') ?? [])][0] as Range | undefined;
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
  });
  if (point) {
    await tab.mouse.move(point.x, point.y);
    await tab.waitForTimeout(1200);
  }
  await tab.screenshot({ path: screenshot });
  console.log(`gloss: screenshot with an open card saved to ${screenshot}`);
  await writeNote(tab);
  await tab.screenshot({ path: notesScreenshot });
  console.log(`gloss: screenshot with a saved note saved to ${notesScreenshot}`);
}

/** Writes a note the way a reader would (select, Alt+Shift+N, type, Ctrl+Enter) and rests on it. */
async function writeNote(tab: Page): Promise<void> {
  await tab.mouse.move(5, 5);
  await tab.keyboard.press('Escape');
  await tab.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.startsWith('In Tokyo'));
    const text = p?.firstChild as Text | undefined;
    if (!text) throw new Error('demo page changed: no "In Tokyo" paragraph');
    const start = text.data.indexOf('briefed');
    getSelection()?.setBaseAndExtent(text, start, text, text.data.indexOf(',', start));
  });
  await tab.keyboard.press('Alt+Shift+KeyN');
  await tab.keyboard.type('Compare with the 2023 NISC guidance on supply chains.');
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('ArrowRight');
  await tab.keyboard.press('Control+Enter');
  await tab.waitForFunction(() => CSS.highlights.has('gloss-note-green'), null, { timeout: 10_000 });
  await tab.evaluate(() => getSelection()?.removeAllRanges());
  const point = await tab.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-note-green') ?? [])][0] as Range | undefined;
    const rect = range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width * 0.7, y: rect.top + rect.height / 2 } : undefined;
  });
  if (!point) throw new Error('the note was saved but not highlighted');
  await tab.mouse.move(point.x, point.y, { steps: 4 });
  await tab.waitForTimeout(1200);
  const marked = await tab.evaluate(() =>
    [...(CSS.highlights.get('gloss-note-green') ?? [])].map((r) => (r as Range).toString()),
  );
  console.log(`gloss: wrote a green note on ${JSON.stringify(marked)} (highlight gloss-note-green)`);
}

main().catch((e: unknown) => {
  // Stopped by a signal: the page calls fail as the browser goes; the signal's handler exits.
  if (stoppedBy) return;
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
