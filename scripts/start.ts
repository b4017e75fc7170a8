/**
 * `npm start` (after the build): serves the demo page on 127.0.0.1 and opens it in Chromium with Gloss
 * loaded. With a display, the browser window stays open until you close it or press Ctrl+C. Without one
 * (CI, SSH), it runs headless, prints what Gloss highlighted, opens one card and saves a screenshot.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './chromium-args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const screenshot = join(root, 'dist', 'screenshot.png');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

async function main(): Promise<void> {
  execFileSync('bash', [join(root, 'scripts', 'ensure-browsers.sh')], { stdio: 'inherit' });
  const page = readFileSync(join(root, 'scripts', 'demo.html'));
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'gloss-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: !hasDisplay,
    viewport: { width: 1100, height: 820 },
    args: chromiumArgs(extension),
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile },
  });
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(url);
  if (hasDisplay) {
    console.log(
      `gloss: Chromium is open on ${url} with Gloss loaded. Close the window or press Ctrl+C to stop.`,
    );
    await new Promise<void>((done) => context.on('close', () => done()));
    server.close();
    return;
  }
  await tab.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')), null, {
    timeout: 15_000,
  });
  const found = await tab.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('gloss-') && name !== 'gloss-focus')
      .map(([name, h]) => [name, [...h].map((r) => r.toString())] as const),
  );
  console.log(`gloss: headless run on ${url}; highlights registered in CSS.highlights:`);
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
  await context.close();
  server.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
