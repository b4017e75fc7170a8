/**
 * The three calls of the sync protocol (shared/sync/wire.ts) over `fetch`: each with a timeout, each reply
 * checked against its schema, and every failure turned into a `SyncHttpError` of a known kind so the
 * engine can decide between retrying, waiting and stopping.
 *
 * No host permission is needed: the server answers extension origins with CORS headers. Only the
 * background calls the server, so the token never reaches a content script.
 */
import * as v from 'valibot';
import type { EnrolReply, PullReply, PushReply, PushRequest } from '../../shared/sync/wire';
import { EnrolReplySchema, PullReplySchema, PushReplySchema } from '../../shared/sync/wire-schemas';
import type { SyncFailure, SyncFailureKind } from './sync-store';

/** What the engine needs of `fetch` (tests pass a fake server or a fault injector). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A failed call, classified. */
export class SyncHttpError extends Error {
  constructor(
    readonly failure: SyncFailure,
    /** For `rate-limited`: how long the server asked to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(
      `sync ${failure.kind}${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.detail ?? ''}`,
    );
    this.name = 'SyncHttpError';
  }

  get kind(): SyncFailureKind {
    return this.failure.kind;
  }
}

/** How to reach the server. */
export interface TransportOptions {
  fetch: FetchLike;
  /** Milliseconds before a call is given up (the default fits a push of 500 notes on a slow link). */
  timeoutMs: number;
  now: () => number;
  /** Aborts every call in flight (a disconnect during a cycle). */
  signal?: AbortSignal;
}

/** Retry-After as seconds or an HTTP date; a missing or unreadable one means a minute. */
export function retryAfterMs(header: string | null, nowMs: number): number {
  const fallback = 60_000;
  if (!header) return fallback;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - nowMs;
  if (!Number.isFinite(ms)) return fallback;
  return Math.min(Math.max(ms, 1000), 60 * 60_000);
}

function thrownFailure(e: unknown): SyncHttpError {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return new SyncHttpError({ kind: 'timeout' });
  if (name === 'AbortError') return new SyncHttpError({ kind: 'offline', detail: 'aborted' });
  // fetch rejects with a TypeError for every network failure: offline, DNS, refused, reset, CORS.
  return new SyncHttpError({ kind: 'offline', detail: e instanceof Error ? e.message : String(e) });
}

const STATUS_KINDS: Record<number, SyncFailureKind> = {
  400: 'bad-request',
  401: 'unauthorized',
  404: 'not-found',
  413: 'too-large',
  422: 'bad-request',
  429: 'rate-limited',
};

async function statusFailure(response: Response, nowMs: number): Promise<SyncHttpError> {
  const kind = STATUS_KINDS[response.status] ?? (response.status >= 500 ? 'server' : 'bad-request');
  const detail = (await response.text().catch(() => '')).slice(0, 300);
  const wait = kind === 'rate-limited' ? retryAfterMs(response.headers.get('Retry-After'), nowMs) : undefined;
  return new SyncHttpError({ kind, status: response.status, ...(detail ? { detail } : {}) }, wait);
}

/** One call: fetch with a timeout, classify the failure, check the reply. */
async function call<T>(
  options: TransportOptions,
  url: string,
  init: RequestInit,
  schema: v.GenericSchema<unknown, T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let body: unknown;
  try {
    // Never from the HTTP cache (a cached pull page would hide changes), never with cookies.
    const response = await options.fetch(url, { ...init, signal, cache: 'no-store', credentials: 'omit' });
    if (!response.ok) throw await statusFailure(response, options.now());
    body = await response.json().catch(() => {
      throw new SyncHttpError({ kind: 'bad-reply', detail: 'not JSON' });
    });
  } catch (e) {
    throw e instanceof SyncHttpError ? e : thrownFailure(e);
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new SyncHttpError({ kind: 'bad-reply', detail: v.summarize(parsed.issues) });
  return parsed.output;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** `POST /v1/enrol`: trades a one-time code for a device token. */
export function enrol(
  options: TransportOptions,
  serverUrl: string,
  body: { code: string; deviceName: string },
): Promise<EnrolReply> {
  return call(
    options,
    `${serverUrl}/v1/enrol`,
    { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) },
    EnrolReplySchema,
  );
}

/** The calls made with a device token. */
export interface AuthorisedTransport {
  push(request: PushRequest): Promise<PushReply>;
  pull(since: number, limit: number): Promise<PullReply>;
}

/** Push and pull against one server with one token. */
export function authorised(options: TransportOptions, serverUrl: string, token: string): AuthorisedTransport {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    push: (request) =>
      call(
        options,
        `${serverUrl}/v1/push`,
        { method: 'POST', headers: { ...auth, ...JSON_TYPE }, body: JSON.stringify(request) },
        PushReplySchema,
      ),
    pull: (since, limit) =>
      call(
        options,
        `${serverUrl}/v1/pull?${new URLSearchParams({ since: String(since), limit: String(limit) })}`,
        { method: 'GET', headers: auth },
        PullReplySchema,
      ),
  };
}
