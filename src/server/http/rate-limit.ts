/**
 * A token bucket per key (a device token's hash, or an address for enrolment), in this process's memory:
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

export function createRateLimiter({ perMinute, burst }: BucketLimits, now: () => number) {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + Math.max(0, t - b.at) * perMs);
    b.at = t;
  };
  return (key: string): Verdict => {
    const t = now();
    if (buckets.size >= PRUNE_AT)
      for (const [k, b] of buckets) {
        refill(b, t);
        if (b.tokens >= burst) buckets.delete(k);
      }
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    refill(bucket, t);
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  };
}
