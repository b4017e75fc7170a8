/** The `search` request (being built: issue 14). */
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';

export function makeSearchHandlers(_db: GlossDb, _kb: () => Promise<string>): HandlerTable<'search'> {
  return {
    async search() {
      throw new Error('Search is not built yet.');
    },
  };
}
