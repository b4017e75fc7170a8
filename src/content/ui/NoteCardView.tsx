/**
 * The card of a reader's own note: the passage, the note as text (never HTML), its tags, and Edit and
 * Delete (with Undo). The same frame holds the editor for a new note on a selection.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ellipsize } from '../../shared/ellipsize';
import { formatDate } from '../../shared/format-date';
import type { NoteView } from '../../shared/notes/note-types';
import type { Result } from '../../shared/result';
import type { NoteValues } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';
import { NoteEditor } from './NoteEditor';

/** Longest stretch of the passage a card shows; the rest is elided. */
const QUOTE_PREVIEW = 280;

export const preview = (quote: string): string => ellipsize(quote, QUOTE_PREVIEW);

/** The card frame: dialog, close button, content. */
export function NoteFrame(props: {
  label: string;
  labels: NoteLabels;
  onClose: () => void;
  children: ComponentChildren;
}) {
  return (
    <div
      class="gloss-card gloss-note-card"
      role="dialog"
      aria-modal="false"
      aria-label={props.label}
      tabIndex={-1}
    >
      <div class="gloss-toolbar">
        <button
          type="button"
          class="gloss-icon-button gloss-close"
          aria-label={props.labels.close}
          title={props.labels.close}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {props.children}
    </div>
  );
}

/** A note's text, tags and date. */
export function NoteText({ note, labels }: { note: NoteView; labels: NoteLabels }) {
  return (
    <>
      {note.body !== '' && <p class="gloss-note-body">{note.body}</p>}
      {note.tags.length > 0 && (
        <ul class="gloss-tags">
          {note.tags.map((tag) => (
            <li key={tag} class="gloss-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p class="gloss-note-date">{labels.written(formatDate(note.createdAt))}</p>
    </>
  );
}

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
          <div class="gloss-actions">
            <button type="button" class="gloss-button" onClick={() => switchTo('edit')}>
              {labels.edit}
            </button>
            <button
              type="button"
              class="gloss-button"
              onClick={async () => {
                const r = await props.onDelete();
                if (r.ok) switchTo('deleted');
                else setError(r.error);
              }}
            >
              {labels.delete}
            </button>
          </div>
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

/** The card holding the editor for a new note on a selection. */
export function DraftCardView(props: {
  quote: string;
  labels: NoteLabels;
  onSave: (values: NoteValues) => Promise<string | undefined>;
  onClose: () => void;
}) {
  return (
    <NoteFrame label={props.labels.editorLabel} labels={props.labels} onClose={props.onClose}>
      <h2 class="gloss-name">{props.labels.editorLabel}</h2>
      <blockquote class="gloss-quote">{preview(props.quote)}</blockquote>
      <NoteEditor labels={props.labels} onSave={props.onSave} onCancel={props.onClose} />
    </NoteFrame>
  );
}
