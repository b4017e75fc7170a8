/**
 * When to try again after a failed cycle. Failures that may pass (offline, timeouts, server errors) back
 * off exponentially; a server's Retry-After is obeyed as given; a revoked token stops syncing altogether.
 * Automatic cycles (edits, the alarm) respect the wait; "Sync now" and the browser coming online do not,
 * except for a server's Retry-After.
 */
import type { SyncFailure, SyncState } from './sync-store';

/** First wait after a failure; doubles with each failure in a row. */
export const BACKOFF_BASE_MS = 10_000;
/** Longest wait (the periodic alarm, every 5 minutes, is also held back until then). */
export const BACKOFF_MAX_MS = 15 * 60_000;
/** Up to this fraction is added at random, so devices that failed together do not retry together. */
export const BACKOFF_JITTER = 0.2;
/** Wait before the quick follow-up cycle (re-stamped clocks, more pages than one cycle takes). */
export const QUICK_RETRY_MS = 2_000;

/** The wait after `failures` failed cycles in a row (1 or more). */
export function backoffMs(failures: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 + BACKOFF_JITTER * random()));
}

/** The state after a failed cycle. */
export function afterFailure(
  state: SyncState,
  failure: SyncFailure,
  nowMs: number,
  random: () => number,
  retryAfterMs?: number,
): SyncState {
  const failures = state.failures + 1;
  const { lastSyncAt } = state;
  const base = { ...(lastSyncAt ? { lastSyncAt } : {}), lastFailure: failure, failures };
  if (failure.kind === 'unauthorized') return base;
  if (retryAfterMs !== undefined) return { ...base, nextAttemptAt: nowMs + retryAfterMs, isServerWait: true };
  return { ...base, nextAttemptAt: nowMs + backoffMs(failures, random) };
}

/** The state after a cycle that completed; `isRetryNeeded` asks for a quick follow-up cycle. */
export function afterSuccess(nowMs: number, isRetryNeeded: boolean): SyncState {
  return {
    lastSyncAt: nowMs,
    failures: 0,
    ...(isRetryNeeded ? { nextAttemptAt: nowMs + QUICK_RETRY_MS } : {}),
  };
}

/** What started a cycle. */
export type SyncTrigger = 'auto' | 'manual' | 'online';

/** Whether a cycle started by `trigger` may run now, given the state. */
export function mayRun(state: SyncState, trigger: SyncTrigger, nowMs: number): boolean {
  if (state.nextAttemptAt === undefined || nowMs >= state.nextAttemptAt) return true;
  if (state.isServerWait) return false;
  return trigger !== 'auto';
}
