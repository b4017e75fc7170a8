/**
 * Everything the entity page shows for one entity: the entity as the reader sees it (hidden ones too,
 * marked), every passage quoting it (the card's passages, all of them, in the card's order), the reader's
 * notes about it and on passages mentioning it, related entities, and where it was seen.
 */
import type { EntityHistory } from '../../shared/history/history-types';
import type { EntityPageData } from '../../shared/library/entity-page-types';
import type { NoteRecord } from '../../shared/notes/note-types';
import type { GlossDb } from '../db/database';
import { liveNotes, notesForEntity, viewOf } from '../db/notes-repo';
import { cardData } from './cards';
import { type KbState, otherNames } from './effective-kb';
import { notesMentioning } from './entity-mentions';

/** What the page is told when the id names nothing (deleted, or a stale link). */
export const UNKNOWN_ENTITY = 'That entity no longer exists.';

/** Newest first: the page is read for what was written lately. */
const newestFirst = (a: NoteRecord, b: NoteRecord): number => b.createdAt - a.createdAt;

/**
 * The page of `entityId`. `history` is read by the caller (the history context owns it). Throws
 * `UNKNOWN_ENTITY` for an id the effective KB does not have.
 */
export async function entityPageData(
  db: GlossDb,
  state: KbState,
  entityId: string,
  history: (entityId: string) => Promise<EntityHistory>,
): Promise<EntityPageData> {
  const entity = state.byId.get(entityId);
  const card = entity && (await cardData(db, state, entityId));
  if (!entity || !card) throw new Error(UNKNOWN_ENTITY);
  const [about, notes, seen] = await Promise.all([
    notesForEntity(db, entityId),
    liveNotes(db),
    history(entityId),
  ]);
  return {
    entity: {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description: entity.description,
      aliases: otherNames(entity),
      links: entity.links ?? [],
      origin: entity.origin,
      isHidden: entity.isHidden,
      isEdited: entity.isEdited,
    },
    passages: card.passages,
    notesAbout: [...about].sort(newestFirst).map(viewOf),
    notesMentioning: notesMentioning(db, state, notes, entityId).sort(newestFirst).map(viewOf),
    related: card.related,
    history: seen,
  };
}
