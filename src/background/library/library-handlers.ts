/**
 * The requests of the reader's own knowledge base (sources, entities, suggestions, glossaries). Every
 * change that alters what pages highlight ends with `kbChanged` to every tab; the router has validated the
 * arguments and kept the dashboard-only requests away from content scripts.
 */

import type { GlossDb } from '../db/database';
import { sourcesRevision } from '../db/library-meta';
import { rejectName } from '../db/rejections-repo';
import { getUserSource } from '../db/user-sources-repo';
import type { HandlerTable } from '../handler-types';
import { kbState } from './effective-kb';
import * as entities from './entities';
import { exportGlossary, importGlossary } from './glossary';
import {
  announceKbChanged,
  announceSourcesChanged,
  announceSuggestionsChanged,
  refreshFromPage,
  requestSourceFromTab,
} from './library-events';
import { readyKb } from './passage-index';
import { listSources, saveSource, setSourceDeleted } from './sources';
import { listSuggestions } from './suggestions';

export type LibraryRequestName =
  | 'saveSource'
  | 'addTabAsSource'
  | 'listSources'
  | 'refreshSource'
  | 'deleteSource'
  | 'restoreSource'
  | 'listEntities'
  | 'getEntity'
  | 'createEntity'
  | 'updateEntity'
  | 'setEntityHidden'
  | 'resetEntity'
  | 'deleteEntity'
  | 'restoreEntity'
  | 'listSuggestions'
  | 'rejectSuggestion'
  | 'importGlossary'
  | 'exportGlossary';

/** The library's handlers over one database; `ready` resolves once the built-in KB is loaded. */
export function makeLibraryHandlers(
  db: GlossDb,
  ready: () => Promise<unknown>,
  now: () => number = Date.now,
): HandlerTable<LibraryRequestName> {
  const state = () => readyKb(db, ready);
  /** Runs a change of entities, then tells every tab the new version. */
  const changing = async <T>(change: () => Promise<T>): Promise<T> => {
    await state();
    const value = await change();
    void announceKbChanged((await kbState(db)).version);
    return value;
  };
  return {
    async saveSource({ source, replaceId }, sender) {
      if (sender.tab && sender.frameId !== 0)
        throw new Error('Only the page itself can be kept as a source, not a frame in it.');
      const outcome = await saveSource(db, await state(), source, replaceId, now());
      if (outcome.status === 'saved') announceSourcesChanged();
      return outcome;
    },
    async addTabAsSource({ tabId }) {
      await requestSourceFromTab(tabId);
      return null;
    },
    listSources: async () => {
      await state();
      return listSources(db);
    },
    async refreshSource({ id }) {
      const source = await getUserSource(db, id);
      if (!source || source.deleted) throw new Error('That source is no longer in your library.');
      await refreshFromPage(source.url, id);
      return null;
    },
    deleteSource: async ({ id }) => {
      await setSourceDeleted(db, await state(), id, true, now());
      announceSourcesChanged();
      return null;
    },
    restoreSource: async ({ id }) => {
      const restored = await setSourceDeleted(db, await state(), id, false, now());
      announceSourcesChanged();
      return restored;
    },
    listEntities: async () => entities.listEntities(db, await state()),
    getEntity: async ({ id }) => entities.entityDetail(db, await state(), id),
    createEntity: ({ entity }) => changing(() => entities.createEntity(db, entity, now())),
    updateEntity: ({ id, entity }) => changing(() => entities.updateEntity(db, id, entity, now())),
    setEntityHidden: ({ id, isHidden }) =>
      changing(async () => {
        await entities.setEntityHidden(db, id, isHidden, now());
        return null;
      }),
    resetEntity: ({ id }) =>
      changing(async () => {
        await entities.resetEntity(db, id, now());
        return null;
      }),
    deleteEntity: ({ id }) =>
      changing(async () => {
        await entities.setEntityDeleted(db, id, true, now());
        return null;
      }),
    restoreEntity: ({ id }) =>
      changing(async () => {
        await entities.setEntityDeleted(db, id, false, now());
        return null;
      }),
    listSuggestions: async () => listSuggestions(db, await state(), String(await sourcesRevision(db))),
    async rejectSuggestion({ key, name }) {
      await rejectName(db, key, name, now());
      announceSuggestionsChanged();
      return null;
    },
    importGlossary: async ({ text, format, choices }) => {
      const outcome = await changing(() => importGlossary(db, text, format, choices, now()));
      // A Gloss JSON file may bring sources too.
      if (outcome.status === 'imported' && format === 'json') announceSourcesChanged();
      return outcome;
    },
    exportGlossary: async ({ format }) => {
      await state();
      return exportGlossary(db, format, now());
    },
  };
}
