// @vitest-environment happy-dom
/**
 * The dashboard's entry (main.tsx) with its search bar, against a fake background: `?search=` in the address
 * searches at once, the results cover the tab without unmounting it (the Notes filter keeps its words), the
 * bar is there on every tab, and the address keeps the search beside the notes filters.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchQuery } from '../../../../src/shared/search/search-types';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';
import { noteView } from '../../helpers/note-view';
import { mixed } from '../shared/search/search-fixtures';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector);
const searchBox = () => $<HTMLInputElement>('#dashboard-search-input')!;
const filterBox = () => $<HTMLInputElement>('#note-search')!;
const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')];
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
function type(el: HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
async function press(key: string): Promise<void> {
  searchBox().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  await tick();
}

beforeAll(async () => {
  resetFakes();
  handlers.set('listNotes', () => ({
    notes: [noteView({ id: 'n1', body: 'café notes' })],
    entities: [],
    orphanIds: [],
  }));
  handlers.set('search', (args) => mixed((args as SearchQuery).query));
  document.body.innerHTML = '<div id="app"></div>';
  history.replaceState(null, '', '/dashboard.html?q=caf%C3%A9&search=APT10');
  await import('../../../../src/pages/dashboard/main');
});

afterAll(() => {
  document.body.innerHTML = '';
});

describe('dashboard search bar', () => {
  it('searches the words of ?search= at once, covering the tab, and keeps them in the address', async () => {
    expect(searchBox().value).toBe('APT10');
    expect(searchBox().getAttribute('aria-label') ?? $(`label[for="${searchBox().id}"]`)?.textContent).toBe(
      'Search notes, sources and entities',
    );
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(
      sent
        .filter((m) => m.type === 'search' && (m.args as { query: string }).query !== '')
        .map((m) => m.args),
    ).toEqual([{ query: 'APT10', limit: 20 }]);
    expect($('.dashboard')!.closest('[hidden]')).not.toBeNull();
    const params = new URLSearchParams(location.search);
    expect(params.get('search')).toBe('APT10');
    // The Notes tab's filter still has its own words from `q`.
    expect(params.get('q')).toBe('café');
  });

  it('returns to the tab as it was when cleared, and drops the search from the address', async () => {
    await vi.waitFor(() => expect(filterBox().value).toBe('café'));
    type(filterBox(), 'half-typed filter');
    await tick();
    searchBox().focus();
    await press('Escape');
    expect(searchBox().value).toBe('');
    expect($('.dashboard')!.closest('[hidden]')).toBeNull();
    expect(filterBox().value).toBe('half-typed filter');
    expect(new URLSearchParams(location.search).get('search')).toBeNull();
    expect(new URLSearchParams(location.search).get('q')).toBe('half-typed filter');
    expect($('label[for="note-search"]')?.textContent).toBe('Filter notes');
  });

  it('stays above the tabs, so the sources tab has it too, and the address keeps both', async () => {
    const sourcesTab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) =>
      tab.textContent?.includes('Sources'),
    )!;
    sourcesTab.click();
    await vi.waitFor(() => expect(new URLSearchParams(location.search).get('tab')).toBe('sources'));
    type(searchBox(), 'cyber');
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    const params = new URLSearchParams(location.search);
    expect(params.get('tab')).toBe('sources');
    expect(params.get('search')).toBe('cyber');
  });
});
