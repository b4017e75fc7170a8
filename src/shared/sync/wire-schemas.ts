/**
 * Runtime schemas for the sync protocol in wire.ts. The server validates every request body with them (a
 * request comes from the network, so nothing in it is trusted), and the extension validates the server's
 * replies with them (a server is configured by URL and may be anyone's). One schema per shape; the
 * `satisfies` checks at the bottom keep them in step with the TypeScript types.
 *
 * Requests are strict (a field the server does not know is an error, not something silently dropped from a
 * record that travels whole); reply envelopes are loose so a newer server can add fields without breaking
 * older clients.
 */
import * as v from 'valibot';
import { decodeHlc } from '../notes/hlc';
import { anchorSchema, noteIdSchema as noteId, type TextSchema } from '../notes/note-schemas';
import { NOTE_COLORS, NOTE_LIMITS } from '../notes/note-types';
import { isStorableText } from '../notes/storable-text';
import { cleanDeviceName, DEVICE_NAME_MAX, deviceNameProblem } from './device-name';
import {
  type EnrolReply,
  type EnrolRequest,
  type PullReply,
  type PushReply,
  type PushRequest,
  type ServerNote,
  SYNC_LIMITS,
  type SyncNote,
} from './wire';

/** The device-id alphabet of hlc.ts, so a device id can always be put in a clock. */
const deviceId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'malformed device id'));
const entityId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
/**
 * Text of at most `max` characters that PostgreSQL can store: its text and jsonb types refuse U+0000 and
 * unpaired surrogates, both of which page text in the DOM can contain (the extension replaces them when a
 * note is stored: notes/storable-text.ts). Refusing them here makes a clear 400 of what would otherwise be a
 * server error on every retry.
 */
const text: TextSchema = (max, min = 0) =>
  v.pipe(
    v.string(),
    v.minLength(min),
    v.maxLength(max),
    v.check(isStorableText, 'contains U+0000 or a lone surrogate'),
  );
const url = text(NOTE_LIMITS.url, 1);
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const hlc = v.pipe(
  v.string(),
  v.maxLength(100),
  v.check((text) => {
    try {
      decodeHlc(text);
      return true;
    } catch {
      return false;
    }
  }, 'malformed HLC'),
);
const anchor = anchorSchema(text);

/** The merging fields with their values. Tags are checked, not trimmed: a record is stored as it came. */
export const SyncFieldsSchema = v.strictObject({
  body: text(NOTE_LIMITS.body),
  color: v.picklist(NOTE_COLORS),
  tags: v.pipe(v.array(text(NOTE_LIMITS.tag, 1)), v.maxLength(NOTE_LIMITS.tags)),
  anchor: v.nullable(anchor),
  deleted: v.boolean(),
});

const syncNoteEntries = {
  id: noteId,
  url,
  pageKey: url,
  title: text(NOTE_LIMITS.title),
  entityId: v.optional(entityId),
  createdAt: time,
  updatedAt: time,
  fields: SyncFieldsSchema,
  clocks: v.strictObject({ body: hlc, color: hlc, tags: hlc, anchor: hlc, deleted: hlc }),
  deviceId,
};

/** A note as a client sends it. */
export const SyncNoteSchema = v.strictObject(syncNoteEntries);

/** A note as the server returns it, with its version. */
export const ServerNoteSchema = v.object({ ...syncNoteEntries, version: count });

export const EnrolRequestSchema = v.strictObject({
  /** Checked loosely here; the server normalises case and separators before looking it up. */
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** Optional, as a client may not name itself; the server then lists it as an unnamed device. */
  deviceName: v.optional(
    v.pipe(
      v.string(),
      v.transform(cleanDeviceName),
      v.minLength(1, 'device name is empty'),
      text(DEVICE_NAME_MAX),
      v.check(
        (name) => deviceNameProblem(name) === undefined,
        'device name holds control, line-break or bidirectional characters',
      ),
    ),
  ),
});

export const EnrolReplySchema = v.object({
  token: v.pipe(v.string(), v.minLength(1)),
  userId: v.pipe(v.string(), v.minLength(1)),
});

export const MutationSchema = v.strictObject({
  mutationId: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  note: SyncNoteSchema,
});

export const PushRequestSchema = v.strictObject({
  deviceId,
  mutations: v.pipe(
    v.array(MutationSchema),
    v.maxLength(SYNC_LIMITS.mutationsPerPush, `at most ${SYNC_LIMITS.mutationsPerPush} mutations per push`),
  ),
});

export const PushReplySchema = v.object({
  appliedThrough: count,
  rejected: v.array(v.object({ mutationId: count, reason: v.literal('clock-ahead') })),
  serverTime: time,
  version: count,
});

export const PullReplySchema = v.object({
  notes: v.array(ServerNoteSchema),
  version: count,
  hasMore: v.boolean(),
});

/** `GET /v1/pull` query parameters, as strings; `limit` above the page size is clamped, not refused. */
export const PullQuerySchema = v.object({
  since: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'since must be a version number'))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'limit must be a positive number'))),
});

// Compile-time proof that every schema's output is its protocol type (`false` fails the constraint).
type Holds<T extends true> = T;
type Parses<S extends v.GenericSchema, T> = v.InferOutput<S> extends T ? true : false;
export type SchemaChecks = [
  Holds<Parses<typeof SyncNoteSchema, SyncNote>>,
  Holds<Parses<typeof ServerNoteSchema, ServerNote>>,
  Holds<Parses<typeof EnrolRequestSchema, EnrolRequest>>,
  Holds<Parses<typeof EnrolReplySchema, EnrolReply>>,
  Holds<Parses<typeof PushRequestSchema, PushRequest>>,
  Holds<Parses<typeof PushReplySchema, PushReply>>,
  Holds<Parses<typeof PullReplySchema, PullReply>>,
];
