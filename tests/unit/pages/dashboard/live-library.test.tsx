// @vitest-environment happy-dom
/**
 * Live pages (issue 14), the library tabs: Sources, Entities and Suggestions read their lists again on
 * `dataChanged` (delivered as the background would, a runtime message), keep the old list on screen while
 * the new one comes, and keep what the reader had: an entity form's draft (and say when its entity changed
 * or went elsewhere), the filters, the undo bar, focus.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntitiesPanel } from '../../../../src/pages/dashboard/library/EntitiesPanel';
import { SourcesPanel } from '../../../../src/pages/dashboard/library/SourcesPanel';
import { SuggestionsPanel } from '../../../../src/pages/dashboard/library/SuggestionsPanel';
import type {
  EntityInput,
  EntityListItem,
  SourceListItem,
  SuggestionView,
} from '../../../../src/shared/library/library-types';
import type { DataKind } from '../../../../src/shared/protocol';
import { firePageEvent, handlers, resetFakes } from '../../helpers/fake-browser';
import {
  $,
  $$,
  argsOf,
  button,
  entityItem,
  field,
  mountRoot,
  page,
  sourceItem,
  suggestion,
  tick,
  type,
  unmountRoot,
} from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const changed = (...kinds: DataKind[]): void =>
  firePageEvent({ gloss: 1, pageEvent: 'dataChanged', args: { kinds } });
const titles = () => $$('.library-item-title').map((h) => h.textContent);

let sources: SourceListItem[];
let entities: EntityListItem[];
let details: Map<string, EntityInput & { id: string }>;
let queue: SuggestionView[];

beforeEach(() => {
  resetFakes();
  sources = [sourceItem('s1', { title: 'First source' })];
  entities = [entityItem('cicada', { name: 'Cicada' }), entityItem('line', { name: 'LINE' })];
  details = new Map(
    entities.map((e) => [
      e.id,
      { id: e.id, name: e.name, type: e.type, description: 'Old', aliases: [], related: [], links: [] },
    ]),
  );
  queue = [suggestion('cda')];
  handlers.set('listSources', () => sources);
  handlers.set('listEntities', () => entities);
  handlers.set('getEntity', (args) => {
    const detail = details.get((args as { id: string }).id);
    if (!detail) throw new Error('There is no such entity.');
    return { entity: detail, origin: 'user', isEdited: false, isHidden: false };
  });
  handlers.set('listSuggestions', () => queue);
  mountRoot();
});
afterEach(() => unmountRoot());

describe('Sources tab', () => {
  it('a source kept elsewhere appears, the old list staying on screen while the new one loads', async () => {
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect(titles()).toEqual(['First source']));
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    handlers.set('listSources', async () => {
      await held;
      return sources;
    });
    sources = [sourceItem('s2', { title: 'Kept in a tab' }), ...sources];
    changed('sources');
    await vi.waitFor(() => expect(argsOf('listSources')).toHaveLength(2));
    expect(page.root.textContent).not.toContain('Loading');
    expect(titles()).toEqual(['First source']);
    release();
    await vi.waitFor(() => expect(titles()).toEqual(['Kept in a tab', 'First source']));
  });

  it('ignores notes and history changes, and keeps the list when a refetch fails', async () => {
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect(titles()).toEqual(['First source']));
    changed('notes', 'history');
    await tick();
    expect(argsOf('listSources')).toHaveLength(1);
    handlers.set('listSources', () => {
      throw new Error('background restarting');
    });
    changed('entities');
    await vi.waitFor(() => expect(argsOf('listSources')).toHaveLength(2));
    await tick();
    expect(titles()).toEqual(['First source']);
    expect(page.root.textContent).not.toContain('Could not load');
  });

  it('keeps focus on the focused row’s button while rows arrive above it', async () => {
    render(<SourcesPanel />, page.root);
    await vi.waitFor(() => expect(titles()).toEqual(['First source']));
    const read = button('Read', $('[data-source-id="s1"]')!)!;
    read.focus();
    sources = [sourceItem('s2'), ...sources];
    changed('sources');
    await vi.waitFor(() => expect(titles()).toHaveLength(2));
    expect(document.activeElement).toBe(read);
  });
});

describe('Entities tab', () => {
  async function openForm(id: string): Promise<HTMLInputElement> {
    render(<EntitiesPanel />, page.root);
    await vi.waitFor(() => expect(titles()).toEqual(['Cicada', 'LINE']));
    button('Edit', $(`[data-entity-id="${id}"]`)!)!.click();
    await vi.waitFor(() => expect($('form.entity-form, form')).not.toBeNull());
    const name = field('Name');
    type(name, 'Cicada (my draft)');
    type(field<HTMLTextAreaElement>('Description'), 'Draft description');
    await tick();
    return name;
  }

  it('an entity form keeps its draft while entities change elsewhere', async () => {
    const name = await openForm('cicada');
    entities = [...entities, entityItem('volt', { name: 'Volt Typhoon' })];
    changed('entities');
    await vi.waitFor(() => expect(titles()).toContain('Volt Typhoon'));
    expect(field('Name')).toBe(name);
    expect(name.value).toBe('Cicada (my draft)');
    expect(field<HTMLTextAreaElement>('Description').value).toBe('Draft description');
    expect(page.root.textContent).not.toContain('elsewhere');
  });

  it('says when the entity being edited changed elsewhere, and when it was deleted, keeping the draft', async () => {
    const name = await openForm('cicada');
    details.set('cicada', { ...details.get('cicada')!, description: 'Changed in another window' });
    changed('entities');
    await vi.waitFor(() => expect(page.root.textContent).toContain('changed elsewhere'));
    expect(name.value).toBe('Cicada (my draft)');
    details.delete('cicada');
    entities = entities.filter((e) => e.id !== 'cicada');
    changed('entities');
    await vi.waitFor(() => expect(page.root.textContent).toContain('deleted elsewhere'));
    expect(field('Name')).toBe(name);
    expect(name.value).toBe('Cicada (my draft)');
    expect(field<HTMLTextAreaElement>('Description').value).toBe('Draft description');
  });

  it('keeps the filter text and the rows shown', async () => {
    render(<EntitiesPanel />, page.root);
    await vi.waitFor(() => expect(titles()).toEqual(['Cicada', 'LINE']));
    const box = $<HTMLInputElement>('#entity-search')!;
    type(box, 'ci');
    await vi.waitFor(() => expect(titles()).toEqual(['Cicada']));
    entities = [...entities, entityItem('circle', { name: 'Circle' })];
    changed('sources');
    await vi.waitFor(() => expect(titles()).toEqual(['Cicada', 'Circle']));
    expect(box.value).toBe('ci');
  });
});

describe('Suggestions tab', () => {
  it('follows sources and entities, and an accepted suggestion’s form keeps its draft', async () => {
    render(<SuggestionsPanel />, page.root);
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(1));
    button('Accept', $('[data-suggestion-key="cda"]')!)!.click();
    await vi.waitFor(() => expect(field('Name').value).toBe('CDA'));
    type(field('Name'), 'Cyber Defense Agency');
    queue = [suggestion('ncsc'), ...queue];
    changed('sources');
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
    expect(field('Name').value).toBe('Cyber Defense Agency');
  });
});
