/**
 * What the index holds for each thing a reader can find. One document per note, per entity, per source
 * (its attribution) and per block of a source's text: a hit in a block opens the reader at that block, and
 * a long article's one mention of a word does not drown in its length.
 *
 * Fields, best first (search-index.ts boosts them in this order): `name` (an entity's name, a source's or a
 * note's page title), `alias` (other names, tags), `quote` (a note's passage), `text` (a note's body, an
 * entity's description, a block), `meta` (author, site, address).
 */
import type { SourceBlock, SourceMeta } from '../../shared/kb-types';
import type { NoteRecord } from '../../shared/notes/note-types';
import type { SearchKind } from '../../shared/search/search-types';
import type { KbEntity } from '../library/effective-kb';

export interface SearchDoc {
  id: string;
  name?: string;
  alias?: string;
  quote?: string;
  text?: string;
  meta?: string;
}

export const noteDocId = (id: string): string => `n:${id}`;
export const entityDocId = (id: string): string => `e:${id}`;
export const sourceDocId = (id: string): string => `s:${id}`;
export const blockDocId = (sourceId: string, block: number): string => `b:${block}:${sourceId}`;

/** What a document id stands for: the kind, the record's id and, for a block, its index. */
export function parseDocId(docId: string): { kind: SearchKind; id: string; block?: number } {
  const tag = docId.slice(0, 2);
  if (tag === 'n:') return { kind: 'note', id: docId.slice(2) };
  if (tag === 'e:') return { kind: 'entity', id: docId.slice(2) };
  if (tag === 's:') return { kind: 'source', id: docId.slice(2) };
  const colon = docId.indexOf(':', 2);
  return { kind: 'source', id: docId.slice(colon + 1), block: Number(docId.slice(2, colon)) };
}

/** Addresses are stored percent-encoded; index the form a reader sees and types. */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** A note's document; none for a deleted note. */
export function noteDoc(note: NoteRecord): SearchDoc | undefined {
  if (note.deleted) return undefined;
  return {
    id: noteDocId(note.id),
    name: note.title,
    alias: note.tags.join(' '),
    quote: note.anchor?.quote.exact ?? '',
    text: note.body,
    meta: readableUrl(note.url),
  };
}

/** An entity's document. */
export function entityDoc(entity: KbEntity): SearchDoc {
  return {
    id: entityDocId(entity.id),
    name: entity.name,
    alias: entity.aliases.map((a) => a.text).join(' \n '),
    text: entity.description,
  };
}

/** What an entity's document is made of, to tell whether it must be indexed again. */
export function entitySignature(entity: KbEntity): string {
  return JSON.stringify([entity.name, entity.aliases.map((a) => a.text), entity.description]);
}

/** A source's documents: its attribution, then one per block of text. */
export function sourceDocs(meta: SourceMeta, blocks: readonly SourceBlock[]): SearchDoc[] {
  const docs: SearchDoc[] = [
    {
      id: sourceDocId(meta.id),
      name: meta.title,
      meta: [meta.author ?? '', meta.site, meta.url ? readableUrl(meta.url) : ''].join(' \n '),
    },
  ];
  blocks.forEach((b, i) => {
    docs.push({ id: blockDocId(meta.id, i), text: b.text });
  });
  return docs;
}
