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
 * A collection that only links to its pages (`first` is an IRI) holds nothing this file can give.
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

/** The annotations of `doc`; throws when there are none or too many. */
export function findAnnotations(doc: unknown): unknown[] {
  const items = itemsOf(doc);
  if (items.length === 0) throw new ImportError(NONE);
  if (items.length > MAX_ANNOTATIONS)
    throw new ImportError(
      `This file holds ${items.length.toLocaleString('en')} annotations; Gloss imports up to ${MAX_ANNOTATIONS.toLocaleString('en')} at a time.`,
    );
  return items;
}
