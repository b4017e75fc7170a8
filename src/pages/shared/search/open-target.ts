/**
 * Opening a search result where it belongs: a note on its page scrolled to it, a source in the reader at
 * the passage, an entity on its page. The background opens the tabs, so every box (dashboard, popup) opens
 * them the same way the cards and lists already do.
 */
import { request } from '../../../platform/messaging';
import type { SearchTarget } from '../../../shared/search/search-types';

/** Opens `target` in a new tab; rejects with the background's reason when it cannot. */
export async function openSearchTarget(target: SearchTarget): Promise<void> {
  switch (target.kind) {
    case 'note':
      await request('openNote', { id: target.noteId });
      return;
    case 'source':
      await request(
        'openReader',
        target.passageId
          ? { sourceId: target.sourceId, passageId: target.passageId }
          : { sourceId: target.sourceId },
      );
      return;
    case 'entity':
      await request('openEntityPage', { id: target.entityId });
      return;
  }
}
