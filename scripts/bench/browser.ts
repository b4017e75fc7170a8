/**
 * Launches headless Chromium for the bench: one browser with Gloss loaded and one without it, so the
 * floor, mark.js and the heap baseline never share a renderer (or warmed-up DOM wrappers) with Gloss.
 * Both get the same flags apart from the extension, a fresh temporary profile, and a host resolver that
 * knows only 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../chromium-args';

/** A tab and its DevTools session. */
export interface Tab {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** A running browser. `extensionId` is set when Gloss is loaded. */
export interface BenchBrowser {
  extensionId: string | undefined;
  version: string;
  /**
   * A new tab. Every measurement gets its own and closes it, so each load starts in a new renderer
   * process, as a reader's first visit to a site does: a reused process keeps V8's RegExp and code
   * caches warm, which on this machine hid most of Gloss's matcher set-up cost from the second load on.
   */
  openTab(): Promise<Tab>;
  close(): Promise<void>;
}

// Every other host fails at DNS at once: saved pages reference dozens of CDNs and trackers.
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** Starts Chromium, with Gloss from `extensionDir` or (undefined) without any extension. */
export async function launchBrowser(extensionDir: string | undefined): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
  const flags = chromiumArgs(extensionDir ?? '');
  const args = extensionDir
    ? flags
    : flags.filter((f) => !f.startsWith('--load-extension') && !f.startsWith('--disable-extensions-except'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...args, OFFLINE],
    // Chromium writes crash-report folders under $HOME/.config: keep them in the temporary profile.
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile },
  });
  let extensionId: string | undefined;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  const first = context.pages()[0] ?? (await context.newPage());
  const { product } = await (await context.newCDPSession(first)).send('Browser.getVersion');
  return {
    extensionId,
    version: product,
    openTab: async () => {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return { page, cdp, close: () => page.close() };
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` in a new tab of `browser` and closes the tab afterwards. */
export async function inNewTab<T>(browser: BenchBrowser, fn: (tab: Tab) => Promise<T>): Promise<T> {
  const tab = await browser.openTab();
  try {
    return await fn(tab);
  } finally {
    await tab.close();
  }
}
