/**
 * The reader's words in an annotation: its text and its tags. The text comes from TextualBody values
 * (HTML ones turned into plain text), `bodyValue`, the Hypothesis `text` field, and the addresses of
 * linked web resources (a body that is only a link is still what the reader wrote). Tags come from bodies
 * whose purpose is "tagging" (or with no purpose, in an annotation whose motivation is tagging) and from
 * Hypothesis `tags`. Limits are enforced here: text and tags are never cut, because silently losing part
 * of a reader's note is worse than refusing the file with a message saying which annotation to fix.
 */
import { NOTE_LIMITS } from '../note-types';
import { normalizeTags } from '../tags';
import { keepStart } from './clip';
import { htmlToText } from './html-to-text';
import { annotationError } from './import-error';
import { BodyObject, check, isObject } from './import-schemas';
import { localNames } from './vocabulary';

/** Text parts and raw tags, before joining and checking. */
export interface Words {
  texts: string[];
  tags: string[];
}

const isWebAddress = (text: string): boolean => /^https?:\/\/\S+$/i.test(text.trim());

function readBodyObject(
  item: Record<string, unknown>,
  path: string,
  index: number,
  isTagging: boolean,
  words: Words,
): void {
  const body = check(BodyObject, item, index, path);
  if (localNames(body.type).includes('Choice') && body.items) {
    // A Choice offers the same body in several forms (languages, formats); the first is the preferred one.
    // Nested Choices recurse at most MAX_DEPTH times: checkDepth has bounded the file's nesting.
    const first = body.items[0];
    if (isObject(first)) readBodyObject(first, `${path}.items[0]`, index, isTagging, words);
    else if (typeof first === 'string' && isWebAddress(first)) words.texts.push(first.trim());
    return;
  }
  const purposes = localNames(body.purpose);
  const tagging = purposes.length > 0 ? purposes.includes('tagging') : isTagging;
  if (typeof body.value === 'string') {
    if (tagging) words.tags.push(body.value);
    else words.texts.push(/^text\/html\b/i.test(body.format ?? '') ? htmlToText(body.value) : body.value);
  } else if (body.id && !tagging && isWebAddress(body.id)) words.texts.push(body.id.trim());
}

/** Collects the words of `body` (a string, an object, or a list of them). */
export function readBodies(body: unknown, index: number, isTagging: boolean, words: Words): void {
  if (body === null || body === undefined) return;
  const list = Array.isArray(body) ? body : [body];
  list.forEach((item, i) => {
    const path = Array.isArray(body) ? `body[${i}]` : 'body';
    // The model reads a string body as an IRI, but tools also put plain text there; either way it is
    // what the reader wrote, so it is kept as text (a link stays readable as its address).
    if (typeof item === 'string') words.texts.push(isWebAddress(item) ? item.trim() : item);
    else if (isObject(item)) readBodyObject(item, path, index, isTagging, words);
    else throw annotationError(index, `is malformed: "${path}" must be text or an object`);
  });
}

/** The note text: the non-empty parts joined by blank lines; throws when it is over the limit. */
export function joinTexts(texts: string[], index: number): string {
  const body = texts.filter((t) => t.trim() !== '').join('\n\n');
  if (body.length > NOTE_LIMITS.body)
    throw annotationError(
      index,
      `has a note of ${body.length.toLocaleString('en')} characters; Gloss keeps notes of up to ${NOTE_LIMITS.body.toLocaleString('en')}`,
    );
  return body;
}

/** The tags by the one tag rule (tags.ts); throws when one is too long or there are too many. */
export function checkedTags(raw: string[], index: number): string[] {
  const tags = normalizeTags(raw);
  const long = tags.find((t) => t.length > NOTE_LIMITS.tag);
  if (long !== undefined)
    throw annotationError(
      index,
      `has a tag of ${long.length} characters ("${keepStart(long, 20)}…"); Gloss keeps tags of up to ${NOTE_LIMITS.tag}`,
    );
  if (tags.length > NOTE_LIMITS.tags)
    throw annotationError(index, `has ${tags.length} tags; Gloss keeps up to ${NOTE_LIMITS.tags} per note`);
  return tags;
}
