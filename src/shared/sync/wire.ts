/**
 * The sync protocol between the extension and a Gloss sync server (docs/sync.md), shared by both
 * sides so they cannot drift: request and reply shapes, and the limits both enforce. Validation schemas for
 * these shapes live in `wire-schemas.ts`.
 *
 *   POST /v1/enrol   { code, deviceName }                 → EnrolReply      (no token yet)
 *   POST /v1/push    Bearer token, PushRequest            → PushReply
 *   GET  /v1/pull    Bearer token, ?since=V&limit=N       → PullReply
 *   GET  /v1/health                                      → { ok: true, database: 'pglite' | 'postgres' }
 *
 * Records travel whole (every field with its clock), so applying one twice, or two in either order, gives
 * the same result under the per-field merge (merge.ts).
 */
import type { NoteAnchor, NoteColor, NoteField } from '../notes/note-types';

/** The fields that merge one by one, with their values. */
export interface SyncFields {
  body: string;
  color: NoteColor;
  tags: string[];
  anchor: NoteAnchor | null;
  deleted: boolean;
}

/** A note as it travels: identity and immutable facts, the merging fields, and one HLC per field. */
export interface SyncNote {
  id: string;
  url: string;
  pageKey: string;
  title: string;
  entityId?: string;
  createdAt: number;
  updatedAt: number;
  fields: SyncFields;
  clocks: Record<NoteField, string>;
  /** The device that last wrote any field. */
  deviceId: string;
}

/** A note as the server returns it: with the server's version of the record. */
export interface ServerNote extends SyncNote {
  version: number;
}

export interface EnrolRequest {
  code: string;
  /** "Chrome 156 on Linux", as the reader confirmed it (device-name.ts); absent from clients that send none. */
  deviceName?: string;
}

export interface EnrolReply {
  token: string;
  userId: string;
}

/** One queued local change: the note's whole state after it, under a per-device increasing id. */
export interface Mutation {
  mutationId: number;
  note: SyncNote;
}

export interface PushRequest {
  /** The client's device id (the same one its clocks carry). */
  deviceId: string;
  mutations: Mutation[];
}

export interface PushReply {
  /** Every mutation id up to and including this one is applied (or was already): drop them from the outbox. */
  appliedThrough: number;
  /** Mutations refused because their clocks are too far ahead of the server's; keep them queued. */
  rejected: Array<{ mutationId: number; reason: 'clock-ahead' }>;
  /** The server's wall clock, for a client to correct a fast clock. */
  serverTime: number;
  /** The user's version after this push. */
  version: number;
}

export interface PullReply {
  notes: ServerNote[];
  /** Pass as `since` next time. */
  version: number;
  /** More changes wait after `version`: pull again at once. */
  hasMore: boolean;
}

/** Limits both sides enforce. */
export const SYNC_LIMITS = {
  /** Largest request body the server reads, in bytes. */
  bodyBytes: 5 * 1024 * 1024,
  /** Most mutations in one push. */
  mutationsPerPush: 500,
  /** Most notes in one pull page. */
  pullPage: 500,
  /** How far a client's clock may run ahead of the server's. */
  maxClockSkewMs: 5 * 60 * 1000,
} as const;
