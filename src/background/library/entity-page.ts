/** The entity page's requests (being built: issue 14). */
import type { GlossDb } from '../db/database';
import type { HandlerTable } from '../handler-types';

export function makeEntityPageHandlers(
  _db: GlossDb,
  _kb: () => Promise<string>,
): HandlerTable<'getEntityPage' | 'openEntityPage'> {
  return {
    async getEntityPage() {
      throw new Error('The entity page is not built yet.');
    },
    async openEntityPage() {
      throw new Error('The entity page is not built yet.');
    },
  };
}
