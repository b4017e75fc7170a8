/**
 * The reader's words in an annotation: its text and its tags. The text comes from TextualBody values
 * (HTML ones turned into plain text), `bodyValue`, the Hypothesis `text` field, and the addresses of
 * linked resources: a body that is only a link is still what the reader wrote, whether the link is its
 * `id` (an external resource) or its `source` (a SpecificResource, whose media fragment is kept on the
 * address, as in `…/video1#t=30,60`). Tags come from bodies whose purpose is "tagging" (or with no
 * purpose, in an annotation whose motivation is tagging), a linked tag (a semantic tag) by its address,
 * and from Hypothesis `tags`. What cannot be kept whole is said in `changes`: the other forms of a Choice,
 * the part of a linked resource a body selects, a linked tag too long to be a tag (kept as text instead).
 * Limits are enforced here: text and tags are never cut, because silently losing part of a reader's note
 * is worse than refusing the file with a message saying which annotation to fix.
 */
import { NOTE_LIMITS } from '../note-types';
import { normalizeTags } from '../tags';
import { keepStart } from './clip';
import { htmlToText } from './html-to-text';
import { HOSTILE_SCHEMES } from './import-address';
import { annotationError } from './import-error';
import { BodyObject, check, isObject } from './import-schemas';
import { mediaFragmentRegion, shown } from './import-selectors';
import { localNames } from './vocabulary';

/** Text parts, raw tags, and what could not be kept whole (phrases completing "annotation 4 …"). */
export interface Words {
  texts: string[];
  tags: string[];
  changes: string[];
}

const isWebAddress = (text: string): boolean => /^https?:\/\/\S+$/i.test(text.trim());

const SETS = new Set(['Composite', 'List', 'Independents']);

/** Throws for a link that runs code or smuggles content; anything else is kept as the reader's text. */
function checkLink(link: string, index: number, path: string): void {
  let protocol: string;
  try {
    protocol = new URL(link).protocol;
  } catch {
    return; // not an address at all (a tool's own identifier): kept as text, harmless
  }
  if (HOSTILE_SCHEMES.has(protocol))
    throw annotationError(index, `has a body ("${path}") linking to a "${protocol}" address`);
}

/**
 * The address a body object links to: its `source` (a SpecificResource) or its `id` (an external
 * resource); a `javascript:` or `data:` link stops the import. `part` says when the body selects a part
 * of it that the address cannot carry.
 */
function linkOf(
  body: { id?: string | null; source?: unknown; selector?: unknown },
  index: number,
  path: string,
): { link: string; part?: string } | undefined {
  const { source } = body;
  let link: string | undefined;
  if (typeof source === 'string') link = source;
  else if (isObject(source) && Object.hasOwn(source, 'id') && typeof source.id === 'string') link = source.id;
  else if (source !== null && source !== undefined)
    throw annotationError(index, `is malformed: "${path}.source" must be text or an object with an id`);
  else if (body.id) link = body.id;
  if (link === undefined) return undefined;
  link = link.trim();
  checkLink(link, index, path);
  const selector = body.selector;
  if (selector === null || selector === undefined) return { link };
  // A media fragment is the part of the link the body means: kept on the address, as the model allows.
  const one = Array.isArray(selector) && selector.length === 1 ? selector[0] : selector;
  if (isObject(one) && Object.hasOwn(one, 'value') && typeof one.value === 'string') {
    const type = Object.hasOwn(one, 'type') && typeof one.type === 'string' ? one.type : '';
    if (
      localNames(type).includes('FragmentSelector') &&
      mediaFragmentRegion(one.value) &&
      !link.includes('#')
    )
      return { link: `${link}#${one.value.trim()}` };
  }
  const type = isObject(one) && Object.hasOwn(one, 'type') && typeof one.type === 'string' ? one.type : '';
  const name = localNames(type)[0];
  const part =
    typeof one === 'string' ? `external selector ${shown(one)}` : name ? shown(name, 40) : 'a selector';
  return { link, part };
}

function readBodyObject(
  item: Record<string, unknown>,
  path: string,
  index: number,
  isTagging: boolean,
  words: Words,
): void {
  const body = check(BodyObject, item, index, path);
  const types = localNames(body.type);
  if (types.includes('Choice') && body.items) {
    // A Choice offers the same body in several forms (languages, formats); the first is the preferred one.
    // Nested Choices recurse at most MAX_DEPTH times: checkDepth has bounded the file's nesting.
    const first = body.items[0];
    if (body.items.length > 1)
      words.changes.push(`kept the first of ${body.items.length} alternative bodies (a Choice)`);
    if (first !== undefined) readBodies([first], index, isTagging, words, `${path}.items`);
    return;
  }
  if (types.some((t) => SETS.has(t)) && body.items) {
    readBodies(body.items, index, isTagging, words, `${path}.items`);
    return;
  }
  const purposes = localNames(body.purpose);
  const tagging = purposes.length > 0 ? purposes.includes('tagging') : isTagging;
  if (typeof body.value === 'string') {
    if (tagging) words.tags.push(body.value);
    else words.texts.push(/^text\/html\b/i.test(body.format ?? '') ? htmlToText(body.value) : body.value);
    return;
  }
  const linked = linkOf(body, index, path);
  if (!linked) return;
  if (linked.part)
    words.changes.push(
      `links to all of ${shown(linked.link, 100)}, as Gloss does not keep the part its body selects (${linked.part})`,
    );
  if (!tagging) words.texts.push(linked.link);
  else if (linked.link.length <= NOTE_LIMITS.tag) words.tags.push(linked.link);
  else {
    words.texts.push(linked.link);
    words.changes.push(
      `keeps its tag ${shown(linked.link, 100)} in the note's text, as it is longer than a tag can be (${NOTE_LIMITS.tag} characters)`,
    );
  }
}

/** Collects the words of `body` (a string, an object, or a list of them); `at` names it in messages. */
export function readBodies(
  body: unknown,
  index: number,
  isTagging: boolean,
  words: Words,
  at = 'body',
): void {
  if (body === null || body === undefined) return;
  const list = Array.isArray(body) ? body : [body];
  list.forEach((item, i) => {
    const path = Array.isArray(body) ? `${at}[${i}]` : at;
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
