/**
 * Notes between their stored form (`NoteRecord`: flat fields, the local site and the server version) and
 * the form they travel in (`SyncNote`: the merging fields grouped with one clock each).
 */

import { siteOf } from '../../shared/notes/normalize-url';
import type { NoteRecord } from '../../shared/notes/note-types';
import { maxClock } from '../../shared/sync/merge';
import type { SyncNote } from '../../shared/sync/wire';

/** The note as it is pushed. */
export function toSyncNote(note: NoteRecord): SyncNote {
  return {
    id: note.id,
    url: note.url,
    pageKey: note.pageKey,
    title: note.title,
    ...(note.entityId ? { entityId: note.entityId } : {}),
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    fields: {
      body: note.body,
      color: note.color,
      tags: note.tags,
      anchor: note.anchor,
      deleted: note.deleted,
    },
    clocks: { ...note.clocks },
    deviceId: note.deviceId,
  };
}

/** The note as it is stored, with the server's version of it when known. */
export function toNoteRecord(note: SyncNote, serverVersion?: number): NoteRecord {
  return {
    id: note.id,
    url: note.url,
    pageKey: note.pageKey,
    site: siteOf(note.pageKey),
    title: note.title,
    ...(note.entityId ? { entityId: note.entityId } : {}),
    anchor: note.fields.anchor,
    body: note.fields.body,
    color: note.fields.color,
    tags: note.fields.tags,
    deleted: note.fields.deleted,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    deviceId: note.deviceId,
    clocks: { ...note.clocks },
    hlc: maxClock(note.clocks),
    ...(serverVersion === undefined ? {} : { serverVersion }),
  };
}
