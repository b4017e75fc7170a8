// @vitest-environment happy-dom
/**
 * The popup's search box against a fake background: it does not take focus on opening, its results take the
 * body's place (five per kind, the rest in the dashboard), and clearing it shows the body as it was.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../../src/pages/popup/PopupApp';
import type { SearchQuery } from '../../../../src/shared/search/search-types';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';
import { mixed } from '../shared/search/search-fixtures';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let root: HTMLElement;
const box = () => root.querySelector<HTMLInputElement>('#popup-search-input')!;
const body = () => root.querySelector<HTMLElement>('.popup-main')!;
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];

beforeEach(() => {
  resetFakes();
  handlers.set('getTabNotes', () => ({ pageKey: '', notes: [] }));
  handlers.set('getTabSummary', () => ({
    tabId: 7,
    host: 'example.com',
    isSupported: true,
    isEnabled: true,
    isScanning: false,
    total: 4,
    entities: [{ id: 'apt40', name: 'APT40', type: 'threat-actor', count: 4 }],
  }));
  handlers.set('search', (args) => mixed((args as SearchQuery).query));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup search', () => {
  it('sits on top without taking focus, and its results replace the body while it has words', async () => {
    render(<PopupApp search="?tabId=7" />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-entity-id]').length).toBe(1));
    expect(document.activeElement).not.toBe(box());
    expect(box().compareDocumentPosition(body()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    box().value = 'cyber';
    box().dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(options()).toHaveLength(4));
    expect(
      sent
        .filter((m) => m.type === 'search' && (m.args as { query: string }).query !== '')
        .map((m) => m.args),
    ).toEqual([{ query: 'cyber', limit: 5 }]);
    expect(body().closest('[hidden]')).not.toBeNull();
    const more = root.querySelector<HTMLAnchorElement>('.search-more')!;
    expect(more.textContent).toBe('12 more in the dashboard');
    expect(more.getAttribute('href')).toBe('dashboard.html?search=cyber');

    box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(body().closest('[hidden]')).toBeNull());
    expect(root.querySelectorAll('[data-entity-id]').length).toBe(1);
    expect(options()).toHaveLength(0);
  });
});
