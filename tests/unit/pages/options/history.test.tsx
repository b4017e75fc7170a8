// @vitest-environment happy-dom
/**
 * The options page's "Where you have seen it": what it says is recorded, the switch and the retention saved
 * like the other settings, the live page count, and "Clear history" with its confirmation in place.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../../src/pages/options/OptionsApp';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../../src/shared/settings';
import { firePageEvent, handlers, resetFakes, sent, syncArea } from '../../helpers/fake-browser';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

let root: HTMLElement;
let stats = { pageCount: 14, sightingCount: 20 };
const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector);
const section = () => $('section[aria-labelledby="history-heading"]')!;
const stored = () => syncArea.get(SETTINGS_KEY) as Settings | undefined;
const count = () => $('#history-count')?.textContent;
const button = (name: string) =>
  [...section().querySelectorAll('button')].find((b) => b.textContent === name) as
    | HTMLButtonElement
    | undefined;
const historyChanged = () =>
  firePageEvent({ gloss: 1, pageEvent: 'dataChanged', args: { kinds: ['history'] } });
const statsRequests = () => sent.filter((e) => e.type === 'getHistoryStats').length;

beforeEach(() => {
  resetFakes();
  stats = { pageCount: 14, sightingCount: 20 };
  handlers.set('listKb', () => ({ entities: [], sources: [] }));
  handlers.set('getSyncStatus', () => ({ isConnected: false, isSyncing: false, pending: 0 }));
  handlers.set('getHistoryStats', () => stats);
  handlers.set('clearHistory', () => {
    stats = { pageCount: 0, sightingCount: 0 };
    historyChanged();
    return null;
  });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options: where you have seen it', () => {
  it('says what is recorded and that it stays in this browser, and shows the count', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(count()).toBe('14 pages recorded'));
    expect(section().querySelector('h2')?.textContent).toBe('Where you have seen it');
    const intro = section().querySelector('.hint')?.textContent ?? '';
    expect(intro).toContain('address, title, date and how many mentions');
    expect(intro).toContain('never synced or sent');
    expect(intro).toContain('private windows');
    await vi.waitFor(() => expect($('#history-record')).not.toBeNull());
    expect($('label:has(#history-record)')?.textContent).toBe(
      'Record the pages where Gloss highlights an entity',
    );
    stats = { pageCount: 1, sightingCount: 1 };
    historyChanged();
    await vi.waitFor(() => expect(count()).toBe('1 page recorded'));
  });

  it('saves the switch and the retention like the other settings', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect($('#history-record')).not.toBeNull());
    const box = $<HTMLInputElement>('#history-record')!;
    const select = $<HTMLSelectElement>('#history-retention')!;
    expect(box.checked).toBe(true);
    expect(select.value).toBe('90');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['7', '7 days'],
      ['30', '30 days'],
      ['90', '90 days'],
      ['365', '1 year'],
      ['0', 'Until I clear it'],
    ]);
    expect($('label[for="history-retention"]')?.textContent).toBe('Keep the history for');

    box.click();
    await vi.waitFor(() => expect(stored()?.recordHistory).toBe(false));
    await vi.waitFor(() =>
      expect(section().querySelector('[aria-live="polite"]')?.textContent).toBe('Saved'),
    );
    expect($('#history-off-hint')?.textContent).toContain('Nothing new is recorded');
    expect(box.getAttribute('aria-describedby')).toBe('history-off-hint');
    // Saved in this section only, not in the highlights section's status line.
    expect($('section[aria-labelledby="highlights-heading"] [aria-live="polite"]')?.textContent).toBe('');

    select.value = '0';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(stored()?.historyRetentionDays).toBe(0));
    expect(stored()).toEqual({ ...DEFAULT_SETTINGS, recordHistory: false, historyRetentionDays: 0 });
  });

  it('counts again only when the history changed', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(count()).toBe('14 pages recorded'));
    const before = statsRequests();
    stats = { pageCount: 15, sightingCount: 21 };
    firePageEvent({ gloss: 1, pageEvent: 'dataChanged', args: { kinds: ['notes', 'sources'] } });
    await new Promise((r) => setTimeout(r, 20));
    expect(statsRequests()).toBe(before);
    expect(count()).toBe('14 pages recorded');
    firePageEvent({ gloss: 1, pageEvent: 'dataChanged', args: { kinds: ['notes', 'history'] } });
    await vi.waitFor(() => expect(count()).toBe('15 pages recorded'));
  });

  it('asks in place before clearing, can be cancelled, then clears and says so', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(count()).toBe('14 pages recorded'));
    button('Clear history')!.click();
    await vi.waitFor(() => expect(button('Yes, clear it')).toBeDefined());
    expect(section().textContent).toContain('Forget all 14 recorded pages? This cannot be undone.');
    expect(document.activeElement).toBe(button('Yes, clear it'));
    expect(button('Clear history')).toBeUndefined();

    button('Cancel')!.click();
    await vi.waitFor(() => expect(button('Clear history')).toBeDefined());
    expect(document.activeElement).toBe(button('Clear history'));
    expect(sent.some((e) => e.type === 'clearHistory')).toBe(false);

    button('Clear history')!.click();
    await vi.waitFor(() => expect(button('Yes, clear it')).toBeDefined());
    button('Yes, clear it')!.click();
    await vi.waitFor(() => expect($('.history-clear-status')?.textContent).toBe('History cleared'));
    expect(sent.filter((e) => e.type === 'clearHistory').map((e) => e.args)).toEqual([{}]);
    await vi.waitFor(() => expect(count()).toBe('No pages recorded'));
    // Nothing left to clear.
    expect(button('Clear history')?.disabled).toBe(true);
  });

  it('says when clearing failed, and keeps the count', async () => {
    handlers.set('clearHistory', () => {
      throw new Error('The browser has no storage space left for Gloss.');
    });
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(count()).toBe('14 pages recorded'));
    button('Clear history')!.click();
    await vi.waitFor(() => expect(button('Yes, clear it')).toBeDefined());
    button('Yes, clear it')!.click();
    await vi.waitFor(() =>
      expect($('.history-clear [role="alert"]')?.textContent).toBe(
        'Could not clear the history: The browser has no storage space left for Gloss.',
      ),
    );
    expect($('.history-clear-status')?.textContent).toBe('');
    expect(count()).toBe('14 pages recorded');
  });
});
