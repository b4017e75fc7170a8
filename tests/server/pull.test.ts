/**
 * Pulling: pages in version order, tombstones included, and no change ever skipped, even while pushes from
 * several devices run at the same time (the cursor anomaly of ../shared/docs/sync.md: on PostgreSQL the
 * pushes really overlap, with delays injected inside their transactions to widen every window); a first
 * sync of thousands of notes; a reinstalled extension starting from nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_LIMITS, type SyncNote } from '../../src/shared/sync/wire';
import type { TestDevice } from './helpers/device';
import { withLatency } from './helpers/faulty-sql';
import { Harness } from './helpers/harness';
import { DB_KIND, openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());

const bodies = (notes: Iterable<SyncNote>) => [...notes].map((n) => n.fields.body);

describe('paging', () => {
  it('returns changes after the cursor in version order, page by page, with hasMore', async () => {
    const h = new Harness(db.sql);
    const user = await h.user();
    const a = await user.device('dev-a');
    const made = Array.from({ length: 25 }, (_, i) => a.create({ body: `n${i}` }));
    await a.push(made);
    const pages = [];
    let since = 0;
    for (;;) {
      const reply = await a.pull(since, 10);
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      since = reply.body.version;
      if (!reply.body.hasMore) break;
    }
    expect(pages.map((p) => [p.notes.length, p.version, p.hasMore])).toEqual([
      [10, 10, true],
      [10, 20, true],
      [5, 25, false],
    ]);
    expect(pages.flatMap((p) => p.notes.map((n) => n.version))).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );

    // Later: only what changed since, including a tombstone, at new versions.
    await a.push([a.edit(made[3]!, { body: 'n3 again' }), a.edit(made[7]!, { deleted: true })]);
    const next = await a.pull(25);
    expect(next.body.notes.map((n) => [n.fields.body, n.fields.deleted, n.version])).toEqual([
      ['n3 again', false, 26],
      ['n7', true, 27],
    ]);
    expect(next.body).toMatchObject({ version: 27, hasMore: false });
    expect((await a.pull(27)).body).toEqual({ notes: [], version: 27, hasMore: false });
    // A cursor beyond the user's version (the database restored from an older backup) is answered with the
    // version, lower than the cursor: the client's sign to start over and send its notes again.
    expect((await a.pull(1000)).body).toEqual({ notes: [], version: 27, hasMore: false });
  });

  it('clamps a limit above the page size and uses the page size by default', async () => {
    const h = new Harness(db.sql);
    const a = await (await h.user()).device('dev-a');
    for (let i = 0; i < 2; i++) await a.push(Array.from({ length: 400 }, () => a.create()));
    expect((await a.pull(0, 10_000)).body).toMatchObject({ version: SYNC_LIMITS.pullPage, hasMore: true });
    expect((await a.pull(0)).body.notes).toHaveLength(SYNC_LIMITS.pullPage);
  });
});

describe('pulls while pushes run', () => {
  it('never loses a change: the union of every pull equals the final state', async () => {
    const sql = withLatency(db.sql, DB_KIND === 'postgres' ? 4 : 1);
    const h = new Harness(sql);
    const user = await h.user();
    const devices: TestDevice[] = [];
    for (const id of ['dev-a', 'dev-b', 'dev-c', 'dev-d']) devices.push(await user.device(id));
    const puller = await user.device('dev-puller');
    const shared = devices[0]!.create({ body: 'shared' });
    await devices[0]!.push([shared]);

    const seen = new Map<string, SyncNote & { version: number }>();
    let since = 0;
    let pushing = true;
    let pullsDuringPushes = 0;
    const pullOnce = async () => {
      const reply = await puller.pull(since, 7);
      for (const n of reply.body.notes) seen.set(n.id, n);
      since = reply.body.version;
      return reply.body.hasMore;
    };
    const pullLoop = (async () => {
      while (pushing) {
        await pullOnce();
        pullsDuringPushes += 1;
      }
      while (await pullOnce()) {}
    })();
    const pushLoops = devices.map(async (d, i) => {
      let mine = shared;
      for (let round = 0; round < 12; round++) {
        mine = d.edit(mine, { tags: [`${d.deviceId}-${round}`] });
        const replies = await Promise.all([
          d.push([mine, d.create({ body: `${d.deviceId} r${round}` })]),
          d.push([d.create({ body: `${d.deviceId} r${round} extra`, color: i % 2 ? 'green' : 'pink' })]),
        ]);
        for (const r of replies) expect(r.status).toBe(200);
      }
    });
    await Promise.all(pushLoops);
    pushing = false;
    await pullLoop;

    const final = (await puller.pullAll(0)).notes;
    expect(final.size).toBe(1 + 4 * 12 * 2);
    expect(seen.size).toBe(final.size);
    for (const [id, note] of final) expect(seen.get(id)).toEqual(note);
    // The test only means something if pulls really ran in between pushes.
    expect(pullsDuringPushes).toBeGreaterThan(3);
    const versions = [...final.values()].map((n) => n.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('large and fresh syncs', () => {
  it('takes a first sync of 3,000 notes in batches and hands them to a new device in pages', async () => {
    const h = new Harness(db.sql);
    const user = await h.user();
    const a = await user.device('dev-a');
    const notes = Array.from({ length: 3000 }, (_, i) =>
      a.create({ body: `note ${i} ${'x'.repeat(200)}`, tags: [`t${i % 7}`] }),
    );
    for (let i = 0; i < notes.length; i += SYNC_LIMITS.mutationsPerPush) {
      const reply = await a.push(notes.slice(i, i + SYNC_LIMITS.mutationsPerPush));
      expect(reply.body).toMatchObject({ appliedThrough: i + SYNC_LIMITS.mutationsPerPush, rejected: [] });
    }
    const fresh = await user.device('dev-new');
    const pulled = await fresh.pullAll();
    expect(pulled.pages).toBe(3000 / SYNC_LIMITS.pullPage);
    expect(pulled.version).toBe(3000);
    expect(bodies(pulled.notes.values())).toEqual(bodies(notes));
    expect([...pulled.notes.values()].map(({ version: _v, ...n }) => n)).toEqual(notes);
  });

  it('lets a reinstalled extension (new device id, new enrolment) pull everything and push from id 1', async () => {
    const h = new Harness(db.sql);
    const user = await h.user();
    const old = await user.device('install-1');
    await old.push(Array.from({ length: 30 }, (_, i) => old.create({ body: `old ${i}` })));
    const reinstalled = await user.device('install-2');
    const { notes, version } = await reinstalled.pullAll();
    expect(notes.size).toBe(30);
    expect(version).toBe(30);
    const reply = await reinstalled.push([
      reinstalled.edit(notes.values().next().value!, { body: 'after reinstall' }),
    ]);
    expect(reply.body).toMatchObject({ appliedThrough: 1, version: 31 });
    expect((await old.pull(30)).body.notes.map((n) => n.fields.body)).toEqual(['after reinstall']);
  });
});
