/**
 * The reader's own knowledge base, as a reader uses it, in Chromium and Firefox (issue 13's "Done means"):
 * - a real article page (the project's tests/fixtures/pages/news-article.html) kept with Alt+Shift+S, and a
 *   card on another page quoting it with its title;
 * - a Japanese page kept from the popup's button, and its passage quoted, cut at 。;
 * - a CSV glossary imported through the dashboard's file picker, its entity highlighted live in an open tab;
 * - an entity made from a selection through the "Make entity" button and form, highlighted without a reload;
 * - a suggestion accepted from the dashboard's review queue;
 * - a built-in entity edited in the dashboard, the stored built-in KB put at another version (what an update
 *   of Gloss leaves behind, so the background replaces the built-in part), and the edit still there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EntityDetail,
  EntityListItem,
  SourceListItem,
  SuggestionView,
} from '../../src/shared/library/library-types';
import { hoverMention, resetCard, waitForCard } from './harness/actions';
import { browsersUnderTest, type ExtensionPage, type TestPage } from './harness/driver';
import { requestFrom, selectText } from './harness/notes';
import { readHighlights, waitFor, waitForScan } from './harness/page-scripts';
import { type E2ESession, startSession } from './harness/session';

const NEWS = '/fixtures/news-article.html';
const NEWS_TITLE = 'Tokyo and New Delhi draw their cyber partnership closer as suppliers become the target';
const NEWS_JA = '/fixtures/news-article-ja.html';
const ARTICLE = '/fixtures/article.html';

const GLOSSARY = [
  'name,type,aliases,description,cues,link',
  'Washington,government-body,,"The United States government, named by its capital.",,https://www.usa.gov/',
  'Kanto Regional Telecom Board,government-body,KRTB,An invented regulator that the page never names.,,',
].join('\r\n');

const sources = (dashboard: ExtensionPage) => requestFrom<SourceListItem[]>(dashboard, 'listSources', {});
const entities = (dashboard: ExtensionPage) => requestFrom<EntityListItem[]>(dashboard, 'listEntities', {});

/** The highlight names whose ranges cover exactly `text` somewhere on the page. */
async function highlightsOf(page: TestPage, text: string): Promise<string[]> {
  const all = await readHighlights(page);
  return Object.entries(all)
    .filter(([, texts]) => texts.includes(text))
    .map(([name]) => name);
}

describe.each(browsersUnderTest())('your own knowledge base (%s)', (browserName) => {
  let session: E2ESession | undefined;
  let dashboard: ExtensionPage | undefined;
  const files = mkdtempSync(join(tmpdir(), 'gloss-e2e-library-'));

  beforeAll(async () => {
    session = await startSession(browserName);
  });
  afterAll(async () => {
    await dashboard?.close().catch(() => undefined);
    await session?.close();
    rmSync(files, { recursive: true, force: true });
  });

  const openDashboard = async (query = ''): Promise<ExtensionPage> => {
    await dashboard?.close().catch(() => undefined);
    dashboard = await session!.browser.openExtensionPage(`dashboard.html${query}`);
    return dashboard;
  };

  it('Alt+Shift+S keeps a real article; a card on another page quotes it with its title', async () => {
    const news = await session!.browser.open(session!.server.url(NEWS));
    await waitForScan(news);
    await news.press('Alt+Shift+KeyS');
    // The page confirms in Gloss's UI (a status with a Dismiss button)…
    await waitFor(
      () => news.boxInGloss('button', 'Dismiss'),
      (b) => b !== null,
      {
        what: 'the confirmation in the page',
        timeoutMs: 10_000,
      },
    );
    // …and the source is stored with its metadata from the page (JSON-LD date, site name, language).
    const dash = await openDashboard();
    const kept = await waitFor(
      () => sources(dash),
      (list) => list.some((s) => s.origin === 'user'),
      {
        what: 'the kept source',
        timeoutMs: 10_000,
      },
    );
    const source = kept.find((s) => s.origin === 'user')!;
    expect(source).toMatchObject({ title: NEWS_TITLE, publishedAt: '2024-03-14T06:00:00.000+09:00' });
    expect(source.entityCount).toBeGreaterThanOrEqual(10);
    await news.close();

    const article = await session!.browser.open(session!.server.url(ARTICLE));
    await waitForScan(article);
    await hoverMention(article, 'gloss-huawei');
    const card = await waitForCard(article, 'the Huawei card quoting the kept article', (c) =>
      c.text.includes(NEWS_TITLE),
    );
    // Newest source first: the kept article's passage comes before the built-in sources'.
    expect(card.quotes[0]).toContain('Huawei');
    expect(card.text.indexOf(NEWS_TITLE)).toBeLessThan(card.text.indexOf('The Diplomat'));
    // "Read in source" opens the kept article in Gloss's reader at that passage.
    await article.clickInCard('button', 'Read in source');
    const readerUrl = await waitFor(
      async () => (await session!.browser.extensionPageUrls()).find((u) => u.includes('reader.html')),
      (u) => u !== undefined,
      { what: 'the reader opened' },
    );
    expect(readerUrl).toContain(`source=${source.id}`);
    expect(readerUrl).toContain(`passage=${encodeURIComponent(`${source.id}:`)}`);
    const reader = await session!.browser.openExtensionPage(
      readerUrl!.slice(readerUrl!.indexOf('reader.html')),
    );
    const shown = await waitFor(
      () => reader.evaluate<string>('document.body.innerText'),
      (text) => text.includes(NEWS_TITLE),
      { what: 'the kept article in the reader' },
    );
    expect(shown).toContain('Open the original page');
    expect(
      await reader.evaluate<string>(`document.querySelector('.gloss-passage-target')?.textContent ?? ''`),
    ).toContain('Huawei');
    await reader.close();
    await resetCard(article);
    await article.close();
  });

  it('the popup keeps a Japanese page, and its passage is cut at 。', async () => {
    const ja = await session!.browser.open(session!.server.url(NEWS_JA));
    await waitForScan(ja);
    const popup = await session!.browser.openPopup(ja);
    await waitFor(
      () =>
        popup.evaluate<boolean>(
          `[...document.querySelectorAll('button')].some((b) => b.textContent.includes('Add this page to my sources'))`,
        ),
      (has) => has,
      { what: 'the popup button' },
    );
    await popup.clickByRole('button', 'Add this page to my sources');
    const dash = await openDashboard();
    const kept = await waitFor(
      () => sources(dash),
      (list) => list.filter((s) => s.origin === 'user').length === 2,
      { what: 'the Japanese source', timeoutMs: 10_000 },
    );
    const jaSource = kept.find((s) => s.origin === 'user' && s.title !== NEWS_TITLE)!;
    const card = await requestFrom<{ passages: Array<{ text: string; sourceId: string }> }>(dash, 'getCard', {
      entityId: 'nisc',
    });
    const passages = card.passages.filter((p) => p.sourceId === jaSource.id);
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.text.endsWith('。') || p.text.endsWith('」')).toBe(true);
    await popup.close().catch(() => undefined);
    await ja.close();
  });

  it('a CSV glossary imported in the dashboard is highlighted live in an open tab', async () => {
    const article = await session!.browser.open(session!.server.url(ARTICLE));
    await waitForScan(article);
    expect(await highlightsOf(article, 'Washington')).toEqual([]);
    const path = join(files, 'glossary.csv');
    writeFileSync(path, `\uFEFF${GLOSSARY}`);
    const dash = await openDashboard('?tab=entities');
    await dash.chooseFile('button', 'Import glossary…', path);
    const imported = await waitFor(
      () => entities(dash),
      (list) => list.some((e) => e.name === 'Washington'),
      { what: 'the imported entities', timeoutMs: 10_000 },
    );
    const started = Date.now();
    const washington = imported.find((e) => e.name === 'Washington')!;
    expect(washington).toMatchObject({ origin: 'user', type: 'government-body' });
    await article.bringToFront();
    const names = await waitFor(
      () => highlightsOf(article, 'Washington'),
      (n) => n.length > 0,
      {
        what: 'Washington highlighted without a reload',
        timeoutMs: 5_000,
      },
    );
    console.info(
      `${browserName}: imported entity highlighted ${Date.now() - started} ms after the import answered`,
    );
    expect(names).toEqual([`gloss-${washington.id}`]);
    await article.close();
  });

  it('"Make entity" on a selection creates an entity highlighted without a reload', async () => {
    const article = await session!.browser.open(session!.server.url(ARTICLE));
    await waitForScan(article);
    await selectText(article, 'Australia, India');
    await article.evaluate(`(() => {
      const s = getSelection(); const r = s.getRangeAt(0);
      r.setEnd(r.startContainer, r.startOffset + 'Australia'.length); s.removeAllRanges(); s.addRange(r); return true;
    })()`);
    await waitFor(
      () => article.boxInGloss('button', 'Make entity'),
      (b) => b !== null,
      {
        what: 'the Make entity button',
        timeoutMs: 5_000,
      },
    );
    await article.clickInGloss('button', 'Make entity');
    await waitFor(
      () => article.card(),
      (c) => c?.buttons.includes('Save') === true,
      {
        what: 'the entity form',
      },
    );
    await article.clickInCard('button', 'Save');
    const names = await waitFor(
      () => highlightsOf(article, 'Australia'),
      (n) => n.length > 0,
      {
        what: 'Australia highlighted',
        timeoutMs: 5_000,
      },
    );
    const dash = await openDashboard();
    const made = (await entities(dash)).find((e) => e.name === 'Australia');
    expect(made).toMatchObject({ origin: 'user' });
    expect(names).toEqual([`gloss-${made!.id}`]);
    // Deleting it takes the highlight away, also without a reload.
    await requestFrom(dash, 'deleteEntity', { id: made!.id });
    await article.bringToFront();
    await waitFor(
      () => highlightsOf(article, 'Australia'),
      (n) => n.length === 0,
      {
        what: 'the deleted entity unhighlighted',
        timeoutMs: 5_000,
      },
    );
    await article.close();
  });

  it('a suggestion accepted from the review queue becomes an entity and leaves the queue', async () => {
    const dash = await openDashboard('?tab=suggestions');
    const queue = await waitFor(
      () => requestFrom<SuggestionView[]>(dash, 'listSuggestions', {}),
      (q) => q.length > 0,
      {
        what: 'suggestions from the kept sources',
      },
    );
    const first = queue[0]!;
    await waitFor(
      () => dash.evaluate<boolean>(`document.body.innerText.includes(${JSON.stringify(first.name)})`),
      (shown) => shown,
      { what: 'the queue on screen' },
    );
    await dash.clickByRole('button', 'Accept');
    await waitFor(
      () =>
        dash.evaluate<boolean>(
          `[...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Save')`,
        ),
      (shown) => shown,
      { what: 'the prefilled form' },
    );
    await dash.clickByRole('button', 'Save');
    const list = await waitFor(
      () => entities(dash),
      (l) => l.some((e) => e.name === first.name),
      {
        what: 'the accepted entity',
      },
    );
    expect(list.find((e) => e.name === first.name)).toMatchObject({ origin: 'user' });
    const after = await requestFrom<SuggestionView[]>(dash, 'listSuggestions', {});
    expect(after.some((s) => s.key === first.key)).toBe(false);
  });

  it('an edit of a built-in entity survives an update of the built-in KB', async () => {
    const dash = await openDashboard('?tab=entities');
    await waitFor(
      () => dash.evaluate<boolean>(`document.body.innerText.includes('NISC')`),
      (shown) => shown,
      { what: 'the entities list' },
    );
    await dash
      .clickByRole('searchbox', 'Search names and aliases')
      .catch(() => dash.clickByRole('textbox', 'Search names and aliases'));
    await dash.typeText('NISC');
    await waitFor(
      () =>
        dash.evaluate<number>(
          `[...document.querySelectorAll('button')].filter((b) => b.textContent.trim() === 'Edit').length`,
        ),
      (n) => n === 1,
      { what: 'one entity left by the filter' },
    );
    await dash.clickByRole('button', 'Edit');
    await dash.clickByRole('textbox', 'Description');
    await dash.evaluate(
      `(() => { const t = document.activeElement; t.setSelectionRange(t.value.length, t.value.length); return true; })()`,
    );
    await dash.typeText(' My own note on NISC.');
    await dash.clickByRole('button', 'Save');
    const edited = await waitFor(
      () => requestFrom<EntityDetail>(dash, 'getEntity', { id: 'nisc' }),
      (d) => d.isEdited,
      { what: 'the edit stored' },
    );
    expect(edited.entity.description.endsWith('My own note on NISC.')).toBe(true);

    // An update of Gloss, as the background meets it: the built-in KB stored in IndexedDB is of another
    // version than the one shipped, so the next request replaces the whole built-in part.
    await dash.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('gloss');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key: 'kbVersion', value: '0-before-the-update' });
        tx.oncomplete = () => { open.result.close(); resolve(true); };
      };
    })`);
    const after = await requestFrom<EntityDetail>(dash, 'getEntity', { id: 'nisc' });
    const version = await dash.evaluate<string>(`new Promise((resolve) => {
      const open = indexedDB.open('gloss');
      open.onsuccess = () => {
        const get = open.result.transaction('meta').objectStore('meta').get('kbVersion');
        get.onsuccess = () => { resolve(get.result.value); open.result.close(); };
      };
    })`);
    expect(version).not.toBe('0-before-the-update');
    expect(after).toMatchObject({ isEdited: true, entity: { description: edited.entity.description } });
  });
});
