/**
 * The notes repository on a real Dexie over fake-indexeddb: every change writes the note, its per-field
 * clocks and an outbox entry together; deletes are tombstones; imports are all-or-nothing and idempotent.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { orphanIds, recordAnchorStatus } from '../../../../src/background/db/anchor-status-repo';
import { type GlossDb, openDb } from '../../../../src/background/db/database';
import {
  addNote,
  changeNote,
  draftOf,
  editNote,
  importDrafts,
  liveNotes,
  notesForEntity,
  notesForPage,
  type UnstampedNote,
} from '../../../../src/background/db/notes-repo';
import { compareHlc } from '../../../../src/shared/notes/hlc';

let db: GlossDb | undefined;
let n = 0;
const fresh = (): GlossDb => {
  db = openDb(`notes-repo-${n++}`);
  return db;
};
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const anchor = {
  quote: { exact: 'the Quad', prefix: 'said ', suffix: ' would' },
  position: { start: 10, end: 18 },
};
const newNote = (patch: Partial<Parameters<typeof draftOf>[0]> = {}) =>
  draftOf(
    {
      page: { url: 'https://www.example.com/a?utm_source=x#top', title: ' A page ' },
      anchor,
      body: 'my thoughts',
      color: 'green',
      tags: [' quad ', 'quad', '', 'policy'],
      ...patch,
    },
    'https://example.com/a',
    1000,
  );

describe('notes repository', () => {
  it('stores a new note with one clock for every field, its site, and an outbox entry in the same write', async () => {
    const d = fresh();
    const note = await addNote(d, newNote(), 1000);
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.site).toBe('example.com');
    expect(note.title).toBe('A page');
    expect(note.tags).toEqual(['quad', 'policy']);
    expect(new Set(Object.values(note.clocks))).toEqual(new Set([note.hlc]));
    expect(note.deviceId).toBe((await d.meta.get('deviceId'))?.value);
    const outbox = await d.outbox.toArray();
    expect(outbox).toMatchObject([
      { noteId: note.id, mutationId: 1, fields: ['body', 'color', 'tags', 'anchor', 'deleted'] },
    ]);
  });

  it('an edit advances only the clocks of the fields that changed, and queues just those fields', async () => {
    const d = fresh();
    const note = await addNote(d, newNote(), 1000);
    const edited = await editNote(d, { id: note.id, body: 'second thoughts', color: 'green' }, 2000);
    expect(edited.body).toBe('second thoughts');
    expect(compareHlc(edited.clocks.body, note.clocks.body)).toBeGreaterThan(0);
    expect(edited.clocks.color).toBe(note.clocks.color);
    expect(edited.hlc).toBe(edited.clocks.body);
    expect(edited.updatedAt).toBe(2000);
    const outbox = await d.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.mutationId, e.fields])).toEqual([
      [1, ['body', 'color', 'tags', 'anchor', 'deleted']],
      // An edit also re-affirms that the note is alive (see changeNote).
      [2, ['body', 'deleted']],
    ]);
    expect(compareHlc(edited.clocks.deleted, note.clocks.deleted)).toBeGreaterThan(0);
    // An edit that changes nothing writes nothing.
    await editNote(d, { id: note.id, body: 'second thoughts' }, 3000);
    expect(await d.outbox.count()).toBe(2);
  });

  it('clocks keep increasing even when the wall clock goes backwards', async () => {
    const d = fresh();
    const note = await addNote(d, newNote(), 5000);
    const a = await editNote(d, { id: note.id, body: 'x' }, 4000);
    const b = await editNote(d, { id: note.id, body: 'y' }, 3000);
    expect(compareHlc(a.hlc, note.hlc)).toBeGreaterThan(0);
    expect(compareHlc(b.hlc, a.hlc)).toBeGreaterThan(0);
  });

  it('delete is a tombstone that hides the note and restore brings it back', async () => {
    const d = fresh();
    const note = await addNote(d, newNote(), 1000);
    await changeNote(d, note.id, { deleted: true }, 2000);
    expect(await notesForPage(d, 'https://example.com/a')).toEqual([]);
    expect(await liveNotes(d)).toEqual([]);
    expect((await d.notes.get(note.id))?.deleted).toBe(true);
    await changeNote(d, note.id, { deleted: false }, 3000);
    expect((await notesForPage(d, 'https://example.com/a')).map((x) => x.id)).toEqual([note.id]);
    await expect(changeNote(d, '00000000-0000-4000-8000-000000000000', { body: 'x' }, 1)).rejects.toThrow(
      'no longer exists',
    );
  });

  it('entity notes are found by entity, not by page', async () => {
    const d = fresh();
    const about = await addNote(d, newNote({ anchor: undefined, entityId: 'cicada' }), 1000);
    await addNote(d, newNote(), 1000);
    expect((await notesForEntity(d, 'cicada')).map((x) => x.id)).toEqual([about.id]);
    expect((await notesForPage(d, 'https://example.com/a')).every((x) => !x.entityId)).toBe(true);
  });

  it('imports are idempotent: the same notes twice add nothing the second time', async () => {
    const d = fresh();
    const drafts: UnstampedNote[] = [0, 1, 2].map((i) => ({
      ...newNote(),
      id: `00000000-0000-4000-8000-00000000000${i}`,
    }));
    expect(await importDrafts(d, drafts, 1)).toEqual({ added: 3, unchanged: 0 });
    expect(await importDrafts(d, drafts, 2)).toEqual({ added: 0, unchanged: 3 });
    expect(await d.notes.count()).toBe(3);
    expect(await d.outbox.count()).toBe(3);
  });

  it('an import that fails part-way stores nothing at all, notes or outbox', async () => {
    const d = fresh();
    await addNote(d, newNote(), 1);
    const id = '00000000-0000-4000-8000-000000000009';
    // The same id twice in one batch makes the bulk add fail after the first row.
    const drafts = [
      { ...newNote(), id },
      { ...newNote(), id: '00000000-0000-4000-8000-000000000008' },
      { ...newNote(), id },
    ];
    await expect(importDrafts(d, drafts, 2)).rejects.toThrow();
    expect(await d.notes.count()).toBe(1);
    expect(await d.outbox.count()).toBe(1);
    expect((await d.meta.get('mutationSeq'))?.value).toBe('1');
  });

  it('remembers orphans per note, locally', async () => {
    const d = fresh();
    const a = await addNote(d, newNote(), 1);
    const b = await addNote(d, newNote(), 1);
    await recordAnchorStatus(d, 'https://example.com/a', [a.id], [b.id], 5);
    expect(await orphanIds(d)).toEqual([b.id]);
    await recordAnchorStatus(d, 'https://example.com/a', [a.id, b.id], [], 6);
    expect(await orphanIds(d)).toEqual([]);
  });
});
