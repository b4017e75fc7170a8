/** Everything the entity page (entity.html?id=…) shows, answered by the `getEntityPage` request. */

import type { EntityHistory } from '../history/history-types';
import type { EntityLink, EntitySummary, Passage, SourceMeta } from '../kb-types';
import type { NoteView } from '../notes/note-types';
import type { EntityOrigin } from './library-types';

export interface EntityPageData {
  entity: EntitySummary & {
    description: string;
    /** Every other name it is matched by, as written. */
    aliases: string[];
    links: EntityLink[];
    origin: EntityOrigin;
    isHidden: boolean;
    isEdited: boolean;
  };
  /** Every passage that quotes it, from every source, newest source first (as cards order them). */
  passages: Array<Passage & { source: SourceMeta }>;
  /** Notes written about the entity itself. */
  notesAbout: NoteView[];
  /** Passage notes whose quoted text mentions it (as the pages' matcher finds it). */
  notesMentioning: NoteView[];
  related: EntitySummary[];
  history: EntityHistory;
}
