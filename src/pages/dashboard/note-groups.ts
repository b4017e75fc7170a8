/**
 * How the list is laid out: notes grouped by the page they were written on, entity notes grouped under
 * their entity (they belong to no one page), newest first both within a group and between groups.
 */
import type { EntitySummary } from '../../shared/kb-types';
import type { NoteView } from '../../shared/notes/note-types';

/** One heading of the list and the notes under it. */
export type NoteGroup =
  | { kind: 'page'; key: string; title: string; site: string; url: string; notes: NoteView[] }
  | { kind: 'entity'; key: string; entityId: string; entity?: EntitySummary; notes: NoteView[] };

const newestFirst = (a: NoteView, b: NoteView): number => b.updatedAt - a.updatedAt;

/**
 * Groups `notes`. A page group takes its title and address from its newest note that has a title, since a
 * page's title can change between visits and the latest is the one a reader remembers.
 */
export function groupNotes(notes: readonly NoteView[], entities: readonly EntitySummary[]): NoteGroup[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const buckets = new Map<string, NoteView[]>();
  for (const note of [...notes].sort(newestFirst)) {
    const key = note.entityId ? `entity:${note.entityId}` : `page:${note.pageKey}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(note);
    else buckets.set(key, [note]);
  }
  // Map order is insertion order, and the first note of each bucket was the newest: groups come out sorted.
  return [...buckets].map(([key, group]): NoteGroup => {
    const newest = group[0]!;
    if (newest.entityId) {
      return {
        kind: 'entity',
        key,
        entityId: newest.entityId,
        entity: byId.get(newest.entityId),
        notes: group,
      };
    }
    const titled = group.find((note) => note.title.trim() !== '') ?? newest;
    return {
      kind: 'page',
      key,
      title: titled.title.trim(),
      site: newest.site,
      url: titled.url,
      notes: group,
    };
  });
}

/** The notes in the order the list shows them, for moving focus to a neighbour. */
export function notesInListOrder(groups: readonly NoteGroup[]): NoteView[] {
  return groups.flatMap((group) => group.notes);
}

/** Only http(s) addresses become links or can be opened: an imported note may carry any string as its URL. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
