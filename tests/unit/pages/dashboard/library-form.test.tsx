// @vitest-environment happy-dom
/**
 * The entity form (new and edit) in the Entities tab: the alias policy's notices as the reader types, the name
 * always sent as an alias, built-in alias rules the form does not show kept on save, the background's refusal
 * shown without losing what was typed, related entities, links, and Escape.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntitiesPanel } from '../../../../src/pages/dashboard/library/EntitiesPanel';
import type { EntityDetail, EntityInput } from '../../../../src/shared/library/library-types';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import {
  $,
  $$,
  argsOf,
  button,
  choose,
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

const form = () => $<HTMLFormElement>('form.entity-form');
const aliasBoxes = () => $$<HTMLInputElement>('.alias-text', form()!);
const notices = () => $$('.alias-notice', form()!).map((n) => n.textContent);
const pressEscape = () =>
  form()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

const cicada: EntityDetail = {
  entity: {
    id: 'cicada',
    name: 'Cicada',
    type: 'threat-actor',
    description: 'A group.',
    aliases: [
      { text: 'Cicada', cues: ['APT'], shoutingNeedsCue: true },
      { text: 'APT10', caseSensitive: true, rejectBefore: '[-/]$', rejectAfter: '^[-/]' },
    ],
    related: ['ghost'],
    links: [{ label: 'MITRE', url: 'https://attack.mitre.org/groups/G0045/' }],
  },
  origin: 'builtin',
  isEdited: false,
  isHidden: false,
};

beforeEach(() => {
  resetFakes();
  handlers.set('listEntities', () => [
    entityItem('cicada', { name: 'Cicada', type: 'threat-actor', origin: 'builtin', aliases: ['APT10'] }),
    entityItem('ghost', { name: 'Ghost Unit', type: 'military-unit', origin: 'builtin' }),
  ]);
  handlers.set('getEntity', () => structuredClone(cicada));
  mountRoot();
});
afterEach(() => {
  unmountRoot();
  vi.unstubAllGlobals();
});

async function openNew(): Promise<void> {
  render(<EntitiesPanel />, page.root);
  await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
  button('New entity')!.click();
  await vi.waitFor(() => expect(form()).not.toBeNull());
}

describe('entity form', () => {
  it('shows the alias policy live, refuses to send while an alias is refused, and sends the name as an alias', async () => {
    handlers.set('createEntity', () => ({ id: 'u1', name: 'Signal', type: 'company' }));
    await openNew();
    expect(document.activeElement).toBe(field('Name', form()!));
    type(field('Name', form()!), 'Signal');
    // The name is an alias: the common-word notice shows for it as it does for an alias row.
    await vi.waitFor(() =>
      expect($('#entity-form-name-notice')?.textContent).toBe(
        "treated 'Signal' as case-sensitive because it is a common word",
      ),
    );
    choose(field<HTMLSelectElement>('Type', form()!), 'company');
    type(field<HTMLTextAreaElement>('Description', form()!), 'The <b>messenger</b>.');

    button('Add alias', form()!)!.click();
    await vi.waitFor(() => expect(aliasBoxes()).toHaveLength(1));
    // Typing goes straight into the new row.
    await vi.waitFor(() => expect(document.activeElement).toBe(aliasBoxes()[0]));
    type(aliasBoxes()[0]!, 'S');
    await vi.waitFor(() => expect(notices()).toEqual(["alias 'S' is shorter than 2 characters"]));
    button('Add alias', form()!)!.click();
    await vi.waitFor(() => expect(aliasBoxes()).toHaveLength(2));
    type(aliasBoxes()[1]!, 'bridge');
    await vi.waitFor(() =>
      expect(notices()).toEqual([
        "alias 'S' is shorter than 2 characters",
        "treated 'bridge' as case-sensitive because it is a common word; it still matches every lower-case 'bridge', add cues to narrow it",
      ]),
    );
    // Cues lift the common-word notice.
    type(field('Cue words for bridge', form()!), 'app; messenger ;');
    await vi.waitFor(() => expect(notices()).toEqual(["alias 'S' is shorter than 2 characters"]));
    type(field('Veto words for bridge', form()!), 'river;toll');

    button('Save', form()!)!.click();
    await vi.waitFor(() =>
      expect($('.entity-form-problems')?.textContent).toContain('shorter than 2 characters'),
    );
    expect(argsOf('createEntity')).toEqual([]);

    button('Remove alias S', form()!)!.click();
    await vi.waitFor(() => expect(aliasBoxes()).toHaveLength(1));
    button('Save', form()!)!.click();
    await vi.waitFor(() => expect(argsOf('createEntity')).toHaveLength(1));
    const sentEntity = (argsOf('createEntity')[0] as { entity: EntityInput }).entity;
    expect(sentEntity).toEqual({
      name: 'Signal',
      type: 'company',
      description: 'The <b>messenger</b>.',
      // "Signal" is a common word: the policy makes the name's alias case-sensitive.
      aliases: [
        { text: 'Signal', caseSensitive: true },
        { text: 'bridge', cues: ['app', 'messenger'], vetoCues: ['river', 'toll'] },
      ],
      related: [],
      links: [],
    });
    await vi.waitFor(() => expect(form()).toBeNull());
    // Focus goes back to the list, not to the top of the page.
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('New entity'));
  });

  it('keeps the built-in alias rules it does not show, and the rest, when an edit is saved', async () => {
    handlers.set('updateEntity', () => ({ id: 'cicada', name: 'Cicada', type: 'threat-actor' }));
    render(<EntitiesPanel />, page.root);
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
    button('Edit', $('[data-entity-id="cicada"]')!)!.click();
    await vi.waitFor(() => expect(form()).not.toBeNull());
    expect(form()!.querySelector('h3')?.textContent).toBe('Edit Cicada');
    expect(aliasBoxes().map((b) => b.value)).toEqual(['Cicada', 'APT10']);
    expect($$('.related-chips li span', form()!).map((s) => s.textContent)).toEqual(['Ghost Unit']);
    type(field<HTMLTextAreaElement>('Description', form()!), 'A group also called APT10.');
    button('Save', form()!)!.click();
    await vi.waitFor(() => expect(argsOf('updateEntity')).toHaveLength(1));
    expect(argsOf('updateEntity')[0]).toEqual({
      id: 'cicada',
      entity: {
        name: 'Cicada',
        type: 'threat-actor',
        description: 'A group also called APT10.',
        aliases: [
          { text: 'Cicada', cues: ['APT'], shoutingNeedsCue: true },
          { text: 'APT10', caseSensitive: true, rejectBefore: '[-/]$', rejectAfter: '^[-/]' },
        ],
        related: ['ghost'],
        links: [{ label: 'MITRE', url: 'https://attack.mitre.org/groups/G0045/' }],
      },
    });
  });

  it('adds the name back as an alias when the reader removed it', async () => {
    handlers.set('updateEntity', () => ({ id: 'cicada', name: 'Cicada', type: 'threat-actor' }));
    render(<EntitiesPanel />, page.root);
    await vi.waitFor(() => expect($$('.library-item')).toHaveLength(2));
    button('Edit', $('[data-entity-id="cicada"]')!)!.click();
    await vi.waitFor(() => expect(form()).not.toBeNull());
    button('Remove alias Cicada', form()!)!.click();
    await vi.waitFor(() => expect(aliasBoxes()).toHaveLength(1));
    button('Save', form()!)!.click();
    await vi.waitFor(() => expect(argsOf('updateEntity')).toHaveLength(1));
    const aliases = (argsOf('updateEntity')[0] as { entity: EntityInput }).entity.aliases;
    expect(aliases.map((a) => a.text)).toEqual(['Cicada', 'APT10']);
  });

  it("shows the background's refusal beside Save and keeps everything typed", async () => {
    handlers.set('createEntity', () => {
      throw new Error("alias 'NCSC' is already used by <i>UK NCSC</i>");
    });
    await openNew();
    type(field('Name', form()!), 'NCSC');
    type(field('Add a related entity (type its name)', form()!), 'ghost');
    await vi.waitFor(() => expect(button('Ghost Unit (Military unit)', form()!)).toBeDefined());
    button('Ghost Unit (Military unit)', form()!)!.click();
    button('Add link', form()!)!.click();
    await vi.waitFor(() => expect(field('Label of link 1', form()!)).toBeDefined());
    type(field('Label of link 1', form()!), 'Site');
    type(field('Address of link 1', form()!), 'javascript:alert(1)');
    button('Save', form()!)!.click();
    await vi.waitFor(() => expect($('.entity-form-problems')?.textContent).toContain('is not a web address'));
    expect(argsOf('createEntity')).toEqual([]);

    type(field('Address of link 1', form()!), 'https://www.ncsc.gov.uk/');
    button('Save', form()!)!.click();
    await vi.waitFor(() =>
      expect($('.entity-form-error')?.textContent).toBe("alias 'NCSC' is already used by <i>UK NCSC</i>"),
    );
    expect(page.root.querySelector('i')).toBeNull();
    expect((argsOf('createEntity')[0] as { entity: EntityInput }).entity).toMatchObject({
      name: 'NCSC',
      aliases: [{ text: 'NCSC', caseSensitive: true }],
      related: ['ghost'],
      links: [{ label: 'Site', url: 'https://www.ncsc.gov.uk/' }],
    });
    expect(field('Name', form()!).value).toBe('NCSC');
    expect(field('Address of link 1', form()!).value).toBe('https://www.ncsc.gov.uk/');
    expect($$('.related-chips li span', form()!).map((s) => s.textContent)).toEqual(['Ghost Unit']);
  });

  it('closes on Escape at once when nothing changed, and asks first when something did', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await openNew();
    pressEscape();
    await vi.waitFor(() => expect(form()).toBeNull());
    expect(confirm).not.toHaveBeenCalled();

    button('New entity')!.click();
    await vi.waitFor(() => expect(form()).not.toBeNull());
    // Escape in the related-entity box empties the box and leaves the form open.
    const related = field('Add a related entity (type its name)', form()!);
    type(related, 'gho');
    await vi.waitFor(() => expect(button('Ghost Unit (Military unit)', form()!)).toBeDefined());
    related.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(related.value).toBe(''));
    expect(form()).not.toBeNull();
    type(field('Name', form()!), 'Half typed');
    pressEscape();
    expect(confirm).toHaveBeenCalledWith('Discard your changes to this entity?');
    expect(field('Name', form()!).value).toBe('Half typed');
    confirm.mockReturnValue(true);
    pressEscape();
    await vi.waitFor(() => expect(form()).toBeNull());
  });
});
