/**
 * "Where you have seen it" (issue 14), as a reader meets it in Chromium and Firefox:
 * - a page with highlighted entities (tests/fixtures/pages/news-article.html) is recorded a couple of seconds
 *   after it is shown: its title and the mentions of each entity, and the options page's count follows live;
 * - with the switch off in the options page, another page with highlights (article.html) records nothing;
 * - "Clear history", confirmed in place, empties it: the count says none and `getHistoryStats` says 0.
 * The Firefox harness opens article.html while it starts, so the test first clears what that visit left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityPageData } from '../../src/shared/library/entity-page-types';
import { browsersUnderTest, type ExtensionPage } from './harness/driver';
import { requestFrom } from './harness/notes';
import { holdsFor, sleep, waitFor, waitForScan } from './harness/page-scripts';
import { ARTICLE_PATH, type E2ESession, startSession } from './harness/session';

const NEWS = '/fixtures/news-article.html';
const NEWS_TITLE =
  'Tokyo and New Delhi draw their cyber partnership closer as suppliers become the target | The Harbour Courier';
/** The recorder writes this long after a page's report (FLUSH_DELAY_MS), plus room for a slow machine. */
const FLUSH_WAIT_MS = 2000 + 1500;

interface HistoryStats {
  pageCount: number;
  sightingCount: number;
}
const stats = (page: ExtensionPage) => requestFrom<HistoryStats>(page, 'getHistoryStats', {});

/** What the options page's history section shows. */
interface HistoryView {
  count: string;
  isRecording: boolean | null;
  status: string;
  text: string;
}
const readHistory = (options: ExtensionPage): Promise<HistoryView> =>
  options.evaluate(`(() => {
    const section = document.querySelector('section[aria-labelledby="history-heading"]');
    const text = (s) => (document.querySelector(s)?.textContent ?? '').trim();
    const box = document.querySelector('#history-record');
    return {
      count: text('#history-count'),
      isRecording: box ? box.checked : null,
      status: text('.history-clear-status'),
      text: section ? section.innerText : '',
    };
  })()`);

describe.each(browsersUnderTest())('where you have seen it (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let options: ExtensionPage;

  beforeAll(async () => {
    session = await startSession(browserName);
    options = await session.browser.openExtensionPage('options.html');
    await waitFor(
      () => readHistory(options),
      (v) => v.count !== '' && v.isRecording !== null,
      { what: 'the history section of the options page' },
    );
    // Whatever the harness's own start-up visits left (or are about to write) goes.
    await sleep(FLUSH_WAIT_MS);
    await requestFrom(options, 'clearHistory', {});
    await holdsFor(
      () => stats(options),
      (s) => s.pageCount === 0,
      { forMs: FLUSH_WAIT_MS, what: 'an empty history' },
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records a page with highlights after a moment, with its title, and the options page counts it live', async () => {
    const view = await readHistory(options);
    expect(view.isRecording).toBe(true);
    expect(view.count).toBe('No pages recorded');
    expect(view.text).toContain('never synced or sent');
    const news = await session!.browser.open(session!.server.url(NEWS));
    await waitForScan(news);
    const shown = await waitFor(
      () => readHistory(options),
      (v) => v.count === '1 page recorded',
      { what: 'the options page to count the visited page', timeoutMs: 15_000 },
    );
    expect(shown.count).toBe('1 page recorded');
    const recorded = await stats(options);
    // One row per entity highlighted on the page (real-pages.test.ts lists them: at least nine).
    expect(recorded.pageCount).toBe(1);
    expect(recorded.sightingCount).toBeGreaterThanOrEqual(9);
    // The entity page's history: the page's title, address and how many times Cicada (APT10) was marked.
    const entity = await requestFrom<EntityPageData>(options, 'getEntityPage', { id: 'cicada' });
    expect(entity.history.pageCount).toBe(1);
    expect(entity.history.pages[0]).toMatchObject({
      url: session!.server.url(NEWS),
      title: NEWS_TITLE,
      mentions: 3,
    });
    await news.close();
  });

  it('records nothing while the switch is off', async () => {
    await options.clickByRole('checkbox', 'Record the pages where Gloss highlights an entity');
    await waitFor(
      () =>
        options.evaluate<boolean | undefined>(
          `(globalThis.browser ?? globalThis.chrome).storage.sync.get('settings').then((s) => s.settings?.recordHistory)`,
        ),
      (isOn) => isOn === false,
      { what: 'the switch saved off' },
    );
    expect((await readHistory(options)).text).toContain('Nothing new is recorded');
    const article = await session!.browser.open(session!.server.url(ARTICLE_PATH));
    await waitForScan(article);
    await holdsFor(
      () => stats(options),
      (s) => s.pageCount === 1,
      { forMs: FLUSH_WAIT_MS, what: 'the history unchanged' },
    );
    expect((await readHistory(options)).count).toBe('1 page recorded');
    await article.close();
  });

  it('"Clear history", confirmed in place, empties it', async () => {
    await options.clickByRole('button', 'Clear history');
    const asking = await waitFor(
      () => readHistory(options),
      (v) => v.text.includes('Forget the 1 recorded page?'),
      { what: 'the confirmation in place' },
    );
    expect(asking.text).toContain('This cannot be undone.');
    expect(await stats(options)).toMatchObject({ pageCount: 1 });
    await options.clickByRole('button', 'Yes, clear it');
    const cleared = await waitFor(
      () => readHistory(options),
      (v) => v.status === 'History cleared' && v.count === 'No pages recorded',
      { what: 'the history cleared' },
    );
    expect(cleared.count).toBe('No pages recorded');
    expect(await stats(options)).toEqual({ pageCount: 0, sightingCount: 0 });
    const entity = await requestFrom<EntityPageData>(options, 'getEntityPage', { id: 'cicada' });
    expect(entity.history).toMatchObject({ pageCount: 0, pages: [] });
  });
});
