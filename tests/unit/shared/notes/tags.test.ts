/** The one tag rule (issue 11): every path that takes tags gives the same result for the same input. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { addNote, draftOf, editNote } from '../../../../src/background/db/notes-repo';
import { normalizeTags, parseTagText } from '../../../../src/shared/notes/tags';
import { parseAnnotations } from '../../../../src/shared/notes/web-annotation/import-parse';

const MESSY = [' apt ', '', 'APT', 'asia   policy', 'Asia Policy', '東京', ' 東京 '];
const TIDY = ['apt', 'asia policy', '東京'];

describe('tags', () => {
  it('are trimmed, collapsed, unique ignoring case (first spelling wins), in order', () => {
    expect(normalizeTags(MESSY)).toEqual(TIDY);
    expect(parseTagText(' apt ,, APT, asia   policy，Asia Policy、東京, 東京 ')).toEqual(TIDY);
  });

  it('are stored the same from a new note, an edit and an import', async () => {
    const db = openDb('tags-rule');
    const page = { url: 'https://example.com/a', title: 'A' };
    const note = await addNote(db, draftOf({ page, body: '', color: 'yellow', tags: MESSY }, page.url, 1), 1);
    expect(note.tags).toEqual(TIDY);
    expect((await editNote(db, { id: note.id, tags: [...MESSY].reverse() }, 2)).tags).toEqual([
      '東京',
      'Asia Policy',
      'APT',
    ]);
    const imported = await parseAnnotations(
      JSON.stringify({
        type: 'Annotation',
        id: 'urn:uuid:44444444-4444-4444-8444-444444444444',
        body: MESSY.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
        target: 'https://example.com/b',
      }),
    );
    expect(imported.notes[0]?.tags).toEqual(TIDY);
    await db.delete();
  });
});
