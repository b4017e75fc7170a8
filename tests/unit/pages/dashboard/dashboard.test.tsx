// @vitest-environment happy-dom
/**
 * The notes dashboard against a fake background: the real `platform/messaging` and `platform/i18n` run over a
 * replaced `platform/browser`, so the wire requests and the messages.json wording are what is asserted.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import type { NoteView } from '../../../../src/shared/notes/note-types';
import type { Notebook } from '../../../../src/shared/protocol';
import { handlers, manifestPermissions, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const EVIL_BODY = '<img src=x onerror="window.pwned=1"> and <b>bold</b>';

const note = (id: string, patch: Partial<NoteView>): NoteView => ({
  id,
  url: 'https://example.com/a',
  pageKey: 'https://example.com/a',
  site: 'example.com',
  title: 'Cyber Ties',
  anchor: null,
  body: '',
  color: 'yellow',
  tags: [],
  deleted: false,
  createdAt: 1_000,
  updatedAt: 1_000,
  ...patch,
});
const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' } });

const notebook = (): Notebook => ({
  notes: [
    note('n1', {
      anchor: quote('APT40 targeted ministries'),
      body: 'Check the café reference\nsecond line',
      tags: ['apt', 'asia'],
      updatedAt: 5_000,
    }),
    note('n2', { body: 'Whole page note', color: 'green', updatedAt: 3_000 }),
    note('n3', {
      url: 'https://news.jp/%E6%9D%B1%E4%BA%AC',
      pageKey: 'https://news.jp/%E6%9D%B1%E4%BA%AC',
      site: 'news.jp',
      title: '東京のニュース',
      anchor: quote('警察庁は新たな攻撃を発表した'),
      body: 'Japanese source',
      tags: ['japan'],
      color: 'blue',
      updatedAt: 4_000,
    }),
    note('n4', {
      entityId: 'apt40',
      body: 'Also known as Bronze Mohawk',
      tags: ['apt'],
      color: 'pink',
      updatedAt: 6_000,
    }),
    note('n5', {
      url: 'javascript:alert(1)',
      pageKey: 'javascript:alert(1)',
      site: '',
      title: '',
      anchor: quote('<script>window.pwned=2</script>'),
      body: EVIL_BODY,
      color: 'purple',
      updatedAt: 2_000,
    }),
  ],
  entities: [{ id: 'apt40', name: 'APT40', type: 'threat-actor' }],
  orphanIds: ['n3'],
});

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<E>(selector)];
const shownIds = () => $$('article.note').map((el) => el.getAttribute('data-note-id'));
const article = (id: string) => $(`article[data-note-id="${id}"]`)!;
const button = (scope: Element, label: string) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!;
const status = (selector: string) => $(selector)?.textContent ?? '';
const sentOf = (type: string) => sent.filter((m) => m.type === type);

/** Lets Preact render what the last event changed, as a real browser would between two user actions. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(el: HTMLSelectElement | HTMLInputElement, value?: string): void {
  if (value !== undefined) el.value = value;
  else el.click();
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

async function renderDashboard(search = '', onFiltersChanged?: (query: string) => void): Promise<void> {
  render(<DashboardApp search={search} onFiltersChanged={onFiltersChanged} />, root);
  await vi.waitFor(() => expect($('.dashboard-count')?.textContent).not.toBe(''));
}

beforeEach(() => {
  resetFakes();
  handlers.set('listNotes', () => notebook());
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('dashboard: the list', () => {
  it('shows every note grouped by page or entity, newest first, with its parts', async () => {
    await renderDashboard();
    expect($('h1')?.textContent).toBe('Gloss notes');
    expect(status('.dashboard-count')).toBe('5 notes');
    expect($$('.note-group h2').map((h) => h.textContent)).toEqual([
      'APT40',
      'Cyber Ties',
      '東京のニュース',
      'Untitled page',
    ]);
    expect(shownIds()).toEqual(['n4', 'n1', 'n2', 'n3', 'n5']);

    const n1 = article('n1');
    expect(n1.querySelector('.note-swatch')?.getAttribute('aria-label')).toBe('Yellow');
    expect(n1.querySelector('.note-swatch')?.getAttribute('role')).toBe('img');
    expect(n1.querySelector('blockquote')?.textContent).toBe('APT40 targeted ministries');
    expect(n1.querySelector('.note-body')?.textContent).toBe('Check the café reference\nsecond line');
    expect([...n1.querySelectorAll('.note-tag')].map((t) => t.textContent)).toEqual(['apt', 'asia']);
    expect(n1.querySelector('time')?.getAttribute('datetime')).toBe('1970-01-01T00:00:01.000Z');
    expect([...n1.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Open page at note',
      'Edit',
      'Delete',
    ]);
    expect(n1.querySelector('.note-orphan')).toBeNull();
    expect(article('n3').querySelector('.note-orphan')?.textContent).toBe(
      'Orphan — not found on its page last time',
    );
    expect(article('n4').querySelector('blockquote')).toBeNull();
    expect(article('n2').querySelector('.note-swatch')?.getAttribute('aria-label')).toBe('Green');

    // The Cyber Ties group names its site and links its address; the javascript: one is text, not a link.
    const groups = $$('.note-group');
    expect(groups[1]!.querySelector('.note-group-where')?.textContent).toBe(
      'example.com https://example.com/a',
    );
    expect(groups[1]!.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a');
    expect(groups[3]!.querySelector('a')).toBeNull();
    expect(groups[0]!.querySelector('.note-group-where')?.textContent).toBe(
      'Threat actor Notes about this entity show on every page that names it.',
    );
  });

  it('shows markup in notes as literal text and never makes a link or button of a javascript: address', async () => {
    await renderDashboard();
    const n5 = article('n5');
    expect(n5.querySelector('.note-body')?.textContent).toBe(EVIL_BODY);
    expect(n5.querySelector('blockquote')?.textContent).toBe('<script>window.pwned=2</script>');
    expect(root.querySelector('img, script, b')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect([...n5.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Edit', 'Delete']);
  });

  it('says when there are no notes, and when loading failed, with a way to try again', async () => {
    handlers.set('listNotes', () => {
      throw new Error('The database is closed.');
    });
    render(<DashboardApp search="" />, root);
    await vi.waitFor(() => expect($('[role="alert"].notice')).not.toBeNull());
    expect(status('[role="alert"].notice')).toBe('Could not load your notes: The database is closed.');

    handlers.set('listNotes', () => ({ notes: [], entities: [], orphanIds: [] }));
    button(root, 'Try again').click();
    await vi.waitFor(() => expect(status('.empty-notebook h2')).toBe('No notes yet'));
    expect(status('.dashboard-count')).toBe('0 notes');
  });

  it('opens the page at a note', async () => {
    handlers.set('openNote', () => null);
    await renderDashboard();
    button(article('n1'), 'Open page at note').click();
    await vi.waitFor(() => expect(sentOf('openNote').map((m) => m.args)).toEqual([{ id: 'n1' }]));

    handlers.set('openNote', () => {
      throw new Error('The note no longer exists.');
    });
    button(article('n2'), 'Open page at note').click();
    await vi.waitFor(() =>
      expect(status('.dashboard-error')).toBe('Could not open the page: The note no longer exists.'),
    );
  });

  it('reads the notebook again when the tab becomes visible, keeping an open edit form as typed', async () => {
    await renderDashboard();
    button(article('n2'), 'Edit').click();
    await vi.waitFor(() => expect(article('n2').querySelector('textarea')).not.toBeNull());
    type(article('n2').querySelector('textarea')!, 'half-typed');

    handlers.set('listNotes', () => {
      const book = notebook();
      book.notes[1]!.color = 'blue'; // changed in another tab meanwhile
      book.notes.push(
        note('n6', { body: 'From another tab', updatedAt: 9_000, pageKey: 'https://c.org/', site: 'c.org' }),
      );
      return book;
    });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(shownIds()).toEqual(['n6', 'n4', 'n1', 'n2', 'n3', 'n5']));
    expect(article('n2').querySelector('textarea')?.value).toBe('half-typed');
    expect(status('.dashboard-count')).toBe('6 notes');

    // Saving sends what the reader changed, not the colour they never touched back over the other tab's.
    handlers.set('updateNote', (args) => ({ ...notebook().notes[1]!, color: 'blue', ...(args as object) }));
    await tick();
    button(article('n2'), 'Save').click();
    await vi.waitFor(() =>
      expect(sentOf('updateNote').map((m) => m.args)).toEqual([{ id: 'n2', body: 'half-typed' }]),
    );
  });
});

describe('dashboard: search and filters', () => {
  it('narrows by every word, ignoring accents, in Japanese too, and writes the address', async () => {
    const onFiltersChanged = vi.fn();
    await renderDashboard('', onFiltersChanged);
    const box = $<HTMLInputElement>('input[type="search"]')!;
    expect(root.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Filter notes');

    type(box, 'CAFE');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n1']));
    expect(status('.dashboard-count')).toBe('Showing 1 of 5 notes');
    expect(onFiltersChanged).toHaveBeenLastCalledWith('?q=CAFE');

    type(box, '攻撃');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n3']));
    type(box, '東京');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n3']));
    type(box, 'apt40');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4', 'n1']));
    type(box, 'apt40 ministries');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n1']));
    type(box, 'bronze');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4']));
    type(box, '');
    await vi.waitFor(() => expect(shownIds().length).toBe(5));
    expect(onFiltersChanged).toHaveBeenLastCalledWith('');
  });

  it('filters by site, entity, colour, tag and orphan status, all combined', async () => {
    await renderDashboard();
    const site = $<HTMLSelectElement>('#filter-site')!;
    const entity = $<HTMLSelectElement>('#filter-entity')!;
    const color = $<HTMLSelectElement>('#filter-color')!;
    const tag = $<HTMLSelectElement>('#filter-tag')!;
    expect([...site.options].map((o) => o.textContent)).toEqual(['Any', 'example.com', 'news.jp']);
    expect([...entity.options].map((o) => o.textContent)).toEqual(['Any', 'APT40']);
    expect([...tag.options].map((o) => o.textContent)).toEqual(['Any', 'apt', 'asia', 'japan']);
    expect([...color.options].map((o) => o.textContent)).toEqual([
      'Any',
      'Yellow',
      'Green',
      'Blue',
      'Pink',
      'Purple',
    ]);

    choose(site, 'news.jp');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n3']));
    choose(site, '');
    choose(entity, 'apt40');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4']));
    choose(entity, '');
    choose(color, 'green');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n2']));
    choose(color, '');
    choose(tag, 'apt');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4', 'n1']));
    choose(site, 'example.com');
    choose(color, 'yellow');
    await vi.waitFor(() => expect(shownIds()).toEqual(['n1']));
    choose(color, '');
    choose(tag, '');
    choose(site, '');
    choose($<HTMLInputElement>('.filter-orphans input')!);
    await vi.waitFor(() => expect(shownIds()).toEqual(['n3']));
    expect($('.filter-orphans')?.textContent).toBe('Only notes not found on their page');
  });

  it('starts from the filters in the address and offers to clear them when nothing matches', async () => {
    await renderDashboard('?tag=japan&color=yellow');
    expect(shownIds()).toEqual([]);
    expect(status('.notice')).toBe('No notes match the search and filters.');
    expect(status('.dashboard-count')).toBe('Showing 0 of 5 notes');
    button(root, 'Clear search and filters').click();
    await vi.waitFor(() => expect(shownIds().length).toBe(5));
    await vi.waitFor(() => expect(document.activeElement).toBe($('input[type="search"]')));
    expect($<HTMLSelectElement>('#filter-tag')!.value).toBe('');
  });
});

describe('dashboard: edit', () => {
  it('sends only the changed fields, updates the list and returns focus to Edit', async () => {
    handlers.set('updateNote', (args) => ({
      ...notebook().notes[1]!,
      body: 'Rewritten',
      tags: ['apt', 'new-tag'],
      updatedAt: 7_000,
      ...(args as object),
    }));
    await renderDashboard();
    button(article('n2'), 'Edit').click();
    await vi.waitFor(() => expect(document.activeElement).toBe(article('n2').querySelector('textarea')));
    const form = article('n2').querySelector('form')!;
    expect((document.activeElement as HTMLTextAreaElement).value).toBe('Whole page note');
    expect(form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value).toBe('green');

    type(form.querySelector('textarea')!, 'Rewritten');
    type(form.querySelector<HTMLInputElement>('input[type="text"]')!, ' apt, , APT, new-tag ');
    await tick();
    button(form, 'Save').click();
    await vi.waitFor(() => expect(sentOf('updateNote').length).toBe(1));
    expect(sentOf('updateNote')[0]!.args).toEqual({ id: 'n2', body: 'Rewritten', tags: ['apt', 'new-tag'] });

    await vi.waitFor(() => expect(article('n2').querySelector('form')).toBeNull());
    expect(article('n2').querySelector('.note-body')?.textContent).toBe('Rewritten');
    expect([...article('n2').querySelectorAll('.note-tag')].map((t) => t.textContent)).toEqual([
      'apt',
      'new-tag',
    ]);
    // Updated last, so now first of its page.
    expect(shownIds()).toEqual(['n2', 'n1', 'n4', 'n3', 'n5']);
    await vi.waitFor(() => expect(document.activeElement).toBe(button(article('n2'), 'Edit')));
  });

  it('keeps the form and the text when saving fails, enforces limits, and cancels on Escape', async () => {
    handlers.set('updateNote', () => {
      throw new Error('The note no longer exists.');
    });
    await renderDashboard();
    button(article('n1'), 'Edit').click();
    await vi.waitFor(() => expect(article('n1').querySelector('form')).not.toBeNull());
    const form = article('n1').querySelector('form')!;
    choose(form.querySelector<HTMLInputElement>('input[value="purple"]')!);
    await tick();
    button(form, 'Save').click();
    await vi.waitFor(() =>
      expect(status('.note-edit-error')).toBe('Could not save the note: The note no longer exists.'),
    );
    expect(sentOf('updateNote')[0]!.args).toEqual({ id: 'n1', color: 'purple' });
    expect(form.querySelector('textarea')?.value).toBe('Check the café reference\nsecond line');

    type(form.querySelector<HTMLInputElement>('input[type="text"]')!, 'x'.repeat(65));
    await vi.waitFor(() =>
      expect(status('.note-edit-problem')).toBe(
        `The tag “${'x'.repeat(65)}” is too long; a tag can have at most 64 characters.`,
      ),
    );
    button(form, 'Save').click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sentOf('updateNote').length).toBe(1);

    form
      .querySelector('textarea')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await vi.waitFor(() => expect(article('n1').querySelector('form')).toBeNull());
    expect(article('n1').querySelector('.note-body')?.textContent).toBe(
      'Check the café reference\nsecond line',
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(button(article('n1'), 'Edit')));
  });
});

describe('dashboard: delete and undo', () => {
  beforeEach(() => {
    handlers.set('deleteNote', () => null);
    handlers.set('restoreNote', (args) => notebook().notes.find((n) => n.id === (args as { id: string }).id));
  });

  it('removes the note at once, offers Undo, and Undo brings it back', async () => {
    await renderDashboard();
    button(article('n2'), 'Delete').click();
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4', 'n1', 'n3', 'n5']));
    expect(sentOf('deleteNote').map((m) => m.args)).toEqual([{ id: 'n2' }]);
    const bar = $('.undo-bar')!;
    expect(bar.getAttribute('role')).toBe('status');
    expect(bar.textContent).toBe('Note deleted. Undo');
    expect(status('.dashboard-count')).toBe('4 notes');
    // Focus moved to the note that took its place, not lost with the button.
    await vi.waitFor(() => expect(document.activeElement).toBe(article('n3')));

    button(bar, 'Undo').click();
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4', 'n1', 'n2', 'n3', 'n5']));
    expect(sentOf('restoreNote').map((m) => m.args)).toEqual([{ id: 'n2' }]);
    expect(bar.textContent).toBe('');
    await vi.waitFor(() => expect(document.activeElement).toBe(article('n2')));
  });

  it('undoes only the latest of several deletions', async () => {
    await renderDashboard();
    button(article('n1'), 'Delete').click();
    await vi.waitFor(() => expect(article('n1')).toBeNull());
    button(article('n2'), 'Delete').click();
    await vi.waitFor(() => expect(article('n2')).toBeNull());
    expect(sentOf('deleteNote').map((m) => m.args)).toEqual([{ id: 'n1' }, { id: 'n2' }]);
    button($('.undo-bar')!, 'Undo').click();
    // n2 is back; its page now sorts after 東京 (n3), as n1 the newer note there stays deleted.
    await vi.waitFor(() => expect(shownIds()).toEqual(['n4', 'n3', 'n2', 'n5']));
    expect(sentOf('restoreNote').map((m) => m.args)).toEqual([{ id: 'n2' }]);
  });

  it('hides Undo after ten seconds', async () => {
    await renderDashboard();
    vi.useFakeTimers();
    button(article('n5'), 'Delete').click();
    await vi.advanceTimersByTimeAsync(100);
    expect(status('.undo-bar')).toBe('Note deleted. Undo');
    await vi.advanceTimersByTimeAsync(9_800);
    expect(status('.undo-bar')).toBe('Note deleted. Undo');
    await vi.advanceTimersByTimeAsync(200);
    expect(status('.undo-bar')).toBe('');
    expect(sentOf('restoreNote')).toEqual([]);
  });

  it('puts the note back and says so when the delete fails', async () => {
    handlers.set('deleteNote', () => {
      throw new Error('The database is closed.');
    });
    await renderDashboard();
    button(article('n2'), 'Delete').click();
    await vi.waitFor(() =>
      expect(status('.dashboard-error')).toBe('Could not delete the note: The database is closed.'),
    );
    expect(shownIds()).toEqual(['n4', 'n1', 'n2', 'n3', 'n5']);
    expect(status('.undo-bar')).toBe('');
  });
});

describe('dashboard: export and import', () => {
  function pick(file: File): void {
    const input = $<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('downloads an export under the returned name and type', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:gloss/1');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    handlers.set('exportNotes', () => ({
      filename: 'gloss-notes.md',
      mimeType: 'text/markdown',
      text: '# Notes\n',
    }));
    await renderDashboard();
    button(root, 'Export Markdown').click();
    await vi.waitFor(() => expect(clicked.length).toBe(1));
    click.mockRestore();
    expect(sentOf('exportNotes').map((m) => m.args)).toEqual([{ format: 'markdown' }]);
    expect(clicked[0]!.download).toBe('gloss-notes.md');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:gloss/1');
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/markdown');
    expect(await blob.text()).toBe('# Notes\n');
    await vi.waitFor(() => expect(status('.import-export-status')).toBe('Saved gloss-notes.md.'));
    expect(document.querySelector('a[download]')).toBeNull();
    expect(button(root, 'Export JSON-LD')).toBeDefined();
  });

  it('imports a file, says what happened and reloads the list', async () => {
    handlers.set('importNotes', () => ({
      added: 12,
      unchanged: 3,
      skipped: [{ index: 4, reason: 'has no text and no quote' }],
    }));
    await renderDashboard();
    const input = $<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe('.json,.jsonld,application/json,application/ld+json');
    expect(button(root, 'Import notes…')).toBeDefined();
    pick(new File(['{"type":"AnnotationCollection"}'], 'notes.jsonld', { type: 'application/ld+json' }));
    await vi.waitFor(() =>
      expect(status('.import-export-status')).toBe(
        'Imported 12 notes. 3 were already here. 1 could not be used: annotation 4 has no text and no quote.',
      ),
    );
    expect(sentOf('importNotes').map((m) => m.args)).toEqual([{ text: '{"type":"AnnotationCollection"}' }]);
    await vi.waitFor(() => expect(sentOf('listNotes').length).toBe(2));
  });

  it('shows an import error as an alert and changes nothing', async () => {
    handlers.set('importNotes', () => {
      throw new Error('Annotation 3 in this file has no target. Nothing was imported.');
    });
    await renderDashboard();
    pick(new File(['[]'], 'bad.json', { type: 'application/json' }));
    await vi.waitFor(() =>
      expect(status('.import-export-error')).toBe(
        'Import failed. Annotation 3 in this file has no target. Nothing was imported.',
      ),
    );
    expect(status('.import-export-error')?.match(/nothing was imported/gi)).toHaveLength(1);
    expect($('.import-export-error')?.getAttribute('role')).toBe('alert');
    expect(sentOf('listNotes').length).toBe(1);
    expect(shownIds().length).toBe(5);
  });

  it('says once that nothing was imported when the background fails for another reason', async () => {
    handlers.set('importNotes', () => {
      throw new Error('The background did not answer.');
    });
    await renderDashboard();
    pick(new File(['[]'], 'bad.json', { type: 'application/json' }));
    await vi.waitFor(() =>
      expect(status('.import-export-error')).toBe(
        'Import failed. The background did not answer. Nothing was imported.',
      ),
    );
  });

  it('refuses a file over 10 MB without reading or sending it', async () => {
    await renderDashboard();
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 11 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    pick(file);
    await vi.waitFor(() =>
      expect(status('.import-export-error')).toBe(
        'This file is 11 MB; Gloss imports files of up to 10 MB. Nothing was changed.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
    expect(sentOf('importNotes')).toEqual([]);
  });
});

describe('dashboard: storage', () => {
  it('asks for persistent storage and says when the browser declined', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), { storage: { persisted: async () => false, persist } }),
    );
    await renderDashboard();
    await vi.waitFor(() =>
      expect(status('.storage-status')).toBe(
        "Your browser may delete notes when disk space runs low: it declined to store Gloss's data persistently. Export your notes now and then to keep a copy.",
      ),
    );
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says the notes are safe when persist() is declined but Gloss holds unlimitedStorage (Chrome)', async () => {
    manifestPermissions.push('storage', 'unlimitedStorage');
    try {
      vi.stubGlobal(
        'navigator',
        Object.assign(Object.create(navigator), {
          storage: { persisted: async () => false, persist: async () => false },
        }),
      );
      await renderDashboard();
      await vi.waitFor(() =>
        expect(status('.storage-status')).toMatch(/^Notes are kept when disk space runs low/),
      );
    } finally {
      manifestPermissions.length = 0;
    }
  });

  it('says nothing without the Storage API, and confirms when storage is persistent', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { storage: undefined }));
    await renderDashboard();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect($('.storage-status')).toBeNull();
    render(null, root);

    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), { storage: { persisted: async () => true } }),
    );
    await renderDashboard();
    await vi.waitFor(() => expect(status('.storage-status')).toBe('Notes are stored persistently.'));
  });
});

describe('a long notebook', () => {
  it('renders the first 100 notes, then 100 more each time Show more is pressed, and the filter sees them all', async () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      note(`m${i}`, {
        url: `https://example.com/p${i % 7}`,
        pageKey: `https://example.com/p${i % 7}`,
        body: i === 240 ? 'the needle' : `note ${i}`,
        updatedAt: 10_000 - i,
      }),
    );
    handlers.set('listNotes', () => ({ notes: many, entities: [], orphanIds: [] }));
    await renderDashboard();
    expect(shownIds()).toHaveLength(100);
    const more = $<HTMLButtonElement>('.note-list-more')!;
    expect(more.textContent).toBe('Show 100 more');
    more.click();
    await tick();
    expect(shownIds()).toHaveLength(200);
    $<HTMLButtonElement>('.note-list-more')!.click();
    await tick();
    expect(shownIds()).toHaveLength(250);
    expect($('.note-list-more')).toBeNull();
    // The filter runs over every note, not only those rendered.
    render(null, root);
    await renderDashboard();
    type($<HTMLInputElement>('input[type="search"]')!, 'needle');
    await vi.waitFor(() => expect(shownIds()).toEqual(['m240']));
  });
});
