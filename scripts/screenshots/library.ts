/**
 * The reader's own knowledge base, filled the way a reader fills it and photographed: three pages kept as
 * sources with Alt+Shift+S (a real key press in each page) and the confirmation that says so, the reader's
 * entities made, one built-in edited and one hidden through the extension's own requests, then the
 * dashboard's Sources, Entities (with the form open) and Suggestions tabs, and the "Make entity" button
 * beside "Add note" under a selection.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type {
  EntityDetail,
  EntityListItem,
  SourceListItem,
  SuggestionView,
} from '../../src/shared/library/library-types';
import { checkReflow, out, SCHEMES, settle, shoot } from './capture';
import { type Box, boxAroundText } from './gloss-ui';
import { EDITED_BUILTIN, editBuiltin, HIDDEN_BUILTIN, SAMPLE_ENTITIES } from './sample-library';

/** One of Gloss's requests, sent from an extension page as its own pages send them. */
async function ask<T>(page: Page, type: string, args: object): Promise<T> {
  const reply = (await page.evaluate(
    `chrome.runtime.sendMessage(${JSON.stringify({ gloss: 1, type, args })})`,
  )) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

/** Polls `read` until `isDone` holds, or throws after `timeoutMs`. */
async function waitUntil<T>(what: string, read: () => Promise<T>, isDone: (v: T) => boolean): Promise<T> {
  const until = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** Waits until Gloss has highlighted the page (its content script has started and scanned). */
const waitForScan = (tab: Page): Promise<unknown> =>
  tab.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 15_000 });

/** A rectangle grown by `margin` on every side, kept inside the window. */
function around(box: Box, tab: Page, margin: { x: number; y: number }): Box {
  const size = tab.viewportSize() ?? { width: 1000, height: 800 };
  const x = Math.max(0, box.x - margin.x);
  const y = Math.max(0, box.y - margin.y);
  return {
    x,
    y,
    width: Math.min(size.width, box.x + box.width + margin.x) - x,
    height: Math.min(size.height, box.y + box.height + margin.y) - y,
  };
}

/**
 * Presses Alt+Shift+S in `tab` and waits until the dashboard lists one more source of the reader's. With
 * `photo`, the confirmation the page shows is photographed in both schemes (the pointer rests on it, which
 * keeps it from going).
 */
async function keepAsSource(tab: Page, dashboard: Page, photo?: string): Promise<void> {
  const mine = async () =>
    (await ask<SourceListItem[]>(dashboard, 'listSources', {})).filter((s) => s.origin === 'user').length;
  const before = await mine();
  await tab.bringToFront();
  await tab.keyboard.press('Alt+Shift+KeyS');
  await waitUntil('the page kept as a source', mine, (n) => n > before);
  if (!photo) return;
  const toast = await waitUntil(
    'the confirmation in the page',
    () => boxAroundText(tab, 'status', 'Saved “'),
    (box) => box !== undefined,
  );
  if (!toast) return;
  await tab.mouse.move(toast.x + toast.width / 2, toast.y + 12);
  const clip = around(toast, tab, { x: 220, y: 150 });
  for (const scheme of SCHEMES) {
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: `${out}/${photo}-${scheme}.png`, clip, animations: 'disabled' });
  }
  await tab.mouse.move(5, 5);
}

/** `text` (within the element `selector`) selected, and the buttons that appear under it, photographed. */
async function shootMakeEntity(tab: Page, selector: string, text: string): Promise<void> {
  await tab.bringToFront();
  const box = await tab.evaluate(
    ([selector, text]) => {
      getSelection()?.removeAllRanges();
      const element = document.querySelector(selector ?? '');
      const node = element?.firstChild;
      if (!element || !(node instanceof Text)) throw new Error(`the page has no text in ${selector}`);
      const start = node.data.indexOf(text ?? '');
      if (start < 0) throw new Error(`"${text}" is not in ${selector}`);
      element.scrollIntoView({ block: 'center' });
      getSelection()?.setBaseAndExtent(node, start, node, start + (text ?? '').length);
      const rect = element.getBoundingClientRect();
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    },
    [selector, text],
  );
  await tab.waitForTimeout(900);
  const buttons = await boxAroundText(tab, 'button', 'Make entity');
  if (!buttons) throw new Error('no "Make entity" button under the selection');
  const clip = around(
    {
      x: Math.min(box.x, buttons.x),
      y: box.y,
      width: Math.max(box.x + box.width, buttons.x + buttons.width + 140) - Math.min(box.x, buttons.x),
      height: Math.max(box.y + box.height, buttons.y + buttons.height) - box.y,
    },
    tab,
    { x: 24, y: 48 },
  );
  for (const scheme of SCHEMES) {
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: `${out}/page-make-entity-${scheme}.png`, clip, animations: 'disabled' });
  }
  await tab.evaluate(() => getSelection()?.removeAllRanges());
}

/** The pages the library keeps: the demo article, the two news pages of the project's fixtures, a briefing. */
export interface LibraryPages {
  article: string;
  news: string;
  newsJa: string;
  briefing: string;
}

/** Fills the reader's knowledge base and takes the library's screenshots. */
export async function shootLibrary(
  context: BrowserContext,
  origin: string,
  pages: LibraryPages,
): Promise<void> {
  const dashboard = await context.newPage();
  await dashboard.goto(`${origin}/dashboard.html?tab=sources`);
  await settle(dashboard, '.library-panel');

  // The reader's entities first, so the pages kept next count them among the entities they mention.
  for (const entity of SAMPLE_ENTITIES) await ask(dashboard, 'createEntity', { entity });
  await ask(dashboard, 'setEntityHidden', { id: HIDDEN_BUILTIN, isHidden: true });
  const { entity } = await ask<EntityDetail>(dashboard, 'getEntity', { id: EDITED_BUILTIN });
  const { id: _, ...input } = entity;
  await ask(dashboard, 'updateEntity', { id: EDITED_BUILTIN, entity: editBuiltin(input) });

  const tabs: Page[] = [];
  for (const url of [pages.newsJa, pages.news, pages.briefing, pages.article]) {
    const tab = await context.newPage();
    await tab.goto(url);
    await waitForScan(tab);
    tabs.push(tab);
    await keepAsSource(tab, dashboard, url === pages.article ? 'page-source-saved' : undefined);
  }
  const newsTab = tabs[1];
  if (newsTab) await shootMakeEntity(newsTab, '.pull-quote footer', 'Keiko Arimura');
  for (const tab of tabs) await tab.close();

  await dashboard.bringToFront();
  await dashboard.goto(`${origin}/dashboard.html?tab=sources`);
  await settle(dashboard, '.library-item[data-source-id]');
  for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard-sources', scheme);

  // The reader's own entities come after the 31 built-in ones: the Origin filter shows them.
  await dashboard.setViewportSize({ width: 1000, height: 1000 });
  await dashboard.goto(`${origin}/dashboard.html?tab=entities`);
  await settle(dashboard, '.library-item[data-entity-id]');
  await dashboard.selectOption('#entity-origin-filter', 'user');
  await dashboard.waitForTimeout(200);
  for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard-entities', scheme, 'window');

  const entities = await ask<EntityListItem[]>(dashboard, 'listEntities', {});
  const formOn = entities.find((e) => e.name === SAMPLE_ENTITIES[0]?.name);
  if (!formOn) throw new Error('the sample entity is not listed');
  await dashboard.locator(`[data-entity-id="${formOn.id}"] button`, { hasText: 'Edit' }).click();
  await settle(dashboard, '.entity-form .alias-row');
  // Neither the pointer (still where Edit was) nor the focus (in the name box) marks a field in the picture.
  await dashboard.mouse.move(990, 5);
  await dashboard.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const scheme of SCHEMES) {
    await shoot(dashboard, 'dashboard-entity-form', scheme, dashboard.locator('.entity-form'));
  }
  // States with no picture of their own must fit narrow windows too: an entity's quotes open.
  const row = dashboard.locator(`[data-entity-id="${formOn.id}"]`);
  await row.locator('button', { hasText: 'Where it is quoted' }).click();
  await settle(dashboard, `[data-entity-id="${formOn.id}"] .entity-quote`);
  await checkReflow(dashboard, 'dashboard-entities (quotes open)');

  const suggestions = await ask<SuggestionView[]>(dashboard, 'listSuggestions', {});
  console.log(
    `gloss: ${suggestions.length} suggestions (${suggestions
      .slice(0, 8)
      .map((s) => s.name)
      .join(', ')})`,
  );
  await dashboard.goto(`${origin}/dashboard.html?tab=suggestions`);
  await settle(dashboard, '.library-item[data-suggestion-key]');
  // The window ends below the fourth suggestion (or the last, when there are fewer).
  const items = dashboard.locator('.library-item[data-suggestion-key]');
  const last = await items.nth(Math.min(4, await items.count()) - 1).boundingBox();
  await dashboard.setViewportSize({
    width: 1000,
    height: Math.ceil((last?.y ?? 976) + (last?.height ?? 0) + 6),
  });
  for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard-suggestions', scheme, 'window');
  await dashboard.setViewportSize({ width: 1000, height: 800 });
  const first = items.first();
  await first.locator('button', { hasText: 'Merge into' }).click();
  await settle(dashboard, '.entity-picker');
  await checkReflow(dashboard, 'dashboard-suggestions (Merge into… open)');
  await first.locator('button', { hasText: 'Accept' }).click();
  await settle(dashboard, '.entity-form');
  await checkReflow(dashboard, 'dashboard-suggestions (Accept: the form open)');

  // One search over everything kept so far: a word in notes-free sources and entities alike.
  await dashboard.setViewportSize({ width: 1000, height: 900 });
  await dashboard.goto(`${origin}/dashboard.html?search=${encodeURIComponent('cyber security')}`);
  await settle(dashboard, '.search-hit');
  await dashboard.mouse.move(990, 5);
  for (const scheme of SCHEMES) await shoot(dashboard, 'dashboard-search', scheme, 'window');

  // An entity's page: the pages kept above were highlighted, so "Where you have seen it" has them.
  await dashboard.goto(`${origin}/entity.html?id=cicada`);
  await settle(dashboard, '.entity-sighting');
  for (const scheme of SCHEMES) await shoot(dashboard, 'entity-page', scheme, 'window');
  await dashboard.setViewportSize({ width: 1000, height: 800 });
  await dashboard.close();
}
