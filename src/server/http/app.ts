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
import { Hono } from 'hono';
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
import { jsonLogger, type Logger, requestLog } from './log';
import { extensionCors, webOriginGuard } from './origin';
import { type BucketLimits, createRateLimiter } from './rate-limit';

export interface RateLimits {
  /** Per device token. */
  token: BucketLimits;
  /** Per client address, for enrolment (the one route a stranger can reach). */
  enrol: BucketLimits;
}

/** 120 requests a minute per device with bursts of 60 (a first sync of 5,000 notes takes about 20). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  token: { perMinute: 120, burst: 60 },
  enrol: { perMinute: 10, burst: 10 },
};

/** Seconds a client is asked to wait after a request failed because the database was unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

export interface AppOptions {
  sql: Sql;
  /** The server's clock (epoch ms); tests move it. */
  now?: () => number;
  logger?: Logger;
  /** `false` turns rate limiting off (tests that push thousands of notes). */
  rateLimit?: RateLimits | false;
  /** Pushes of one user that may wait behind its running one in this process (sync/user-queue.ts). */
  userQueueLimit?: number;
  /** Called after a push committed, with the user's new version (the live channel, ../live/index.ts). */
  onPushed?: (change: { userId: string; deviceId: string; version: number }) => void;
}

export function createApp({
  sql,
  now = Date.now,
  logger = jsonLogger(),
  rateLimit,
  userQueueLimit,
  onPushed,
}: AppOptions) {
  const limits = rateLimit === undefined ? DEFAULT_RATE_LIMITS : rateLimit;
  const unlimited = () => ({ ok: true }) as const;
  const tokenLimit = limits ? createRateLimiter(limits.token, now) : unlimited;
  const enrolLimit = limits ? createRateLimiter(limits.enrol, now) : unlimited;
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
    // Node's socket address when served by main.ts; in-process tests have none and share one bucket.
    const address = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
      ?.socket?.remoteAddress;
    const verdict = enrolLimit(`enrol:${address ?? 'local'}`);
    if (!verdict.ok)
      refuse(429, 'too many enrolment attempts', { 'retry-after': String(verdict.retryAfterS) });
    const body = await readBody(c, EnrolRequestSchema, SYNC_LIMITS.bodyBytes);
    const device = await enrolDevice(sql, body.code, body.deviceName, now());
    if (!device) refuse(401, 'this enrolment code is unknown, used or expired');
    logger({ level: 'info', msg: 'device enrolled', userId: device.userId, deviceId: device.deviceId });
    return c.json({ token: device.token, userId: device.userId });
  });

  const auth = bearerAuth(sql, tokenLimit);
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
