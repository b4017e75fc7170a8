// @vitest-environment happy-dom
/** The options page's sync section against a fake background (pages-fake-browser.ts). */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../../src/pages/options/OptionsApp';
import { SyncSection } from '../../../../src/pages/options/SyncSection';
import type { SyncStatus } from '../../../../src/shared/protocol';
import { handlers, resetFakes, sent } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let root: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const text = () => root.textContent ?? '';
const sentTypes = () => sent.map((e) => e.type);

const SERVER = 'https://sync.example.org';
const disconnected: SyncStatus = { connected: false, pending: 3, isSyncing: false };
const connected = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  connected: true,
  serverUrl: SERVER,
  lastSyncAt: Date.now() - 2 * 60_000 - 5000,
  pending: 0,
  isSyncing: false,
  ...patch,
});

function type(selector: string, value: string): void {
  const input = $<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The text of the element the label names, found through its `for`. */
function labelled(label: string): HTMLInputElement | null {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  return found ? root.querySelector<HTMLInputElement>(`#${found.htmlFor}`) : null;
}

beforeEach(() => {
  resetFakes();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options: sync section', () => {
  it('is on the options page, under its own heading', async () => {
    handlers.set('listKb', () => ({ entities: [], sources: [] }));
    handlers.set('getSyncStatus', () => disconnected);
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('#sync-server')).not.toBeNull());
    expect($('section[aria-labelledby="sync-heading"] h2')?.textContent).toBe('Sync your notes');
  });

  it('connects with a server address and a code, then shows how syncing stands', async () => {
    let status: SyncStatus = disconnected;
    handlers.set('getSyncStatus', () => status);
    handlers.set('connectSync', () => {
      status = connected({ lastSyncAt: Date.now() });
      return status;
    });
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(labelled('Server address')).not.toBeNull());
    const server = labelled('Server address')!;
    expect(server.getAttribute('aria-describedby')).toBe('sync-server-hint');
    expect(labelled('Enrolment code')).not.toBeNull();
    type('#sync-server', SERVER);
    type('#sync-code', 'code-1234');
    $<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect(text()).toContain(`Connected to ${SERVER}`));
    expect(sent.find((e) => e.type === 'connectSync')?.args).toEqual({
      serverUrl: SERVER,
      code: 'code-1234',
      // What this browser proposes (here happy-dom, which names no browser it knows).
      deviceName: 'Browser',
    });
    expect(text()).toContain('Last synced now');
    expect(text()).toContain('Every change has been sent');
  });

  it('shows why connecting failed and keeps what was typed', async () => {
    handlers.set('getSyncStatus', () => disconnected);
    handlers.set('connectSync', () => {
      throw new Error(
        `Could not reach a sync server at ${SERVER}. Check the address, and that the server is running.`,
      );
    });
    render(<SyncSection />, root);
    await vi.waitFor(() => expect($('#sync-server')).not.toBeNull());
    type('#sync-server', SERVER);
    type('#sync-code', 'code-1234');
    $<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toMatch(/Could not reach a sync server/));
    expect($<HTMLInputElement>('#sync-server')!.value).toBe(SERVER);
    expect($<HTMLInputElement>('#sync-code')!.value).toBe('code-1234');
    expect($<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  });

  it('completes an address typed without a scheme, shows it in the field, and sends it', async () => {
    handlers.set('getSyncStatus', () => disconnected);
    handlers.set('connectSync', () => {
      throw new Error('Could not reach a sync server at http://127.0.0.1:8787.');
    });
    render(<SyncSection />, root);
    await vi.waitFor(() => expect($('#sync-server')).not.toBeNull());
    // The browser's own url check would refuse an address without its scheme before Gloss saw it.
    expect($<HTMLInputElement>('#sync-server')!.type).toBe('text');
    type('#sync-server', ' 127.0.0.1:8787 ');
    type('#sync-code', 'code-1234');
    $<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect($('[role="alert"]')).not.toBeNull());
    expect(sent.find((e) => e.type === 'connectSync')?.args).toMatchObject({
      serverUrl: 'http://127.0.0.1:8787',
    });
    expect($<HTMLInputElement>('#sync-server')!.value).toBe('http://127.0.0.1:8787');

    type('#sync-server', 'sync.example.org/gloss');
    await vi.waitFor(() => expect($('[role="alert"]')).toBeNull());
    $<HTMLButtonElement>('button[type="submit"]')!.click();
    await vi.waitFor(() => expect($('[role="alert"]')).not.toBeNull());
    expect(sent.filter((e) => e.type === 'connectSync').at(-1)?.args).toMatchObject({
      serverUrl: 'https://sync.example.org/gloss',
    });
    expect($<HTMLInputElement>('#sync-server')!.value).toBe('https://sync.example.org/gloss');
  });

  it('proposes a name for this browser, which the reader may change before connecting', async () => {
    Object.defineProperty(navigator, 'userAgentData', {
      configurable: true,
      value: {
        brands: [
          { brand: 'Chromium', version: '156' },
          { brand: 'Google Chrome', version: '156' },
          { brand: 'Not_A Brand', version: '24' },
        ],
        platform: 'Linux',
      },
    });
    try {
      handlers.set('getSyncStatus', () => disconnected);
      handlers.set('connectSync', () => {
        throw new Error('Could not reach a sync server.');
      });
      render(<SyncSection />, root);
      await vi.waitFor(() => expect(labelled('Name of this browser')?.value).toBe('Chrome 156 on Linux'));
      expect(labelled('Name of this browser')?.getAttribute('aria-describedby')).toBe('sync-device-hint');
      type('#sync-server', SERVER);
      type('#sync-code', 'code-1234');
      type('#sync-device', '  Work   laptop\t');
      $<HTMLButtonElement>('button[type="submit"]')!.click();
      await vi.waitFor(() => expect($('[role="alert"]')).not.toBeNull());
      expect(sent.find((e) => e.type === 'connectSync')?.args).toEqual({
        serverUrl: SERVER,
        code: 'code-1234',
        deviceName: 'Work laptop',
      });
      expect($<HTMLInputElement>('#sync-device')!.value).toBe('Work laptop');

      // A name the server would refuse is caught here, without a request.
      type('#sync-device', 'line\u0007bell');
      $<HTMLButtonElement>('button[type="submit"]')!.click();
      await vi.waitFor(() =>
        expect($('[role="alert"]')?.textContent).toMatch(
          /^Enter a name for this browser of up to 100 characters/,
        ),
      );
      expect(sent.filter((e) => e.type === 'connectSync')).toHaveLength(1);
    } finally {
      Reflect.deleteProperty(navigator, 'userAgentData');
    }
  });

  it('when connected, names this browser as the server lists it, with when it was added', async () => {
    const connectedAt = new Date(2026, 11, 4, 14, 5).getTime();
    handlers.set('getSyncStatus', () => connected({ deviceName: 'Firefox 140 on Windows', connectedAt }));
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(text()).toContain('This browser: Firefox 140 on Windows, added '));
    expect(text()).toMatch(/added (4 Dec|Dec 4)/);
  });

  it('after an outage, says when the next try is and counts down', async () => {
    const nextTryAt = Date.now() + 40_000;
    handlers.set('getSyncStatus', () =>
      connected({ error: 'Could not reach the sync server. Gloss will try again.', nextTryAt }),
    );
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(text()).toContain('Next try in 40 s'));
    await vi.waitFor(() => expect(text()).toContain('Next try in 39 s'), { timeout: 2500 });
  });

  it('words the wait in minutes beyond one, in the singular for 1, and says when it is due', async () => {
    const { nextTryText } = await import('../../../../src/pages/options/NextTry');
    const now = 1_000_000;
    expect(nextTryText(now + 1000, now)).toBe('Next try in 1 s');
    expect(nextTryText(now + 59_001, now)).toBe('Next try in 60 s');
    expect(nextTryText(now + 60_000, now)).toBe('Next try in 1 min');
    expect(nextTryText(now + 14 * 60_000 + 1, now)).toBe('Next try in 15 min');
    expect(nextTryText(now, now)).toBe('Trying again any moment now');
  });

  it('when connected: last sync, waiting changes, problems in plain words, Sync now and Disconnect', async () => {
    let status = connected({
      pending: 4,
      error: 'The sync server had a problem (HTTP 500). Gloss will try again.',
    });
    handlers.set('getSyncStatus', () => status);
    handlers.set('syncNow', () => {
      status = connected({ lastSyncAt: Date.now() });
      return status;
    });
    handlers.set('disconnectSync', () => {
      status = { connected: false, pending: 0, isSyncing: false };
      return status;
    });
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(text()).toContain('Last synced 2 minutes ago'));
    expect(text()).toContain('4 changes waiting to be sent');
    expect($('[role="alert"]')?.textContent).toBe(
      'The sync server had a problem (HTTP 500). Gloss will try again.',
    );
    const disconnect = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Disconnect')!;
    expect(document.getElementById(disconnect.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Your notes stay here/,
    );

    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Sync now')!.click();
    await vi.waitFor(() => expect(text()).toContain('Every change has been sent'));
    expect($('[role="alert"]')).toBeNull();

    disconnect.click();
    await vi.waitFor(() => expect(text()).toContain('Disconnected. Your notes are still in this browser.'));
    expect($('#sync-server')).not.toBeNull();
    expect(sentTypes()).toContain('disconnectSync');
  });

  it('one waiting change, and "not synced yet"', async () => {
    handlers.set('getSyncStatus', () => connected({ pending: 1, lastSyncAt: undefined }));
    render(<SyncSection />, root);
    await vi.waitFor(() => expect(text()).toContain('1 change waiting to be sent'));
    expect(text()).toContain('Not synced yet');
  });

  it('after the server revoked this device: says so and offers to connect again to the same server', async () => {
    const revoked =
      'This device was disconnected by the server (token revoked). Your notes are still here. To sync again, connect with a new enrolment code.';
    handlers.set('getSyncStatus', () => ({ ...disconnected, serverUrl: SERVER, error: revoked }));
    render(<SyncSection />, root);
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toBe(revoked));
    expect($<HTMLInputElement>('#sync-server')!.value).toBe(SERVER);
  });

  it('refreshes the status every few seconds while shown', async () => {
    let status = connected({ pending: 2, isSyncing: true });
    handlers.set('getSyncStatus', () => status);
    render(<SyncSection refreshMs={20} />, root);
    await vi.waitFor(() => expect(text()).toContain('2 changes waiting to be sent'));
    expect([...root.querySelectorAll('button')].find((b) => b.textContent === 'Syncing…')?.disabled).toBe(
      true,
    );
    status = connected({ pending: 0 });
    await vi.waitFor(() => expect(text()).toContain('Every change has been sent'));
    expect(sentTypes().filter((t) => t === 'getSyncStatus').length).toBeGreaterThan(1);
    render(null, root);
    const asked = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent.length).toBe(asked);
  });

  it('says when the status cannot be read', async () => {
    render(<SyncSection />, root);
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toBe(
        'Could not read the sync status: no handler for getSyncStatus',
      ),
    );
  });
});
