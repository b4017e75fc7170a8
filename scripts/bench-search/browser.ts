/**
 * Headless Chromium with the built extension (dist/chrome) in a fresh profile, for the search bench: the
 * extension's pages by path, functions from in-page.ts run in them, and a way to stop the background's
 * service worker so the next request starts it cold (as Chrome does after 30 s idle).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../chromium-args';

export interface SearchBenchBrowser {
  version: string;
  origin: string;
  /** Opens an extension page (`dashboard.html`) and waits for its load event. */
  openPage(path: string): Promise<Page>;
  /** Stops the extension's service worker and waits until Chromium reports it gone. */
  stopBackground(page: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `fn(arg)` in `page`. tsx compiles named functions with calls to an esbuild `__name` helper that
 * pages lack (see scripts/bench/measure-markjs.ts), so the page gets a do-nothing one first.
 */
export function inPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(
    `(() => { globalThis.__name ??= (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`,
  ) as Promise<R>;
}

/** Starts Chromium with the extension at `extensionDir`. */
export async function launchWithExtension(extensionDir: string): Promise<SearchBenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-search-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs(extensionDir),
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const first = context.pages()[0] ?? (await context.newPage());
  const { product } = await (await context.newCDPSession(first)).send('Browser.getVersion');
  return {
    version: product,
    origin,
    openPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      return page;
    },
    stopBackground: async (page) => {
      // DevTools' ServiceWorker domain reports each version's running status: wait for ours to say stopped.
      // (Playwright's worker list lags behind: its 'close' came seconds later in trials.)
      const cdp = await context.newCDPSession(page);
      try {
        const stopped = new Promise<boolean>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(origin) && v.runningStatus === 'stopped'))
              resolve(true);
          });
          setTimeout(() => resolve(false), 10_000);
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        if (!(await stopped)) throw new Error('the service worker did not stop');
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
