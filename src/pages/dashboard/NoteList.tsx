/** The notes, grouped under page and entity headings, rendered a page at a time (visible-notes.ts). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { tCount } from '../../platform/i18n';
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteEdit } from '../../shared/protocol';
import { GroupHeading } from './GroupHeading';
import { NoteItem } from './NoteItem';
import type { NoteGroup } from './note-groups';
import { NOTE_PAGE_SIZE, visibleGroups } from './visible-notes';

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
  const [limit, setLimit] = useState(NOTE_PAGE_SIZE);
  const shown = visibleGroups(groups, limit, editing);
  const more = useRef<HTMLButtonElement>(null);
  const showMore = (): void => setLimit((n) => n + NOTE_PAGE_SIZE);
  // Nearing the end renders the next notes before the reader gets there; the button stays for keyboards.
  useEffect(() => {
    const button = more.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) showMore();
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [limit, shown.hidden > 0]);
  return (
    <div class="note-groups">
      {shown.groups.map((group, i) => (
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
      {shown.hidden > 0 && (
        <button type="button" class="note-list-more" ref={more} onClick={showMore}>
          {tCount('libShowMore', Math.min(NOTE_PAGE_SIZE, shown.hidden))}
        </button>
      )}
    </div>
  );
}
