/**
 * When the live channel tries again after its socket closed (docs/live-sync.md). Exponential from 1 s to
 * 5 minutes (the periodic alarm's period: past that, the alarm syncs anyway), with jitter so that the
 * browsers a server restart disconnected do not all come back in the same second.
 */

/** First wait after a socket closed. */
export const LIVE_RETRY_BASE_MS = 1_000;
/** Longest wait. */
export const LIVE_RETRY_MAX_MS = 5 * 60_000;
/** A socket that stayed up this long was healthy: the next failure starts the backoff again. */
export const LIVE_STABLE_MS = 60_000;

/**
 * The wait before reconnect attempt `attempt` (0 for the first after a healthy socket): between half and
 * all of the exponential step ("equal jitter"), so it never collapses to zero and still spreads clients.
 */
export function liveRetryMs(attempt: number, random: () => number): number {
  const step = Math.min(LIVE_RETRY_MAX_MS, LIVE_RETRY_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (step / 2) * random());
}
