// @vitest-environment happy-dom
/** The Sources tab against a fake background: what each source shows, its actions, delete with undo, the empty state. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourcesPanel } from '../../../../src/pages/dashboard/library/SourcesPanel';
import { formatDate } from '../../../../src/shared/format-date';
import type { SourceListItem } from '../../../../src/shared/library/library-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import { $, $$, argsOf, button, EVIL, mountRoot, page, sourceItem, unmountRoot } from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let sources: SourceListItem[];
const item = (id: string) => $(`[data-source-id="${id}"]`)!;

beforeEach(() => {
  resetFakes();
  sources = [
    sourceItem('mine', {
      title: EVIL,
      site: 'news.example',
      publishedAt: '2026-03-04T10:00:00Z',
      entityCount: 1,
      isTruncated: true,
    }),
    sourceItem('builtin', {
      origin: 'builtin',
      title: 'Cyber Ties',
      site: 'The Diplomat',
      dateText: 'early 2021',
    }),
  ];
  handlers.set('listSources', () => sources);
  mountRoot();
});
afterEach(() => {
  unmountRoot();
  vi.useRealTimers();
});

describe('sources tab', () => {
  it("shows title (as text), site, date, entity count, truncation and origin; actions only for the reader's own", async () => {
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
    const mine = item('mine');
    expect(mine.querySelector('h3')?.textContent).toBe(EVIL);
    expect(page.root.querySelector('img')).toBeNull();
    expect(mine.querySelector('.library-date')?.textContent).toBe(
      formatDate(Date.parse('2026-03-04T10:00:00Z')),
    );
    expect(mine.textContent).toContain('news.example');
    expect(mine.textContent).toContain('1 entity found');
    expect(mine.textContent).toContain('Text cut at the size limit');
    expect(mine.textContent).toContain('Yours');
    expect($$('button', mine).map((b) => b.textContent)).toEqual(['Read', 'Update', 'Delete']);

    const builtin = item('builtin');
    expect(builtin.querySelector('.library-date')?.textContent).toBe('early 2021');
    expect(builtin.textContent).toContain('3 entities found');
    expect(builtin.textContent).toContain('Built-in');
    expect(builtin.textContent).not.toContain('Text cut');
    expect($$('button', builtin).map((b) => b.textContent)).toEqual(['Read']);
  });

  it("reads and updates by id, and shows the background's error", async () => {
    handlers.set('openReader', () => null);
    handlers.set('refreshSource', () => {
      throw new Error('The page could not be opened');
    });
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect(item('mine')).not.toBeNull());
    button('Read', item('builtin'))!.click();
    button('Update', item('mine'))!.click();
    await vi.waitFor(() =>
      expect($('.dashboard-error')?.textContent).toBe(
        'Could not update the source: The page could not be opened',
      ),
    );
    expect(argsOf('openReader')).toEqual([{ sourceId: 'builtin' }]);
    expect(argsOf('refreshSource')).toEqual([{ id: 'mine' }]);
  });

  it('deletes, offers Undo, and restores the same source', async () => {
    handlers.set('deleteSource', (args) => {
      const { id } = args as { id: string };
      sources = sources.filter((s) => s.id !== id);
      return null;
    });
    const removed = sources[0]!;
    handlers.set('restoreSource', () => {
      sources = [removed, ...sources];
      return removed;
    });
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect(item('mine')).not.toBeNull());
    button('Delete', item('mine'))!.click();
    await vi.waitFor(() => expect(item('mine')).toBeNull());
    expect(argsOf('deleteSource')).toEqual([{ id: 'mine' }]);
    // Focus moves to the row that took its place, not to the top of the page.
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Read', item('builtin'))));
    const bar = $('.undo-bar')!;
    expect(bar.textContent).toContain('Source deleted.');
    button('Undo', bar)!.click();
    await vi.waitFor(() => expect(item('mine')).not.toBeNull());
    expect(argsOf('restoreSource')).toEqual([{ id: 'mine' }]);
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Read', item('mine'))));
    expect($('.undo-bar')?.textContent).toBe('');
  });

  it('shows a source kept meanwhile when the reader comes back to the tab', async () => {
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
    sources = [sourceItem('kept-later', { title: 'Kept in another tab' }), ...sources];
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(3));
    expect(item('kept-later').querySelector('h3')?.textContent).toBe('Kept in another tab');
  });

  it('says how to add a source when there is none', async () => {
    sources = [];
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect($('.library-empty')).not.toBeNull());
    const text = $('.library-empty')!.textContent;
    expect(text).toContain('Add this page to my sources');
    expect(text).toContain('Add page to Gloss sources');
    expect(text).toContain('Alt+Shift+S');
  });
});
