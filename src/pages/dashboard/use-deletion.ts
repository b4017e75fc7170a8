/**
 * Delete with undo. The note leaves the list at once and `deleteNote` is sent at once too: the background
 * keeps a tombstone, so closing the page during the undo window simply leaves the note deleted, and nothing
 * waits in this page's memory to be lost. Undo sends `restoreNote`. Only the latest deletion can be undone
 * from the bar; earlier ones stay deleted, as the bar said when it moved on.
 */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import type { NoteView } from '../../shared/notes/note-types';
import { errorText } from '../shared/error-text';

/** One deletion the bar offers to undo. `isDone` settles true once the background has deleted it. */
export interface Deletion {
  note: NoteView;
  isDone: Promise<boolean>;
}

/** What the page needs to keep its list and messages in step. */
export interface DeletionDeps {
  putNote: (note: NoteView) => void;
  dropNote: (id: string) => void;
  onError: (message: string) => void;
  /** Called with the note once it is back, to move focus to it. */
  onRestored: (note: NoteView) => void;
}

/** What `useDeletion` gives back. */
export interface DeletionHandle {
  /** The deletion the undo bar shows, if any. */
  latest: Deletion | undefined;
  remove: (note: NoteView) => void;
  undo: (deletion: Deletion) => Promise<void>;
  /** The bar's time ran out; ignored when a newer deletion has taken its place. */
  expire: (deletion: Deletion) => void;
}

/** Keeps the latest deletion and does the requests. */
export function useDeletion({ putNote, dropNote, onError, onRestored }: DeletionDeps): DeletionHandle {
  const [latest, setLatest] = useState<Deletion | undefined>();
  const forget = useCallback(
    (deletion: Deletion) => setLatest((current) => (current === deletion ? undefined : current)),
    [],
  );

  const remove = useCallback(
    (note: NoteView) => {
      dropNote(note.id);
      const deletion: Deletion = {
        note,
        isDone: request('deleteNote', { id: note.id }).then(
          () => true,
          (e: unknown) => {
            putNote(note);
            forget(deletion);
            onError(t('dashboardDeleteFailed', errorText(e)));
            return false;
          },
        ),
      };
      setLatest(deletion);
    },
    [dropNote, putNote, forget, onError],
  );

  const undo = useCallback(
    async (deletion: Deletion) => {
      forget(deletion);
      // Restoring before the delete has landed could leave it deleted after all; a failed delete is back already.
      if (!(await deletion.isDone)) return;
      try {
        const restored = await request('restoreNote', { id: deletion.note.id });
        putNote(restored);
        onRestored(restored);
      } catch (e) {
        onError(t('dashboardRestoreFailed', errorText(e)));
      }
    },
    [forget, putNote, onRestored, onError],
  );

  return { latest, remove, undo, expire: forget };
}
