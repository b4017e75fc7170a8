/**
 * What the page shows for a notebook and a set of filters, derived once per change rather than on every
 * render: the search index (folding thousands of notes is the costly part), the menu choices, the notes
 * that pass, and their groups. Notes whose edit form is open are always shown (see use-editing.ts): a
 * refetch bringing a change from elsewhere never takes a form, and the reader's draft, off the screen.
 */
import { useMemo } from 'preact/hooks';
import type { NoteView } from '../../shared/notes/note-types';
import type { Notebook } from '../../shared/protocol';
import { type FilterChoices, filterChoices, filterNotes, type NoteFilters } from './note-filters';
import { groupNotes, type NoteGroup } from './note-groups';
import { buildSearchIndex } from './search';

/** The derived view. */
export interface DashboardView {
  total: number;
  shown: number;
  groups: NoteGroup[];
  choices: FilterChoices;
  orphanIds: ReadonlySet<string>;
  /** Notes being edited that are no longer in the notebook (deleted in another tab or on another device). */
  goneIds: ReadonlySet<string>;
}

const EMPTY: Notebook = { notes: [], entities: [], orphanIds: [] };
const NOT_EDITING: ReadonlyMap<string, NoteView> = new Map();

/**
 * The notes being edited that the filters left out: the notebook's current version when it still has the
 * note, else the note as it was when its form opened (then listed in `gone`).
 */
function heldNotes(
  notes: readonly NoteView[],
  visible: readonly NoteView[],
  editing: ReadonlyMap<string, NoteView>,
): { extra: NoteView[]; gone: Set<string> } {
  const extra: NoteView[] = [];
  const gone = new Set<string>();
  if (editing.size === 0) return { extra, gone };
  const shown = new Set(visible.map((note) => note.id));
  const byId = new Map(notes.map((note) => [note.id, note]));
  for (const [id, opened] of editing) {
    if (shown.has(id)) continue;
    const current = byId.get(id);
    if (!current) gone.add(id);
    extra.push(current ?? opened);
  }
  return { extra, gone };
}

/** The view of `notebook` (an empty one while loading) under `filters`. */
export function useDashboardView(
  notebook: Notebook | undefined,
  filters: NoteFilters,
  editing: ReadonlyMap<string, NoteView> = NOT_EDITING,
): DashboardView {
  const book = notebook ?? EMPTY;
  const index = useMemo(
    () => buildSearchIndex(book.notes, new Map(book.entities.map((entity) => [entity.id, entity.name]))),
    [book.notes, book.entities],
  );
  const orphanIds = useMemo(() => new Set(book.orphanIds), [book.orphanIds]);
  const choices = useMemo(() => filterChoices(book), [book]);
  const visible: NoteView[] = useMemo(
    () => filterNotes(book.notes, filters, { orphanIds, index }),
    [book.notes, filters, orphanIds, index],
  );
  const held = useMemo(() => heldNotes(book.notes, visible, editing), [book.notes, visible, editing]);
  const groups = useMemo(
    () => groupNotes(held.extra.length > 0 ? [...visible, ...held.extra] : visible, book.entities),
    [visible, held, book.entities],
  );
  return {
    total: book.notes.length,
    // A note deleted elsewhere is on screen only for its draft; it is not counted.
    shown: visible.length + held.extra.length - held.gone.size,
    groups,
    choices,
    orphanIds,
    goneIds: held.gone,
  };
}
