/**
 * The sync server's HTTP surface (the routes of shared/sync/wire.ts), as a Hono app that holds no state of
 * record: tests run it in-process with `app.request(...)`, and main.ts serves it on Node. Everything
 * stateful is in the database, except the rate-limit buckets (see rate-limit.ts)
 * and the per-user push queues (../sync/user-queue.ts).
 *
 *   request log ─ web-origin guard ─ CORS ─┬─ /v1/health
 *                                          ├─ /v1/enrol   (rate limit per address, body, schema)
 *                                          └─ /v1/push, /v1/pull   (bearer token + rate limit per token)
 */
import type { BlockList } from 'node:net';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';
import { SYNC_LIMITS } from '../../shared/sync/wire';
import { EnrolRequestSchema, PullQuerySchema, PushRequestSchema } from '../../shared/sync/wire-schemas';
import { enrolDevice } from '../accounts/enrol';
import type { Sql } from '../db/sql';
import { isConnectionFailure } from '../db/unavailable';
import { pullChanges } from '../sync/pull';
import { applyPush, ForeignDeviceError } from '../sync/push';
import { createUserQueue, UserQueueFullError } from '../sync/user-queue';
import type { AppEnv } from './app-env';
import { bearerAuth } from './auth';
import { describeIssues, readBody, refuse } from './body';
import { requestAddressKey } from './client-address';
import { jsonLogger, type Logger, requestLog } from './log';
import { extensionCors, webOriginGuard } from './origin';
import {
  type BucketLimits,
  createFailureLimiter,
  createRateLimiter,
  type FailureLimiter,
} from './rate-limit';

export interface RateLimits {
  /** Per device token. */
  token: BucketLimits;
  /** Failed authentications per client address: past it, 429 before any database lookup. */
  authFailures: BucketLimits;
  /** Per client address, for enrolment (the one route a stranger can reach). */
  enrol: BucketLimits;
  /** Enrolment attempts from all addresses together. */
  enrolGlobal: BucketLimits;
}

/**
 * 120 requests a minute per device with bursts of 60 (a first sync of 5,000 notes takes about 20); the
 * others are explained in docs/server-limits.md. All are per process.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  token: { perMinute: 120, burst: 60 },
  authFailures: { perMinute: 10, burst: 20 },
  enrol: { perMinute: 10, burst: 10 },
  enrolGlobal: { perMinute: 60, burst: 60 },
};

/** An enrolment body is a code (≤ 64 characters) and a device name (≤ 100): under 1 KB even escaped. */
export const ENROL_BODY_BYTES = 2048;

/** Seconds a client is asked to wait after a request failed because the database was unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

export interface AppOptions {
  sql: Sql;
  /** The server's clock (epoch ms); tests move it. */
  now?: () => number;
  logger?: Logger;
  /** `false` turns rate limiting off (tests that push thousands of notes); unset limits keep defaults. */
  rateLimit?: Partial<RateLimits> | false;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY, client-address.ts); none by default. */
  trustProxy?: BlockList;
  /** Pushes of one user that may wait behind its running one in this process (sync/user-queue.ts). */
  userQueueLimit?: number;
  /** Called after a push committed, with the user's new version (the live channel, ../live/index.ts). */
  onPushed?: (change: { userId: string; deviceId: string; version: number }) => void;
  /** The failed-authentication counts, shared with the live channel so a token flood cannot switch routes. */
  authFailures?: FailureLimiter;
}

export function createApp({
  sql,
  now = Date.now,
  logger = jsonLogger(),
  rateLimit,
  trustProxy,
  userQueueLimit,
  onPushed,
  authFailures: sharedAuthFailures,
}: AppOptions) {
  const limits = rateLimit === false ? false : { ...DEFAULT_RATE_LIMITS, ...rateLimit };
  const unlimited = () => ({ ok: true }) as const;
  const tokenLimit = limits ? createRateLimiter(limits.token, now) : unlimited;
  const enrolLimit = limits ? createRateLimiter(limits.enrol, now) : unlimited;
  const enrolGlobalLimit = limits ? createRateLimiter(limits.enrolGlobal, now) : unlimited;
  const authFailures =
    sharedAuthFailures ??
    (limits ? createFailureLimiter(limits.authFailures, now) : { check: unlimited, fail: () => {} });
  const addressKey = (c: Context) => requestAddressKey(c, trustProxy);
  const app = new Hono<AppEnv>();

  app.use(requestLog(logger), webOriginGuard(), extensionCors());

  app.get('/v1/health', async (c) => {
    try {
      await sql.query('SELECT 1');
      return c.json({ ok: true, database: sql.kind });
    } catch {
      return c.json({ ok: false, database: sql.kind, error: 'the database does not answer' }, 503);
    }
  });

  app.post('/v1/enrol', async (c) => {
    // The address's own bucket first, so one address cannot spend the global cap alone.
    const verdict = enrolLimit(`enrol:${addressKey(c)}`);
    if (!verdict.ok)
      refuse(429, 'too many enrolment attempts', { 'retry-after': String(verdict.retryAfterS) });
    const overall = enrolGlobalLimit('enrol:all');
    if (!overall.ok)
      refuse(429, 'too many enrolment attempts on this server; try again shortly', {
        'retry-after': String(overall.retryAfterS),
      });
    const body = await readBody(c, EnrolRequestSchema, ENROL_BODY_BYTES);
    const device = await enrolDevice(sql, body.code, body.deviceName, now());
    if (!device) refuse(401, 'this enrolment code is unknown, used or expired');
    logger({ level: 'info', msg: 'device enrolled', userId: device.userId, deviceId: device.deviceId });
    return c.json({ token: device.token, userId: device.userId });
  });

  const auth = bearerAuth(sql, { token: tokenLimit, failures: authFailures, addressKey }, now);
  const userQueue = createUserQueue(userQueueLimit);

  app.post('/v1/push', auth, async (c) => {
    const push = await readBody(c, PushRequestSchema, SYNC_LIMITS.bodyBytes);
    try {
      const who = c.get('principal')!;
      const reply = await userQueue(who.userId, () => applyPush(sql, who, push, now()));
      onPushed?.({ userId: who.userId, deviceId: who.deviceId, version: reply.version });
      return c.json(reply);
    } catch (error) {
      if (error instanceof ForeignDeviceError) refuse(403, error.message);
      if (error instanceof UserQueueFullError)
        return c.json({ error: error.message }, 503, { 'Retry-After': String(error.retryAfterS) });
      throw error;
    }
  });

  app.get('/v1/pull', auth, async (c) => {
    const query = v.safeParse(PullQuerySchema, c.req.query());
    if (!query.success) refuse(400, `invalid query: ${describeIssues(query.issues)}`);
    const since = Number(query.output.since ?? 0);
    const limit = Math.min(Number(query.output.limit ?? SYNC_LIMITS.pullPage), SYNC_LIMITS.pullPage);
    return c.json(await pullChanges(sql, c.get('principal')!.userId, since, limit));
  });

  app.notFound((c) => c.json({ error: 'no such route' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (isConnectionFailure(error)) {
      // Not the request's fault: the client keeps its changes and tries again (a restart takes seconds).
      logger({ level: 'warn', msg: 'database unavailable', path: c.req.path });
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_S));
      return c.json({ error: 'the database is unavailable; try again shortly' }, 503);
    }
    // The message only, cut short: a database error can quote a little of what it choked on.
    logger({ level: 'error', msg: 'request failed', path: c.req.path, error: String(error).slice(0, 200) });
    return c.json({ error: 'internal server error' }, 500);
  });
  return app;
}
