// @vitest-environment happy-dom
/** The entity page against a fake background, including live updates from `dataChanged`. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityApp } from '../../../../src/pages/entity/EntityApp';
import type { EntityPageData } from '../../../../src/shared/library/entity-page-types';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';
import { noteView } from '../../helpers/note-view';

/** Listeners of `runtime.onMessage`, so a test can broadcast a page event as the background does. */
const listeners = vi.hoisted(() => new Set<(message: unknown) => void>());
vi.mock('../../../../src/platform/browser', async () => {
  const { fakeBrowser } = await import('../../helpers/fake-browser');
  return {
    browser: {
      ...fakeBrowser,
      runtime: {
        ...fakeBrowser.runtime,
        onMessage: {
          addListener: (l: (message: unknown) => void) => listeners.add(l),
          removeListener: (l: (message: unknown) => void) => listeners.delete(l),
        },
      },
    },
  };
});

const broadcast = (kinds: string[]): void => {
  for (const l of listeners) l({ gloss: 1, pageEvent: 'dataChanged', args: { kinds } });
};

const DAY = Date.UTC(2026, 11, 2, 12);

function pageData(over: Partial<EntityPageData> = {}): EntityPageData {
  return {
    entity: {
      id: 'apt10',
      name: 'APT10',
      type: 'threat-actor',
      description: 'A cyber-espionage group.',
      aliases: ['Stone Panda', 'MenuPass'],
      links: [{ label: 'MITRE ATT&CK', url: 'https://attack.mitre.org/groups/G0045/' }],
      origin: 'builtin',
      isHidden: false,
      isEdited: true,
    },
    passages: [
      {
        id: 'src-a:0:0',
        entityId: 'apt10',
        sourceId: 'src-a',
        blockIndex: 0,
        start: 0,
        end: 30,
        text: 'APT10 targeted managed services.',
        marks: [[0, 5]],
        source: {
          id: 'src-a',
          origin: 'builtin',
          title: 'Cloud Hopper',
          site: 'The Diplomat',
          dateText: 'early 2021',
        },
      },
    ],
    notesAbout: [
      noteView({ id: 'n-about', entityId: 'apt10', anchor: null, body: 'Watch them.', title: 'Feeds' }),
    ],
    notesMentioning: [
      noteView({
        id: 'n-quote',
        title: 'A story',
        url: 'https://news.example/story',
        anchor: { quote: { exact: 'APT10 struck', prefix: '', suffix: '' } },
        body: 'Again.',
      }),
    ],
    related: [{ id: 'apt40', name: 'APT40', type: 'threat-actor' }],
    history: {
      isRecording: true,
      pageCount: 2,
      lastSeen: DAY,
      pages: [
        {
          entityId: 'apt10',
          pageKey: 'news.example/a',
          url: 'https://www.news.example/a',
          title: 'Page A',
          lastSeen: DAY,
          firstSeen: DAY,
          mentions: 3,
        },
        {
          entityId: 'apt10',
          pageKey: 'blog.example/b',
          url: 'https://blog.example/b',
          title: '',
          lastSeen: DAY - 86_400_000,
          firstSeen: DAY - 86_400_000,
          mentions: 1,
        },
      ],
    },
    ...over,
  };
}

let root: HTMLElement;
let data: EntityPageData;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const text = (selector: string) => $(selector)?.textContent ?? '';

beforeEach(() => {
  resetFakes();
  listeners.clear();
  data = pageData();
  handlers.set('getEntityPage', (args) => {
    if ((args as { id: string }).id !== 'apt10') throw new Error('That entity no longer exists.');
    return structuredClone(data);
  });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const mount = async (search = '?id=apt10') => {
  render(<EntityApp search={search} />, root);
  await vi.waitFor(() => expect($('h1')?.textContent).toBeTruthy());
};

describe('entity page', () => {
  it('shows the header: name as title, type, badges, other names, description, links', async () => {
    await mount();
    expect(text('h1')).toBe('APT10');
    expect(document.title).toBe('APT10');
    expect(text('.entity-kicker')).toContain('Edited');
    expect(text('.entity-kicker')).not.toContain('Hidden');
    expect(text('.entity-aliases')).toBe('Also called: Stone Panda, MenuPass');
    expect(text('.entity-description')).toBe('A cyber-espionage group.');
    expect($<HTMLAnchorElement>('.entity-links a')?.href).toBe('https://attack.mitre.org/groups/G0045/');
    // Edit opens the dashboard's form for this entity.
    expect($<HTMLAnchorElement>('.entity-edit a')?.getAttribute('href')).toMatch(
      /^dashboard\.html\?tab=entities&edit=[a-z0-9-]+$/,
    );
    expect($$('h2').map((h) => h.textContent)).toEqual([
      'In your sources 1 passage',
      'Your notes',
      'Related',
      'Where you have seen it',
    ]);
  });

  it('lists passages with the mention marked, attribution and a link into the reader', async () => {
    await mount();
    expect(text('.entity-quote mark')).toBe('APT10');
    expect(text('.entity-attribution')).toContain('Cloud Hopper, The Diplomat, early 2021.');
    expect($<HTMLAnchorElement>('.entity-attribution a')?.getAttribute('href')).toBe(
      'reader.html?source=src-a&entity=apt10&passage=src-a%3A0%3A0',
    );
  });

  it('lists notes about it, then on passages naming it, each opening at its place', async () => {
    handlers.set('openNote', () => {
      throw new Error('That note no longer exists.');
    });
    await mount();
    expect($$('.entity-section h3').map((h) => h.textContent)).toEqual([
      'About APT10',
      'On passages that mention it',
    ]);
    const notes = $$('.entity-note');
    expect(notes.map((n) => n.dataset.noteId)).toEqual(['n-about', 'n-quote']);
    expect(notes[1]?.textContent).toContain('A story');
    expect(notes[1]?.querySelector('blockquote')?.textContent).toBe('APT10 struck');
    expect(notes[1]?.textContent).toContain('Again.');
    const button = notes[1]!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Open the note on A story at its place');
    button.click();
    await vi.waitFor(() =>
      expect(notes[1]?.textContent).toContain('Could not open the note: That note no longer exists.'),
    );
    expect(sent.at(-1)).toMatchObject({ type: 'openNote', args: { id: 'n-quote' } });
  });

  it('says so when there are no notes, passages or related entities', async () => {
    data = pageData({ notesAbout: [], notesMentioning: [], passages: [], related: [] });
    await mount();
    expect(root.textContent).toContain('You have no notes about it, nor on passages that mention it.');
    expect(root.textContent).toContain('No source quotes it yet.');
    expect(root.textContent).toContain('Nothing related.');
  });

  it('links related entities to their own pages', async () => {
    await mount();
    expect($<HTMLAnchorElement>('.entity-related a')?.getAttribute('href')).toBe('entity.html?id=apt40');
  });

  it('lists where it was seen: count, last date, each page with its site, date and mentions', async () => {
    await mount();
    expect(text('.entity-history-summary')).toMatch(/^Seen on 2 pages, last on .*2026$/);
    const rows = $$('.entity-sighting');
    expect(rows.map((r) => r.querySelector('a')?.textContent)).toEqual(['Page A', 'https://blog.example/b']);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('https://www.news.example/a');
    expect(rows[0]?.textContent).toContain('news.example');
    expect(rows[0]?.textContent).toContain('3 mentions');
    expect(rows[1]?.textContent).toContain('1 mention');
    expect($('.entity-recording-off')).toBeNull();
  });

  it('says when recording is off (with the way to the options) and when nothing was seen', async () => {
    data = pageData({ history: { isRecording: false, pageCount: 0, pages: [] } });
    await mount();
    expect(text('.entity-recording-off')).toContain('Recording is off');
    expect($<HTMLAnchorElement>('.entity-recording-off a')?.getAttribute('href')).toBe('options.html');
    expect(text('.entity-history-summary')).toBe('Not seen on any page yet.');
  });

  it('marks a hidden entity and explains its missing passages', async () => {
    data = pageData({ entity: { ...pageData().entity, isHidden: true, isEdited: false }, passages: [] });
    await mount();
    expect(text('.entity-kicker')).toContain('Hidden');
    expect(root.textContent).toContain('No passages are quoted for a hidden entity.');
  });

  it('shows the background’s error for an unknown id, and a clear one for none', async () => {
    await mount('?id=gone');
    await vi.waitFor(() => expect(text('[role=alert]')).toBe('That entity no longer exists.'));
    render(null, root);
    await mount('');
    await vi.waitFor(() => expect(text('[role=alert]')).toBe('No entity is named in this address.'));
  });

  it('updates live on dataChanged without losing what is on screen', async () => {
    await mount();
    const header = $('h1');
    const passage = $('.entity-passage');
    passage?.setAttribute('data-kept', 'yes');
    data = pageData({ history: { isRecording: true, pageCount: 0, pages: [] } });
    broadcast(['history']);
    await vi.waitFor(() => expect(text('.entity-history-summary')).toBe('Not seen on any page yet.'));
    // The same elements are still there (re-rendered in place, never through "loading").
    expect($('h1')).toBe(header);
    expect($('.entity-passage')?.getAttribute('data-kept')).toBe('yes');
    expect(sent.filter((m) => m.type === 'getEntityPage')).toHaveLength(2);
  });

  it('stops listening once unmounted', async () => {
    await mount();
    render(null, root);
    expect(listeners.size).toBe(0);
  });
});
