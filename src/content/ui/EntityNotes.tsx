/**
 * "Your notes" in an entity's card: the reader's notes about the entity (shown on every page that names
 * it), each with Edit and Delete, and a button to add one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteActions } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';
import { NoteEditor } from './NoteEditor';
import { NoteButtons, NoteText } from './NoteText';

export interface EntityNotesProps {
  entityId: string;
  entityName: string;
  labels: NoteLabels;
  actions: NoteActions;
  setSticky: (sticky: boolean) => void;
}

/** The section. */
export function EntityNotes({ entityId, entityName, labels, actions, setSticky }: EntityNotesProps) {
  const [notes, setNotes] = useState<NoteView[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  /** 'new', a note id being edited, or nothing. */
  const [editing, setEditingState] = useState<string | undefined>();
  const setEditing = (id: string | undefined): void => {
    setSticky(id !== undefined);
    setEditingState(id);
  };

  useEffect(() => {
    let isCurrent = true;
    setNotes(undefined);
    void actions.entityNotes(entityId).then((r) => {
      if (!isCurrent) return;
      if (r.ok) setNotes(r.value);
      else setError(r.error);
    });
    return () => {
      isCurrent = false;
    };
  }, [entityId, actions]);

  const replace = (note: NoteView): void =>
    setNotes((list) => (list ?? []).map((n) => (n.id === note.id ? note : n)));

  return (
    <section class="gloss-entity-notes" aria-label={labels.yourNotes}>
      <h3 class="gloss-section">{labels.yourNotes}</h3>
      {notes?.length === 0 && editing !== 'new' && <p class="gloss-status">{labels.noNotes}</p>}
      <ul class="gloss-note-list">
        {(notes ?? []).map((note) => (
          <li key={note.id} class="gloss-note-item" data-note-id={note.id}>
            {editing === note.id ? (
              <NoteEditor
                labels={labels}
                initial={note}
                onSave={async (values) => {
                  const r = await actions.update(note.id, values);
                  if (!r.ok) return labels.saveFailed(r.error);
                  replace(r.value);
                  setEditing(undefined);
                  return undefined;
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <>
                <span class="gloss-swatch" data-color={note.color} aria-hidden="true" />
                <NoteText note={note} labels={labels} />
                <NoteButtons
                  labels={labels}
                  onEdit={() => setEditing(note.id)}
                  onDelete={async () => {
                    const r = await actions.remove(note.id);
                    if (r.ok) setNotes((list) => (list ?? []).filter((n) => n.id !== note.id));
                    else setError(r.error);
                  }}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <NoteEditor
          labels={labels}
          onSave={async (values) => {
            const r = await actions.create({ entityId, values });
            if (!r.ok) return labels.saveFailed(r.error);
            setNotes((list) => [...(list ?? []), r.value]);
            setEditing(undefined);
            return undefined;
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <button type="button" class="gloss-button" onClick={() => setEditing('new')}>
          {labels.addAbout(entityName)}
        </button>
      )}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
