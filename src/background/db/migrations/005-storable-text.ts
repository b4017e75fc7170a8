/**
 * Schema version 5: notes whose text held U+0000 or an unpaired surrogate (from a page, a paste or an
 * import) could never sync: the wire refuses them, so they stayed under "Notes that cannot be sent". Such
 * text now becomes U+FFFD whenever a note is stored (notes-repo.ts); this upgrade does the same to the notes
 * already stored. Clocks stay as they were: a note like that never reached the server, and its queued
 * outbox entry sends it once it passes the wire schema.
 * Append-only: never edit after release.
 */
import type { NoteRecord } from '../../../shared/notes/note-types';
import { storableFields } from '../../../shared/notes/storable-text';
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  stores: {},
  async upgrade(tx) {
    await tx
      .table<NoteRecord, string>('notes')
      .toCollection()
      .modify((note: NoteRecord, ref: { value: NoteRecord }) => {
        const storable = storableFields(note);
        if (JSON.stringify(storable) !== JSON.stringify(note)) ref.value = storable;
      });
  },
};
