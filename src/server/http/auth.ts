/**
 * The bearer-token check on the sync routes. The token is rate-limited by its hash before the database is
 * asked about it, and then looked up by hash too: the plain token is never stored, logged or kept past this
 * function. An unknown and a revoked token get the same answer.
 */
import type { MiddlewareHandler } from 'hono';
import { principalForTokenHash } from '../accounts/enrol';
import { hashSecret, looksLikeToken } from '../accounts/secrets';
import type { Sql } from '../db/sql';
import type { AppEnv } from './app-env';
import { refuse } from './body';
import type { Verdict } from './rate-limit';

export function bearerAuth(sql: Sql, limit: (key: string) => Verdict): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !looksLikeToken(token)) refuse(401, 'a device token is required (Authorization: Bearer …)');
    const tokenHash = hashSecret(token);
    const verdict = limit(`token:${tokenHash}`);
    if (!verdict.ok) refuse(429, 'too many requests', { 'retry-after': String(verdict.retryAfterS) });
    const principal = await principalForTokenHash(sql, tokenHash);
    if (!principal) refuse(401, 'this device token is unknown or has been revoked');
    c.set('principal', principal);
    return next();
  };
}
