// @vitest-environment happy-dom
/** The Entities tab against a fake background: filters, 5,000 rows, row actions, where it is quoted, hostile text. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntitiesPanel } from '../../../../src/pages/dashboard/library/EntitiesPanel';
import type { CardData } from '../../../../src/shared/kb-types';
import type { EntityListItem } from '../../../../src/shared/library/library-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import {
  $,
  $$,
  argsOf,
  button,
  choose,
  EVIL,
  entityItem,
  field,
  mountRoot,
  page,
  type,
  unmountRoot,
} from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let entities: EntityListItem[];
const row = (id: string) => $(`[data-entity-id="${id}"]`)!;
const names = () => $$('.library-item-title').map((h) => h.textContent);

beforeEach(() => {
  resetFakes();
  entities = [
    entityItem('cicada', {
      name: 'Cicada',
      type: 'threat-actor',
      origin: 'builtin',
      isEdited: true,
      aliases: ['APT10', 'Stone Panda'],
      passageCount: 4,
    }),
    entityItem('line', { name: 'LINE', type: 'company', origin: 'builtin', isHidden: true, passageCount: 1 }),
    entityItem('mine', { name: EVIL, aliases: ['<b>bold</b>'] }),
  ];
  handlers.set('listEntities', () => entities);
  mountRoot();
});
afterEach(() => {
  unmountRoot();
  vi.unstubAllGlobals();
});

async function renderPanel(): Promise<void> {
  render(<EntitiesPanel />, page.root);
  await vi.waitFor(() => expect($$('.library-item').length).toBeGreaterThan(0));
}

describe('entities tab: the list', () => {
  it('shows name, type, origin badges, aliases and passage count, and data only as text', async () => {
    await renderPanel();
    const cicada = row('cicada');
    expect(cicada.querySelector('h3')?.textContent).toBe('Cicada');
    expect(cicada.querySelector('.entity-type')?.textContent).toBe('Threat actor');
    expect($$('.library-badge', cicada).map((b) => b.textContent)).toEqual(['Built-in', 'Edited']);
    expect(cicada.querySelector('.library-aliases')?.textContent).toBe('APT10, Stone Panda');
    expect(cicada.textContent).toContain('4 passages');
    expect(row('line').textContent).toContain('1 passage');
    expect($$('.library-badge', row('line')).map((b) => b.textContent)).toEqual(['Built-in', 'Hidden']);

    expect(row('mine').querySelector('h3')?.textContent).toBe(EVIL);
    expect(row('mine').querySelector('.library-aliases')?.textContent).toBe('<b>bold</b>');
    expect(page.root.querySelector('img, b')).toBeNull();

    // Reset only for an edited built-in entity; Delete only for the reader's own.
    expect(button('Reset to built-in', cicada)).toBeDefined();
    expect(button('Delete', cicada)).toBeUndefined();
    expect(button('Reset to built-in', row('mine'))).toBeUndefined();
    expect(button('Delete', row('mine'))).toBeDefined();
    expect(button('Show', row('line'))).toBeDefined();
    expect(button('Hide', cicada)).toBeDefined();
  });

  it('filters by text in names and aliases, by type and by origin', async () => {
    await renderPanel();
    type(field('Search names and aliases'), 'stone');
    await vi.waitFor(() => expect(names()).toEqual(['Cicada']));
    type(field('Search names and aliases'), 'line');
    await vi.waitFor(() => expect(names()).toEqual(['LINE']));
    type(field('Search names and aliases'), '');
    choose(field<HTMLSelectElement>('Type'), 'company');
    await vi.waitFor(() => expect(names()).toEqual(['LINE']));
    choose(field<HTMLSelectElement>('Type'), '');
    choose(field<HTMLSelectElement>('Origin'), 'user');
    await vi.waitFor(() => expect(names()).toEqual([EVIL]));
    choose(field<HTMLSelectElement>('Origin'), 'edited');
    await vi.waitFor(() => expect(names()).toEqual(['Cicada']));
    choose(field<HTMLSelectElement>('Origin'), 'hidden');
    await vi.waitFor(() => expect(names()).toEqual(['LINE']));
    choose(field<HTMLSelectElement>('Origin'), 'builtin');
    await vi.waitFor(() => expect(names()).toEqual(['Cicada', 'LINE']));
    expect($('.library-count-line')?.textContent).toBe('Showing 2 of 3 entities');
    type(field('Search names and aliases'), 'nothing like it');
    await vi.waitFor(() => expect($('.library-list')?.children.length).toBe(0));
    expect(page.root.textContent).toContain('No entity matches these filters.');
  });

  it('renders 5,000 entities 200 at a time', async () => {
    entities = Array.from({ length: 5000 }, (_, i) => entityItem(`e${i}`, { name: `Group ${i}` }));
    const started = performance.now();
    await renderPanel();
    expect($$('.library-item')).toHaveLength(200);
    expect(performance.now() - started).toBeLessThan(5000);
    button('Show 200 more')!.click();
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(400));
    type(field('Search names and aliases'), 'Group 499');
    // "Group 499" and "Group 4990"…"Group 4999": 11, all shown, no "Show more".
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(11));
    expect(
      $$('button').some((b) => b.textContent?.startsWith('Show ') && b.textContent.endsWith(' more')),
    ).toBe(false);
  });
});

describe('entities tab: actions', () => {
  it('hides and shows, and resets to built-in only after confirming', async () => {
    handlers.set('setEntityHidden', () => null);
    handlers.set('resetEntity', () => null);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await renderPanel();
    button('Hide', row('cicada'))!.click();
    button('Show', row('line'))!.click();
    await vi.waitFor(() => expect(argsOf('setEntityHidden')).toHaveLength(2));
    expect(argsOf('setEntityHidden')).toEqual([
      { id: 'cicada', isHidden: true },
      { id: 'line', isHidden: false },
    ]);

    button('Reset to built-in', row('cicada'))!.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(argsOf('resetEntity')).toEqual([]);
    confirm.mockReturnValue(true);
    button('Reset to built-in', row('cicada'))!.click();
    await vi.waitFor(() => expect(argsOf('resetEntity')).toEqual([{ id: 'cicada' }]));
  });

  it("deletes the reader's entity with Undo, which restores it", async () => {
    handlers.set('deleteEntity', () => {
      entities = entities.filter((e) => e.id !== 'mine');
      return null;
    });
    const removed = entities[2]!;
    handlers.set('restoreEntity', () => {
      entities = [...entities, removed];
      return null;
    });
    await renderPanel();
    button('Delete', row('mine'))!.click();
    await vi.waitFor(() => expect($('[data-entity-id="mine"]')).toBeNull());
    expect(argsOf('deleteEntity')).toEqual([{ id: 'mine' }]);
    // The last row went: focus moves to the one before it.
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Edit', row('line'))));
    expect($('.undo-bar')?.textContent).toContain('Entity deleted.');
    button('Undo', $('.undo-bar')!)!.click();
    await vi.waitFor(() => expect($('[data-entity-id="mine"]')).not.toBeNull());
    expect(argsOf('restoreEntity')).toEqual([{ id: 'mine' }]);
    await vi.waitFor(() => expect(document.activeElement).toBe(button('Edit', row('mine'))));
  });

  it('shows where it is quoted, as text, and opens the reader at a passage', async () => {
    const card: CardData = {
      entity: { id: 'cicada', name: 'Cicada', type: 'threat-actor', description: '', links: [] },
      related: [],
      passages: [
        {
          id: 'src1:2:10',
          entityId: 'cicada',
          sourceId: 'src1',
          blockIndex: 2,
          start: 10,
          end: 40,
          text: `Cicada ${EVIL} struck again.`,
          marks: [[0, 6]],
          source: { id: 'src1', origin: 'user', title: 'A <i>story</i>', site: 'example.com' },
        },
      ],
    };
    handlers.set('getCard', () => card);
    handlers.set('openReader', () => null);
    await renderPanel();
    const toggle = button('Where it is quoted', row('cicada'))!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await vi.waitFor(() => expect(row('cicada').querySelector('blockquote')).not.toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(argsOf('getCard')).toEqual([{ entityId: 'cicada' }]);
    expect(row('cicada').querySelector('blockquote')?.textContent).toBe(`Cicada ${EVIL} struck again.`);
    expect(row('cicada').querySelector('cite')?.textContent).toBe('A <i>story</i>');
    expect(page.root.querySelector('img, i')).toBeNull();
    button('Read in source', row('cicada'))!.click();
    await vi.waitFor(() =>
      expect(argsOf('openReader')).toEqual([
        { sourceId: 'src1', entityId: 'cicada', passageId: 'src1:2:10' },
      ]),
    );
  });

  it("opens the entity's page, and says so when it cannot", async () => {
    handlers.set('openEntityPage', (args) => {
      if ((args as { id: string }).id === 'mine') throw new Error('That entity no longer exists.');
      return null;
    });
    await renderPanel();
    button('Open page', row('cicada'))!.click();
    await vi.waitFor(() => expect(argsOf('openEntityPage')).toEqual([{ id: 'cicada' }]));
    expect(row('cicada').querySelector('[role=alert]')).toBeNull();
    button('Open page', row('mine'))!.click();
    await vi.waitFor(() =>
      expect(row('mine').querySelector('[role=alert]')?.textContent).toBe(
        'Could not open the entity page: That entity no longer exists.',
      ),
    );
  });
});

describe("entities tab: the entity page's Edit link", () => {
  const cicadaDetail = {
    entity: {
      id: 'cicada',
      name: 'Cicada',
      type: 'threat-actor',
      description: 'A group.',
      aliases: [],
      related: [],
      links: [],
    },
    origin: 'builtin',
    isEdited: true,
    isHidden: false,
  };

  it('opens the form of the entity named by ?edit=, once', async () => {
    history.replaceState(null, '', '/dashboard.html?tab=entities&edit=cicada');
    handlers.set('getEntity', () => cicadaDetail);
    await renderPanel();
    await vi.waitFor(() => expect($('form h3, form h2, .library-form h3')?.textContent).toContain('Cicada'));
    expect(argsOf('getEntity')).toEqual([{ id: 'cicada' }]);
    history.replaceState(null, '', '/dashboard.html');
  });

  it('says so when the entity to edit no longer exists', async () => {
    history.replaceState(null, '', '/dashboard.html?tab=entities&edit=gone');
    await renderPanel();
    await vi.waitFor(() => expect(page.root.textContent).toContain('no longer exists'));
    history.replaceState(null, '', '/dashboard.html');
  });
});
