/**
 * The search journal on a real Dexie over fake-indexeddb: every path that writes a note or a kept source
 * leaves its key in the journal, inside the write's own transaction (a rolled-back write leaves nothing).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type GlossDb, inTransaction, NOTE_TABLES, openDb } from '../../../../src/background/db/database';
import { addNote, draftOf, editNote, importDrafts } from '../../../../src/background/db/notes-repo';
import {
  journalHead,
  journalLength,
  journalSince,
  trimJournal,
} from '../../../../src/background/db/search-journal';

let db: GlossDb | undefined;
let n = 0;
const fresh = (): GlossDb => {
  db = openDb(`search-journal-${n++}`);
  return db;
};
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const draft = (body: string) =>
  draftOf(
    { page: { url: 'https://example.com/a', title: 'A' }, body, color: 'yellow', tags: [] },
    'example.com/a',
    1000,
  );

describe('search journal', () => {
  it('records a new note, an edit and an import, oldest first', async () => {
    const d = fresh();
    const a = await addNote(d, draft('one'), 1000);
    await editNote(d, { id: a.id, body: 'two' }, 2000);
    const b = draft('three');
    await importDrafts(d, [b], 3000);
    const { rows, head } = await journalSince(d, 0);
    expect(rows.map((r) => [r.table, r.id])).toEqual([
      ['notes', a.id],
      ['notes', a.id],
      ['notes', b.id],
    ]);
    expect(head).toBe(await journalHead(d));
  });

  it('records nothing when the write is rolled back', async () => {
    const d = fresh();
    await expect(
      inTransaction(d, 'rw', NOTE_TABLES, async () => {
        await addNote(d, draft('lost'), 1000);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await journalLength(d)).toBe(0);
  });

  it('journals a write made outside the note transaction once it commits, and a cleared table as "*"', async () => {
    const d = fresh();
    const a = await addNote(d, draft('one'), 1000);
    const seq = await journalHead(d);
    await d.notes.update(a.id, { body: 'stray' });
    await d.userSources.clear();
    await new Promise((r) => setTimeout(r, 50));
    const { rows } = await journalSince(d, seq);
    expect(rows.map((r) => [r.table, r.id])).toEqual([
      ['notes', a.id],
      ['userSources', '*'],
    ]);
  });

  it('trims what a snapshot covers and keeps the rest', async () => {
    const d = fresh();
    await addNote(d, draft('one'), 1000);
    const seq = await journalHead(d);
    const b = await addNote(d, draft('two'), 1000);
    await trimJournal(d, seq);
    expect((await journalSince(d, 0)).rows.map((r) => r.id)).toEqual([b.id]);
  });
});
