/**
 * Reading a Gloss or Dublin Core term that a file may spell several ways (compact `gloss:color`, or the
 * expanded IRI a JSON-LD tool writes). Keys are looked up as the object's own properties only, so a file
 * cannot reach `Object.prototype` by naming `constructor` or `__proto__`.
 */
import { NOTE_LIMITS } from '../note-types';
import { keepStart } from './clip';
import { check, OptionalText, OptionalTextOrList } from './import-schemas';
import { ACCEPTED_KEYS } from './vocabulary';

/** The value under the first of `keys` that `obj` has itself, or undefined. */
export function ownValue(
  obj: Record<string, unknown>,
  keys: readonly string[],
): [string, unknown] | undefined {
  for (const key of keys) if (Object.hasOwn(obj, key)) return [key, obj[key]];
  return undefined;
}

/** A text term under any of `keys`; throws when it is there but not text. */
export function readText(
  obj: Record<string, unknown>,
  keys: readonly string[],
  index: number,
  path: string,
): string | undefined {
  const found = ownValue(obj, keys);
  if (!found) return undefined;
  return check(OptionalText, found[1], index, path ? `${path}.${found[0]}` : found[0]) ?? undefined;
}

/** The first non-empty of `values`, shortened to the title limit (a long title loses nothing that matters). */
export function firstTitle(values: string | string[] | null | undefined): string | undefined {
  const list = values === null || values === undefined ? [] : Array.isArray(values) ? values : [values];
  const title = list.map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => t !== '');
  return title === undefined ? undefined : keepStart(title, NOTE_LIMITS.title);
}

/** A page title given on `obj` (dcterms:title and its spellings; text or a list of text). */
export function readTitle(obj: Record<string, unknown>, index: number, path: string): string | undefined {
  const found = ownValue(obj, ACCEPTED_KEYS.title);
  if (!found) return undefined;
  return firstTitle(check(OptionalTextOrList, found[1], index, path ? `${path}.${found[0]}` : found[0]));
}
