// @vitest-environment happy-dom
/** The source reader against a fake background. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderApp } from '../../../../src/pages/reader/ReaderApp';
import type { SourceView } from '../../../../src/shared/protocol';
import { handlers, resetFakes } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const view: SourceView = {
  source: {
    id: 'src-a',
    origin: 'builtin',
    title: 'Cyber Ties',
    subtitle: 'Two democracies and the internet',
    author: 'A. Writer',
    authorAffiliation: 'A Think Tank',
    site: 'ORF',
    dateText: 'early 2021',
    section: 'Commentary',
    blocks: [
      { kind: 'paragraph', text: 'APT40 struck again, said the report.' },
      { kind: 'heading', text: 'What BECA means' },
      { kind: 'paragraph', text: 'BECA was signed. Later, APT40 and BECA met in the news.' },
      { kind: 'bio', text: 'A. Writer studies cyber policy.' },
    ],
  },
  mentions: [
    { entityId: 'apt40', blockIndex: 0, start: 0, end: 5, text: 'APT40' },
    { entityId: 'beca', blockIndex: 1, start: 5, end: 9, text: 'BECA' },
    { entityId: 'beca', blockIndex: 2, start: 0, end: 4, text: 'BECA' },
    { entityId: 'apt40', blockIndex: 2, start: 24, end: 29, text: 'APT40' },
    { entityId: 'beca', blockIndex: 2, start: 34, end: 38, text: 'BECA' },
  ],
  entities: [
    { id: 'beca', name: 'BECA', type: 'agreement' },
    { id: 'apt40', name: 'APT40', type: 'threat-actor' },
  ],
};

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const marks = () => [...root.querySelectorAll('mark.gloss-mention')];

beforeEach(() => {
  resetFakes();
  handlers.set('getSource', (args) => {
    if ((args as { sourceId: string }).sourceId !== 'src-a') throw new Error('unknown source');
    return view;
  });
  handlers.set('listKb', () => ({
    entities: view.entities,
    sources: [{ id: 'src-a', title: 'Cyber Ties' }],
  }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
});

describe('reader', () => {
  it('renders the article with its header, headings, paragraphs and bio', async () => {
    render(<ReaderApp search="?source=src-a" />, root);
    await vi.waitFor(() => expect($('h1')?.textContent).toBe('Cyber Ties'));
    const header = $('.reader-header')!.textContent!;
    expect(header).toContain('Two democracies and the internet');
    expect(header).toContain('By A. Writer, A Think Tank');
    expect(header).toContain('early 2021');
    expect(header).toContain('as supplied to Gloss');
    expect($('.reader-body h2')?.textContent).toBe('What BECA means');
    expect(root.querySelectorAll('.reader-body p').length).toBe(2);
    expect($('.reader-bio')?.textContent).toBe('A. Writer studies cyber policy.');
    expect(marks()).toEqual([]);
    expect(document.title).toBe('Cyber Ties – Gloss');
  });

  it('marks the chosen entity, lands on the passage, and switches entity from the picker', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this);
    });
    render(<ReaderApp search="?source=src-a&entity=beca&passage=src-a:2:0" />, root);
    await vi.waitFor(() => expect(marks().length).toBe(3));
    expect(marks().map((m) => [m.textContent, m.getAttribute('data-entity-id')])).toEqual([
      ['BECA', 'beca'],
      ['BECA', 'beca'],
      ['BECA', 'beca'],
    ]);
    // Text around marks is intact.
    expect($('[data-block-index="2"]')?.textContent).toBe(view.source.blocks[2]!.text);

    const target = $('.gloss-passage-target')!;
    expect(target.getAttribute('data-block-index')).toBe('2');
    expect(target.id).toBe('passage-2-0');
    expect(target.getAttribute('tabindex')).toBe('-1');
    await vi.waitFor(() => expect(document.activeElement).toBe(target));
    expect(scrolled).toContain(target);

    const picker = $<HTMLSelectElement>('select#entity-picker')!;
    expect(picker.value).toBe('beca');
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      '(nothing)',
      'APT40 (2 mentions)',
      'BECA (3 mentions)',
    ]);
    expect($('.reader-marked')?.textContent).toBe('3 mentions marked');

    picker.value = 'apt40';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() =>
      expect(marks().map((m) => m.getAttribute('data-entity-id'))).toEqual(['apt40', 'apt40']),
    );
    expect($('.gloss-passage-target')).toBeNull();
    expect(location.search).toBe('?source=src-a&entity=apt40');
  });

  it('says clearly when the source does not exist, and lists the ones that do', async () => {
    render(<ReaderApp search="?source=nope" />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Gloss has no source article called “nope”.'));
    expect($<HTMLAnchorElement>('.source-links a')?.getAttribute('href')).toBe('reader.html?source=src-a');
    render(null, root);

    render(<ReaderApp search="" />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('No source article was named'));
  });

  it('shows other failures in words', async () => {
    handlers.set('getSource', () => {
      throw new Error('database closed');
    });
    render(<ReaderApp search="?source=src-a" />, root);
    await vi.waitFor(() =>
      expect(root.textContent).toContain('The article could not be opened: database closed'),
    );
  });
});
