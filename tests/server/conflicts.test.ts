/**
 * The conflict cases of ../shared/docs/sync.md at the server: two devices edit while offline, then push in
 * either order; the stored note and what every device pulls must be the per-field merge, and every value
 * that lost must be in the history table.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDevice } from './helpers/device';
import { Harness } from './helpers/harness';
import { openTestDb, type TestDb } from './helpers/test-db';

let db: TestDb;
let h: Harness;
let a: TestDevice;
let b: TestDevice;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.drop());
beforeEach(async () => {
  h = new Harness(db.sql);
  const user = await h.user();
  a = await user.device('dev-a');
  b = await user.device('dev-b');
});

async function history(noteId: string) {
  return db.sql.query<{ field: string; value: unknown; clock: string; winner_clock: string }>(
    'SELECT field, value, clock, winner_clock FROM note_history WHERE note_id = $1 ORDER BY id',
    [noteId],
  );
}

describe('offline edits on two devices', () => {
  it('keeps edits to different notes', async () => {
    const na = a.create({ body: 'from a' });
    const nb = b.create({ body: 'from b' });
    expect((await a.push([na])).body).toMatchObject({ appliedThrough: 1, rejected: [], version: 1 });
    expect((await b.push([nb])).body).toMatchObject({ appliedThrough: 1, rejected: [], version: 2 });
    for (const d of [a, b]) {
      const { notes, version } = await d.pullAll();
      expect(version).toBe(2);
      expect([...notes.values()].map((n) => [n.fields.body, n.version])).toEqual([
        ['from a', 1],
        ['from b', 2],
      ]);
    }
  });

  it('keeps edits to different fields of one note, and loses nothing', async () => {
    const note = a.create({ body: 'original' });
    await a.push([note]);
    await b.pullAll();
    h.time += 1000;
    const editedOnA = a.edit(note, { body: 'rewritten on a' });
    const editedOnB = b.edit(note, { color: 'blue', tags: ['policy'] });
    await b.push([editedOnB]);
    await a.push([editedOnA]);
    const { notes } = await b.pullAll();
    expect(notes.get(note.id)?.fields).toEqual({
      body: 'rewritten on a',
      color: 'blue',
      tags: ['policy'],
      anchor: null,
      deleted: false,
    });
    expect(notes.get(note.id)?.version).toBe(3);
    expect(await history(note.id)).toEqual([
      { field: 'color', value: 'yellow', clock: note.clocks.color, winner_clock: editedOnB.clocks.color },
      { field: 'tags', value: [], clock: note.clocks.tags, winner_clock: editedOnB.clocks.tags },
      { field: 'body', value: 'original', clock: note.clocks.body, winner_clock: editedOnA.clocks.body },
    ]);
  });

  for (const order of ['later edit pushed first', 'later edit pushed last'] as const) {
    it(`lets the later clock win the same field (${order}), keeping the loser in history`, async () => {
      const note = a.create({ body: 'original' });
      await a.push([note]);
      await b.pullAll();
      h.time += 1000;
      const earlier = a.edit(note, { body: 'a at t+1s' });
      h.time += 1000;
      const later = b.edit(note, { body: 'b at t+2s' });
      if (order === 'later edit pushed first') {
        await b.push([later]);
        const reply = await a.push([earlier]);
        // The loser changed nothing, so it cost no version.
        expect(reply.body).toMatchObject({ appliedThrough: 2, version: 2 });
      } else {
        await a.push([earlier]);
        expect((await b.push([later])).body).toMatchObject({ appliedThrough: 1, version: 3 });
      }
      for (const d of [a, b]) expect((await d.pullAll()).notes.get(note.id)?.fields.body).toBe('b at t+2s');
      const lost = await history(note.id);
      expect(lost.map((r) => [r.field, r.value, r.clock, r.winner_clock])).toContainEqual([
        'body',
        'a at t+1s',
        earlier.clocks.body,
        later.clocks.body,
      ]);
      expect(lost.filter((r) => r.value === 'b at t+2s')).toEqual([]);
    });
  }
  it('keeps any kind of losing value in history: an empty anchor, a list, a flag', async () => {
    const note = a.create({ body: 'page note' });
    await a.push([note]);
    await b.pullAll();
    h.time += 1000;
    const anchor = {
      quote: { exact: 'a passage', prefix: 'before ', suffix: ' after' },
      position: { start: 4, end: 13 },
    };
    const edited = b.edit(note, { anchor, tags: ['x', 'y'], deleted: true });
    expect((await b.push([edited])).body).toMatchObject({ appliedThrough: 1, version: 2 });
    expect((await history(note.id)).map((r) => [r.field, r.value])).toEqual([
      ['tags', []],
      ['anchor', null],
      ['deleted', false],
    ]);
    expect((await a.pullAll()).notes.get(note.id)?.fields).toEqual({
      body: 'page note',
      color: 'yellow',
      tags: ['x', 'y'],
      anchor,
      deleted: true,
    });
  });
});

describe('delete against edit', () => {
  for (const pushOrder of ['delete first', 'edit first'] as const) {
    it(`the later delete wins over an earlier edit (${pushOrder})`, async () => {
      const note = a.create({ body: 'v1' });
      await a.push([note]);
      await b.pullAll();
      h.time += 1000;
      const edited = a.edit(note, { body: 'v2' });
      h.time += 1000;
      const deleted = b.edit(note, { deleted: true });
      const pushes =
        pushOrder === 'delete first'
          ? [() => b.push([deleted]), () => a.push([edited])]
          : [() => a.push([edited]), () => b.push([deleted])];
      for (const push of pushes) expect((await push()).status).toBe(200);
      const stored = (await a.pullAll()).notes.get(note.id)!;
      // A tombstone keeps the other fields: restoring it brings the edit back.
      expect(stored.fields).toMatchObject({ deleted: true, body: 'v2' });
    });

    it(`a later revive beats an earlier delete; a plain later edit survives inside the tombstone (${pushOrder})`, async () => {
      const note = a.create({ body: 'v1' });
      await a.push([note]);
      await b.pullAll();
      h.time += 1000;
      const deleted = b.edit(note, { deleted: true });
      h.time += 1000;
      // `deleted` merges like any field: an edit that does not touch it leaves the delete standing.
      const edited = a.edit(note, { body: 'v2' });
      const pushes =
        pushOrder === 'delete first'
          ? [() => b.push([deleted]), () => a.push([edited])]
          : [() => a.push([edited]), () => b.push([deleted])];
      for (const push of pushes) expect((await push()).status).toBe(200);
      expect((await b.pullAll()).notes.get(note.id)?.fields).toMatchObject({ deleted: true, body: 'v2' });
      h.time += 1000;
      // Editing a note one has seen deleted brings it back (the extension writes `deleted: false` too).
      const revived = a.edit(edited, { body: 'v3', deleted: false });
      await a.push([revived]);
      await b.push([deleted]); // a stale delete arriving again changes nothing
      expect((await b.pullAll()).notes.get(note.id)?.fields).toMatchObject({ deleted: false, body: 'v3' });
    });
  }

  it('stores and hands out a tombstone for a note it never had', async () => {
    const note = a.create({ body: 'made and deleted offline' });
    const tombstone = a.edit(note, { deleted: true });
    expect((await a.push([tombstone])).body).toMatchObject({ appliedThrough: 1, version: 1 });
    const { notes } = await b.pullAll();
    expect(notes.get(note.id)).toMatchObject({
      version: 1,
      fields: { deleted: true, body: 'made and deleted offline' },
    });
  });
});
