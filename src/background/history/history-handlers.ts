/** The history requests of the options and entity pages: how much is recorded, and clearing it. */
import type { GlossDb } from '../db/database';
import { sightingStats } from '../db/sightings-repo';
import type { HandlerTable } from '../handler-types';
import { historyRecorder } from './page-reports';

export function makeHistoryHandlers(db: GlossDb): HandlerTable<'getHistoryStats' | 'clearHistory'> {
  return {
    async getHistoryStats() {
      return sightingStats(db);
    },
    async clearHistory({ entityId }) {
      // Through the recorder, so that reports still waiting to be written are forgotten too.
      await historyRecorder(db).clear(entityId);
      return null;
    },
  };
}
