/**
 * What Gloss highlights on a page and what it leaves alone: the exact highlight names and strings on the
 * article fixture, none inside text that is not prose or not rendered, a name split across two elements as
 * one range, and a page DOM that stays as the page built it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_HIGHLIGHTS, ARTICLE_TRAP_SELECTORS, sortedTexts } from './expectations';
import { browsersUnderTest, type TestPage } from './harness/driver';
import { type HighlightTexts, waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

interface Mutation {
  type: string;
  target: string;
  added: string[];
  removed: string[];
  attribute: string | null;
}

describe.each(browsersUnderTest())('highlights on the article fixture (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;
  let highlights: HighlightTexts;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(ARTICLE_PATH));
    highlights = await waitForScan(page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('registers exactly the expected highlight names with exactly the expected strings', () => {
    expect(Object.keys(highlights).sort()).toEqual(Object.keys(ARTICLE_HIGHLIGHTS).sort());
    expect(sortedTexts(highlights)).toEqual(sortedTexts(ARTICLE_HIGHLIGHTS));
  });

  it('registers the ranges of each entity in document order', async () => {
    const inOrder = await page.evaluate<boolean>(`(() => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('gloss-')) continue;
        const ranges = [...h];
        for (let i = 1; i < ranges.length; i++) {
          if (ranges[i - 1].compareBoundaryPoints(Range.START_TO_START, ranges[i]) >= 0) return false;
        }
      }
      return true;
    })()`);
    expect(inOrder).toBe(true);
    expect(highlights).toEqual(ARTICLE_HIGHLIGHTS);
  });

  it('highlights nothing inside form fields, script, code, hidden or editable content', async () => {
    const report = await page.evaluate<{ ranges: number; offending: string[] }>(`((selectors) => {
      let ranges = 0;
      const offending = [];
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('gloss-')) continue;
        for (const r of h) {
          ranges++;
          for (const node of [r.startContainer, r.endContainer, r.commonAncestorContainer]) {
            const el = node.nodeType === 1 ? node : node.parentElement;
            const hit = selectors.find((s) => el && el.closest(s));
            if (hit) offending.push(name + ' "' + r.toString() + '" inside ' + hit);
          }
        }
      }
      return { ranges, offending };
    })(${JSON.stringify(ARTICLE_TRAP_SELECTORS)})`);
    expect(report.ranges).toBeGreaterThan(0);
    expect(report.offending).toEqual([]);
  });

  it('makes "Kishida Fumio", split across two <strong> elements, one range', async () => {
    const kishida = await page.evaluate<
      Array<{ text: string; start: string; end: string; sameNode: boolean }>
    >(`(() => {
      const h = CSS.highlights.get('gloss-kishida');
      return h ? [...h].map((r) => ({
        text: r.toString(),
        start: r.startContainer.parentElement.localName,
        end: r.endContainer.parentElement.localName,
        sameNode: r.startContainer === r.endContainer,
      })) : [];
    })()`);
    expect(kishida).toEqual([{ text: 'Kishida Fumio', start: 'strong', end: 'strong', sameNode: false }]);
  });

  it('leaves the page DOM as the page built it, adding only its <gloss-ui> host when a card opens', async () => {
    const before = await page.evaluate<{ mutations: Mutation[]; same: boolean; hosts: number }>(
      `({ mutations: window.__glossTest.mutations, same: document.body.innerHTML === window.__glossTest.bodyAtReady, hosts: document.querySelectorAll('gloss-ui').length })`,
    );
    // Scanning and highlighting changed nothing at all.
    expect(before).toEqual({ mutations: [], same: true, hosts: 0 });

    await page.press('Alt+Shift+KeyJ');
    await waitFor(
      () => page.card(),
      (c) => c !== null,
      { what: 'a card opened with Alt+Shift+J' },
    );
    await page.press('Escape');
    await waitFor(
      () => page.card(),
      (c) => c === null,
      { what: 'the card to close on Escape' },
    );
    const after = await page.evaluate<{ mutations: Mutation[]; same: boolean; hostParent: string[] }>(
      `({ mutations: window.__glossTest.mutations, same: document.body.innerHTML === window.__glossTest.bodyAtReady, hostParent: [...document.querySelectorAll('gloss-ui')].map((e) => e.parentNode.nodeName) })`,
    );
    expect(after.same).toBe(true);
    expect(after.hostParent).toEqual(['HTML']);
    expect(after.mutations).toEqual([
      { type: 'childList', target: 'HTML', added: ['GLOSS-UI'], removed: [], attribute: null },
    ]);
  });
});
