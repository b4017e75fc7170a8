import { beforeEach, describe, expect, it, vi } from 'vitest';

const session = new Map<string, unknown>();
const badges = new Map<number, string>();

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string | null) =>
          key === null ? Object.fromEntries(session) : session.has(key) ? { [key]: session.get(key) } : {},
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (key: string) => {
          session.delete(key);
        },
      },
    },
    action: {
      setBadgeBackgroundColor: async () => undefined,
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => {
        badges.set(tabId, text);
      },
    },
  },
}));

const { forgetTab, getTabMentions, hostOf, isScanning, markScanning, recordMentions, tabsOnHost, totals } =
  await import('../../../src/background/tab-mentions');

beforeEach(() => {
  session.clear();
  badges.clear();
});

describe('tab mentions', () => {
  it('adds up frames, shows the total on the badge, and starts afresh when the top frame reports', async () => {
    await Promise.all([
      recordMentions(7, 0, 'https://news.example/a', { huawei: 2, zte: 1 }),
      recordMentions(7, 3, 'https://ads.example/frame', { huawei: 1 }),
    ]);
    const report = await getTabMentions(7);
    expect(report?.host).toBe('news.example');
    expect(totals(report!)).toEqual({ huawei: 3, zte: 1 });
    expect(badges.get(7)).toBe('4');
    await recordMentions(7, 0, 'https://news.example/b', {});
    expect(totals((await getTabMentions(7))!)).toEqual({});
    expect(badges.get(7)).toBe('');
  });

  it('keeps what frames reported before the top frame, and drops it when the top frame moves on', async () => {
    await recordMentions(9, 5, 'https://child.example/f', { zte: 2 });
    await recordMentions(9, 0, 'https://news.example/a', { huawei: 1 });
    await recordMentions(9, 0, 'https://news.example/a', { huawei: 1, nec: 1 });
    expect(totals((await getTabMentions(9))!)).toEqual({ zte: 2, huawei: 1, nec: 1 });
    expect((await getTabMentions(9))?.host).toBe('news.example');
    expect(badges.get(9)).toBe('4');
    await recordMentions(9, 0, 'https://news.example/next', {});
    expect(totals((await getTabMentions(9))!)).toEqual({});
  });

  it('finds the tabs on a host and forgets closed tabs', async () => {
    await recordMentions(1, 0, 'https://a.example/', { nec: 1 });
    await recordMentions(2, 0, 'https://b.example/', { nec: 1 });
    expect(await tabsOnHost('a.example')).toEqual([1]);
    await forgetTab(1);
    expect(await getTabMentions(1)).toBeUndefined();
  });

  it('after the site is switched on, says the tab is being scanned until its page reports, even a report of nothing', async () => {
    await recordMentions(4, 0, 'https://news.example/a', {});
    expect(isScanning((await getTabMentions(4))!, 1_000)).toBe(false);
    await markScanning(4, 1_000);
    expect(isScanning((await getTabMentions(4))!, 1_500)).toBe(true);
    // A page with no content script (loaded before Gloss was installed) never reports: not forever.
    expect(isScanning((await getTabMentions(4))!, 7_000)).toBe(false);
    await recordMentions(4, 0, 'https://news.example/a', {});
    expect(isScanning((await getTabMentions(4))!, 1_500)).toBe(false);
    await markScanning(4, 2_000);
    await recordMentions(4, 0, 'https://news.example/a', { nec: 2 });
    expect(isScanning((await getTabMentions(4))!, 2_100)).toBe(false);
    expect(totals((await getTabMentions(4))!)).toEqual({ nec: 2 });
  });

  it('names the site of local files and rejects junk', () => {
    expect(hostOf('file:///home/me/a.html')).toBe('file');
    expect(hostOf('not a url')).toBe('');
  });
});
