/**
 * The history recorder from a tab's reports to the sightings store, on a real Dexie over fake-indexeddb:
 * reports wait in memory and are written together, one transaction, a couple of seconds later; the totals
 * are the tab's over all its frames; private windows, recording switched off, pages that are not web or
 * file pages and empty reports leave nothing; the retention prunes on each write and when it changes;
 * clearing forgets reports still waiting too.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../../src/shared/settings';

const session = new Map<string, unknown>();
const syncArea = new Map<string, unknown>();
const broadcasts: unknown[] = [];
type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const changeListeners = new Set<ChangeListener>();

vi.mock('../../../../src/platform/browser', () => ({
  browser: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
        remove: async (key: string) => void session.delete(key),
      },
      sync: {
        get: async (key: string) => (syncArea.has(key) ? { [key]: structuredClone(syncArea.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) syncArea.set(k, structuredClone(v));
          for (const l of changeListeners)
            l(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])), 'sync');
        },
      },
      onChanged: {
        addListener: (l: ChangeListener) => changeListeners.add(l),
        removeListener: (l: ChangeListener) => changeListeners.delete(l),
      },
    },
    runtime: {
      sendMessage: async (envelope: unknown) => {
        broadcasts.push(envelope);
      },
    },
    action: { setBadgeBackgroundColor: async () => undefined, setBadgeText: async () => undefined },
  },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { recordSightings, sightingStats } = await import('../../../../src/background/db/sightings-repo');
const { recordMentions } = await import('../../../../src/background/tab-mentions');
const { historyRecorder, reportPageSighting, watchHistorySettings } = await import(
  '../../../../src/background/history/page-reports'
);
const { FLUSH_DELAY_MS, HistoryRecorder } = await import('../../../../src/background/history/recorder');
const { flushDataChanged } = await import('../../../../src/background/page-events');
const { makeHistoryHandlers } = await import('../../../../src/background/history/history-handlers');
type GlossDb = ReturnType<typeof openDb>;

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 9);
let n = 0;
let db: GlossDb;
/** Every native IndexedDB transaction opened after the database was, by mode. */
const spyOnTransactions = () => vi.spyOn(IDBDatabase.prototype, 'transaction');
let opened: ReturnType<typeof spyOnTransactions>;
const writes = () => opened.mock.calls.filter((c) => c[1] === 'readwrite').length;

const setSettings = (patch: Partial<Settings>) =>
  syncArea.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, ...patch });
const sender = (tabId: number, frameId = 0, incognito = false): Runtime.MessageSender =>
  ({ id: 'gloss', tab: { id: tabId, incognito }, frameId }) as Runtime.MessageSender;
/** One frame's report, as the reportMentions handler runs it: stored for the tab, then handed over. */
async function report(
  s: Runtime.MessageSender,
  url: string,
  counts: Record<string, number>,
  title?: string,
): Promise<void> {
  await recordMentions(s.tab!.id!, s.frameId ?? 0, url, counts);
  await reportPageSighting(db, s, title);
}
/** The `dataChanged` events about the history sent so far (coalesced ones sent now). */
const historyEvents = async () => {
  await flushDataChanged();
  return sentHistoryEvents();
};
const sentHistoryEvents = () =>
  broadcasts.filter(
    (b) =>
      JSON.stringify(b) ===
      JSON.stringify({ gloss: 1, pageEvent: 'dataChanged', args: { kinds: ['history'] } }),
  ).length;
/** Runs the flush timer and waits for its write. */
async function afterDelay(): Promise<void> {
  await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
  await historyRecorder(db).flush();
}

beforeEach(async () => {
  // The announcer is the background's one: what an earlier test left pending goes out before this one.
  await flushDataChanged();
  session.clear();
  syncArea.clear();
  broadcasts.length = 0;
  changeListeners.clear();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
  // Dexie binds the native transaction() when it opens the database, so the spy goes in first.
  opened = spyOnTransactions();
  db = openDb(`recorder-${n++}`);
  await db.open();
  opened.mockClear();
});
afterEach(async () => {
  opened.mockRestore();
  vi.useRealTimers();
  await db.delete();
});

describe('history recorder', () => {
  it('writes several reports of several pages in exactly one transaction, after the delay', async () => {
    const top = sender(1);
    await report(top, 'https://www.news.example/a?utm_source=feed#p2', { apt10: 2 }, '  APT10 returns  ');
    await report(sender(1, 4), 'https://ads.example/frame', { apt10: 1, nec: 1 });
    await report(top, 'https://www.news.example/a?utm_source=feed#p2', { apt10: 3 }, 'APT10 returns');
    await report(sender(2), 'file:///home/reader/saved.html', { nec: 5 }, 'Saved page');
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS - 100);
    expect(opened).not.toHaveBeenCalled();
    expect(await db.sightings.count()).toBe(0);
    opened.mockClear();

    await afterDelay();
    expect(opened.mock.calls.map((c) => [c[0], c[1]])).toEqual([[['sightings'], 'readwrite']]);
    expect(await historyEvents()).toBe(1);
    // The tab's totals over all its frames, under the same page key notes use, with the top frame's title.
    expect(await db.sightings.get(['apt10', 'https://news.example/a'])).toEqual({
      entityId: 'apt10',
      pageKey: 'https://news.example/a',
      url: 'https://www.news.example/a?utm_source=feed#p2',
      title: 'APT10 returns',
      firstSeen: NOW,
      lastSeen: NOW,
      mentions: 4,
    });
    expect(await db.sightings.get(['nec', 'https://news.example/a'])).toMatchObject({ mentions: 1 });
    expect(await db.sightings.get(['nec', 'file:///home/reader/saved.html'])).toMatchObject({
      title: 'Saved page',
      mentions: 5,
    });
    expect(await sightingStats(db)).toEqual({ pageCount: 2, sightingCount: 3 });
  });

  it('a later visit updates the row: first sighting kept, date and count from the new report', async () => {
    await report(sender(1), 'https://news.example/a', { apt10: 2 }, 'A');
    await afterDelay();
    vi.setSystemTime(NOW + DAY);
    // A sub-frame's report carries no title: the page's stays.
    await report(sender(3, 2), 'https://frame.example/', { apt10: 1 });
    await recordMentions(3, 0, 'https://news.example/a', {});
    await report(sender(3, 2), 'https://frame.example/', { apt10: 1 });
    await afterDelay();
    expect(await db.sightings.get(['apt10', 'https://news.example/a'])).toMatchObject({
      title: 'A',
      firstSeen: NOW,
      lastSeen: NOW + DAY,
      mentions: 1,
    });
  });

  it('records nothing from private windows, off the web, or for an empty page', async () => {
    await report(sender(1, 0, true), 'https://news.example/private', { apt10: 2 }, 'Private');
    await report(sender(2), 'https://news.example/none', { apt10: 0 }, 'Nothing here');
    await report(sender(3), 'about:blank', { apt10: 1 });
    await report(sender(4), 'chrome-extension://abc/reader.html', { apt10: 1 });
    await report(sender(5, 3), 'https://frame.example/', { apt10: 1 });
    await afterDelay();
    expect(writes()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
    expect(await historyEvents()).toBe(0);
    // The same page from a normal window is recorded: it was the private window that kept it out.
    await report(sender(6), 'https://news.example/private', { apt10: 2 }, 'Private');
    await afterDelay();
    expect(await db.sightings.count()).toBe(1);
  });

  it('records nothing while the switch is off', async () => {
    setSettings({ recordHistory: false });
    await report(sender(5), 'https://news.example/off', { apt10: 1 }, 'Off');
    await afterDelay();
    expect(writes()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
    setSettings({ recordHistory: true });
    await report(sender(5), 'https://news.example/on', { apt10: 1 }, 'On');
    await afterDelay();
    expect((await db.sightings.toArray()).map((s) => s.title)).toEqual(['On']);
  });

  it('drops what was waiting when recording is switched off before the write', async () => {
    await report(sender(1), 'https://news.example/a', { apt10: 2 }, 'A');
    setSettings({ recordHistory: false });
    await afterDelay();
    expect(writes()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
  });

  it('prunes by the retention on each write, and at once when the retention changes', async () => {
    const controller = new AbortController();
    watchHistorySettings(db, controller.signal);
    await recordSightings(
      db,
      [
        {
          pageKey: 'https://old.example/',
          url: 'https://old.example/',
          title: 'Old',
          seenAt: NOW - 200 * DAY,
          counts: { nec: 1 },
        },
        {
          pageKey: 'https://month.example/',
          url: 'https://month.example/',
          title: 'M',
          seenAt: NOW - 20 * DAY,
          counts: { nec: 1 },
        },
      ],
      0,
      NOW,
    );
    await report(sender(1), 'https://news.example/a', { apt10: 2 }, 'A');
    await afterDelay();
    // The default 90 days: the 200-day-old page went in the same write.
    expect((await db.sightings.toArray()).map((s) => s.pageKey).sort()).toEqual([
      'https://month.example/',
      'https://news.example/a',
    ]);
    broadcasts.length = 0;
    const { saveSettings } = await import('../../../../src/platform/settings-store');
    await saveSettings({ historyRetentionDays: 7 });
    await vi.waitFor(async () => expect(await db.sightings.count()).toBe(1));
    await vi.waitFor(async () => expect(await historyEvents()).toBe(1));
    // "Until I clear it" never prunes.
    vi.setSystemTime(NOW + 5000 * DAY);
    await saveSettings({ historyRetentionDays: 0 });
    await report(sender(1), 'https://news.example/b', { apt10: 1 }, 'B');
    await afterDelay();
    expect(await db.sightings.count()).toBe(2);
    controller.abort();
  });

  it('clears everything or one entity, reports still waiting included, and says so', async () => {
    const handlers = makeHistoryHandlers(db);
    await report(sender(1), 'https://news.example/a', { apt10: 2, nec: 1 }, 'A');
    await afterDelay();
    await report(sender(1), 'https://news.example/b', { apt10: 1, nec: 3 }, 'B');
    await handlers.clearHistory({ entityId: 'apt10' }, sender(0));
    await afterDelay();
    expect((await db.sightings.toArray()).map((s) => [s.entityId, s.pageKey])).toEqual([
      ['nec', 'https://news.example/a'],
      ['nec', 'https://news.example/b'],
    ]);
    expect(await handlers.getHistoryStats({}, sender(0))).toEqual({ pageCount: 2, sightingCount: 2 });
    await report(sender(1), 'https://news.example/c', { nec: 1 }, 'C');
    broadcasts.length = 0;
    await handlers.clearHistory({}, sender(0));
    expect(await historyEvents()).toBe(1);
    await afterDelay();
    expect(await handlers.getHistoryStats({}, sender(0))).toEqual({ pageCount: 0, sightingCount: 0 });
  });

  it('a write that fails is logged and dropped, and the next one works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let isBroken = true;
    const announce = vi.fn(async () => undefined);
    const recorder = new HistoryRecorder({
      db,
      loadSettings: async () => {
        if (isBroken) throw new Error('storage.sync is unavailable');
        return DEFAULT_SETTINGS;
      },
      announce,
      now: Date.now,
      delayMs: 10,
    });
    const page = {
      pageKey: 'https://news.example/a',
      url: 'https://news.example/a',
      title: 'A',
      seenAt: NOW,
      counts: { nec: 1 },
    };
    recorder.add(page);
    await vi.advanceTimersByTimeAsync(10);
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Gloss: could not record where entities were seen', expect.any(Error));
    expect(announce).not.toHaveBeenCalled();
    isBroken = false;
    recorder.add(page);
    await vi.advanceTimersByTimeAsync(10);
    await recorder.flush();
    expect(await db.sightings.count()).toBe(1);
    expect(announce).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
