/** "Your notes": the notes about the entity, then the notes on passages that mention it. */
import { t } from '../../platform/i18n';
import type { NoteView } from '../../shared/notes/note-types';
import { NoteEntry } from './NoteEntry';

/** Props of `NotesSection`. */
export interface NotesSectionProps {
  entityName: string;
  notesAbout: readonly NoteView[];
  notesMentioning: readonly NoteView[];
}

function NoteList({ notes, empty }: { notes: readonly NoteView[]; empty: string }) {
  if (notes.length === 0) return <p class="notice">{empty}</p>;
  return (
    <ul class="entity-notes">
      {notes.map((note) => (
        <NoteEntry key={note.id} note={note} />
      ))}
    </ul>
  );
}

/** The section: one sentence when there are no notes at all, else both lists under their headings. */
export function NotesSection({ entityName, notesAbout, notesMentioning }: NotesSectionProps) {
  const isEmpty = notesAbout.length === 0 && notesMentioning.length === 0;
  return (
    <section class="entity-section" aria-labelledby="entity-notes">
      <h2 id="entity-notes">{t('entityPageNotes')}</h2>
      {isEmpty ? (
        <p class="notice">{t('entityPageNoNotes')}</p>
      ) : (
        <>
          <h3>{t('entityPageNotesAbout', entityName)}</h3>
          <NoteList notes={notesAbout} empty={t('entityPageNoNotesAbout')} />
          <h3>{t('entityPageNotesMentioning')}</h3>
          <NoteList notes={notesMentioning} empty={t('entityPageNoNotesMentioning')} />
        </>
      )}
    </section>
  );
}
