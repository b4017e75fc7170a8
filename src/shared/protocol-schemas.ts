/**
 * Runtime validation of every background request. Content scripts are an untrusted channel (a compromised
 * or hostile page can influence what they send), so the background never trusts a message's shape.
 */

import * as v from 'valibot';
import { entityInputSchema, extractedSourceSchema } from './library/library-schemas';
import { languageTag } from './notes/language-tag';
import {
  anchorSchema,
  boundedText,
  noteIdSchema as noteId,
  offsetsSchema as offsets,
} from './notes/note-schemas';
import { NOTE_COLORS, NOTE_LIMITS } from './notes/note-types';
import type { RequestEnvelope, RequestName } from './protocol';
import { SEARCH_KINDS, SEARCH_QUERY_MAX } from './search/search-types';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
const url = v.pipe(v.string(), v.maxLength(8192));
const empty = v.strictObject({});
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const noteIds = v.pipe(v.array(noteId), v.maxLength(10_000));
const body = v.pipe(v.string(), v.maxLength(NOTE_LIMITS.body));
const color = v.picklist(NOTE_COLORS);
const tags = v.pipe(
  v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(NOTE_LIMITS.tag))),
  v.maxLength(NOTE_LIMITS.tags),
);
const anchor = anchorSchema(boundedText);
const page = v.strictObject({
  url: v.pipe(url, v.minLength(1)),
  canonical: v.optional(url),
  title: v.pipe(v.string(), v.maxLength(NOTE_LIMITS.title)),
  lang: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => languageTag(s) === s, 'a language tag such as "en" or "ja-JP"'),
    ),
  ),
});

const sourceSchema = extractedSourceSchema(languageTag);
const entityInput = entityInputSchema();
const sourceId = id;

/** Argument schemas, one per request; `satisfies` keeps this list and the protocol in step. */
export const REQUEST_SCHEMAS = {
  getPageConfig: v.strictObject({ url }),
  getCard: v.strictObject({ entityId: id }),
  reportMentions: v.strictObject({
    url,
    title: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    counts: v.pipe(
      v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
      v.check((r) => Object.keys(r).length <= 1000, 'too many entities'),
    ),
  }),
  openReader: v.strictObject({
    sourceId: id,
    entityId: v.optional(id),
    passageId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}:\d{1,6}:\d{1,7}$/))),
  }),
  openOptions: empty,
  getTabSummary: v.strictObject({ tabId }),
  setSiteEnabled: v.strictObject({
    host: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.\-:[\]]+$/i)),
    isEnabled: v.boolean(),
  }),
  getSource: v.strictObject({ sourceId: id }),
  listKb: empty,
  getPageNotes: v.strictObject({ url, canonical: v.optional(url) }),
  getEntityNotes: v.strictObject({ entityId: id }),
  createNote: v.pipe(
    v.strictObject({ page, anchor: v.optional(anchor), entityId: v.optional(id), body, color, tags }),
    v.check((n) => !(n.anchor && n.entityId), 'a note is about a passage or an entity, not both'),
  ),
  updateNote: v.strictObject({
    id: noteId,
    body: v.optional(body),
    color: v.optional(color),
    tags: v.optional(tags),
  }),
  deleteNote: v.strictObject({ id: noteId }),
  restoreNote: v.strictObject({ id: noteId }),
  correctNotePosition: v.strictObject({ id: noteId, from: offsets, to: offsets }),
  reportNoteStatus: v.strictObject({ pageKey: url, anchoredIds: noteIds, orphanIds: noteIds }),
  getTabNotes: v.strictObject({ tabId }),
  listNotes: empty,
  exportNotes: v.strictObject({ format: v.picklist(['jsonld', 'markdown']) }),
  // The import itself enforces the documented file limit with a readable message; this only stops absurd input.
  importNotes: v.strictObject({ text: v.pipe(v.string(), v.maxLength(64 * 1024 * 1024)) }),
  openNote: v.strictObject({ id: noteId }),
  // The background checks the address itself (http or https only) to answer in plain words.
  connectSync: v.strictObject({
    serverUrl: v.pipe(v.string(), v.maxLength(2048)),
    code: v.pipe(v.string(), v.maxLength(256)),
    // The form checks the name with device-name.ts first; this bounds what a page can hand the background.
    deviceName: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
  disconnectSync: empty,
  getSyncStatus: empty,
  syncNow: empty,
  keepLiveUpdates: empty,
  saveSource: v.strictObject({ source: sourceSchema, replaceId: v.optional(sourceId) }),
  addTabAsSource: v.strictObject({ tabId }),
  listSources: empty,
  refreshSource: v.strictObject({ id: sourceId }),
  deleteSource: v.strictObject({ id: sourceId }),
  restoreSource: v.strictObject({ id: sourceId }),
  listEntities: empty,
  getEntity: v.strictObject({ id }),
  createEntity: v.strictObject({ entity: entityInput }),
  updateEntity: v.strictObject({ id, entity: entityInput }),
  setEntityHidden: v.strictObject({ id, isHidden: v.boolean() }),
  resetEntity: v.strictObject({ id }),
  deleteEntity: v.strictObject({ id }),
  restoreEntity: v.strictObject({ id }),
  listSuggestions: empty,
  rejectSuggestion: v.strictObject({
    key: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
  }),
  // The import enforces the documented 5 MB limit itself, with a readable message.
  importGlossary: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(64 * 1024 * 1024)),
    format: v.picklist(['csv', 'json']),
    choices: v.optional(
      v.pipe(
        v.record(v.pipe(v.string(), v.maxLength(600)), v.pipe(v.string(), v.maxLength(600))),
        v.check((r) => Object.keys(r).length <= 100_000, 'too many choices'),
      ),
    ),
  }),
  exportGlossary: v.strictObject({ format: v.picklist(['csv', 'json']) }),
  search: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(SEARCH_QUERY_MAX)),
    kinds: v.optional(v.pipe(v.array(v.picklist(SEARCH_KINDS)), v.maxLength(SEARCH_KINDS.length))),
    entityId: v.optional(id),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  getEntityPage: v.strictObject({ id }),
  openEntityPage: v.strictObject({ id }),
  getHistoryStats: empty,
  clearHistory: v.strictObject({ entityId: v.optional(id) }),
} satisfies Record<RequestName, v.GenericSchema>;

const EnvelopeSchema = v.strictObject({
  gloss: v.literal(1),
  type: v.picklist(Object.keys(REQUEST_SCHEMAS) as RequestName[]),
  args: v.unknown(),
});

/**
 * Checks that `raw` is a well-formed request; returns the typed envelope or a message saying what is wrong.
 * Messages that are not ours at all (no `gloss` tag) return `null` so other listeners may answer them.
 */
export function parseRequest(raw: unknown): RequestEnvelope | { error: string } | null {
  if (typeof raw !== 'object' || raw === null || (raw as { gloss?: unknown }).gloss === undefined)
    return null;
  const envelope = v.safeParse(EnvelopeSchema, raw);
  if (!envelope.success) return { error: `malformed message: ${v.summarize(envelope.issues)}` };
  const { type, args } = envelope.output;
  const parsed = v.safeParse(REQUEST_SCHEMAS[type], args ?? {});
  if (!parsed.success) return { error: `invalid arguments for ${type}: ${v.summarize(parsed.issues)}` };
  return { gloss: 1, type, args: parsed.output } as RequestEnvelope;
}
