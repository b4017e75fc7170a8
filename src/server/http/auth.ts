/**
 * The bearer-token check on the sync routes. Before the database is asked about a token, the client's
 * address must not have failed too often (a flood of made-up tokens from one address is refused with 429
 * without a lookup: each one would otherwise cost a query, and each got a fresh bucket of its own), and
 * the token must be within its own rate limit. The token is looked up by hash: the plain token is never
 * stored, logged or kept past this function. An unknown and a revoked token get the same answer.
 *
 * When the address is refused, a token that authenticated recently still goes on to its lookup: behind a
 * shared address (a NAT, or a proxy not named in TRUST_PROXY) the honest devices keep syncing while someone
 * else floods, and a made-up token cannot be in that set.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { principalForTokenHash } from '../accounts/enrol';
import { hashSecret, looksLikeToken } from '../accounts/secrets';
import type { Sql } from '../db/sql';
import type { AppEnv } from './app-env';
import { refuse } from './body';
import type { FailureLimiter, Verdict } from './rate-limit';

export interface AuthLimits {
  /** Requests per token (keyed by the token's hash). */
  token: (key: string) => Verdict;
  /** Failed authentications per client address. */
  failures: FailureLimiter;
  /** The client's address as a rate-limit key (client-address.ts). */
  addressKey: (c: Context) => string;
}

/** How long a token that authenticated counts as known (devices sync at least every 5 minutes). */
const KNOWN_FOR_MS = 60 * 60 * 1000;
/** Past this many known tokens, the ones not seen for KNOWN_FOR_MS are forgotten. */
const PRUNE_KNOWN_AT = 10_000;

/** Token hashes that authenticated in the last hour, in this process's memory. */
function knownTokens(now: () => number) {
  const lastSeen = new Map<string, number>();
  return {
    has: (hash: string) => (lastSeen.get(hash) ?? -Infinity) > now() - KNOWN_FOR_MS,
    add(hash: string) {
      if (lastSeen.size >= PRUNE_KNOWN_AT)
        for (const [h, at] of lastSeen) if (at <= now() - KNOWN_FOR_MS) lastSeen.delete(h);
      lastSeen.set(hash, now());
    },
  };
}

export function bearerAuth(sql: Sql, limits: AuthLimits, now: () => number): MiddlewareHandler<AppEnv> {
  const known = knownTokens(now);
  return async (c, next) => {
    const address = `auth-failures:${limits.addressKey(c)}`;
    const token = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const tokenHash = token && looksLikeToken(token) ? hashSecret(token) : undefined;
    const allowed = limits.failures.check(address);
    if (!allowed.ok && !(tokenHash && known.has(tokenHash)))
      refuse(429, 'too many failed authentications from this address', {
        'retry-after': String(allowed.retryAfterS),
      });
    if (!tokenHash) {
      limits.failures.fail(address);
      refuse(401, 'a device token is required (Authorization: Bearer …)');
    }
    const verdict = limits.token(`token:${tokenHash}`);
    if (!verdict.ok) refuse(429, 'too many requests', { 'retry-after': String(verdict.retryAfterS) });
    const principal = await principalForTokenHash(sql, tokenHash);
    if (!principal) {
      limits.failures.fail(address);
      refuse(401, 'this device token is unknown or has been revoked');
    }
    known.add(tokenHash);
    c.set('principal', principal);
    return next();
  };
}
