/**
 * What the page shows for a notebook and a set of filters, derived once per change rather than on every
 * render: the search index (folding thousands of notes is the costly part), the menu choices, the notes
 * that pass, and their groups.
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
}

const EMPTY: Notebook = { notes: [], entities: [], orphanIds: [] };

/** The view of `notebook` (an empty one while loading) under `filters`. */
export function useDashboardView(notebook: Notebook | undefined, filters: NoteFilters): DashboardView {
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
  const groups = useMemo(() => groupNotes(visible, book.entities), [visible, book.entities]);
  return { total: book.notes.length, shown: visible.length, groups, choices, orphanIds };
}
