/**
 * When cycles run (docs/sync.md, "How sync works"): shortly after a local edit (debounced, so a
 * burst of typing sends once), on a periodic alarm, when the browser comes online, at start-up, and when a
 * failed or unfinished cycle asked to be retried. Timers die with the service worker; the alarms do not,
 * so every timer here has an alarm behind it and nothing is lost when the background is killed.
 */
import type { SyncTrigger } from './backoff';

/** Alarm names. */
export const SYNC_ALARM = 'gloss-sync';
export const RETRY_ALARM = 'gloss-sync-retry';
/** Wait after the last local edit before pushing. */
export const DEBOUNCE_MS = 2_000;
/** The periodic alarm. */
export const PERIOD_MINUTES = 5;
/** Shorter waits also get a timer, since Chrome fires an alarm 30 s after it is set at the soonest. */
const ALARM_MIN_MS = 30_000;
const TIMER_SLACK_MS = 100;

/** What the triggers drive and use. */
export interface SyncTriggerDeps {
  run: (trigger: SyncTrigger) => Promise<unknown>;
  isConnected: () => Promise<boolean>;
  alarms: {
    ensurePeriodic: (name: string, periodInMinutes: number) => Promise<void>;
    setAt: (name: string, when: number) => Promise<void>;
    clear: (name: string) => Promise<void>;
  };
  now?: () => number;
}

/** The trigger entry points the background wires to its events. */
export interface SyncTriggers {
  /** A note was written here. */
  localChange(): void;
  /** An alarm fired (any alarm: others are ignored). */
  alarm(name: string): void;
  /** The browser came online. */
  online(): void;
  /** The background started (browser start-up, install, update). */
  startUp(): Promise<void>;
  /** The engine wants another cycle at `at`. */
  retryAt(at: number): void;
  /** Connected: start the periodic alarm. */
  connected(): Promise<void>;
  /** Disconnected: stop the alarms. */
  disconnected(): Promise<void>;
}

/** Builds the triggers; every run's failure is logged, never thrown into an event listener. */
export function makeSyncTriggers(deps: SyncTriggerDeps): SyncTriggers {
  const now = deps.now ?? Date.now;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const run = (trigger: SyncTrigger): void => {
    deps.run(trigger).catch((e: unknown) => console.error('Gloss: sync failed', e));
  };
  const log = (e: unknown): void => console.error('Gloss: could not set the sync alarm', e);
  return {
    localChange() {
      clearTimeout(debounce);
      debounce = setTimeout(() => run('auto'), DEBOUNCE_MS);
    },
    alarm(name) {
      if (name === SYNC_ALARM || name === RETRY_ALARM) run('auto');
    },
    online() {
      run('online');
    },
    async startUp() {
      if (!(await deps.isConnected())) return;
      await deps.alarms.ensurePeriodic(SYNC_ALARM, PERIOD_MINUTES).catch(log);
      run('auto');
    },
    retryAt(at) {
      const wait = at - now();
      clearTimeout(retry);
      // A little late rather than early: a cycle started before `at` would be held back by the engine.
      if (wait < ALARM_MIN_MS) retry = setTimeout(() => run('auto'), Math.max(0, wait) + TIMER_SLACK_MS);
      deps.alarms.setAt(RETRY_ALARM, Math.max(at, now() + ALARM_MIN_MS)).catch(log);
    },
    async connected() {
      await deps.alarms.ensurePeriodic(SYNC_ALARM, PERIOD_MINUTES).catch(log);
    },
    async disconnected() {
      clearTimeout(debounce);
      clearTimeout(retry);
      await Promise.all([deps.alarms.clear(SYNC_ALARM), deps.alarms.clear(RETRY_ALARM)]).catch(log);
    },
  };
}
