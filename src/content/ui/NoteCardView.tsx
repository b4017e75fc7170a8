/**
 * The card of a reader's own note: the passage, the note as text (never HTML), its tags, and Edit and
 * Delete (with Undo).
 */
import { useState } from 'preact/hooks';
import type { NoteView } from '../../shared/notes/note-types';
import type { Result } from '../../shared/result';
import type { NoteValues } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';
import { NoteEditor } from './NoteEditor';
import { NoteFrame, preview } from './NoteFrame';
import { NoteButtons, NoteText } from './NoteText';

/** Props of `NoteCardView`. */
export interface NoteCardProps {
  note: NoteView;
  labels: NoteLabels;
  onSave: (values: NoteValues) => Promise<string | undefined>;
  onDelete: () => Promise<Result<null>>;
  onRestore: () => Promise<Result<unknown>>;
  onClose: () => void;
  setSticky: (sticky: boolean) => void;
}

/** The card of a placed note. */
export function NoteCardView(props: NoteCardProps) {
  const { note, labels } = props;
  const [mode, setMode] = useState<'view' | 'edit' | 'deleted'>('view');
  const [error, setError] = useState<string | undefined>();
  const switchTo = (next: typeof mode): void => {
    props.setSticky(next === 'edit');
    setMode(next);
  };
  return (
    <NoteFrame label={labels.noteDialogLabel} labels={labels} onClose={props.onClose}>
      <h2 class="gloss-name">
        <span class="gloss-swatch" data-color={note.color} aria-hidden="true" /> {labels.yourNote}
      </h2>
      {note.anchor && (
        <blockquote class="gloss-quote" data-color={note.color}>
          {preview(note.anchor.quote.exact)}
        </blockquote>
      )}
      {mode === 'edit' ? (
        <NoteEditor
          labels={labels}
          initial={{ body: note.body, color: note.color, tags: note.tags }}
          onSave={async (values) => {
            const problem = await props.onSave(values);
            if (!problem) switchTo('view');
            return problem;
          }}
          onCancel={() => switchTo('view')}
        />
      ) : mode === 'deleted' ? (
        <output class="gloss-status gloss-block">
          {labels.deleted}{' '}
          <button
            type="button"
            class="gloss-link-button"
            onClick={async () => {
              const r = await props.onRestore();
              if (r.ok) switchTo('view');
              else setError(r.error);
            }}
          >
            {labels.undo}
          </button>
        </output>
      ) : (
        <>
          <NoteText note={note} labels={labels} />
          <NoteButtons
            labels={labels}
            onEdit={() => switchTo('edit')}
            onDelete={async () => {
              const r = await props.onDelete();
              if (r.ok) switchTo('deleted');
              else setError(r.error);
            }}
          />
        </>
      )}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </NoteFrame>
  );
}
