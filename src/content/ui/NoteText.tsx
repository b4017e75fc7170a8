/** A note's text (always as text, never HTML), tags and date, as the note card and entity cards show them. */
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
