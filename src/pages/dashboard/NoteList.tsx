/** The notes, grouped under page and entity headings. */
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteEdit } from '../../shared/protocol';
import { GroupHeading } from './GroupHeading';
import { NoteItem } from './NoteItem';
import type { NoteGroup } from './note-groups';

/** Props of `NoteList`. */
export interface NoteListProps {
  groups: readonly NoteGroup[];
  orphanIds: ReadonlySet<string>;
  /** Notes whose edit form is open. */
  editing: ReadonlyMap<string, NoteView>;
  /** Notes being edited that were deleted elsewhere. */
  goneIds: ReadonlySet<string>;
  onEditingChange: (note: NoteView, isEditing: boolean) => void;
  onSave: (edit: NoteEdit) => Promise<void>;
  onDelete: (note: NoteView) => void;
  onOpen: (note: NoteView) => void;
}

/**
 * Groups and notes are keyed by id, so a refresh of the list updates them in place: open edit forms keep
 * their drafts and the scroll position stays where the reader left it.
 */
export function NoteList({
  groups,
  orphanIds,
  editing,
  goneIds,
  onEditingChange,
  onSave,
  onDelete,
  onOpen,
}: NoteListProps) {
  return (
    <div class="note-groups">
      {groups.map((group, i) => (
        <section key={group.key} class="note-group" aria-labelledby={`group-${i}`}>
          <GroupHeading group={group} headingId={`group-${i}`} />
          {group.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              isOrphan={orphanIds.has(note.id)}
              isEditing={editing.has(note.id)}
              isGone={goneIds.has(note.id)}
              onEditingChange={onEditingChange}
              onSave={onSave}
              onDelete={onDelete}
              onOpen={onOpen}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
