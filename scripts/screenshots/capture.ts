/**
 * What every screenshot shares: where they go, the two colour schemes, waiting until a page has painted what
 * it loads, and the reflow check (a page must not scroll sideways at 320 px nor at 640 px).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const out = join(root, 'docs', 'screenshots');
export const narrowOut = join(root, 'dist', 'screenshots-narrow');
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];
/** Widths every page must fit without scrolling sideways: a phone-sized window, and 1280 px at 200%. */
const REFLOW_WIDTHS = [320, 640];

/** Pages (and states) that scrolled sideways, said in words; the script fails when there is any. */
export const problems: string[] = [];

/** Waits until the page has painted what it loads (no "Loading…" left) and fonts are ready. */
export async function settle(page: Page, ready: string): Promise<void> {
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.waitForFunction(() => !document.body.innerText.includes('Loading…'), null, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Whether the page scrolls sideways at `width`; records the widest element when it does. */
export async function checkReflow(page: Page, name: string): Promise<void> {
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

/**
 * One page in one scheme: the screenshot (of `target`, or of what the window shows for a page too long to
 * show whole), a 320 px one, and the reflow check.
 */
export async function shoot(
  page: Page,
  name: string,
  scheme: Scheme,
  target: Locator | 'window' = page.locator('body'),
): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(150);
  const path = join(out, `${name}-${scheme}.png`);
  if (target === 'window') await page.screenshot({ path, animations: 'disabled' });
  else await target.screenshot({ path, animations: 'disabled' });
  const size = page.viewportSize() ?? { width: 1000, height: 800 };
  await page.setViewportSize({ width: 320, height: size.height });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(narrowOut, `${name}-${scheme}.png`), fullPage: true });
  await page.setViewportSize(size);
  if (scheme === 'light') await checkReflow(page, name);
}
