/**
 * Schema version 2: readers' notes and the sync outbox. Only adds stores, so no data moves; the test in
 * tests/unit/background/db/migrations.test.ts opens a filled version-1 database and checks nothing is lost.
 * Append-only: never edit after release.
 */
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  stores: {
    notes: 'id, pageKey, entityId, hlc, color, *tags',
    outbox: '++seq, noteId, mutationId',
  },
};
