/** A note as the pages, cards and export see it, with plain defaults for whatever a test does not set. */
import type { NoteView } from '../../../src/shared/notes/note-types';

/** 1 January 2024, UTC: the default creation and change time. */
export const NOTE_TIME = Date.UTC(2024, 0, 1);

/** A page note on https://example.com/a titled "Cyber law", yellow, without text or tags, unless `fields` say. */
export function noteView(fields: Partial<NoteView> & Pick<NoteView, 'id'>): NoteView {
  return {
    url: 'https://example.com/a',
    pageKey: 'https://example.com/a',
    site: 'example.com',
    title: 'Cyber law',
    anchor: null,
    body: '',
    color: 'yellow',
    tags: [],
    deleted: false,
    createdAt: NOTE_TIME,
    updatedAt: NOTE_TIME,
    ...fields,
  };
}
