/**
 * The dashboard's filters: what they are, how they combine (all must hold), what each can be set to, and
 * how they are written into the page address so a reload or a bookmark keeps them.
 */
import { NOTE_COLORS, type NoteColor, type NoteView } from '../../shared/notes/note-types';
import type { Notebook } from '../../shared/protocol';
import { matchesWords, parseQuery, type SearchIndex } from './search';

/** Every filter; an empty string (or false) means "any". */
export interface NoteFilters {
  query: string;
  site: string;
  entityId: string;
  color: NoteColor | '';
  tag: string;
  isOrphanOnly: boolean;
}

/** No filter set: every note shows. */
export const NO_FILTERS: NoteFilters = {
  query: '',
  site: '',
  entityId: '',
  color: '',
  tag: '',
  isOrphanOnly: false,
};

/** What a note is tested against besides its own fields. */
export interface FilterContext {
  orphanIds: ReadonlySet<string>;
  index: SearchIndex;
}

/** The notes passing every filter, in the order given. */
export function filterNotes(
  notes: readonly NoteView[],
  filters: NoteFilters,
  context: FilterContext,
): NoteView[] {
  const words = parseQuery(filters.query);
  return notes.filter(
    (note) =>
      (!filters.site || note.site === filters.site) &&
      (!filters.entityId || note.entityId === filters.entityId) &&
      (!filters.color || note.color === filters.color) &&
      (!filters.tag || note.tags.includes(filters.tag)) &&
      (!filters.isOrphanOnly || context.orphanIds.has(note.id)) &&
      matchesWords(context.index.get(note.id) ?? '', words),
  );
}

/** What the site, entity and tag menus offer: only values some note has, sorted for reading. */
export interface FilterChoices {
  sites: string[];
  entities: Array<{ id: string; name: string }>;
  tags: string[];
}

const byText = (a: string, b: string): number => a.localeCompare(b);

/** The choices for a notebook. An entity the knowledge base no longer has is offered by its id. */
export function filterChoices(notebook: Notebook): FilterChoices {
  const names = new Map(notebook.entities.map((entity) => [entity.id, entity.name]));
  const sites = new Set<string>();
  const entityIds = new Set<string>();
  const tags = new Set<string>();
  for (const note of notebook.notes) {
    if (note.site) sites.add(note.site);
    if (note.entityId) entityIds.add(note.entityId);
    for (const tag of note.tags) tags.add(tag);
  }
  return {
    sites: [...sites].sort(byText),
    entities: [...entityIds]
      .map((id) => ({ id, name: names.get(id) ?? id }))
      .sort((a, b) => byText(a.name, b.name)),
    tags: [...tags].sort(byText),
  };
}

/** Query parameter of each filter in the page address. */
const PARAMS = { query: 'q', site: 'site', entityId: 'entity', color: 'color', tag: 'tag' } as const;

const isNoteColor = (value: string): value is NoteColor => (NOTE_COLORS as readonly string[]).includes(value);

/** Filters from a query string such as `?q=apt&site=example.com&orphans=1`; unknown values are ignored. */
export function readFilters(search: string): NoteFilters {
  const params = new URLSearchParams(search);
  const color = params.get(PARAMS.color) ?? '';
  return {
    query: params.get(PARAMS.query) ?? '',
    site: params.get(PARAMS.site) ?? '',
    entityId: params.get(PARAMS.entityId) ?? '',
    color: isNoteColor(color) ? color : '',
    tag: params.get(PARAMS.tag) ?? '',
    isOrphanOnly: params.get('orphans') === '1',
  };
}

/** The query string for `filters` (with its "?"), or '' when none is set, so a clean address stays clean. */
export function writeFilters(filters: NoteFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as Array<keyof typeof PARAMS>) {
    if (filters[key]) params.set(PARAMS[key], filters[key]);
  }
  if (filters.isOrphanOnly) params.set('orphans', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}
