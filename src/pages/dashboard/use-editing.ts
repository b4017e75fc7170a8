/**
 * Which notes have their edit form open, held by the page rather than by each note, so the list can keep
 * them through a refetch: a note being edited stays shown even if a change made elsewhere takes it out of
 * the filters, and one deleted elsewhere stays (marked so) with the reader's draft until they close it.
 */
import { useCallback, useState } from 'preact/hooks';
import type { NoteView } from '../../shared/notes/note-types';

/** What `useEditing` gives back. */
export interface EditingHandle {
  /** Each note being edited, as it was when its form opened (shown if it is deleted elsewhere). */
  editing: ReadonlyMap<string, NoteView>;
  /** Opens or closes `note`'s form. */
  setEditing: (note: NoteView, isEditing: boolean) => void;
}

/** The notes being edited. */
export function useEditing(): EditingHandle {
  const [editing, setMap] = useState<ReadonlyMap<string, NoteView>>(new Map());
  const setEditing = useCallback((note: NoteView, isEditing: boolean) => {
    setMap((current) => {
      if (isEditing === current.has(note.id)) return current;
      const next = new Map(current);
      if (isEditing) next.set(note.id, note);
      else next.delete(note.id);
      return next;
    });
  }, []);
  return { editing, setEditing };
}
