/**
 * A framework-style page (framework.html) keeps working with Gloss: the page holds references to its own text
 * nodes and rewrites them every 100 ms (`textNode.data = …`: an update counter and a status line) and
 * re-renders a list by replacing its children. Its own self-check (`window.__selfCheck()`) stays clean while
 * Gloss runs, before and after a card opens (Gloss adds nothing but `<gloss-ui>` under `<html>`, splits and
 * replaces no text node, changes no attribute), and Gloss highlights what the page renders, following its
 * updates: a mention that appears in a rewritten node is added, one that goes away is dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortedTexts } from './expectations';
import { EMPTY_SPOT, hoverMention, resetCard, waitForCard } from './harness/actions';
import { browsersUnderTest, type TestPage } from './harness/driver';
import { type RangeInfo, readRanges, staleRanges, textsOf } from './harness/dynamic-pages';
import { kbEntity } from './harness/kb';
import { type HighlightTexts, sleep, waitFor } from './harness/page-scripts';
import { type E2ESession, startSession } from './harness/session';

const FRAMEWORK_PATH = '/fixtures/framework.html';

/** How long an update may take to show in the highlights (Gloss promises about a second). */
const LIVE_MS = 2_000;

/** The names the page's statuses and items can contain, and their highlights. */
const NAMES: Array<[string, string]> = [
  ['Huawei', 'gloss-huawei'],
  ['Symantec', 'gloss-symantec'],
  ['ZTE', 'gloss-zte'],
  ['Mitsubishi Electric', 'gloss-mitsubishi-electric'],
  ['JAXA', 'gloss-jaxa'],
];

interface RenderedState {
  tick: number;
  counter: string;
  status: string;
  items: string[];
  running: boolean;
}

interface SelfCheck {
  ok: boolean;
  problems: string[];
}

/** What a reader would mark in what the page rendered. */
function expectedFor(state: RenderedState): HighlightTexts {
  const out: HighlightTexts = {};
  for (const text of [state.counter, state.status, ...state.items]) {
    for (const [name, highlight] of NAMES) {
      let at = text.indexOf(name);
      while (at >= 0) {
        out[highlight] = [...(out[highlight] ?? []), name];
        at = text.indexOf(name, at + name.length);
      }
    }
  }
  return out;
}

const selfCheck = (page: TestPage): Promise<SelfCheck> => page.evaluate<SelfCheck>('window.__selfCheck()');
const state = (page: TestPage): Promise<RenderedState> => page.evaluate<RenderedState>('__framework.state()');

/** Waits until the highlights are exactly what a reader would mark in the state the page shows now. */
async function waitForRendered(
  page: TestPage,
  what: string,
): Promise<{ ranges: RangeInfo[]; expected: HighlightTexts }> {
  const expected = expectedFor(await state(page));
  const want = JSON.stringify(sortedTexts(expected));
  const ranges = await waitFor(
    () => readRanges(page),
    (r) => JSON.stringify(sortedTexts(textsOf(r))) === want,
    { what, timeoutMs: LIVE_MS, intervalMs: 50 },
  );
  return { ranges, expected };
}

describe.each(browsersUnderTest())('a framework-style page (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let page: TestPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    page = await session.browser.open(session.server.url(FRAMEWORK_PATH));
    await page.bringToFront();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps rendering ten times a second, and its self-check passes all along while Gloss runs', async () => {
    const first = await state(page);
    expect(first.running).toBe(true);
    const problems: string[] = [];
    // Three seconds of updates, checked every 150 ms: Gloss scans every change while the page keeps going.
    for (let i = 0; i < 20; i++) {
      const check = await selfCheck(page);
      if (!check.ok) problems.push(...check.problems.map((p) => `after ${i * 150} ms: ${p}`));
      await sleep(150);
    }
    const later = await state(page);
    expect(later.tick - first.tick).toBeGreaterThan(15);
    expect(problems).toEqual([]);
    // Gloss highlights the page while it runs. The page replaces its nodes ten times a second, so at any one
    // instant the newest ones may not be scanned yet (on a busy machine the read found none): wait for some.
    await waitFor(
      () => readRanges(page),
      (ranges) => ranges.length > 0,
      { what: 'a highlight on the page that keeps re-rendering' },
    );
  });

  it('highlights exactly what the page shows once it pauses', async () => {
    await page.evaluate('__framework.pause()');
    const { ranges, expected } = await waitForRendered(page, 'the highlights of the paused page');
    expect(staleRanges(ranges, expected)).toEqual([]);
    expect((await selfCheck(page)).problems).toEqual([]);
  });

  it('follows a rewritten status text node and a re-rendered list: names that appear are added, names that go are dropped', async () => {
    // Status "Huawei…" and items ZTE, weather, JAXA.
    await page.evaluate('__framework.show(1, [0, 2, 3])');
    let { ranges, expected } = await waitForRendered(page, 'the Huawei status and the ZTE and JAXA items');
    expect(expected).toEqual({ 'gloss-huawei': ['Huawei'], 'gloss-zte': ['ZTE'], 'gloss-jaxa': ['JAXA'] });
    expect(staleRanges(ranges, expected)).toEqual([]);

    // Status "Symantec…" (the same text node, rewritten) and items Mitsubishi Electric, port, weather.
    await page.evaluate('__framework.show(3, [1, 4, 2])');
    ({ ranges, expected } = await waitForRendered(
      page,
      'the Symantec status and the Mitsubishi Electric item',
    ));
    expect(expected).toEqual({
      'gloss-symantec': ['Symantec'],
      'gloss-mitsubishi-electric': ['Mitsubishi Electric'],
    });
    expect(staleRanges(ranges, expected)).toEqual([]);
    // Names that went away have no range left, in an emptied or a removed entry.
    expect(
      await page.evaluate(
        `['gloss-huawei', 'gloss-zte', 'gloss-jaxa'].map((n) => CSS.highlights.has(n) ? CSS.highlights.get(n).size : 0)`,
      ),
    ).toEqual([0, 0, 0]);

    // A status without a name: nothing left in it.
    await page.evaluate('__framework.show(2, [4, 2, 4])');
    ({ ranges, expected } = await waitForRendered(page, 'a state without names'));
    expect(expected).toEqual({});
    expect(ranges).toEqual([]);
    expect((await selfCheck(page)).problems).toEqual([]);
  });

  it('catches up with the page after it ran on its own for a while', async () => {
    await page.evaluate('__framework.resume()');
    await sleep(2_500);
    await page.evaluate('__framework.pause()');
    const { ranges, expected } = await waitForRendered(page, 'the highlights of the page paused again');
    expect(staleRanges(ranges, expected)).toEqual([]);
    expect((await selfCheck(page)).problems).toEqual([]);
  });

  it("opens a card on a rendered item, and the page's self-check still passes with Gloss's host under <html>", async () => {
    await page.evaluate('__framework.show(0, [1, 0, 2])');
    await waitForRendered(page, 'the Mitsubishi Electric and ZTE items');
    await resetCard(page);
    await hoverMention(page, 'gloss-mitsubishi-electric');
    const card = await waitForCard(page, 'the Mitsubishi Electric card on a list item');
    expect(card.name).toBe(`Gloss: ${kbEntity('mitsubishi-electric').name}`);
    const check = await selfCheck(page);
    expect(check.problems).toEqual([]);
    expect(
      await page.evaluate(`[...document.querySelectorAll('gloss-ui')].map((e) => e.parentNode.nodeName)`),
    ).toEqual(['HTML']);
    // The page re-renders the list under the open card: the card's mention is gone, and the page is fine.
    await page.evaluate('__framework.resume()');
    await sleep(1_500);
    expect((await selfCheck(page)).problems).toEqual([]);
    await page.evaluate('__framework.pause()');
    await page.mouseMove(EMPTY_SPOT);
    const { ranges, expected } = await waitForRendered(
      page,
      'the highlights after the re-render under the card',
    );
    expect(staleRanges(ranges, expected)).toEqual([]);
  });
});
