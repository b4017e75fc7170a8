// @vitest-environment happy-dom
/**
 * The dashboard before the first note and the controls that can do nothing: an empty notebook teaches the
 * first step instead of one small line, and Export, search and filters wait until there is something to act
 * on. Also: note dates are written in words.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import { formatDateTime } from '../../../../src/shared/format-date';
import type { NoteView } from '../../../../src/shared/notes/note-types';
import type { Notebook } from '../../../../src/shared/protocol';
import { handlers, resetFakes } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

/** 4 December 2026, 14:05 UTC. */
const WRITTEN = Date.UTC(2026, 11, 4, 14, 5);

const note = (id: string, patch: Partial<NoteView> = {}): NoteView => ({
  id,
  url: 'https://example.com/a',
  pageKey: 'https://example.com/a',
  site: 'example.com',
  title: 'A page',
  anchor: { quote: { exact: 'a passage', prefix: '', suffix: '' } },
  body: 'A note',
  color: 'blue',
  tags: [],
  deleted: false,
  createdAt: WRITTEN,
  updatedAt: WRITTEN,
  ...patch,
});

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const button = (label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label);

async function renderWith(notebook: Notebook, search = ''): Promise<void> {
  handlers.set('listNotes', () => notebook);
  render(<DashboardApp search={search} />, root);
  await vi.waitFor(() => expect($('.dashboard-count')?.textContent).not.toBe(''));
}

beforeEach(() => {
  resetFakes();
  handlers.set('getSyncStatus', () => ({ connected: false, pending: 0, isSyncing: false }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('dashboard with no notes', () => {
  it('teaches the first step: select text, then Alt+Shift+N or the Add note button', async () => {
    await renderWith({ notes: [], entities: [], orphanIds: [] });
    const empty = $('section.empty-notebook')!;
    expect(empty.getAttribute('aria-labelledby')).toBe('empty-notebook-heading');
    expect(empty.querySelector('h2')?.textContent).toBe('No notes yet');
    const steps = [...empty.querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toBe('Select a passage on any web page.');
    expect(steps[1]).toBe('Press Alt+Shift+N, or click ✎ Add note beside the selection.');
    expect([...empty.querySelectorAll('kbd kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'N']);
    expect(empty.querySelector('.add-note-look')?.textContent).toBe('✎ Add note');
    expect(empty.textContent).toContain('Import notes…');
  });

  it('offers no export, search or filter, but still offers import', async () => {
    await renderWith({ notes: [], entities: [], orphanIds: [] });
    expect(button('Export JSON-LD')?.disabled).toBe(true);
    expect(button('Export Markdown')?.disabled).toBe(true);
    expect(button('Import notes…')?.disabled).toBe(false);
    expect($('#note-search')).toBeNull();
    expect(root.querySelector('select')).toBeNull();
  });
});

describe('dashboard with notes', () => {
  it('enables export, and disables only the filters that have nothing to choose', async () => {
    const notes = [note('n1'), note('n2', { color: 'pink' })];
    await renderWith({ notes, entities: [], orphanIds: [] }, '?tag=gone');
    expect(button('Export JSON-LD')?.disabled).toBe(false);
    expect(button('Export Markdown')?.disabled).toBe(false);
    expect($<HTMLInputElement>('#note-search')?.disabled).toBe(false);
    expect($<HTMLSelectElement>('#filter-site')?.disabled).toBe(false);
    expect($<HTMLSelectElement>('#filter-color')?.disabled).toBe(false);
    // No note is about an entity, and none was lost from its page.
    expect($<HTMLSelectElement>('#filter-entity')?.disabled).toBe(true);
    expect($<HTMLInputElement>('.filter-orphans input')?.disabled).toBe(true);
    // The address named a tag no note has: the menu keeps it, so it can be cleared.
    expect($<HTMLSelectElement>('#filter-tag')?.disabled).toBe(false);
  });

  it('colours each note by its own colour, for the quote bar', async () => {
    await renderWith({ notes: [note('n1'), note('n2', { color: 'pink' })], entities: [], orphanIds: [] });
    await vi.waitFor(() => expect(root.querySelectorAll('article.note')).toHaveLength(2));
    const colours = [...root.querySelectorAll('article.note')].map((a) => a.getAttribute('data-color'));
    expect(colours.sort()).toEqual(['blue', 'pink']);
  });

  it('writes dates in words in the browser’s locale, never as 12/4/2026', async () => {
    await renderWith({ notes: [note('n1')], entities: [], orphanIds: [] });
    await vi.waitFor(() => expect($('article.note time')).not.toBeNull());
    const time = $('article.note time')!;
    expect(time.textContent).toBe(formatDateTime(WRITTEN));
    expect(time.textContent).toMatch(/Dec|dic|déc|Dez|12月/);
    expect(time.textContent).not.toMatch(/\d+\/\d+\/\d+/);
    expect(time.getAttribute('datetime')).toBe('2026-12-04T14:05:00.000Z');
  });
});
