/**
 * The note requests of `shared/protocol.ts`. Content scripts may read and write notes only through these,
 * after the router has validated every argument; page scripts cannot reach them at all (they cannot send
 * runtime messages to Gloss, see docs/notes.md "Notes and safety").
 */
import { browser } from '../platform/browser';
import { sendEventToTab } from '../platform/messaging';
import { loadSettings } from '../platform/settings-store';
import type { EntitySummary } from '../shared/kb-types';
import { isPageAddress, pageKey as pageKeyOf } from '../shared/notes/normalize-url';
import { parseAnnotations } from '../shared/notes/web-annotation/import-parse';
import { toJsonLd } from '../shared/notes/web-annotation/jsonld-export';
import { toMarkdown } from '../shared/notes/web-annotation/markdown-export';
import { orphanIds, recordAnchorStatus } from './db/anchor-status-repo';
import type { GlossDb } from './db/database';
import {
  addNote,
  changeNote,
  correctPosition,
  draftOf,
  editNote,
  getNote,
  importDrafts,
  liveNotes,
  notesForEntity,
  notesForPage,
  viewOf,
} from './db/notes-repo';
import type { HandlerTable } from './handler-types';
import { kbState } from './library/effective-kb';
import { announceDataChanged } from './page-events';
import {
  getTabNoteState,
  recordTabStatus,
  requestFocus,
  startTabPage,
  tabsWithNotes,
  takeFocus,
} from './tab-notes';

type NoteRequests =
  | 'getPageNotes'
  | 'getEntityNotes'
  | 'createNote'
  | 'updateNote'
  | 'deleteNote'
  | 'restoreNote'
  | 'correctNotePosition'
  | 'reportNoteStatus'
  | 'getTabNotes'
  | 'listNotes'
  | 'exportNotes'
  | 'importNotes'
  | 'openNote';

/**
 * Tells every tab but the one that made the change to fetch its notes again (also used after the sync
 * engine applied notes pulled from the server, with no tab excepted), and the open extension pages
 * (`dataChanged`, coalesced): the one place every note change, of every path, is announced.
 */
export async function announceNotesChanged(exceptTabId?: number): Promise<void> {
  announceDataChanged(['notes']);
  for (const tabId of await tabsWithNotes())
    if (tabId !== exceptTabId) await sendEventToTab(tabId, 'notesChanged', {});
}

const stamp = (d: Date): string => d.toISOString().slice(0, 10);

/** Builds the note handlers over one database; `now` is injectable for tests. */
export function makeNoteHandlers(
  db: GlossDb,
  now: () => number = Date.now,
  /** Every entity by name, for the dashboard's filter and the exports' entity names. */
  entityList: () => Promise<readonly EntitySummary[]> = async () => (await kbState(db)).all,
): HandlerTable<NoteRequests> {
  return {
    async getPageNotes({ url, canonical }, sender) {
      const key = pageKeyOf(url, canonical);
      const notes = (await notesForPage(db, key)).map(viewOf);
      const tabId = sender.tab?.id;
      const isTop = (sender.frameId ?? 0) === 0;
      if (tabId === undefined || !isTop) return { pageKey: key, notes };
      await startTabPage(tabId, key);
      const focusNoteId = await takeFocus(tabId);
      return { pageKey: key, notes, ...(focusNoteId ? { focusNoteId } : {}) };
    },
    async getEntityNotes({ entityId }) {
      return (await notesForEntity(db, entityId)).map(viewOf);
    },
    async createNote(input, sender) {
      const key = pageKeyOf(input.page.url, input.page.canonical);
      const note = await addNote(db, draftOf(input, key, now()), now());
      void announceNotesChanged(sender.tab?.id);
      return viewOf(note);
    },
    async updateNote(edit, sender) {
      const note = await editNote(db, edit, now());
      void announceNotesChanged(sender.tab?.id);
      return viewOf(note);
    },
    async deleteNote({ id }, sender) {
      await changeNote(db, id, { deleted: true }, now());
      void announceNotesChanged(sender.tab?.id);
      return null;
    },
    async restoreNote({ id }, sender) {
      const note = await changeNote(db, id, { deleted: false }, now());
      void announceNotesChanged(sender.tab?.id);
      return viewOf(note);
    },
    async correctNotePosition({ id, from, to }) {
      // No tab is told: the passage is where it was, only the unit of its stored offsets changed.
      return correctPosition(db, id, from, to, now());
    },
    async reportNoteStatus({ pageKey, anchoredIds, orphanIds: orphans }, sender) {
      // Only notes filed under the reporting page count, whatever ids a content script sends.
      const mine = new Set((await notesForPage(db, pageKey)).map((n) => n.id));
      const anchored = anchoredIds.filter((id) => mine.has(id));
      const lost = orphans.filter((id) => mine.has(id));
      await recordAnchorStatus(db, pageKey, anchored, lost, now());
      const tabId = sender.tab?.id;
      if (tabId !== undefined && (sender.frameId ?? 0) === 0)
        await recordTabStatus(tabId, pageKey, anchored, lost);
      return null;
    },
    async getTabNotes({ tabId }) {
      const state = await getTabNoteState(tabId);
      if (!state) return { pageKey: '', notes: [] };
      const notes = (await notesForPage(db, state.pageKey)).map((n) => ({
        ...viewOf(n),
        status: state.status[n.id] ?? ('pending' as const),
      }));
      return { pageKey: state.pageKey, notes };
    },
    async listNotes() {
      const notes = (await liveNotes(db)).map(viewOf);
      return {
        notes,
        entities: (await entityList()).map(({ id, name, type }): EntitySummary => ({ id, name, type })),
        orphanIds: await orphanIds(db),
      };
    },
    async exportNotes({ format }) {
      const notes = (await liveNotes(db)).map(viewOf);
      const entityNames = Object.fromEntries(
        (await entityList())
          .map(({ id, name, type }): EntitySummary => ({ id, name, type }))
          .map((e) => [e.id, e.name]),
      );
      const exportedAt = now();
      const day = stamp(new Date(exportedAt));
      if (format !== 'jsonld')
        return {
          filename: `gloss-notes-${day}.md`,
          mimeType: 'text/markdown',
          text: toMarkdown(notes, { entityNames, exportedAt }),
        };
      // The generator's version, and the reader's name (optional, from the options page) as the creator.
      const version = browser.runtime.getManifest().version;
      const { creatorName } = await loadSettings();
      return {
        filename: `gloss-notes-${day}.jsonld`,
        mimeType: 'application/ld+json',
        text: toJsonLd(notes, { entityNames, exportedAt, version, creatorName }),
      };
    },
    async importNotes({ text }, sender) {
      // An entity this knowledge base does not have would never show in a card: the parser makes such a
      // note a page note and says so.
      const knownEntities = new Set(
        (await entityList())
          .map(({ id, name, type }): EntitySummary => ({ id, name, type }))
          .map((e) => e.id),
      );
      const parsed = await parseAnnotations(text, { now: now(), knownEntities });
      const drafts = parsed.notes.map((n) => ({ ...n, pageKey: pageKeyOf(n.url, null) }));
      const { added, unchanged } = await importDrafts(db, drafts, now());
      if (added > 0) void announceNotesChanged(sender.tab?.id);
      return {
        added,
        unchanged,
        skipped: parsed.skipped,
        ...(parsed.changed.length > 0 ? { changed: parsed.changed } : {}),
        ...(parsed.more ? { more: parsed.more } : {}),
      };
    },
    async openNote({ id }) {
      const note = await getNote(db, id);
      if (!note || note.deleted) throw new Error('That note no longer exists.');
      if (!isPageAddress(note.url)) throw new Error('This note has no page to open.');
      const tab = await browser.tabs.create({ url: note.url });
      if (tab.id !== undefined) await requestFocus(tab.id, id);
      return null;
    },
  };
}
