/**
 * Schema version 3: notes gain `site`, `title` and `updatedAt` (the dashboard filters by site and sorts by
 * last change), and a local-only `anchorStatus` store remembers which notes could not be placed on their
 * page last time (orphans), kept apart from the note so that it never syncs.
 * Append-only: never edit after release.
 */
import type { NoteRecord } from '../../../shared/notes/note-types';
import type { Migration } from './migration';

/**
 * The site a page key belongs to: its host name without "www.". The rule as it was when this migration
 * shipped, kept here so the upgrade never changes; the live rule is `siteOf` in shared/notes/normalize-url.ts.
 */
function siteOf(pageKey: string): string {
  try {
    return new URL(pageKey).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export const migration003: Migration = {
  version: 3,
  stores: {
    notes: 'id, pageKey, entityId, hlc, color, *tags, site, updatedAt',
    anchorStatus: 'noteId, pageKey',
  },
  async upgrade(tx) {
    await tx
      .table<NoteRecord, string>('notes')
      .toCollection()
      .modify((note: Partial<NoteRecord>) => {
        note.site ??= siteOf(note.pageKey ?? '');
        note.title ??= '';
        note.updatedAt ??= note.createdAt ?? 0;
      });
  },
};
