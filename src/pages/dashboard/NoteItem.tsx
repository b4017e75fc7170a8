/**
 * One note in the list: colour, passage, text, tags, dates, whether it was found on its page last time, and
 * what can be done with it. Every piece of note text is rendered as a text node: bodies and quotes come from
 * web pages and imported files and may hold markup that must show literally, never run.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { formatDateTime, isoDate } from '../../shared/format-date';
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteEdit } from '../../shared/protocol';
import { ColorSwatch } from './ColorSwatch';
import { NoteEditForm } from './NoteEditForm';
import { isWebUrl } from './note-groups';

/** Props of `NoteItem`. */
export interface NoteItemProps {
  note: NoteView;
  isOrphan: boolean;
  /** Whether its edit form is open (the page holds this, so a refetch cannot close it). */
  isEditing: boolean;
  /** Deleted elsewhere while its form is open: shown only so the reader's draft is not lost. */
  isGone: boolean;
  onEditingChange: (note: NoteView, isEditing: boolean) => void;
  onSave: (edit: NoteEdit) => Promise<void>;
  onDelete: (note: NoteView) => void;
  onOpen: (note: NoteView) => void;
}

/** Edits shorter than this after creation are part of writing the note, not a later change worth a date. */
const SAME_MOMENT_MS = 60_000;

/** The article; its edit form opens in place, and focus returns to the Edit button when it closes. */
export function NoteItem({
  note,
  isOrphan,
  isEditing,
  isGone,
  onEditingChange,
  onSave,
  onDelete,
  onOpen,
}: NoteItemProps) {
  const setEditing = (isOpen: boolean): void => onEditingChange(note, isOpen);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (wasEditing.current && !isEditing) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  const quote = note.anchor?.quote.exact;
  return (
    <article
      class={isGone ? 'note is-gone' : 'note'}
      data-note-id={note.id}
      data-color={note.color}
      tabIndex={-1}
    >
      <div class="note-meta">
        <ColorSwatch color={note.color} />
        <span class="note-dates">
          {t('dashboardCreated')}{' '}
          <time dateTime={isoDate(note.createdAt)}>{formatDateTime(note.createdAt)}</time>
          {note.updatedAt - note.createdAt > SAME_MOMENT_MS && (
            <>
              {' · '}
              {t('dashboardUpdated')}{' '}
              <time dateTime={isoDate(note.updatedAt)}>{formatDateTime(note.updatedAt)}</time>
            </>
          )}
        </span>
        {isOrphan && <span class="note-orphan">{t('dashboardOrphan')}</span>}
      </div>
      {quote && <blockquote class="note-quote">{quote}</blockquote>}
      {isEditing ? (
        <NoteEditForm note={note} isGone={isGone} onSave={onSave} onClose={() => setEditing(false)} />
      ) : (
        <>
          {note.body && <p class="note-body">{note.body}</p>}
          {note.tags.length > 0 && (
            <ul class="note-tags" aria-label={t('dashboardTags')}>
              {note.tags.map((tag) => (
                <li key={tag} class="note-tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <div class="note-actions">
            {isWebUrl(note.url) && (
              <button type="button" onClick={() => onOpen(note)}>
                {t('dashboardOpen')}
              </button>
            )}
            <button type="button" ref={editButton} onClick={() => setEditing(true)}>
              {t('dashboardEdit')}
            </button>
            <button type="button" class="danger" onClick={() => onDelete(note)}>
              {t('dashboardDelete')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
