// @vitest-environment happy-dom
/**
 * The small sync status line of the popup and the dashboard (src/pages/shared/SyncStatusLine.tsx), against a
 * fake background: the same `getSyncStatus` the options page reads.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../../src/pages/dashboard/DashboardApp';
import { PopupApp } from '../../../../src/pages/popup/PopupApp';
import type { SyncStatus, TabSummary } from '../../../../src/shared/protocol';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const summary: TabSummary = {
  tabId: 7,
  host: 'example.com',
  isSupported: true,
  isEnabled: true,
  isScanning: false,
  total: 0,
  entities: [],
};

const connected = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  connected: true,
  serverUrl: 'https://sync.example.org',
  lastSyncAt: Date.now() - 2 * 60_000 - 5000,
  pending: 0,
  isSyncing: false,
  ...patch,
});

let root: HTMLElement;
const line = () => root.querySelector<HTMLElement>('.sync-line');

/** The two pages the line is on; each renders with the fake background answering what it asks. */
const PAGES = {
  popup: () => render(<PopupApp search="?tabId=7" />, root),
  dashboard: () => render(<DashboardApp search="" />, root),
};

beforeEach(() => {
  resetFakes();
  handlers.set('getTabSummary', () => summary);
  handlers.set('getTabNotes', () => ({ pageKey: '', notes: [] }));
  handlers.set('listNotes', () => ({ notes: [], entities: [], orphanIds: [] }));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe.each(Object.entries(PAGES))('sync status line in the %s', (_name, renderPage) => {
  it('is a quiet link to the options page while sync is off', async () => {
    handlers.set('getSyncStatus', () => ({ connected: false, pending: 0, isSyncing: false }));
    handlers.set('openOptions', () => null);
    renderPage();
    await vi.waitFor(() => expect(line()).not.toBeNull());
    const link = line()!.querySelector<HTMLAnchorElement>('a')!;
    expect(line()!.textContent).toBe('Sync is off — set it up in Options');
    expect(link.getAttribute('href')).toBe('options.html');
    link.click();
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'openOptions')).toBe(true));
  });

  it('says when notes last synced and how many changes wait', async () => {
    handlers.set('getSyncStatus', () => connected({ pending: 3 }));
    renderPage();
    await vi.waitFor(() => expect(line()).not.toBeNull());
    expect(line()!.textContent).toBe('Synced 2 minutes ago · 3 changes waiting');
    expect(line()!.getAttribute('data-state')).toBe('waiting');
    expect(line()!.querySelector('a')).toBeNull();
  });

  it('says "not synced yet" before the first sync, and nothing waiting once all is sent', async () => {
    handlers.set('getSyncStatus', () => connected({ lastSyncAt: undefined, pending: 1 }));
    renderPage();
    await vi.waitFor(() => expect(line()?.textContent).toBe('Sync is on, not synced yet · 1 change waiting'));
    render(null, root);
    handlers.set('getSyncStatus', () => connected());
    renderPage();
    await vi.waitFor(() => expect(line()?.textContent).toBe('Synced 2 minutes ago'));
    expect(line()!.getAttribute('data-state')).toBe('ok');
  });

  it('shows a problem in the background’s words, with the way to the sync settings', async () => {
    handlers.set('getSyncStatus', () =>
      connected({ error: 'The sync server could not be reached. Gloss will try again.' }),
    );
    renderPage();
    await vi.waitFor(() => expect(line()).not.toBeNull());
    expect(line()!.getAttribute('data-state')).toBe('error');
    expect(line()!.querySelector('.sync-line-text')?.textContent).toBe(
      'Sync problem: The sync server could not be reached. Gloss will try again.',
    );
    expect(line()!.querySelector('a')?.textContent).toBe('Sync settings');
  });

  it('says nothing while the status cannot be read', async () => {
    handlers.set('getSyncStatus', () => {
      throw new Error('background asleep');
    });
    renderPage();
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'getSyncStatus')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(line()).toBeNull();
  });
});
