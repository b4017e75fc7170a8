/**
 * A token bucket per key (a device token's hash, an address, or "all" for the global enrolment cap), in
 * this process's memory:
 * a burst is allowed, then requests refill at a steady rate. With several servers behind a load balancer
 * each keeps its own buckets, so the effective limit is per process, multiplied by their number; that is
 * acceptable for a guard against runaway clients, which is all this is.
 */

export interface BucketLimits {
  /** Sustained requests per minute. */
  perMinute: number;
  /** Requests allowed at once from a full bucket. */
  burst: number;
}

/** Either allowed, or refused with the seconds until one more request would be. */
export type Verdict = { ok: true } | { ok: false; retryAfterS: number };

/** Past this many buckets, full ones (idle long enough to refill) are forgotten. */
const PRUNE_AT = 10_000;

function createBuckets({ perMinute, burst }: BucketLimits, now: () => number) {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + Math.max(0, t - b.at) * perMs);
    b.at = t;
  };
  /** The key's bucket, refilled to now (and stored, so a caller may take from it). */
  const bucket = (key: string) => {
    const t = now();
    if (buckets.size >= PRUNE_AT)
      for (const [k, b] of buckets) {
        refill(b, t);
        if (b.tokens >= burst) buckets.delete(k);
      }
    const b = buckets.get(key) ?? { tokens: burst, at: t };
    refill(b, t);
    buckets.set(key, b);
    return b;
  };
  const verdict = (b: { tokens: number }): Verdict =>
    b.tokens >= 1
      ? { ok: true }
      : { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  return { bucket, verdict };
}

/** A limiter that spends one request from `key`'s bucket on every call it allows. */
export function createRateLimiter(limits: BucketLimits, now: () => number) {
  const { bucket, verdict } = createBuckets(limits, now);
  return (key: string): Verdict => {
    const b = bucket(key);
    const answer = verdict(b);
    if (answer.ok) b.tokens -= 1;
    return answer;
  };
}

/** Counts failures per key: `check` says whether the key may try again, `fail` spends one try. */
export interface FailureLimiter {
  check(key: string): Verdict;
  fail(key: string): void;
}

/**
 * A limiter for failures only (unknown tokens per address): successes cost nothing, so the honest devices
 * behind one address are never held back by each other's traffic. Concurrent requests can all pass `check`
 * before their failures are counted; the connection cap bounds how many that can be.
 */
export function createFailureLimiter(limits: BucketLimits, now: () => number): FailureLimiter {
  const { bucket, verdict } = createBuckets(limits, now);
  return {
    check: (key) => verdict(bucket(key)),
    fail(key) {
      const b = bucket(key);
      b.tokens = Math.max(0, b.tokens - 1);
    },
  };
}
