// @vitest-environment happy-dom
/**
 * The shared search box against a fake background (the real `platform/messaging` and `platform/i18n` over a
 * replaced `platform/browser`): requests, grouping, marks as text, the keyboard, stale and slow replies.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchLayer } from '../../../../../src/pages/shared/search/SearchLayer';
import type { SearchQuery, SearchResults } from '../../../../../src/shared/search/search-types';
import { handlers, resetFakes, sent } from '../../../helpers/fake-browser';
import { hit, mixed, reply } from './search-fixtures';

vi.mock('../../../../../src/platform/browser', async () => ({
  browser: (await import('../../../helpers/fake-browser')).fakeBrowser,
}));

let root: HTMLElement;
const box = () => root.querySelector<HTMLInputElement>('[role="combobox"]')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const statusText = () => root.querySelector('.search-status')?.textContent ?? '';
const activeOption = () => {
  const id = box().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
/** Searches sent with words (the box's empty warm-up search is asserted on its own). */
const sentOf = (type: string) =>
  sent.filter((m) => m.type === type && (m.args as { query?: string }).query !== '').map((m) => m.args);

function type(value: string): void {
  box().value = value;
  box().dispatchEvent(new Event('input', { bubbles: true }));
}
/** A key press as its own task, as a reader's keys are: Preact re-renders between two of them. */
async function press(key: string, target: EventTarget = box()): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  await new Promise((r) => setTimeout(r, 0));
  return event;
}
/** Waits for effects (Preact runs them after the next frame). */
const afterEffects = () => new Promise((r) => setTimeout(r, 50));

function renderBox(props: Partial<Parameters<typeof SearchLayer>[0]> = {}): void {
  render(
    <SearchLayer prefix="t" barClass="bar" {...props}>
      <p id="page-body">The page</p>
      <textarea id="page-text" />
    </SearchLayer>,
    root,
  );
}

beforeEach(() => {
  resetFakes();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

describe('search box', () => {
  it('is a labelled combobox that searches once per burst of typing and shows groups with counts', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    renderBox();
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(box().getAttribute('aria-controls')!)?.hidden).toBe(true);
    expect(root.querySelector(`label[for="${box().id}"]`)?.textContent).toBe(
      'Search notes, sources and entities',
    );
    type('c');
    type('cy');
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(sentOf('search')).toEqual([{ query: 'cyber' }]);
    // Once, when the box appeared: the background loads its index while the reader types.
    expect(
      sent.filter((m) => m.type === 'search' && (m.args as { query: string }).query === ''),
    ).toHaveLength(1);
    expect([...root.querySelectorAll('.search-group-heading')].map((h) => h.textContent)).toEqual([
      'Notes · 12',
      'Sources · 3',
      'Entities · 1',
    ]);
    const group = root.querySelector('[role="listbox"] fieldset')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Notes · 12');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(box().getAttribute('aria-controls')).toBe(root.querySelector('[role="listbox"]')!.id);
    expect(statusText()).toBe('4 results');
    // The page's own content stays mounted, hidden, while there are words.
    expect(root.querySelector<HTMLElement>('#page-body')!.closest('[hidden]')).not.toBeNull();
  });

  it('marks matched words in <mark> and shows HTML in a snippet as text', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    renderBox();
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    const first = options()[0]!;
    expect(first.querySelector('.search-hit-title mark')?.textContent).toBe('Cyber');
    expect(first.querySelector('.search-hit-snippet')?.textContent).toBe('the <b>cyber</b> pact');
    expect([...first.querySelectorAll('.search-hit-snippet mark')].map((m) => m.textContent)).toEqual([
      'cyber',
    ]);
    expect(first.querySelector('b')).toBeNull();
    expect(first.querySelector('.search-hit-detail')?.textContent).toBe('note detail');
    // An entity's type reads as its label; a date as the browser writes dates.
    expect(options()[3]!.querySelector('.search-hit-detail')?.textContent).toBe('Threat actor · Stone Panda');
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(
      Date.UTC(2026, 11, 2, 12),
    );
    expect(options()[1]!.querySelector('.search-hit-detail')?.textContent).toBe(`note detail · ${date}`);
  });

  it('moves through every group with the arrows (wrapping), Home and End, and opens with Enter', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    handlers.set('openNote', () => null);
    handlers.set('openReader', () => null);
    handlers.set('openEntityPage', () => null);
    renderBox();
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(activeOption()).toBeNull();
    // Home and End move the caret until a result is active.
    expect((await press('Home')).defaultPrevented).toBe(false);
    await press('ArrowDown');
    expect(activeOption()?.dataset.id).toBe('n1');
    expect(activeOption()?.getAttribute('aria-selected')).toBe('true');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(activeOption()?.dataset.id).toBe('s1');
    await press('ArrowDown');
    expect(activeOption()?.dataset.id).toBe('apt10');
    await press('ArrowDown');
    expect(activeOption()?.dataset.id).toBe('n1');
    await press('ArrowUp');
    expect(activeOption()?.dataset.id).toBe('apt10');
    await press('Home');
    expect(activeOption()?.dataset.id).toBe('n1');
    await press('End');
    expect(activeOption()?.dataset.id).toBe('apt10');
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(1);

    await press('Enter');
    await vi.waitFor(() => expect(sentOf('openEntityPage')).toEqual([{ id: 'apt10' }]));
    await press('ArrowUp');
    await press('Enter');
    await vi.waitFor(() => expect(sentOf('openReader')).toEqual([{ sourceId: 's1', passageId: 's1:2:40' }]));
    options()[1]!.click();
    await vi.waitFor(() => expect(sentOf('openNote')).toEqual([{ id: 'n2' }]));
  });

  it('opens the first result on Enter when none is active, and says so when opening fails', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    handlers.set('openNote', () => {
      throw new Error('That note no longer exists.');
    });
    renderBox();
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    await press('Enter');
    await vi.waitFor(() => expect(statusText()).toBe('Could not open it: That note no longer exists.'));
    expect(sentOf('openNote')).toEqual([{ id: 'n1' }]);
  });

  it('opens the first result for the words typed when Enter comes before their answer', async () => {
    const pending = new Map<string, () => void>();
    handlers.set('search', (args) => {
      const { query } = args as SearchQuery;
      const answer =
        query === 'ap' ? reply(query, [['note', [hit('note', 'n-ap', 'Apples')]]]) : mixed(query);
      return new Promise<SearchResults>((resolve) => pending.set(query, () => resolve(answer)));
    });
    handlers.set('openNote', () => null);
    renderBox();
    type('ap');
    await vi.waitFor(() => expect(pending.has('ap')).toBe(true));
    pending.get('ap')!();
    await vi.waitFor(() => expect(options().map((o) => o.dataset.id)).toEqual(['n-ap']));
    // "cyber" typed and Enter pressed at once: the results on screen are still those for "ap".
    type('cyber');
    await new Promise((r) => setTimeout(r, 0));
    await press('Enter');
    await vi.waitFor(() => expect(pending.has('cyber')).toBe(true));
    expect(sentOf('openNote')).toEqual([]);
    pending.get('cyber')!();
    await vi.waitFor(() => expect(sentOf('openNote')).toEqual([{ id: 'n1' }]));
    await new Promise((r) => setTimeout(r, 50));
    expect(sentOf('openNote')).toHaveLength(1);
  });

  it('clears on Escape and leaves the box on a second Escape, showing the page again', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    const onWordsChange = vi.fn();
    renderBox({ onWordsChange });
    box().focus();
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    await press('Escape');
    expect(box().value).toBe('');
    expect(onWordsChange).toHaveBeenLastCalledWith('');
    expect(options()).toHaveLength(0);
    expect(root.querySelector('#page-body')!.closest('[hidden]')).toBeNull();
    expect(document.activeElement).toBe(box());
    await press('Escape');
    expect(document.activeElement).not.toBe(box());
  });

  it('focuses on / from anywhere on the page, but not while typing in a field', async () => {
    renderBox();
    await afterEffects();
    const slash = await press('/', document.body);
    expect(slash.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(box());
    const text = root.querySelector<HTMLTextAreaElement>('#page-text')!;
    text.focus();
    expect((await press('/', text)).defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(text);
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    root.append(editable);
    expect((await press('/', editable)).defaultPrevented).toBe(false);
    expect((await press('/', document.body)).defaultPrevented).toBe(true);
  });

  it('never lets a slower reply to earlier words replace the answer to later ones', async () => {
    const pending = new Map<string, (r: SearchResults) => void>();
    handlers.set('search', (args) => {
      const { query } = args as SearchQuery;
      return new Promise<SearchResults>((resolve) => pending.set(query, resolve));
    });
    renderBox();
    type('ap');
    await vi.waitFor(() => expect(pending.has('ap')).toBe(true));
    type('apt10');
    await vi.waitFor(() => expect(pending.has('apt10')).toBe(true));
    pending.get('apt10')!(reply('apt10', [['entity', [hit('entity', 'apt10', 'APT10')]]]));
    await vi.waitFor(() => expect(options().map((o) => o.dataset.id)).toEqual(['apt10']));
    pending.get('ap')!(reply('ap', [['note', [hit('note', 'n9', 'Apples')]]]));
    await new Promise((r) => setTimeout(r, 50));
    expect(options().map((o) => o.dataset.id)).toEqual(['apt10']);
  });

  it('says "Searching…" only once a search takes longer than 300 ms', async () => {
    let resolve: (r: SearchResults) => void = () => undefined;
    handlers.set(
      'search',
      () =>
        new Promise<SearchResults>((r) => {
          resolve = r;
        }),
    );
    renderBox();
    type('slow');
    await vi.waitFor(() => expect(sentOf('search')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 150));
    expect(statusText()).toBe('');
    await vi.waitFor(() => expect(statusText()).toBe('Searching…'), { timeout: 1000 });
    resolve(reply('slow', []));
    await vi.waitFor(() => expect(statusText()).toBe('No results for “slow”'));
  });

  it('puts a failure in plain words', async () => {
    handlers.set('search', () => {
      throw new Error('Search is not built yet.');
    });
    renderBox();
    type('x');
    await vi.waitFor(() => expect(statusText()).toBe('Search failed: Search is not built yet.'));
  });

  it('asks for the limit given and links to the dashboard for the rest', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    renderBox({ limit: 5, hasMoreLink: true });
    type('cyber ties');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(sentOf('search')).toEqual([{ query: 'cyber ties', limit: 5 }]);
    const more = root.querySelector<HTMLAnchorElement>('.search-more')!;
    // 12 + 3 + 1 matched, 4 shown.
    expect(more.textContent).toBe('12 more in the dashboard');
    expect(more.getAttribute('href')).toBe('dashboard.html?search=cyber+ties');
    expect(more.target).toBe('_blank');
  });

  it("on an entity's page, searches only what is connected with it, under its own label", async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    renderBox({ entityId: 'cicada', label: 'Search notes and sources about this entity' });
    expect(box().placeholder).toBe('Search notes and sources about this entity');
    expect(root.querySelector('label')?.textContent).toBe('Search notes and sources about this entity');
    type('cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(sentOf('search')).toEqual([{ query: 'cyber', entityId: 'cicada' }]);
  });

  it('starts from the words given, searching them at once', async () => {
    handlers.set('search', (args) => mixed((args as SearchQuery).query));
    renderBox({ initialWords: 'サイバー' });
    expect(box().value).toBe('サイバー');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(sentOf('search')).toEqual([{ query: 'サイバー' }]);
  });
});
