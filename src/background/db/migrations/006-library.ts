/**
 * Schema version 6: the reader's own knowledge base (issue 13). Three new stores, apart from the built-in
 * KB so that loading a newer bundle never touches them:
 * - `userSources`: pages the reader kept as sources, sync-ready records (UUID, per-field clocks, tombstone);
 * - `userEntities`: the reader's entities and their versions of built-in ones (same id), sync-ready too;
 * - `rejections`: names of suggested entities the reader turned down.
 * The outbox gains entries for those records (`kind` + `recordId`, no `noteId`), so every change of a
 * source or entity is queued in its own transaction like a note's; note entries are unchanged. Passages
 * are now derived in the browser from every source, so `passages` rows gain nothing but new origins.
 * Append-only: never edit after release.
 */
import type { Migration } from './migration';

export const migration006: Migration = {
  version: 6,
  stores: {
    userSources: 'id, pageKey, hlc, updatedAt',
    userEntities: 'id, hlc, updatedAt',
    rejections: 'key',
    outbox: '++seq, noteId, mutationId, [kind+recordId]',
  },
};
