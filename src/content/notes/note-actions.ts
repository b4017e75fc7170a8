/** What the note UI asks of the content script's note session (which talks to the background). */
import type { NoteAnchor, NoteColor, NoteView } from '../../shared/notes/note-types';
import type { Result } from '../../shared/result';

/** What the reader can set on a note. */
export interface NoteValues {
  body: string;
  color: NoteColor;
  tags: string[];
}

export interface NoteActions {
  /** Saves a new passage note (`anchor`) or entity note (`entityId`). */
  create(input: { anchor?: NoteAnchor; entityId?: string; values: NoteValues }): Promise<Result<NoteView>>;
  update(id: string, values: Partial<NoteValues>): Promise<Result<NoteView>>;
  remove(id: string): Promise<Result<null>>;
  restore(id: string): Promise<Result<NoteView>>;
  entityNotes(entityId: string): Promise<Result<NoteView[]>>;
}
