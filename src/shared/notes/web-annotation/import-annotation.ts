/**
 * One annotation of a file, read into note drafts, the targets (or the whole annotation) Gloss cannot use
 * with the reason, and what was imported otherwise than the file says. Throws (through the helpers) when
 * the annotation is malformed or hostile. The rules, in order:
 *
 * - not of type Annotation (when a type is given) → skipped;
 * - no target → skipped;
 * - otherwise one note per target Gloss can use (a web page or an entity), each member of a Composite,
 *   List or Independents counting as a target, and each of those notes ends with a line naming the
 *   annotation ("Note 1 of 3 from annotation …, one note per target."), so the notes stay linked; a target
 *   that is not a web page (a local PDF, a `urn:`) or names nothing is reported on its own;
 * - per target: an entity → entity note (a page note when this knowledge base lacks the entity), its page
 *   taken from `gloss:page`; a quote → passage note (the text may be empty: a plain highlight); no quote,
 *   with text or tags → page note, saying what the selectors located that Gloss cannot show (an image
 *   region, an SVG region, bytes, or a passage located without its text); with neither → skipped, saying
 *   which.
 */
import type * as v from 'valibot';
import { DEFAULT_NOTE_COLOR, isNoteColor, NOTE_LIMITS, type NoteAnchor, type NoteColor } from '../note-types';
import type { IdSource } from './derived-id';
import { classifyAddress } from './import-address';
import { checkedTags, joinTexts, readBodies, type Words } from './import-body';
import { annotationError } from './import-error';
import { AnnotationFields, check, isObject, SourceObject } from './import-schemas';
import { shown } from './import-selectors';
import { addressTarget, readTargets, type TargetCandidate, type TargetGrouping } from './import-target';
import { firstTitle, ownValue, readText, readTitle } from './import-terms';
import type { AnnotationRef, ImportedNote } from './types';
import { ACCEPTED_KEYS, localNames } from './vocabulary';

/** A note read from one target of an annotation, before its id is settled. */
export interface NoteDraft {
  note: Omit<ImportedNote, 'id'>;
  idSource: IdSource;
  /** The target's place among the annotation's targets (from 1); the first note keeps the plain id. */
  part: number;
}

/** Everything one annotation gives. */
export interface AnnotationReading {
  ref: AnnotationRef;
  drafts: NoteDraft[];
  /** Why the annotation, or each target of it Gloss cannot use, is skipped (phrases after "annotation 4 (…)"). */
  skips: string[];
  /** What was imported otherwise than the file says (phrases after "annotation 4 (…)"). */
  changes: string[];
}

type Fields = v.InferOutput<typeof AnnotationFields>;

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

function readWords(raw: Record<string, unknown>, fields: Fields, index: number): Words {
  const words: Words = { texts: [], tags: [], changes: [] };
  const motivations = localNames(fields.motivation);
  readBodies(own(raw, 'body'), index, motivations.length === 1 && motivations[0] === 'tagging', words);
  if (fields.bodyValue) words.texts.push(fields.bodyValue);
  if (fields.text) words.texts.push(fields.text);
  return words;
}

/**
 * Every target of the annotation. A Hypothesis row also names its page in `uri`: the same document as
 * its target, so it is used only when no target is a page or an entity Gloss can use (and then instead
 * of them).
 */
function readAllTargets(
  raw: Record<string, unknown>,
  fields: Fields,
  index: number,
): { list: TargetCandidate[]; grouping: TargetGrouping } {
  const target = own(raw, 'target');
  const read =
    target === null || target === undefined
      ? { list: [], grouping: 'one' as const }
      : readTargets(target, index);
  if (!fields.uri) return read;
  const fromUri = addressTarget(fields.uri, index);
  const isUsable = (c: TargetCandidate) => c.address?.kind === 'web' || c.address?.kind === 'entity';
  if (read.list.length === 0 || (!read.list.some(isUsable) && isUsable(fromUri)))
    return { list: [fromUri], grouping: 'one' };
  return read;
}

/** Creation and edit times: each falls back on the other, then on `now`. */
function readDates(fields: Fields, now: number): { createdAt: number; updatedAt: number } {
  const created = parseTime(fields.created);
  const modified = parseTime(fields.modified) ?? parseTime(fields.updated);
  return { createdAt: created ?? modified ?? now, updatedAt: modified ?? created ?? now };
}

type NoteContent = Pick<ImportedNote, 'body' | 'color' | 'tags' | 'createdAt' | 'updatedAt'>;

/** Why one target gives no note, said for an annotation with one target and for one of several. */
interface Problem {
  /** Completes "annotation 4 (…)" when it is the only target. */
  alone: string;
  /** Completes "annotation 4 (…) has a target Gloss cannot use (2 of 3): …". */
  oneOf: string;
}

type TargetOutcome =
  | { kind: 'note'; note: Omit<ImportedNote, 'id'>; changes: string[] }
  | { kind: 'skip'; problem: Problem };

const skip = (alone: string, oneOf: string): TargetOutcome => ({ kind: 'skip', problem: { alone, oneOf } });

const listed = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** What a note made from `target` is filed under instead of what it says (its state, its scope). */
function unkeptChanges(target: TargetCandidate, url: string): string[] {
  return target.unkept.map((part) =>
    part.startsWith('its scope')
      ? `is filed under ${shown(url, 100)}, not under ${part}`
      : `is filed under the page as it is now, without ${part}`,
  );
}

/** The note an entity target gives, or why there is none. */
function entityNote(
  entityId: string,
  content: NoteContent,
  raw: Record<string, unknown>,
  index: number,
  knownEntities: ReadonlySet<string> | undefined,
): TargetOutcome {
  if (content.body === '' && content.tags.length === 0)
    return skip('is about an entity but has no text', 'an entity, and the annotation has no text');
  const page = readPage(raw, index);
  if (!knownEntities || knownEntities.has(entityId))
    return { kind: 'note', note: { ...page, anchor: null, entityId, ...content }, changes: [] };
  const change = page.url
    ? `became a page note, as this knowledge base has no entity "${entityId}"`
    : `became a note without a page, as this knowledge base has no entity "${entityId}" and the file does not say which page it was written on`;
  return { kind: 'note', note: { ...page, anchor: null, ...content }, changes: [change] };
}

/** The note one target gives, or why there is none. */
function targetNote(
  target: TargetCandidate,
  content: NoteContent,
  raw: Record<string, unknown>,
  fields: Fields,
  index: number,
  knownEntities: ReadonlySet<string> | undefined,
): TargetOutcome {
  const { address } = target;
  if (address === null)
    return skip(
      'has a target that names no resource (no id, source or items)',
      'it names no resource (no id, source or items)',
    );
  if (address.kind === 'other')
    return skip(
      `targets a ${address.scheme} address, not a web page Gloss can show`,
      `a ${address.scheme} address, not a web page`,
    );
  if (address.kind === 'entity') return entityNote(address.entityId, content, raw, index, knownEntities);
  const { quote, position, region, locators } = target.passage;
  const hasWords = content.body !== '' || content.tags.length > 0;
  const url = address.url;
  const title = target.title ?? firstTitle(fields.document?.title) ?? '';
  const page = { url, title, ...(target.lang ? { lang: target.lang } : {}) };
  if (quote) {
    const anchor: NoteAnchor = position ? { quote, position } : { quote };
    return { kind: 'note', note: { ...page, anchor, ...content }, changes: unkeptChanges(target, url) };
  }
  const changes: string[] = [];
  if (region) {
    if (!hasWords)
      return skip(
        `has no text, and its target is ${region}, which Gloss cannot show`,
        `${region}, and the annotation has no text`,
      );
    changes.push(`became a page note, as Gloss cannot show ${region}`);
  } else if (locators.length > 0) {
    const by = listed(locators.slice(0, 3));
    if (!hasWords)
      return skip(
        `is a highlight without its quoted text, so Gloss cannot place it (its selectors: ${by})`,
        `a passage without its quoted text (its selectors: ${by}), and the annotation has no text`,
      );
    changes.push(
      `became a page note, as Gloss places passages by their quoted text and this one has none (its selectors: ${by})`,
    );
  } else if (!hasWords)
    return skip(
      'has neither text nor a quoted passage',
      'a page without a quoted passage, and the annotation has no text',
    );
  changes.push(...unkeptChanges(target, url));
  return { kind: 'note', note: { ...page, anchor: null, ...content }, changes };
}

const GROUPING_PHRASE: Record<TargetGrouping, string> = {
  one: '',
  list: '',
  Composite: ' (a Composite: the annotation is about them together)',
  List: ' (a List: the annotation is about them in this order)',
  Independents: ' (Independents: the annotation is about each on its own)',
};

/** The line that ends each of several notes made from one annotation, naming it. */
function linkLine(part: number, count: number, id: string | undefined): string {
  const from = id ? `annotation ${id}` : 'one annotation without an id';
  return `(Note ${part} of ${count} from ${from}, one note per target.)`;
}

/** Adds the link line to each note, unless the note would then be over the length limit. */
function linkNotes(drafts: NoteDraft[], id: string | undefined): void {
  drafts.forEach((draft, i) => {
    const line = linkLine(i + 1, drafts.length, id);
    const body = draft.note.body ? `${draft.note.body}\n\n${line}` : line;
    if (body.length <= NOTE_LIMITS.body) draft.note.body = body;
  });
}

/** The id an annotation is named by in the summary: its own, shortened for display. */
function shownId(id: string | null | undefined): string | undefined {
  const trimmed = id?.trim();
  return trimmed ? shown(trimmed, 100) : undefined;
}

/**
 * Reads annotation `index` (counted from 1) of a file; `now` stands in for missing dates; a note about an
 * entity missing from `knownEntities` (when given) becomes a page note.
 */
export function readAnnotation(
  raw: unknown,
  index: number,
  now: number,
  knownEntities?: ReadonlySet<string>,
): AnnotationReading {
  if (!isObject(raw)) throw annotationError(index, 'is malformed: it must be an object');
  const fields = check(AnnotationFields, raw, index, '');
  const reading: AnnotationReading = { ref: { index }, drafts: [], skips: [], changes: [] };
  const id = shownId(fields.id);
  if (id) reading.ref.id = id;
  const types = localNames(fields.type);
  if (types.length > 0 && !types.includes('Annotation')) {
    reading.skips.push(`is of type ${shown(types.join(' / '))}, not Annotation`);
    return reading;
  }
  const words = readWords(raw, fields, index);
  // Not push(...tags): a hostile list of a million tags would overflow the call's arguments.
  const tags = fields.tags ? words.tags.concat(fields.tags) : words.tags;
  const content: NoteContent = {
    body: joinTexts(words.texts, index),
    tags: checkedTags(tags, index),
    color: readColor(raw, index),
    ...readDates(fields, now),
  };
  const { list, grouping } = readAllTargets(raw, fields, index);
  if (list.length === 0) {
    reading.skips.push('has no target');
    return reading;
  }
  const targetChanges: string[] = [];
  list.forEach((target, i) => {
    const part = i + 1;
    const outcome = targetNote(target, content, raw, fields, index, knownEntities);
    if (outcome.kind === 'skip') {
      const { alone, oneOf } = outcome.problem;
      reading.skips.push(
        list.length === 1 ? alone : `has a target Gloss cannot use (${part} of ${list.length}): ${oneOf}`,
      );
      return;
    }
    const { note } = outcome;
    const idSource: IdSource = {
      id: fields.id || undefined,
      isHypothesisRow: Object.hasOwn(raw, 'uri'),
      content: {
        url: note.url,
        quote: note.anchor?.quote.exact ?? '',
        body: note.body,
        created: fields.created ?? '',
      },
    };
    reading.drafts.push({ note, idSource, part });
    for (const change of outcome.changes)
      targetChanges.push(list.length === 1 ? change : `target ${part} ${change}`);
  });
  if (reading.drafts.length === 0) return reading;
  if (reading.drafts.length > 1) {
    linkNotes(reading.drafts, fields.id?.trim() || undefined);
    reading.changes.push(`became ${reading.drafts.length} notes, one per target${GROUPING_PHRASE[grouping]}`);
  }
  reading.changes.push(...targetChanges, ...words.changes);
  return reading;
}
