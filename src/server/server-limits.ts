/**
 * The limits an operator can set through the environment (docs/server-limits.md says what each is for and
 * why its default is what it is): rate limits, the trusted proxies, and Node's timeouts and connection cap.
 * A value that is not a positive whole number stops the server at start, naming the variable.
 */
import type { BlockList } from 'node:net';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/app';
import { parseTrustedProxies } from './http/client-address';
import type { BucketLimits } from './http/rate-limit';

/** What main.ts gives Node's HTTP server. */
export interface NodeServerLimits {
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, headers and body. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_NODE_LIMITS: NodeServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

export interface ServerLimits {
  rate: RateLimits;
  /** From TRUST_PROXY; undefined when no proxy is trusted (X-Forwarded-For is then ignored). */
  trustProxy: BlockList | undefined;
  node: NodeServerLimits;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name}=${raw} is not a positive whole number`);
  return value;
}

function bucket(env: NodeJS.ProcessEnv, prefix: string, fallback: BucketLimits): BucketLimits {
  return {
    perMinute: whole(env, `${prefix}_PER_MINUTE`, fallback.perMinute),
    burst: whole(env, `${prefix}_BURST`, fallback.burst),
  };
}

/** The limits in `env`, with the defaults for what it does not set. Throws on a value that makes no sense. */
export function readServerLimits(env: NodeJS.ProcessEnv): ServerLimits {
  const d = DEFAULT_NODE_LIMITS;
  const node: NodeServerLimits = {
    headersTimeoutMs: whole(env, 'HEADERS_TIMEOUT_MS', d.headersTimeoutMs),
    requestTimeoutMs: whole(env, 'REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    keepAliveTimeoutMs: whole(env, 'KEEP_ALIVE_TIMEOUT_MS', d.keepAliveTimeoutMs),
    maxConnections: whole(env, 'MAX_CONNECTIONS', d.maxConnections),
  };
  // Node refuses this combination too, but only with a message about its own option names.
  if (node.headersTimeoutMs > node.requestTimeoutMs)
    throw new Error('HEADERS_TIMEOUT_MS must not be longer than REQUEST_TIMEOUT_MS');
  const proxies = (env.TRUST_PROXY ?? '').split(',').filter((entry) => entry.trim() !== '');
  const r = DEFAULT_RATE_LIMITS;
  return {
    rate: {
      token: bucket(env, 'RATE_LIMIT_TOKEN', r.token),
      authFailures: bucket(env, 'RATE_LIMIT_AUTH_FAILURES', r.authFailures),
      enrol: bucket(env, 'RATE_LIMIT_ENROL', r.enrol),
      enrolGlobal: bucket(env, 'RATE_LIMIT_ENROL_GLOBAL', r.enrolGlobal),
    },
    trustProxy: proxies.length > 0 ? parseTrustedProxies(proxies) : undefined,
    node,
  };
}
