// @vitest-environment happy-dom
/**
 * The toolbar popup against a fake background: the real `platform/messaging` and `platform/i18n` run over a
 * replaced `platform/browser`, so messages.json and the wire envelopes are exercised too.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../../src/pages/popup/PopupApp';
import type { CardData } from '../../../../src/shared/kb-types';
import type { TabSummary } from '../../../../src/shared/protocol';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const summary = (patch: Partial<TabSummary> = {}): TabSummary => ({
  tabId: 7,
  host: 'example.com',
  isSupported: true,
  isEnabled: true,
  isScanning: false,
  total: 5,
  entities: [
    { id: 'beca', name: 'BECA', type: 'agreement', count: 1 },
    { id: 'apt40', name: 'APT40', type: 'threat-actor', count: 4 },
  ],
  ...patch,
});

const card = (id: string, name: string, related: CardData['related'] = []): CardData => ({
  entity: { id, name, type: 'threat-actor', description: `${name} is a thing.`, links: [] },
  passages: [
    {
      id: 'src-a:3:10',
      entityId: id,
      sourceId: 'src-a',
      blockIndex: 3,
      start: 10,
      end: 40,
      text: `Quote about ${name}.`,
      marks: [[12, 12 + name.length]],
      source: {
        id: 'src-a',
        origin: 'builtin',
        title: 'An Article',
        author: 'A. Writer',
        authorAffiliation: 'A Think Tank',
        site: 'ORF',
        dateText: 'early 2021',
      },
    },
  ],
  related,
});

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const text = () => root.textContent ?? '';

beforeEach(() => {
  resetFakes();
  handlers.set('getTabNotes', () => ({ pageKey: '', notes: [] }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup', () => {
  it('lists the entities of the tab named in ?tabId, most mentioned first, with type, count and total', async () => {
    handlers.set('getTabSummary', (args) => {
      expect(args).toEqual({ tabId: 7 });
      return summary();
    });
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-entity-id]').length).toBe(2));
    const ids = [...root.querySelectorAll('[data-entity-id]')].map((el) => el.getAttribute('data-entity-id'));
    expect(ids).toEqual(['apt40', 'beca']);
    expect($('[data-entity-id="apt40"]')?.textContent).toContain('Threat actor');
    expect($('[data-entity-id="apt40"]')?.textContent).toContain('4 mentions');
    expect(text()).toContain('5 mentions of 2 entities on this page');
    expect(text()).toContain('example.com');
    const toggle = $<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')?.textContent).toContain('Highlight on example.com');
  });

  it('asks for the active tab when no tabId is given', async () => {
    handlers.set('getTabSummary', () => summary());
    render(<PopupApp search="" />, root);
    await vi.waitFor(() => expect(sent.find((m) => m.type === 'getTabSummary')?.args).toEqual({ tabId: 99 }));
  });

  it('expands a card, opens the reader at a passage, and follows related entities', async () => {
    handlers.set('getTabSummary', () => summary());
    handlers.set('getCard', (args) => {
      const { entityId } = args as { entityId: string };
      if (entityId === 'apt40')
        return card('apt40', 'APT40', [
          { id: 'beca', name: 'BECA', type: 'agreement' },
          { id: 'mss', name: 'Ministry of State Security', type: 'government-body' },
        ]);
      if (entityId === 'beca') return card('beca', 'BECA');
      return card(entityId, 'Ministry of State Security');
    });
    handlers.set('openReader', () => null);
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect($('[data-entity-id="apt40"] button')).not.toBeNull());

    const row = $<HTMLButtonElement>('[data-entity-id="apt40"] button')!;
    expect(row.getAttribute('aria-expanded')).toBe('false');
    row.click();
    await vi.waitFor(() => expect($('[data-entity-id="apt40"] .gloss-card-body')).not.toBeNull());
    expect(row.getAttribute('aria-expanded')).toBe('true');
    expect($('[data-entity-id="apt40"]')?.textContent).toContain('APT40 is a thing.');
    const pageLink = $<HTMLAnchorElement>('[data-entity-id="apt40"] .entity-page-link a')!;
    expect(pageLink.getAttribute('href')).toBe('entity.html?id=apt40');
    expect(pageLink.getAttribute('target')).toBe('_blank');
    expect(pageLink.getAttribute('aria-label')).toBe('Open the page of APT40');

    $<HTMLAnchorElement>('[data-entity-id="apt40"] .gloss-read-source')!.click();
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'openReader')).toBe(true));
    expect(sent.find((m) => m.type === 'openReader')?.args).toEqual({
      sourceId: 'src-a',
      entityId: 'apt40',
      passageId: 'src-a:3:10',
    });

    // A related entity on the page opens in its own row, and focus moves to that row.
    const chips = () => [...root.querySelectorAll<HTMLButtonElement>('.gloss-chip')];
    chips()
      .find((c) => c.textContent === 'BECA')!
      .click();
    await vi.waitFor(() => expect($('[data-entity-id="beca"] .gloss-card-body')).not.toBeNull());
    expect($('[data-entity-id="apt40"] .gloss-card-body')).toBeNull();
    expect(document.activeElement).toBe($('[data-entity-id="beca"] button'));

    // One not on the page opens below the list; "Back" returns to the card we came from.
    $<HTMLButtonElement>('[data-entity-id="beca"] button')!.click();
    $<HTMLButtonElement>('[data-entity-id="apt40"] button')!.click();
    await vi.waitFor(() => expect(chips().length).toBe(2));
    chips()
      .find((c) => c.textContent?.startsWith('Ministry'))!
      .click();
    await vi.waitFor(() => expect($('#other-entity .gloss-card-body')).not.toBeNull());
    expect(document.activeElement).toBe($('#other-entity'));
    expect($('#other-entity')?.textContent).toContain('Not on this page');
    $<HTMLButtonElement>('#other-entity button.link-button')!.click();
    await vi.waitFor(() => expect($('#other-entity')).toBeNull());
    await vi.waitFor(() => expect($('[data-entity-id="apt40"] .gloss-card-body')).not.toBeNull());
  });

  it('says plainly when Gloss cannot run, is off, or found nothing', async () => {
    handlers.set('getTabSummary', () => summary({ isSupported: false, host: '', entities: [], total: 0 }));
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect(text()).toContain('Gloss is not running on this page'));
    expect($('input[role="switch"]')).toBeNull();
    render(null, root);

    handlers.set('getTabSummary', () => summary({ isEnabled: false, entities: [], total: 0 }));
    render(<PopupApp search="?tabId=8" />, root);
    await vi.waitFor(() => expect(text()).toContain('Gloss is off for example.com'));
    expect($<HTMLInputElement>('input[role="switch"]')?.checked).toBe(false);
    render(null, root);

    handlers.set('getTabSummary', () => summary({ entities: [], total: 0 }));
    render(<PopupApp search="?tabId=9" />, root);
    await vi.waitFor(() => expect(text()).toContain('found none of the entities'));
  });

  it('switches the site off through the background and shows errors in words', async () => {
    let isEnabled = true;
    handlers.set('getTabSummary', () => summary({ isEnabled }));
    handlers.set('setSiteEnabled', (args) => {
      expect(args).toEqual({ host: 'example.com', isEnabled: false });
      isEnabled = false;
      return null;
    });
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect($('input[role="switch"]')).not.toBeNull());
    $<HTMLInputElement>('input[role="switch"]')!.click();
    await vi.waitFor(() => expect(text()).toContain('Gloss is off for example.com'));
    expect($<HTMLInputElement>('input[role="switch"]')!.checked).toBe(false);
    render(null, root);

    handlers.delete('getTabSummary');
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() =>
      expect(text()).toContain('Gloss could not read this tab: no handler for getTabSummary'),
    );
    expect($('[role="alert"]')).not.toBeNull();
  });

  it('opens the settings through the background', async () => {
    handlers.set('getTabSummary', () => summary());
    handlers.set('openOptions', () => null);
    render(<PopupApp search="?tabId=7" />, root);
    const link = $<HTMLAnchorElement>('footer a[href="options.html"]')!;
    expect(link.textContent).toBe('Settings');
    link.click();
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'openOptions')).toBe(true));
  });

  it('lists the notes of the page and marks the ones Gloss could not place there', async () => {
    handlers.set('getTabSummary', () => summary());
    const note = (id: string, status: 'anchored' | 'orphan', exact: string, body: string) => ({
      id,
      url: 'https://example.com/a',
      pageKey: 'https://example.com/a',
      site: 'example.com',
      title: 'A',
      anchor: { quote: { exact, prefix: '', suffix: '' } },
      body,
      color: 'green',
      tags: [],
      deleted: false,
      createdAt: 1,
      updatedAt: 1,
      status,
    });
    handlers.set('getTabNotes', (args) => {
      expect(args).toEqual({ tabId: 7 });
      return {
        pageKey: 'https://example.com/a',
        notes: [
          note('n1', 'anchored', 'the Quad', 'placed'),
          note('n2', 'orphan', 'a removed line', '<b>lost?</b>'),
        ],
      };
    });
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.popup-note').length).toBe(2));
    expect(text()).toContain('Your notes on this page: 2');
    expect($('[data-note-id="n2"]')?.getAttribute('data-status')).toBe('orphan');
    expect($('[data-note-id="n2"]')?.textContent).toContain('Not found on this page');
    expect($('[data-note-id="n1"]')?.textContent).not.toContain('Not found');
    expect($('[data-note-id="n2"] b')).toBeNull();
    expect($('[data-note-id="n2"]')?.textContent).toContain('<b>lost?</b>');
    expect(text()).toContain('1 could not be found on the page as it is now');
  });
});
