// @vitest-environment happy-dom
/** The Suggestions tab against a fake background: what a suggestion shows, Accept, Reject and Merge into…. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SuggestionsPanel } from '../../../../src/pages/dashboard/library/SuggestionsPanel';
import type { EntityDetail, SuggestionView } from '../../../../src/shared/library/library-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import {
  $,
  $$,
  argsOf,
  button,
  EVIL,
  entityItem,
  field,
  mountRoot,
  page,
  suggestion,
  type,
  unmountRoot,
} from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let queue: SuggestionView[];
const item = (key: string) => $(`[data-suggestion-key="${key}"]`)!;
const keys = () => $$('[data-suggestion-key]').map((el) => el.getAttribute('data-suggestion-key'));

beforeEach(() => {
  resetFakes();
  queue = [
    suggestion('ncsc', {
      name: 'NCSC',
      aliases: ['National Cyber Security Centre'],
      type: 'government-body',
      reason: 'definition',
      occurrences: 3,
      sourceTitle: 'UK <i>advisory</i>',
      passage: {
        blockIndex: 1,
        text: `The ncsc (National Cyber Security Centre) warned; NCSC ${EVIL} again.`,
      },
    }),
    suggestion('volt', { name: 'Volt Typhoon', reason: 'dubbed', occurrences: 1 }),
    suggestion('q', { name: 'Quiet Group', reason: 'quoted' }),
    suggestion('r', { name: 'Red Lamp', reason: 'repeated' }),
  ];
  handlers.set('listSuggestions', () => queue);
  handlers.set('listEntities', () => [
    entityItem('uk-ncsc', { name: 'UK NCSC', type: 'government-body', origin: 'builtin' }),
  ]);
  mountRoot();
});
afterEach(unmountRoot);

async function renderPanel(): Promise<void> {
  render(<SuggestionsPanel />, page.root);
  await vi.waitFor(() => expect(keys()).toHaveLength(4));
}

describe('suggestions tab', () => {
  it('shows name, aliases, reason in words, occurrences, source and the passage with the name marked, as text', async () => {
    await renderPanel();
    const ncsc = item('ncsc');
    expect(ncsc.querySelector('h3')?.textContent).toBe('NCSC');
    // Its buttons are a group named by the suggestion, so "Accept" says what it accepts.
    const group = ncsc.querySelector('fieldset')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('NCSC');
    expect(ncsc.querySelector('.library-aliases')?.textContent).toBe(
      'Also written: National Cyber Security Centre',
    );
    expect(ncsc.querySelector('.suggestion-reason')?.textContent).toBe('defined as an abbreviation');
    expect(ncsc.textContent).toContain('3 occurrences');
    expect(ncsc.querySelector('cite')?.textContent).toBe('UK <i>advisory</i>');
    const passage = ncsc.querySelector('blockquote')!;
    expect(passage.textContent).toBe(`The ncsc (National Cyber Security Centre) warned; NCSC ${EVIL} again.`);
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ncsc', 'NCSC']);
    expect(page.root.querySelector('img, i')).toBeNull();
    expect($$('.suggestion-reason').map((r) => r.textContent)).toEqual([
      'defined as an abbreviation',
      'introduced as “dubbed”, “known as” or “code-named”',
      'quoted name after “group”',
      'repeated capitalised name',
    ]);
    expect(item('volt').textContent).toContain('1 occurrence');
  });

  it('rejects: the suggestion leaves the queue at once, and the list is read again', async () => {
    let release: () => void = () => undefined;
    handlers.set(
      'rejectSuggestion',
      () =>
        new Promise((resolve) => {
          release = () => resolve(null);
        }),
    );
    await renderPanel();
    button('Reject', item('volt'))!.click();
    await vi.waitFor(() => expect(keys()).toEqual(['ncsc', 'q', 'r']));
    expect(argsOf('rejectSuggestion')).toEqual([{ key: 'volt', name: 'Volt Typhoon' }]);
    const listed = argsOf('listSuggestions').length;
    queue = queue.filter((s) => s.key !== 'volt');
    release();
    await vi.waitFor(() => expect(argsOf('listSuggestions').length).toBe(listed + 1));
  });

  it('accepts through the entity form, prefilled, and creates the entity', async () => {
    handlers.set('createEntity', () => {
      queue = queue.filter((s) => s.key !== 'ncsc');
      return { id: 'u1', name: 'NCSC', type: 'government-body' };
    });
    await renderPanel();
    button('Accept', item('ncsc'))!.click();
    await vi.waitFor(() => expect($('form.entity-form')).not.toBeNull());
    const form = $<HTMLFormElement>('form.entity-form')!;
    expect(form.querySelector('h3')?.textContent).toBe('Accept NCSC as an entity');
    expect(field('Name', form).value).toBe('NCSC');
    expect(field<HTMLSelectElement>('Type', form).value).toBe('government-body');
    expect($$<HTMLInputElement>('.alias-text', form).map((i) => i.value)).toEqual([
      'NCSC',
      'National Cyber Security Centre',
    ]);
    button('Save', form)!.click();
    await vi.waitFor(() => expect(keys()).toEqual(['volt', 'q', 'r']));
    expect(argsOf('createEntity')).toEqual([
      {
        entity: {
          name: 'NCSC',
          type: 'government-body',
          description: '',
          aliases: [{ text: 'NCSC', caseSensitive: true }, { text: 'National Cyber Security Centre' }],
          related: [],
          links: [],
        },
      },
    ]);
    expect($('form.entity-form')).toBeNull();
  });

  it('offers Organisation when the suggestion has no type guess', async () => {
    await renderPanel();
    button('Accept', item('volt'))!.click();
    await vi.waitFor(() => expect($('form.entity-form')).not.toBeNull());
    const form = $<HTMLFormElement>('form.entity-form')!;
    expect(field<HTMLSelectElement>('Type', form).value).toBe('organisation');
  });

  it('merges into an existing entity, adding only the names it lacks as aliases', async () => {
    const existing: EntityDetail = {
      entity: {
        id: 'uk-ncsc',
        name: 'UK NCSC',
        type: 'government-body',
        description: 'The UK centre.',
        aliases: [{ text: 'UK NCSC' }, { text: 'national cyber security centre', rejectAfter: '^ of' }],
        related: [],
        links: [],
      },
      origin: 'builtin',
      isEdited: false,
      isHidden: false,
    };
    handlers.set('getEntity', () => existing);
    handlers.set('updateEntity', () => ({ id: 'uk-ncsc', name: 'UK NCSC', type: 'government-body' }));
    await renderPanel();
    button('Merge into…', item('ncsc'))!.click();
    await vi.waitFor(() => expect(item('ncsc').querySelector('.entity-picker')).not.toBeNull());
    const box = field('Add “NCSC” as an alias of (type its name)', item('ncsc'));
    type(box, 'uk');
    await vi.waitFor(() => expect(button('UK NCSC (Government body)', item('ncsc'))).toBeDefined());
    button('UK NCSC (Government body)', item('ncsc'))!.click();
    await vi.waitFor(() => expect(argsOf('updateEntity')).toHaveLength(1));
    expect(argsOf('getEntity')).toEqual([{ id: 'uk-ncsc' }]);
    expect(argsOf('updateEntity')[0]).toEqual({
      id: 'uk-ncsc',
      entity: {
        name: 'UK NCSC',
        type: 'government-body',
        description: 'The UK centre.',
        aliases: [
          { text: 'UK NCSC' },
          { text: 'national cyber security centre', rejectAfter: '^ of' },
          { text: 'NCSC', caseSensitive: true },
        ],
        related: [],
        links: [],
      },
    });
  });
});
