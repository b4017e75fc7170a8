/**
 * Finding the annotations in a parsed file, whatever shape the tool that wrote it chose:
 *
 * - an AnnotationCollection with its first page embedded (`first.items`, the model's form), or with
 *   `items` directly on it, or with `first` as a list of pages (neither is standard; both are in the wild);
 * - an AnnotationPage (`items`);
 * - one Annotation;
 * - a bare list of annotations (W3C, or Hypothesis API rows);
 * - a Hypothesis API search response (`{ rows: [...] }`);
 * - a JSON-LD `@graph`.
 *
 * A collection that only links to its pages (`first` is an IRI) holds nothing this file can give, and the
 * error says so.
 */
import { ImportError } from './import-error';
import { MAX_ANNOTATIONS } from './import-limits';
import { isObject } from './import-schemas';
import { localNames } from './vocabulary';

const NONE = 'This file holds no W3C Web Annotations.';

const listAt = (obj: Record<string, unknown>, key: string): unknown[] => {
  const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
  return Array.isArray(value) ? value : [];
};

/** Items of a collection: its own `items`, then those of its embedded first page (or pages). */
function collectionItems(doc: Record<string, unknown>): unknown[] {
  const first = Object.hasOwn(doc, 'first') ? doc.first : undefined;
  const pages = (Array.isArray(first) ? first : [first]).filter(isObject);
  const items = listAt(doc, 'items').slice();
  // One by one, not push(...items): a page of millions of items would overflow a call's arguments.
  for (const page of pages) for (const item of listAt(page, 'items')) items.push(item);
  return items;
}

function itemsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return [];
  const type = Object.hasOwn(doc, 'type') ? doc.type : undefined;
  const typeList = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  const types = localNames(typeof type === 'string' ? type : typeList);
  if (listAt(doc, 'rows').length > 0) return listAt(doc, 'rows');
  if (listAt(doc, '@graph').length > 0) return listAt(doc, '@graph');
  if (types.includes('AnnotationCollection') || types.includes('OrderedCollection'))
    return collectionItems(doc);
  if (types.includes('AnnotationPage') || types.includes('OrderedCollectionPage'))
    return listAt(doc, 'items');
  if (types.includes('Annotation') || Object.hasOwn(doc, 'target') || Object.hasOwn(doc, 'uri')) return [doc];
  if (Object.hasOwn(doc, 'first') || Object.hasOwn(doc, 'items')) return collectionItems(doc);
  return [];
}

/**
 * A collection that only links to its pages (`first` is an address, as in the model's example 38) holds
 * none of its annotations: said as it is, with the page to fetch, rather than "no annotations".
 */
function linkedPagesError(doc: unknown): ImportError | undefined {
  if (!isObject(doc) || !Object.hasOwn(doc, 'first') || typeof doc.first !== 'string') return undefined;
  const total = Object.hasOwn(doc, 'total') && typeof doc.total === 'number' ? doc.total : undefined;
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en')} annotations`;
  const first = doc.first.length > 100 ? `${doc.first.slice(0, 99)}…` : doc.first;
  return new ImportError(
    `This file is an annotation collection${of} that only links to its pages (the first is ${first}); the annotations themselves are not in it. Import a file that holds them, such as each page saved from the tool that made the collection.`,
  );
}

/** The annotations of `doc`; throws when there are none or too many. */
export function findAnnotations(doc: unknown): unknown[] {
  const items = itemsOf(doc);
  if (items.length === 0) throw linkedPagesError(doc) ?? new ImportError(NONE);
  if (items.length > MAX_ANNOTATIONS)
    throw new ImportError(
      `This file holds ${items.length.toLocaleString('en')} annotations; Gloss imports up to ${MAX_ANNOTATIONS.toLocaleString('en')} at a time.`,
    );
  return items;
}

/** The address a `next` or `first` link gives: a string, or an object's `id`. */
function linkAddress(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && Object.hasOwn(value, 'id') && typeof value.id === 'string') return value.id;
  return undefined;
}

/**
 * A sentence for the import summary when the file is one page of a longer collection (a page with a
 * `next` link, or a collection whose `total` is more than the annotations it holds), so that a reader
 * does not take part of a collection for all of it; undefined otherwise.
 */
export function otherPagesNote(doc: unknown, count: number): string | undefined {
  if (!isObject(doc)) return undefined;
  const own = (obj: Record<string, unknown>, key: string): unknown =>
    Object.hasOwn(obj, key) ? obj[key] : undefined;
  const first = own(doc, 'first');
  const page = isObject(first) ? first : doc;
  const next = linkAddress(own(page, 'next'));
  const partOf = own(doc, 'partOf');
  const totalOf = (obj: unknown): number | undefined =>
    isObject(obj) && typeof own(obj, 'total') === 'number' ? (own(obj, 'total') as number) : undefined;
  const total = totalOf(doc) ?? totalOf(partOf);
  if (next === undefined && (total === undefined || total <= count)) return undefined;
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en')} annotations`;
  const where =
    next === undefined ? '' : ` (the next page is ${next.length > 100 ? `${next.slice(0, 99)}…` : next})`;
  return `This file holds ${count.toLocaleString('en')} annotations of a longer collection${of}; the others are on pages not in this file${where}.`;
}
