/** The history requests (being built: issue 14). */
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';

export function makeHistoryHandlers(_db: GlossDb): HandlerTable<'getHistoryStats' | 'clearHistory'> {
  return {
    async getHistoryStats() {
      throw new Error('History is not built yet.');
    },
    async clearHistory() {
      throw new Error('History is not built yet.');
    },
  };
}
