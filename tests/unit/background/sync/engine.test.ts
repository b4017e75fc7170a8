/**
 * The sync engine end to end against the real server in-process (real-server.ts): devices, each with its
 * own database, device id and clock, converge to the same notes whatever order they edit and sync in, and
 * connecting, disconnecting and reinstalling keep every note. Faults and clocks have their own files.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const { expectConverged, Rig, SERVER_URL, tick, world } = await import('./devices');
const { syncArea } = await import('../../helpers/fake-browser');
const { requeueAll } = await import('../../../../src/background/sync/outbox-ops');

const rig = await Rig.start();
afterEach(() => rig.reset());
afterAll(() => rig.close());

describe('connecting', () => {
  it('trades the code for a token kept in IndexedDB (not extension storage) and sends existing notes', async () => {
    const { userId, code } = await rig.server.createUser();
    const a = rig.device('a');
    const note = await a.add('written before sync existed');
    const status = await a.engine.connect(`${SERVER_URL}/`, `  ${code} `);
    expect(status).toEqual({
      connected: true,
      serverUrl: SERVER_URL,
      connectedAt: world.t,
      deviceName: 'Test browser a',
      lastSyncAt: world.t,
      pending: 0,
      isSyncing: false,
    });
    expect(await rig.server.devices(userId)).toEqual([
      expect.objectContaining({ name: 'Test browser a', revokedAt: null, lastPushAt: world.t }),
    ]);
    const account = JSON.parse((await a.db.meta.get('sync.account'))!.value);
    expect(account).toMatchObject({ serverUrl: SERVER_URL, userId });
    expect(await rig.server.userOfToken(account.token)).toBe(userId);
    expect(syncArea.size).toBe(0);
    expect((await rig.server.notesOf(userId)).map((n) => n.id)).toEqual([note.id]);
    expect((await a.note(note.id))?.serverVersion).toBe(1);
  });

  it('enrols under the name the reader confirmed, tidied, or the proposed one when it is blank', async () => {
    const first = await rig.server.createUser();
    const a = rig.device('a');
    expect(await a.engine.connect(SERVER_URL, first.code, '  Work laptop\n Firefox ')).toMatchObject({
      deviceName: 'Work laptop Firefox',
    });
    const second = await rig.server.createUser();
    const b = rig.device('b');
    expect(await b.engine.connect(SERVER_URL, second.code, '   ')).toMatchObject({
      deviceName: 'Test browser b',
    });
    for (const [user, name] of [
      [first, 'Work laptop Firefox'],
      [second, 'Test browser b'],
    ] as const)
      expect((await rig.server.devices(user.userId)).map((d) => d.name)).toEqual([name]);
    const third = await rig.server.createUser();
    const c = rig.device('c');
    await expect(c.engine.connect(SERVER_URL, third.code, 'bell\u0007')).rejects.toThrow(
      /^Enter a name for this browser of up to 100 characters/,
    );
    expect(await c.db.meta.get('sync.account')).toBeUndefined();
  });

  it('says in plain words why it could not connect, and stores nothing', async () => {
    const { code } = await rig.server.createUser();
    const a = rig.device('a');
    await expect(a.engine.connect('ftp://sync.example.org', code)).rejects.toThrow(
      /^Enter the sync server.s address, for example sync\.example\.org/,
    );
    await expect(a.engine.connect('not an address', code)).rejects.toThrow(
      /^Enter the sync server.s address, for example sync\.example\.org/,
    );
    await expect(a.engine.connect(SERVER_URL, 'code-wrong')).rejects.toThrow(
      /enrolment code is wrong or was already used/,
    );
    await expect(a.engine.connect(SERVER_URL, '   ')).rejects.toThrow(/wrong or was already used/);
    a.net.isOffline = true;
    await expect(a.engine.connect(SERVER_URL, code)).rejects.toThrow(
      `Could not reach a sync server at ${SERVER_URL}.`,
    );
    a.net.isOffline = false;
    a.net.inject('enrol', { kind: 'status', status: 404 });
    await expect(a.engine.connect(SERVER_URL, code)).rejects.toThrow(/no Gloss sync server at/);
    a.net.inject('enrol', { kind: 'garbage' });
    await expect(a.engine.connect(SERVER_URL, code)).rejects.toThrow(/no Gloss sync server at/);
    expect((await a.engine.status()).connected).toBe(false);
    expect(await a.db.meta.get('sync.account')).toBeUndefined();
    // The code was not used up by the failures the server never saw…
    await a.engine.connect(SERVER_URL, code);
    // …and once used, it is refused.
    await expect(rig.device('b').engine.connect(SERVER_URL, code)).rejects.toThrow(/already used/);
  });

  it('disconnecting forgets the token and cursor, keeps every note, and reconnecting sends them again', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    await a.add('one');
    await a.connect(userId);
    await a.add('two');
    const status = await a.engine.disconnect();
    expect(status).toEqual({ connected: false, pending: 1, isSyncing: false });
    expect(await a.db.meta.get('sync.account')).toBeUndefined();
    expect(await a.db.meta.get('sync.cursor')).toBeUndefined();
    expect((await a.notes()).map((n) => n.body).sort()).toEqual(['one', 'two']);
    // Syncing while disconnected does nothing and makes no request.
    const calls = a.net.calls.length;
    await a.sync();
    expect(a.net.calls.length).toBe(calls);
    // A second user on another server would know none of these notes: connecting queues all of them.
    const other = await rig.server.createUser();
    await a.connect(other.userId);
    expect((await rig.server.notesOf(other.userId)).map((n) => n.fields.body).sort()).toEqual(['one', 'two']);
  });
});

describe('two and three devices', () => {
  it('a note on A appears on B; an edit and a delete on B come back to A', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const kept = await a.add('kept', { tags: ['quad'] });
    const doomed = await a.add('doomed');
    await a.connect(userId);
    await b.connect(userId);
    expect((await b.note(kept.id))?.tags).toEqual(['quad']);
    expect(b.changedEvents).toBe(1);

    await b.edit(kept.id, { body: 'kept, and edited on B', color: 'green' });
    await b.edit(doomed.id, { deleted: true });
    await b.sync();
    await a.sync();
    expect(await a.note(kept.id)).toMatchObject({ body: 'kept, and edited on B', color: 'green' });
    expect((await a.note(doomed.id))?.deleted).toBe(true);
    expect(a.changedEvents).toBe(1);
    await expectConverged(rig, userId);
  });

  it("keeps the page's language on the device that wrote the note, through pulls of its own and others' edits", async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const written = await a.add('東京の報告', {
      page: { url: 'https://news.example.jp/report', title: '報告', lang: 'ja' },
    });
    expect(written.lang).toBe('ja');
    await a.connect(userId);
    await b.connect(userId);
    await b.edit(written.id, { body: 'edited on B' });
    await b.sync();
    await a.sync();
    expect(await a.note(written.id)).toMatchObject({ body: 'edited on B', lang: 'ja' });
    // The synced record has no language (note-types.ts): B never had it, and the server's copy has none.
    expect((await b.note(written.id))?.lang).toBeUndefined();
  });

  it('both offline, different notes: both arrive everywhere', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    await a.connect(userId);
    await b.connect(userId);
    await a.add('from A');
    await b.add('from B');
    await rig.syncAll();
    const notes = await expectConverged(rig, userId);
    expect(notes.map((n) => n.body).sort()).toEqual(['from A', 'from B']);
  });

  it('both offline, different fields of one note: both changes are kept', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const note = await a.add('shared');
    await a.connect(userId);
    await b.connect(userId);
    await a.edit(note.id, { body: 'body from A' });
    await b.edit(note.id, { color: 'pink', tags: ['from-b'] });
    await rig.syncAll();
    const [merged] = await expectConverged(rig, userId);
    expect(merged).toMatchObject({ body: 'body from A', color: 'pink', tags: ['from-b'], deleted: false });
  });

  it('both offline, the same field: the later edit wins everywhere and the loser is in history', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const c = rig.device('c');
    const note = await a.add('shared');
    for (const d of [a, b, c]) await d.connect(userId);
    await a.edit(note.id, { body: 'first, from A' });
    await b.edit(note.id, { body: 'second, from B' });
    await c.edit(note.id, { body: 'last, from C' });
    // Sent in another order than written: B, then C, then A (whose edit is the oldest of the three).
    await b.sync();
    await c.sync();
    await a.sync();
    await rig.syncAll();
    const [merged] = await expectConverged(rig, userId);
    expect(merged?.body).toBe('last, from C');
    const history = (await rig.server.history(userId)).map((h) => h.value as string);
    // Both losers: B's value overwritten by C's, and A's, which arrived after C's had won.
    expect(history.sort()).toEqual(['first, from A', 'second, from B', 'shared']);
  });

  it('delete and edit made apart, in both orders: every device agrees and the edit is never lost', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const first = await a.add('delete first');
    const second = await a.add('edit first');
    await a.connect(userId);
    await b.connect(userId);
    await a.edit(first.id, { deleted: true });
    await b.edit(first.id, { body: 'edited after the delete' });
    await b.edit(second.id, { body: 'edited before the delete' });
    await a.edit(second.id, { deleted: true });
    await rig.syncAll();
    await expectConverged(rig, userId);
    // The later of an edit and a delete wins (sync.md): the edit made after the delete brings the note back
    // with its text; the delete made after the edit stands, with the edited text kept on the tombstone.
    expect(await a.note(first.id)).toMatchObject({ body: 'edited after the delete', deleted: false });
    expect(await a.note(second.id)).toMatchObject({ body: 'edited before the delete', deleted: true });
    await b.edit(second.id, { deleted: false });
    await rig.syncAll();
    expect(await a.note(second.id)).toMatchObject({ deleted: false, body: 'edited before the delete' });
    await expectConverged(rig, userId);
  });

  it('a tombstone reaching a device that never had the note is stored as deleted', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const note = await a.add('short-lived');
    await a.edit(note.id, { deleted: true });
    await a.connect(userId);
    const b = rig.device('b');
    await b.connect(userId);
    expect(await b.note(note.id)).toMatchObject({ deleted: true, body: 'short-lived' });
    await expectConverged(rig, userId);
  });

  it('an edit made after pulling beats what was pulled, even when made in the same millisecond', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    const b = rig.device('b');
    const note = await a.add('x');
    await a.connect(userId);
    await a.edit(note.id, { body: 'A, later in wall time' });
    await a.sync();
    // B's wall clock reads the same millisecond as A's edit, but B has now seen A's edit.
    await b.connect(userId);
    await b.edit(note.id, { body: 'B, after seeing A' });
    await rig.syncAll();
    expect((await expectConverged(rig, userId))[0]?.body).toBe('B, after seeing A');
  });

  it('first sync of 2,000 notes: batches of at most 500, pages of 500; a reinstall pulls them all back', async () => {
    const { userId } = await rig.server.createUser();
    const a = rig.device('a');
    await a.db.transaction('rw', [a.db.notes, a.db.outbox, a.db.meta], async () => {
      const notes = Array.from({ length: 2000 }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        url: `https://site${i % 9}.example/a/${i}`,
        pageKey: `https://site${i % 9}.example/a/${i}`,
        site: `site${i % 9}.example`,
        title: `Article ${i}`,
        anchor: {
          quote: { exact: `passage ${i}`, prefix: 'p', suffix: 's' },
          position: { start: i, end: i + 9 },
        },
        body: `note ${i} `.repeat(20),
        color: 'blue' as const,
        tags: [`t${i % 13}`],
        deleted: i % 100 === 0,
        createdAt: world.t - i,
        updatedAt: world.t - i,
        deviceId: 'imported',
        clocks: Object.fromEntries(
          ['body', 'color', 'tags', 'anchor', 'deleted'].map((f) => [f, `0000000001.0000.imported`]),
        ) as Record<'body' | 'color' | 'tags' | 'anchor' | 'deleted', string>,
        hlc: '0000000001.0000.imported',
      }));
      await a.db.notes.bulkAdd(notes);
      await requeueAll(a.db);
    });
    await a.connect(userId);
    const pushes = a.net.pushes as Array<{ mutations: unknown[] }>;
    expect(pushes.map((p) => p.mutations.length)).toEqual([500, 500, 500, 500]);
    expect(a.net.calls.filter((c) => c === 'pull')).toHaveLength(4);
    expect(await rig.server.notesOf(userId)).toHaveLength(2000);

    const reinstalled = rig.device('a-reinstalled');
    const status = await reinstalled.connect(userId);
    expect(status.pending).toBe(0);
    expect(await reinstalled.db.notes.count()).toBe(2000);
    expect(reinstalled.net.calls.filter((c) => c === 'push')).toHaveLength(0);
    await expectConverged(rig, userId);
    tick();
  }, 60_000);
});
