/**
 * The sightings repository on a real Dexie over fake-indexeddb: a batch upserts one row per entity and
 * page (the first sighting's date kept, the rest following the latest report), drops what is older than
 * the retention, clears all or one entity, and counts pages and rows.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type GlossDb, openDb } from '../../../../src/background/db/database';
import {
  clearSightings,
  countSightingsOf,
  type PageSighting,
  pruneSightings,
  recordSightings,
  sightingStats,
  sightingsOf,
} from '../../../../src/background/db/sightings-repo';

let db: GlossDb | undefined;
let n = 0;
const fresh = (): GlossDb => {
  db = openDb(`sightings-repo-${n++}`);
  return db;
};
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 2, 9);
const page = (patch: Partial<PageSighting> = {}): PageSighting => ({
  pageKey: 'https://news.example/a',
  url: 'https://www.news.example/a?utm_source=x',
  title: 'Article A',
  seenAt: T0,
  counts: { apt10: 3, nec: 1 },
  ...patch,
});

describe('sightings repository', () => {
  it('records one row per entity and page, skipping entities with no mentions', async () => {
    const d = fresh();
    await recordSightings(d, [page({ counts: { apt10: 3, nec: 1, zte: 0 } })], 90, T0);
    expect(await d.sightings.count()).toBe(2);
    expect(await d.sightings.get(['apt10', 'https://news.example/a'])).toEqual({
      entityId: 'apt10',
      pageKey: 'https://news.example/a',
      url: 'https://www.news.example/a?utm_source=x',
      title: 'Article A',
      firstSeen: T0,
      lastSeen: T0,
      mentions: 3,
    });
  });

  it('an upsert keeps the first sighting and takes the latest date, address, title and count', async () => {
    const d = fresh();
    await recordSightings(d, [page()], 90, T0);
    const later = T0 + 3 * DAY;
    await recordSightings(
      d,
      [
        page({
          seenAt: later,
          url: 'https://news.example/a',
          title: 'Article A (updated)',
          counts: { apt10: 5 },
        }),
      ],
      90,
      later,
    );
    expect(await d.sightings.get(['apt10', 'https://news.example/a'])).toMatchObject({
      firstSeen: T0,
      lastSeen: later,
      mentions: 5,
      url: 'https://news.example/a',
      title: 'Article A (updated)',
    });
    // The entity this report did not mention is left as it was.
    expect(await d.sightings.get(['nec', 'https://news.example/a'])).toMatchObject({
      lastSeen: T0,
      mentions: 1,
    });
    // A report without a title (from a sub-frame) keeps the title already known.
    await recordSightings(d, [page({ seenAt: later + 1, title: '', counts: { apt10: 6 } })], 90, later + 1);
    expect(await d.sightings.get(['apt10', 'https://news.example/a'])).toMatchObject({
      title: 'Article A (updated)',
      mentions: 6,
    });
  });

  it('writes a whole batch of pages in one transaction', async () => {
    // Dexie binds the native transaction() when it opens the database, so the spy goes in first.
    const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const d = fresh();
    await d.open();
    opened.mockClear();
    const pages = Array.from({ length: 20 }, (_, i) =>
      page({ pageKey: `https://p${i}.example/`, seenAt: T0 + i }),
    );
    await recordSightings(d, pages, 90, T0 + 20);
    const modes = opened.mock.calls.map((call) => call[1] ?? 'readonly');
    opened.mockRestore();
    expect(modes).toEqual(['readwrite']);
    expect(await d.sightings.count()).toBe(40);
  });

  it('drops what is older than the retention, in the batch and on its own; 0 keeps everything', async () => {
    const d = fresh();
    await recordSightings(
      d,
      [
        page({ pageKey: 'https://old.example/', seenAt: T0 - 100 * DAY }),
        page({ pageKey: 'https://recent.example/', seenAt: T0 - 10 * DAY }),
      ],
      0,
      T0,
    );
    expect(await d.sightings.count()).toBe(4);
    // The next batch prunes by the 90-day retention as it writes.
    await recordSightings(d, [page()], 90, T0);
    expect((await d.sightings.orderBy('pageKey').uniqueKeys()).sort()).toEqual([
      'https://news.example/a',
      'https://recent.example/',
    ]);
    expect(await pruneSightings(d, 0, T0 + 1000 * DAY)).toBe(0);
    expect(await pruneSightings(d, 7, T0)).toBe(2);
    expect(await pruneSightings(d, 7, T0)).toBe(0);
    expect(await d.sightings.count()).toBe(2);
  });

  it('clears one entity or everything, and counts distinct pages and rows', async () => {
    const d = fresh();
    await recordSightings(
      d,
      [
        page(),
        page({ pageKey: 'https://news.example/b', counts: { apt10: 1 } }),
        page({ pageKey: 'https://blog.example/c', counts: { nec: 2, zte: 1 } }),
      ],
      90,
      T0,
    );
    expect(await sightingStats(d)).toEqual({ pageCount: 3, sightingCount: 5 });
    expect(await countSightingsOf(d, 'apt10')).toBe(2);
    expect((await sightingsOf(d, 'nec', 10)).map((s) => s.pageKey)).toHaveLength(2);
    await clearSightings(d, 'apt10');
    expect(await countSightingsOf(d, 'apt10')).toBe(0);
    expect(await sightingStats(d)).toEqual({ pageCount: 2, sightingCount: 3 });
    await clearSightings(d);
    expect(await sightingStats(d)).toEqual({ pageCount: 0, sightingCount: 0 });
  });

  it('lists an entity’s pages newest first, at most the limit', async () => {
    const d = fresh();
    const pages = [3, 1, 2].map((i) =>
      page({ pageKey: `https://p${i}.example/`, seenAt: T0 + i, counts: { nec: i } }),
    );
    await recordSightings(d, pages, 0, T0);
    expect((await sightingsOf(d, 'nec', 2)).map((s) => s.pageKey)).toEqual([
      'https://p3.example/',
      'https://p2.example/',
    ]);
  });
});
