/**
 * How much of a long notebook the Notes tab renders: the first notes at once, the rest as the reader
 * scrolls near the end (or presses Show more). Rendering 10,000 notes before the first paint took 2.5 s
 * (docs/performance.md, Search); the first 100 take a few milliseconds. A note whose form is open is always
 * rendered, wherever a change elsewhere moved it.
 */
import type { NoteView } from '../../shared/notes/note-types';
import type { NoteGroup } from './note-groups';

/** Notes rendered at first, and added each time the reader nears the end. */
export const NOTE_PAGE_SIZE = 100;

/** The groups cut to their first `limit` notes in order (plus every note in `keep`), and how many are left. */
export function visibleGroups(
  groups: readonly NoteGroup[],
  limit: number,
  keep: ReadonlyMap<string, NoteView>,
): { groups: NoteGroup[]; hidden: number } {
  const out: NoteGroup[] = [];
  let seen = 0;
  let hidden = 0;
  for (const group of groups) {
    const notes = group.notes.filter((note) => {
      const isShown = seen++ < limit || keep.has(note.id);
      if (!isShown) hidden++;
      return isShown;
    });
    if (notes.length) out.push(notes.length === group.notes.length ? group : { ...group, notes });
  }
  return { groups: out, hidden };
}
