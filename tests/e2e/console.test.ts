/**
 * No console errors or warnings from Gloss. Every new fixture (live updates, frames, shadow roots, a
 * framework-style page, a strict CSP) is visited and exercised, and every real page of ../shared/pages (all
 * `*.html` and `*.md`; skipped with a message when the folder is absent) is visited once with a short settle
 * time. Console messages and uncaught errors are collected from every frame and world of the page (content
 * scripts included: Playwright's `console` / `pageerror` events in Chromium, BiDi `log.entryAdded` through
 * Puppeteer's in Firefox). An entry is Gloss's when its source or stack is an extension URL
 * (`chrome-extension://`, `moz-extension://`) or its text names Gloss. Real pages' own errors (their
 * third-party scripts cannot load here) are theirs; the fixtures, which are ours, must log no errors at all.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsShared } from '../shared-folder';
import { EMPTY_SPOT } from './harness/actions';
import { browsersUnderTest, type ConsoleEntry, type TestPage } from './harness/driver';
import { rangeBox } from './harness/dynamic-pages';
import { sleep, waitFor, waitForScan } from './harness/page-scripts';
import { CORPUS_PAGES, FIXTURE_PAGES } from './harness/paths';
import {
  CSP_LIVE_HEADERS,
  CSP_LIVE_PATH,
  CSP_SELF_SCRIPT,
  type E2ESession,
  startSession,
} from './harness/session';

/**
 * How long each real page gets after its load event. Gloss starts at document_idle, right after load, and
 * all its work on the largest of these pages is 20 to 55 ms of main-thread time (docs/performance.md), so
 * its start-up and first scan fall well inside this; the fixtures above exercise the rest (cards, live
 * updates, frames).
 */
const CORPUS_SETTLE_MS = 600;

/** Whether a console entry comes from Gloss. */
function isGloss(e: ConsoleEntry): boolean {
  const where = `${e.url}\n${e.stack}`;
  return /\b(?:chrome|moz)-extension:\/\//.test(where) || /\bGloss\b/.test(e.text);
}

/** Errors and warnings (and uncaught errors) only. */
const isProblem = (e: ConsoleEntry): boolean =>
  e.kind === 'pageerror' || e.level === 'error' || e.level === 'warning' || e.level === 'assert';

/**
 * The browser's own request for the site's favicon, which the fixtures do not have: a 404, or on the CSP page
 * a `default-src 'none'` block (Firefox asks for it whenever it gets round to it).
 */
const isFaviconRequest = (e: ConsoleEntry, origin: string): boolean =>
  !isGloss(e) &&
  ((e.kind === 'console' && e.url === `${origin}/favicon.ico` && /^Failed to load resource\b/.test(e.text)) ||
    (/Content-Security-Policy/.test(e.text) && e.text.includes(`${origin}/favicon.ico`)));

/**
 * csp-live.html carries one inline style and one inline script for its CSP to block, and the browser reports
 * each block (Chromium as a console error, Firefox as an error). Both browsers name the blocked content by its
 * hash, so a report is the page's own when it carries the hash of one of those two elements.
 */
const CSP_LIVE_OWN_HASHES: string[] = (() => {
  const html = readFileSync(join(FIXTURE_PAGES, 'csp-live.html'), 'utf8');
  const inline = [...html.matchAll(/<(style|script)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
  if (inline.length !== 2)
    throw new Error(`csp-live.html should have one inline style and one inline script`);
  return inline.map((body) => `sha256-${createHash('sha256').update(body).digest('base64')}`);
})();

const isExpectedCspReport = (e: ConsoleEntry, path: string): boolean =>
  path === CSP_LIVE_PATH && !isGloss(e) && CSP_LIVE_OWN_HASHES.some((hash) => e.text.includes(hash));

const describeEntry = (e: ConsoleEntry): string =>
  `${e.kind}/${e.level}: ${e.text.slice(0, 300)}${e.url ? ` (${e.url})` : ''}${e.stack ? ` ${e.stack.slice(0, 300)}` : ''}`;

interface FixtureVisit {
  path: string;
  what: string;
  /** Drives the page through what the fixture is for. */
  exercise(page: TestPage): Promise<void>;
}

/**
 * Hovers the first range of `name` (in a frame or a shadow root when given) long enough to open its card. A
 * mention that is not highlighted is not hovered: whether it should be is for the feature specs to say, and
 * this spec is only about what Gloss logs.
 */
async function hover(
  page: TestPage,
  name: string,
  where: { frameSelector?: string; root?: string } = {},
): Promise<void> {
  const box = await waitFor(
    () => rangeBox(page, name, where),
    (b) => b !== null,
    { what: `a ${name} mention to hover`, timeoutMs: 2_000 },
  ).catch(() => null);
  if (!box) return;
  await page.mouseMove(EMPTY_SPOT);
  await page.mouseMove(box, 4);
  await sleep(900);
  await page.mouseMove(EMPTY_SPOT, 2);
}

const FIXTURES: FixtureVisit[] = [
  {
    path: '/fixtures/live.html',
    what: 'live updates and single-page navigations',
    async exercise(page) {
      await page.evaluate(`__live.append('Symantec researchers added one more indicator to the list.')`);
      await page.evaluate(`__live.setStatus('Status: Huawei confirmed the outage.')`);
      await page.evaluate('__live.appendMany(200)');
      await page.evaluate('__live.removeDoomed()');
      await sleep(600);
      await hover(page, 'gloss-symantec');
      await page.evaluate(`__live.navigate('report')`);
      await sleep(400);
      await page.evaluate(`location.hash = '#archive'`);
      await sleep(400);
      await page.evaluate('history.back()');
      await sleep(400);
      await page.evaluate('history.back()');
      await sleep(600);
    },
  },
  {
    path: '/fixtures/frames.html',
    what: 'same-origin, srcdoc and about:blank frames',
    async exercise(page) {
      await hover(page, 'gloss-zte', { frameSelector: '#child' });
      await hover(page, 'gloss-jaxa', { frameSelector: '#blank' });
    },
  },
  {
    path: '/fixtures/shadow.html',
    what: 'open and closed shadow roots, some attached after load',
    async exercise(page) {
      await waitFor(
        () => page.evaluate<boolean>('window.__shadow.ready()'),
        (ready) => ready,
        { what: 'the late shadow roots' },
      );
      await sleep(600);
      await hover(page, 'gloss-huawei', { root: '#declarative' });
      await hover(page, 'gloss-jaxa', { root: '#brief' });
    },
  },
  {
    path: '/fixtures/framework.html',
    what: 'a framework-style page re-rendering ten times a second',
    async exercise(page) {
      await sleep(2_000);
      await page.evaluate('__framework.show(0, [1, 0, 2])');
      await sleep(400);
      await hover(page, 'gloss-mitsubishi-electric');
      await page.evaluate('__framework.resume()');
      await sleep(1_000);
    },
  },
  {
    path: CSP_LIVE_PATH,
    what: `a page with "${CSP_SELF_SCRIPT}" that changes after load`,
    async exercise(page) {
      await waitFor(
        () => page.evaluate<boolean>('!!(window.__cspLive && window.__cspLive.updated)'),
        (updated) => updated,
        { what: 'csp-live.js to add its content' },
      );
      await sleep(600);
      await hover(page, 'gloss-mitsubishi-electric');
      await hover(page, 'gloss-symantec', { root: '#wire' });
    },
  },
];

const corpus = needsShared(CORPUS_PAGES, 'no console errors or warnings from Gloss on the real saved pages');

/** The real pages: every `*.html` and `*.md` of ../shared/pages, or none when it is absent. */
const CORPUS_FILES: string[] = corpus.isAbsent
  ? []
  : readdirSync(CORPUS_PAGES)
      .filter((f) => /\.(?:html|md)$/.test(f) && f !== 'SOURCES.md')
      .sort();

describe.each(browsersUnderTest())('no console errors or warnings from Gloss (%s)', (browserName) => {
  let session: E2ESession | undefined;

  beforeAll(async () => {
    session = await startSession(browserName, {
      headers: CSP_LIVE_HEADERS,
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('on the fixtures for live pages, frames, shadow roots, frameworks and CSP', () => {
    for (const f of FIXTURES) {
      it(`${f.path}: ${f.what}`, async () => {
        const page = await session!.browser.open(session!.server.url(f.path));
        try {
          await page.bringToFront();
          await waitForScan(page, { minMs: 800, stableMs: 400 });
          await f.exercise(page);
          await sleep(300);
          const entries = page.consoleEntries();
          const problems = entries
            .filter(isProblem)
            .filter((e) => !isFaviconRequest(e, session!.server.origin) && !isExpectedCspReport(e, f.path));
          // Gloss's own first (the clearest message), then anything else: these pages log nothing themselves.
          expect(entries.filter(isGloss).filter(isProblem).map(describeEntry)).toEqual([]);
          expect(problems.map(describeEntry)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });

  describe.skipIf(corpus.isAbsent)(corpus.title, () => {
    // Without the folder there is no file to list: one placeholder keeps the skipped group in the report.
    it.each(corpus.isAbsent ? ['every saved page'] : CORPUS_FILES)('%s', async (file) => {
      const page = await session!.browser.open(session!.server.url(`/corpus/${file}`));
      try {
        await sleep(CORPUS_SETTLE_MS);
        const gloss = page.consoleEntries().filter(isProblem).filter(isGloss);
        expect(gloss.map(describeEntry)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
