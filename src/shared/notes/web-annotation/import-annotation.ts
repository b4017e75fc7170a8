/**
 * One annotation of a file, read into a note draft or a reason to skip it. Throws (through the helpers)
 * when the annotation is malformed or hostile; returns a skip when it is well-formed but Gloss cannot use
 * it. The rules, in order:
 *
 * - not of type Annotation (when a type is given) → skipped;
 * - no target Gloss can show (no web page, no entity; e.g. only a PDF fingerprint) → skipped;
 * - an entity target → entity note, its page taken from `gloss:page`;
 * - a quote → passage note (the text may be empty: a plain highlight);
 * - no quote: media targets (an image region) are skipped; otherwise any text or tags make a page note,
 *   so a reader's words are never dropped for want of a selector; with neither → skipped.
 */
import type * as v from 'valibot';
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteAnchor, type NoteColor } from '../note-types';
import type { IdSource } from './derived-id';
import { classifyAddress } from './import-address';
import { checkedTags, joinTexts, readBodies, type Words } from './import-body';
import { annotationError } from './import-error';
import { AnnotationFields, check, isObject, SourceObject } from './import-schemas';
import { readTargets, type TargetCandidate } from './import-target';
import { firstTitle, ownValue, readText, readTitle } from './import-terms';
import type { ImportedNote } from './types';
import { ACCEPTED_KEYS, localNames } from './vocabulary';

/** A note read from an annotation, before its id is settled. */
export interface AnnotationReading {
  note: Omit<ImportedNote, 'id'>;
  idSource: IdSource;
}

/** A note, or the reason (a sentence for the reader) an annotation is skipped. */
export type AnnotationOutcome = { kind: 'note'; draft: AnnotationReading } | { kind: 'skip'; reason: string };

type Fields = v.InferOutput<typeof AnnotationFields>;

const skip = (reason: string): AnnotationOutcome => ({ kind: 'skip', reason });
const own = (obj: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(obj, key) ? obj[key] : undefined;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** Milliseconds of an ISO 8601 date, or undefined for anything else (other formats parse differently per engine). */
function parseTime(text: string | null | undefined): number | undefined {
  if (!text || !ISO_DATE.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The colour under `gloss:color`; an unknown colour name falls back to yellow rather than losing the note. */
function readColor(raw: Record<string, unknown>, index: number): NoteColor {
  const value = readText(raw, ACCEPTED_KEYS.color, index, '')?.trim().toLowerCase() ?? '';
  return isNoteColor(value) ? value : DEFAULT_NOTE_COLOR;
}

/** The page an entity note was written on (`gloss:page`), as address and title. */
function readPage(raw: Record<string, unknown>, index: number): { url: string; title: string } {
  const found = ownValue(raw, ACCEPTED_KEYS.page);
  if (!found || found[1] === null || found[1] === undefined) return { url: '', title: '' };
  const [key, page] = found;
  let id: string;
  let title = '';
  if (typeof page === 'string') id = page;
  else if (isObject(page)) {
    id = check(SourceObject, page, index, key).id;
    title = readTitle(page, index, key) ?? '';
  } else throw annotationError(index, `is malformed: "${key}" must be text or an object`);
  const address = classifyAddress(id, index);
  return address.kind === 'web' ? { url: address.url, title } : { url: '', title };
}

/** The first target Gloss can use, or the reason there is none. */
function chooseTarget(candidates: TargetCandidate[]): TargetCandidate | string {
  const usable = candidates.find((c) => c.address?.kind === 'web' || c.address?.kind === 'entity');
  if (usable) return usable;
  const other = candidates.find((c) => c.address?.kind === 'other')?.address;
  return other?.kind === 'other'
    ? `Its target is a ${other.scheme} address, not a web page Gloss can show.`
    : 'Its target names no web page.';
}

function readWords(
  raw: Record<string, unknown>,
  fields: Fields,
  index: number,
): { body: string; tags: string[] } {
  const words: Words = { texts: [], tags: [] };
  const motivations = localNames(fields.motivation);
  readBodies(own(raw, 'body'), index, motivations.length === 1 && motivations[0] === 'tagging', words);
  if (fields.bodyValue) words.texts.push(fields.bodyValue);
  if (fields.text) words.texts.push(fields.text);
  // Not push(...tags): a hostile list of a million tags would overflow the call's arguments.
  const tags = fields.tags ? words.tags.concat(fields.tags) : words.tags;
  return { body: joinTexts(words.texts, index), tags: checkedTags(tags, index) };
}

/** Every target of the annotation; Hypothesis rows also name the page in `uri`, checked like any target. */
function readAllTargets(raw: Record<string, unknown>, fields: Fields, index: number): TargetCandidate[] {
  const fromUri = fields.uri ? readTargets(fields.uri, index) : [];
  const target = own(raw, 'target');
  return target === null || target === undefined ? fromUri : [...readTargets(target, index), ...fromUri];
}

/** Creation and edit times: each falls back on the other, then on `now`. */
function readDates(fields: Fields, now: number): { createdAt: number; updatedAt: number } {
  const created = parseTime(fields.created);
  const modified = parseTime(fields.modified) ?? parseTime(fields.updated);
  return { createdAt: created ?? modified ?? now, updatedAt: modified ?? created ?? now };
}

type NoteContent = Pick<ImportedNote, 'body' | 'color' | 'tags' | 'createdAt' | 'updatedAt'>;

/** The note for a chosen target, or why there is none. */
function toNote(
  target: TargetCandidate,
  content: NoteContent,
  raw: Record<string, unknown>,
  fields: Fields,
  index: number,
): AnnotationOutcome {
  const { quote, position } = target.passage;
  const hasWords = content.body !== '' || content.tags.length > 0;
  const idSource = (url: string): IdSource => ({
    id: fields.id || undefined,
    isHypothesisRow: Object.hasOwn(raw, 'uri'),
    content: { url, quote: quote?.exact ?? '', body: content.body, created: fields.created ?? '' },
  });
  if (target.address?.kind === 'entity') {
    if (!hasWords) return skip('It has no text.');
    const page = readPage(raw, index);
    const note = { ...page, anchor: null, entityId: target.address.entityId, ...content };
    return { kind: 'note', draft: { note, idSource: idSource(page.url) } };
  }
  if (!quote && target.isMedia) return skip('It is about an image, video or sound, not text on a page.');
  if (!quote && !hasWords) return skip('It has neither text nor a quoted passage.');
  const url = target.address?.kind === 'web' ? target.address.url : '';
  const title = target.title ?? firstTitle(fields.document?.title) ?? '';
  const anchor: NoteAnchor | null = quote ? (position ? { quote, position } : { quote }) : null;
  return { kind: 'note', draft: { note: { url, title, anchor, ...content }, idSource: idSource(url) } };
}

/** Reads annotation `index` (counted from 1) of a file; `now` stands in for missing dates. */
export function readAnnotation(raw: unknown, index: number, now: number): AnnotationOutcome {
  if (!isObject(raw)) throw annotationError(index, 'is malformed: it must be an object');
  const fields = check(AnnotationFields, raw, index, '');
  const types = localNames(fields.type);
  if (types.length > 0 && !types.includes('Annotation'))
    return skip(`Its type is ${types.join(' / ')}, not Annotation.`);
  const words = readWords(raw, fields, index);
  const color = readColor(raw, index);
  const target = chooseTarget(readAllTargets(raw, fields, index));
  if (typeof target === 'string') return skip(target);
  return toNote(target, { ...words, color, ...readDates(fields, now) }, raw, fields, index);
}
