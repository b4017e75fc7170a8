/**
 * The sync engine with the real server (real-server.ts) under network and process faults (faults.ts wraps
 * each device's `fetch`): lost
 * connections before and after the server commits, server errors halfway through, a revoked token, a busy
 * server, timeouts, replayed and late requests, pages pulled while another device pushes, oversized
 * batches, nonsense replies, and a background killed mid-cycle. Every case ends converged with nothing
 * lost or doubled.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const { expectConverged, Rig, SERVER_URL, tick, world } = await import('./devices');

const rig = await Rig.start();
afterEach(() => rig.reset());
afterAll(() => rig.close());

/** A user with device A connected and holding `count` synced notes. */
async function withNotes(count: number, options?: Parameters<typeof rig.device>[1]) {
  const { userId } = await rig.server.createUser();
  const a = rig.device('a', options);
  for (let i = 0; i < count; i++) await a.add(`note ${i}`);
  return { userId, a };
}

const state = async (d: { db: { meta: { get(k: string): Promise<{ value: string } | undefined> } } }) =>
  JSON.parse((await d.db.meta.get('sync.state'))?.value ?? '{}');

describe('lost connections', () => {
  it('reset before the server saw the push: queued changes stay, backoff grows, then all goes through', async () => {
    const { userId, a } = await withNotes(3);
    a.net.inject('enrol', { kind: 'pass' });
    a.net.inject('push', { kind: 'reset-before' });
    const status = await a.connect(userId);
    expect(status).toMatchObject({ connected: true, pending: 3 });
    expect(status.error).toMatch(/Could not reach the sync server/);
    expect(status.lastSyncAt).toBeUndefined();
    expect(await state(a)).toMatchObject({ failures: 1, nextAttemptAt: world.t + 10_000 });
    // The options page counts down to the next try from the status.
    expect(status.nextTryAt).toBe(world.t + 10_000);
    expect(a.retries).toEqual([world.t + 10_000]);
    expect(await rig.server.notesOf(userId)).toEqual([]);

    // Automatic triggers wait for the backoff; it doubles with each failure.
    const calls = a.net.calls.length;
    await a.engine.sync('auto');
    expect(a.net.calls.length).toBe(calls);
    a.net.isOffline = true;
    await a.engine.sync('manual');
    expect(await state(a)).toMatchObject({ failures: 2, nextAttemptAt: world.t + 20_000 });
    await a.engine.sync('online');
    expect(await state(a)).toMatchObject({ failures: 3, nextAttemptAt: world.t + 40_000 });

    a.net.isOffline = false;
    tick(40_000);
    const after = await a.engine.sync('auto');
    expect(after).toMatchObject({ pending: 0, lastSyncAt: world.t });
    expect(after.error).toBeUndefined();
    expect(after.nextTryAt).toBeUndefined();
    expect(await state(a)).toEqual({ lastSyncAt: world.t, failures: 0 });
    await expectConverged(rig, userId);
  });

  it('response lost after the server committed: the retry is harmless (merged again, no new version)', async () => {
    const { userId, a } = await withNotes(2);
    a.net.inject('push', { kind: 'reset-after' });
    await a.connect(userId);
    expect(await a.pending()).toBe(2);
    expect(await rig.server.version(userId)).toBe(2);
    // An edit between the lost response and the retry goes out with it.
    const [first] = await a.notes();
    await a.edit(first!.id, { body: 'edited while the reply was lost' });
    await a.sync();
    expect(await rig.server.version(userId)).toBe(3);
    expect(await rig.server.history(userId)).toHaveLength(1);
    const b = rig.device('b');
    await b.connect(userId);
    await rig.syncAll(1);
    const notes = await expectConverged(rig, userId);
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.body)).toContain('edited while the reply was lost');
  });

  it('a server error halfway through: the batches before it are done, the rest stays queued', async () => {
    const { userId, a } = await withNotes(60, { engine: { pushLimit: 20 } });
    a.net.inject('push', { kind: 'pass' }, { kind: 'status', status: 500 });
    const status = await a.connect(userId);
    expect(status.error).toBe('The sync server had a problem (HTTP 500). Gloss will try again.');
    expect(status.pending).toBe(40);
    expect(await rig.server.notesOf(userId)).toHaveLength(20);
    // No pull after a failed push: the cycle stopped where it failed.
    expect(a.net.calls.filter((c) => c === 'pull')).toHaveLength(0);
    tick(10_000);
    expect((await a.engine.sync('auto')).pending).toBe(0);
    expect(await rig.server.notesOf(userId)).toHaveLength(60);
    await expectConverged(rig, userId);
  });

  it('a timeout: the call is given up and retried later', async () => {
    // Long enough for the real server's answers on a busy machine; the hung pull waits it out.
    const { userId, a } = await withNotes(1, { engine: { timeoutMs: 500 } });
    a.net.inject('pull', { kind: 'hang' });
    const status = await a.connect(userId);
    expect(status.error).toBe('The sync server took too long to answer. Gloss will try again.');
    expect(status.pending).toBe(0);
    expect((await a.sync()).error).toBeUndefined();
    await expectConverged(rig, userId);
  });
});

describe('what the server says', () => {
  it('401: syncing stops with the reason in plain words, local notes untouched, until connected again', async () => {
    const { userId, a } = await withNotes(3);
    await a.connect(userId);
    await a.add('written after the revocation');
    const before = await a.notes();
    await rig.server.revokeAll(userId);
    const status = await a.sync();
    expect(status).toEqual({
      connected: false,
      serverUrl: SERVER_URL,
      lastSyncAt: expect.any(Number),
      pending: 1,
      error:
        'This device was disconnected by the server (token revoked). Your notes are still here. To sync again, connect with a new enrolment code.',
      isSyncing: false,
    });
    expect(await a.notes()).toEqual(before);
    const calls = a.net.calls.length;
    await a.engine.sync('online');
    await a.engine.sync('manual');
    expect(a.net.calls.length).toBe(calls);

    const again = await a.connect(userId);
    expect(again).toMatchObject({ connected: true, pending: 0 });
    expect(again.error).toBeUndefined();
    expect(await rig.server.notesOf(userId)).toHaveLength(4);
  });

  it('429: waits as long as Retry-After says, even for "Sync now"', async () => {
    const { userId, a } = await withNotes(1);
    a.net.inject('push', { kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
    const status = await a.connect(userId);
    expect(status.error).toMatch(/busy and asked Gloss to wait\. It will try again at \S/);
    expect(await state(a)).toMatchObject({ nextAttemptAt: world.t + 120_000, isServerWait: true });
    const calls = a.net.calls.length;
    await a.engine.sync('manual');
    await a.engine.sync('online');
    expect(a.net.calls.length).toBe(calls);
    tick(120_000);
    expect((await a.engine.sync('auto')).pending).toBe(0);
    await expectConverged(rig, userId);
  });

  it('413: the batch is split until it fits', async () => {
    const { userId, a } = await withNotes(0);
    for (let i = 0; i < 16; i++) await a.add(`note ${i} ${'x'.repeat(1000)}`);
    // The engine keeps batches under the server's own limit (5 MiB), so the 413 comes from a proxy in front.
    a.net.maxBodyBytes = 6_000;
    expect((await a.connect(userId)).error).toBeUndefined();
    const sizes = (a.net.pushes as Array<{ mutations: unknown[] }>).map((p) => p.mutations.length);
    // Halved until it fits; the rest of the cycle goes at the size that was tried last.
    expect(sizes).toEqual([16, 8, 4, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(await rig.server.notesOf(userId)).toHaveLength(16);
    await expectConverged(rig, userId);
  });

  it('a server restored from an older backup: every device sends all its notes again', async () => {
    const { userId, a } = await withNotes(3);
    await a.connect(userId);
    const b = rig.device('b');
    await b.connect(userId);
    await b.add('from B');
    await rig.syncAll();
    // The server loses the user's notes, history and mutation cursors back to a backup taken before the
    // first push; the devices (tokens) survive, and their pull cursors are now ahead of the server.
    await rig.server.sql.transaction(async (tx) => {
      for (const table of ['notes', 'note_history', 'mutation_cursors'])
        await tx.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
      await tx.query('UPDATE users SET version = 0 WHERE id = $1', [userId]);
    });
    expect(await rig.server.notesOf(userId)).toEqual([]);
    await rig.syncAll(3);
    expect(await rig.server.notesOf(userId)).toHaveLength(4);
    await expectConverged(rig, userId);
  });

  it('a note the server would refuse is held back and reported; every other note still syncs', async () => {
    const { userId, a } = await withNotes(3);
    const [bad] = await a.notes();
    // An old import stored a tag longer than the protocol allows.
    await a.db.notes.update(bad!.id, { tags: ['t'.repeat(80)] });
    const status = await a.connect(userId);
    expect(status.error).toBe(
      '1 note cannot be sent: the sync server would refuse it (fields.tags.0: Invalid length: Expected <=64 but received 80). It stays in this browser; the other notes sync as usual.',
    );
    expect(status.pending).toBe(1);
    expect(await rig.server.notesOf(userId)).toHaveLength(2);
    expect(a.net.calls.filter((c) => c === 'pull')).toHaveLength(1);
    // Editing the note (here: its tags) queues it under a new id, and it goes.
    await a.edit(bad!.id, { tags: ['fine'] });
    expect((await a.sync()).error).toBeUndefined();
    await expectConverged(rig, userId);
  });

  it('a reply of the wrong shape: nothing is applied, the cursor stays, the problem is shown', async () => {
    const { userId, a } = await withNotes(1);
    await a.connect(userId);
    const b = rig.device('b');
    b.net.inject('pull', { kind: 'garbage' });
    const status = await b.connect(userId);
    expect(status.error).toMatch(/answer Gloss does not understand/);
    expect(await b.db.notes.count()).toBe(0);
    expect((await b.db.meta.get('sync.cursor'))?.value).toBe('0');
    expect((await b.sync()).error).toBeUndefined();
    await expectConverged(rig, userId);
  });
});

describe('ordering', () => {
  it('a duplicated and a late, out-of-order push change nothing on the server', async () => {
    const { userId, a } = await withNotes(2);
    await a.connect(userId);
    const old = a.net.pushes[0];
    const [first] = await a.notes();
    await a.edit(first!.id, { body: 'newer' });
    await a.sync();
    const version = await rig.server.version(userId);
    const history = await rig.server.history(userId);
    const { token } = JSON.parse((await a.db.meta.get('sync.account'))!.value);
    const push = (body: unknown) =>
      rig.server.fetch(`${SERVER_URL}/v1/push`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    // The first push arrives again, long after a newer one: a stale retry from a network queue.
    for (let i = 0; i < 2; i++) expect((await push(old)).status).toBe(200);
    expect(await rig.server.version(userId)).toBe(version);
    // Even under new mutation ids (a reinstalled device replaying an export), the older clocks lose.
    const replay = structuredClone(old) as { mutations: Array<{ mutationId: number }> };
    for (const m of replay.mutations) m.mutationId += 1000;
    expect((await push(replay)).status).toBe(200);
    expect(await rig.server.version(userId)).toBe(version);
    // The stale body lost to 'newer' once already; losing again records nothing new.
    expect(await rig.server.history(userId)).toEqual(history);
    await a.sync();
    expect((await expectConverged(rig, userId)).map((n) => n.body)).toContain('newer');
  });

  it('pulls paging while another device pushes: nothing skipped, one cycle', async () => {
    const { userId, a } = await withNotes(12);
    await a.connect(userId);
    const b = rig.device('b', { engine: { pullLimit: 5 } });
    const [early, , , , , , , , , , , late] = await a.notes();
    b.net.inject(
      'pull',
      { kind: 'pass' },
      {
        kind: 'before',
        run: async () => {
          await a.edit(early!.id, { body: 'edited during B’s pull (already pulled)' });
          await a.edit(late!.id, { body: 'edited during B’s pull (not pulled yet)' });
          await a.add('added during B’s pull');
          await a.sync();
        },
      },
    );
    await b.connect(userId);
    expect(b.net.calls.filter((c) => c === 'pull')).toHaveLength(3);
    await a.sync();
    const notes = await expectConverged(rig, userId);
    expect(notes).toHaveLength(13);
    expect(notes.map((n) => n.body)).toEqual(
      expect.arrayContaining([
        'edited during B’s pull (already pulled)',
        'edited during B’s pull (not pulled yet)',
        'added during B’s pull',
      ]),
    );
  });
});

describe('the background killed mid-cycle', () => {
  it('after the server committed a push, before the reply: a new engine resends harmlessly', async () => {
    const { userId, a } = await withNotes(5);
    const b = rig.device('b');
    await b.connect(userId);
    await a.connect(userId);
    await a.edit((await a.notes())[0]!.id, { color: 'green' });
    a.net.inject('push', { kind: 'freeze', isAfterServer: true });
    void a.sync();
    await vi.waitFor(() => expect(a.net.pending).toBe(0));
    const version = await rig.server.version(userId);
    a.restart();
    expect((await a.sync()).pending).toBe(0);
    expect(await rig.server.version(userId)).toBe(version);
    await b.sync();
    const notes = await expectConverged(rig, userId);
    expect(notes).toHaveLength(5);
  });

  it('between two pull pages: the new engine goes on from the page after the last one applied', async () => {
    const { userId, a } = await withNotes(12);
    await a.connect(userId);
    const b = rig.device('b', { engine: { pullLimit: 5 } });
    b.net.inject('enrol', { kind: 'pass' });
    b.net.inject('pull', { kind: 'pass' }, { kind: 'freeze' });
    void b.connect(userId);
    await vi.waitFor(async () => expect(await b.db.notes.count()).toBe(5));
    expect((await b.db.meta.get('sync.cursor'))?.value).toBe('5');
    b.restart();
    await b.sync();
    const notes = await expectConverged(rig, userId);
    expect(notes).toHaveLength(12);
    tick();
  });

  it('a disconnect during a cycle ends it without writing anything into the next connection', async () => {
    const { userId, a } = await withNotes(2);
    await a.connect(userId);
    await a.add('queued');
    a.net.inject('push', { kind: 'hang' });
    const running = a.sync();
    await vi.waitFor(() => expect(a.net.pending).toBe(0));
    expect((await a.engine.status()).isSyncing).toBe(true);
    const status = await a.engine.disconnect();
    expect(status).toMatchObject({ connected: false, pending: 1 });
    expect(await running).toEqual({ connected: false, pending: 1, isSyncing: false });
    expect(await a.db.meta.get('sync.state')).toBeUndefined();
  });
});
