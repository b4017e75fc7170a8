/**
 * "Your notes on this page" in the popup: every note filed under the tab's page, with the ones Gloss
 * could not place on it (orphans) marked and explained, since the page itself cannot show them.
 */
import { t, tCount } from '../../platform/i18n';
import { ellipsize } from '../../shared/ellipsize';
import type { TabNotes } from '../../shared/protocol';

/** Longest stretch of a quote or note the popup shows. */
const EXCERPT = 140;
const excerpt = (s: string): string => ellipsize(s, EXCERPT);

/** The section; nothing when the page has no notes. */
export function PageNotes({ notes }: { notes: TabNotes }) {
  if (notes.notes.length === 0) return null;
  const orphans = notes.notes.filter((n) => n.status === 'orphan').length;
  return (
    <section class="popup-notes" aria-labelledby="popup-notes-heading">
      <h2 id="popup-notes-heading" class="popup-total">
        {tCount('popupNotesHeading', notes.notes.length)}
      </h2>
      {orphans > 0 && <p class="hint">{tCount('popupNotesOrphanHint', orphans)}</p>}
      <ul class="popup-note-list">
        {notes.notes.map((note) => (
          <li
            key={note.id}
            class="popup-note"
            data-note-id={note.id}
            data-status={note.status}
            data-color={note.color}
          >
            {/* The passage (or, for a note on the whole page, its text) carries the note's colour as a bar. */}
            {note.anchor && (
              <blockquote class="popup-note-quote">{excerpt(note.anchor.quote.exact.trim())}</blockquote>
            )}
            {note.body !== '' && (
              <p class={note.anchor ? 'popup-note-body' : 'popup-note-body popup-note-unquoted'}>
                {excerpt(note.body)}
              </p>
            )}
            {note.status === 'orphan' && <p class="popup-note-orphan">{t('popupNoteOrphan')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
