// @vitest-environment happy-dom
/** The dashboard's tabs: the ARIA tablist, the keyboard, and the tab kept in the address beside the filters. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import { handlers, resetFakes } from '../../helpers/fake-browser';
import { $, $$, entityItem, mountRoot, page, sourceItem, tick, unmountRoot } from './library-helpers';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const tabs = () => $$<HTMLButtonElement>('[role="tab"]');
const selected = () => tabs().find((tab) => tab.getAttribute('aria-selected') === 'true');
const key = (el: Element, name: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

beforeEach(() => {
  resetFakes();
  handlers.set('listNotes', () => ({ notes: [], entities: [], orphanIds: [] }));
  handlers.set('listSources', () => [sourceItem('s1', { title: 'Kept page' })]);
  handlers.set('listEntities', () => [entityItem('e1', { name: 'Cicada' })]);
  handlers.set('listSuggestions', () => []);
  mountRoot();
});
afterEach(unmountRoot);

describe('dashboard tabs', () => {
  it('opens on Notes, moves with the arrow keys, Home and End, and labels each panel by its tab', async () => {
    const onQuery = vi.fn();
    render(<DashboardApp search="" onFiltersChanged={onQuery} />, page.root);
    await tick();
    expect($('[role="tablist"]')?.getAttribute('aria-label')).toBe('Dashboard sections');
    expect(tabs().map((tab) => tab.textContent)).toEqual(['Notes', 'Sources', 'Entities', 'Suggestions']);
    expect(selected()?.textContent).toBe('Notes');
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    expect($('h1')?.textContent).toBe('Gloss notes');

    selected()!.focus();
    key(selected()!, 'ArrowRight');
    await vi.waitFor(() => expect($('.library-item-title')?.textContent).toBe('Kept page'));
    expect(selected()?.textContent).toBe('Sources');
    expect(document.activeElement).toBe(selected());
    const panel = $('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(selected()!.id);
    expect(selected()!.getAttribute('aria-controls')).toBe(panel.id);
    await vi.waitFor(() => expect(onQuery).toHaveBeenLastCalledWith('?tab=sources'));

    key(selected()!, 'ArrowRight');
    await vi.waitFor(() => expect($('.library-item-title')?.textContent).toBe('Cicada'));
    key(selected()!, 'End');
    await tick();
    expect(selected()?.textContent).toBe('Suggestions');
    key(selected()!, 'ArrowRight');
    await tick();
    expect(selected()?.textContent).toBe('Notes');
    await vi.waitFor(() => expect(onQuery).toHaveBeenLastCalledWith(''));
    key(selected()!, 'ArrowLeft');
    await tick();
    expect(selected()?.textContent).toBe('Suggestions');
    key(selected()!, 'Home');
    await tick();
    expect(selected()?.textContent).toBe('Notes');
    expect($('h1')?.textContent).toBe('Gloss notes');
  });

  it('opens the tab named in the address and keeps the notes filters beside it', async () => {
    const onQuery = vi.fn();
    render(<DashboardApp search="?tab=entities&q=apt&tag=japan" onFiltersChanged={onQuery} />, page.root);
    await vi.waitFor(() => expect($('.library-item-title')?.textContent).toBe('Cicada'));
    expect(selected()?.textContent).toBe('Entities');
    await vi.waitFor(() => expect(onQuery).toHaveBeenLastCalledWith('?tab=entities&q=apt&tag=japan'));

    tabs()[0]!.click();
    await tick();
    await vi.waitFor(() => expect(onQuery).toHaveBeenLastCalledWith('?q=apt&tag=japan'));
  });

  it('falls back to Notes for an unknown tab', async () => {
    render(<DashboardApp search="?tab=nope" />, page.root);
    await tick();
    expect(selected()?.textContent).toBe('Notes');
  });
});
