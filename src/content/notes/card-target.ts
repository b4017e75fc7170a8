/**
 * What a card can be about: an entity mention, a placed note, or a note being written on a selection.
 * All three carry the range the card is placed beside.
 */
import type { NoteAnchor } from '../../shared/notes/note-types';
import type { Mention } from '../highlight/registry';
import type { NoteMark } from './note-highlights';

/** A selection the reader is writing a note on. */
export interface PendingPassage {
  kind: 'draft';
  range: Range;
  anchor: NoteAnchor;
}

export type CardTarget = Mention | NoteMark | PendingPassage;

export const isMention = (t: CardTarget | undefined): t is Mention => t !== undefined && 'entityId' in t;
export const isNoteMark = (t: CardTarget | undefined): t is NoteMark => t !== undefined && 'noteId' in t;
export const isDraft = (t: CardTarget | undefined): t is PendingPassage =>
  t !== undefined && 'kind' in t && t.kind === 'draft';
