/** One of the reader's notes on the entity page: where it was written, when, what it says, and a way there. */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { formatDate } from '../../shared/format-date';
import type { NoteView } from '../../shared/notes/note-types';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';

/** Props of `NoteEntry`. */
export interface NoteEntryProps {
  note: NoteView;
}

/**
 * The note as an item. "Open at its place" asks the background (`openNote`) to open the note's page and
 * scroll to it; a failure is said under the note, which stays as it is.
 */
export function NoteEntry({ note }: NoteEntryProps) {
  const [error, setError] = useState('');
  const title = note.title || note.url || t('entityPageUntitled');
  const open = (): void => {
    setError('');
    request('openNote', { id: note.id }).then(
      () => undefined,
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <li class="entity-note" data-note-id={note.id} data-color={note.color}>
      <p class="entity-note-meta">
        <span class="entity-note-page">{title}</span>{' '}
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDate(note.createdAt)}</time>
      </p>
      {note.anchor && <blockquote class="entity-note-quote">{note.anchor.quote.exact}</blockquote>}
      {note.body && <p class="entity-note-body">{note.body}</p>}
      {note.tags.length > 0 && <p class="entity-note-tags">{note.tags.map((tag) => `#${tag}`).join(' ')}</p>}
      <button type="button" onClick={open} aria-label={t('entityPageOpenNoteOn', title)}>
        {t('entityPageOpenNote')}
      </button>
      {error && <Notice kind="error">{t('entityPageOpenNoteFailed', error)}</Notice>}
    </li>
  );
}
