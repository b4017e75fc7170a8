/**
 * A saved note as the note card and entity cards show it: its text (always as text, never HTML), tags and
 * date, and its Edit and Delete buttons.
 */
import { formatDate } from '../../shared/format-date';
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteLabels } from '../notes/note-labels';

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

/** A saved note's Edit and Delete buttons; each card decides what a finished delete changes. */
export function NoteButtons(props: {
  labels: NoteLabels;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  return (
    <div class="gloss-actions">
      <button type="button" class="gloss-button" onClick={props.onEdit}>
        {props.labels.edit}
      </button>
      <button type="button" class="gloss-button" onClick={() => void props.onDelete()}>
        {props.labels.delete}
      </button>
    </div>
  );
}
