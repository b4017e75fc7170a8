/**
 * The live channel (docs/live-sync.md): a WebSocket on which the server tells a device "your data changed at
 * version N", and nothing else, so the device pulls at once instead of waiting for its alarm. Shared by the
 * server and the extension so the two cannot drift.
 *
 *   client                                   server
 *   open  wss://host/v1/live  ─────────────▶  (no token in the URL: addresses end up in logs)
 *   { type: 'auth', token }   ─────────────▶  checked like a bearer token; within LIVE_LIMITS.authTimeoutMs
 *                             ◀─────────────  { type: 'ready', version }      the user's version now
 *                             ◀─────────────  { type: 'changed', version }    after another device's push
 *                             ◀─────────────  { type: 'ping' }                every pingIntervalMs
 */
import * as v from 'valibot';

/** Where the channel is served, next to the HTTP routes. */
export const LIVE_PATH = '/v1/live';

/** The one message a client sends. */
export interface LiveAuthMessage {
  type: 'auth';
  token: string;
}

/** What the server sends: never a note, a title or an address, only the user's version. */
export type LiveServerMessage =
  | { type: 'ready'; version: number }
  | { type: 'changed'; version: number }
  | { type: 'ping' };

/** Close codes the server uses besides the standard ones (1001 when it shuts down). */
export const LIVE_CLOSE = {
  /** The first message was not an auth message, or not JSON. */
  badMessage: 4000,
  /** The token is unknown or revoked (now or later): do not reconnect with it. */
  unauthorized: 4001,
  /** No auth message in time. */
  authTimeout: 4008,
  /** Too many sockets for this user or this server: try again later. */
  tooMany: 4029,
} as const;

/** Limits both sides know. */
export const LIVE_LIMITS = {
  /** The first message must arrive within this. */
  authTimeoutMs: 10_000,
  /**
   * A ping this often keeps Chrome's service worker alive (Chrome 116+ resets its 30 s idle timer on each
   * WebSocket message) and lets the server drop sockets whose peer vanished.
   */
  pingIntervalMs: 20_000,
  /** Largest message the server reads (an auth message is about 70 bytes). */
  maxMessageBytes: 1024,
} as const;

const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Checks a server message; anything else is ignored by the client. */
export const LiveServerMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ready'), version: VersionSchema }),
  v.object({ type: v.literal('changed'), version: VersionSchema }),
  v.object({ type: v.literal('ping') }),
]);

/** Checks the client's auth message. */
export const LiveAuthMessageSchema = v.object({
  type: v.literal('auth'),
  token: v.pipe(v.string(), v.maxLength(200)),
});
