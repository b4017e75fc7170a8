/**
 * When cycles run: debounced after local edits, on the periodic alarm, when online, at start-up, and at
 * the time a failed cycle asked for (a timer for short waits, always backed by an alarm that survives the
 * service worker). Also the hook that tells the triggers about local edits, and the backoff arithmetic.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../../src/background/db/database';
import { addNote, changeNote, draftOf, onLocalNoteChange } from '../../../../src/background/db/notes-repo';
import { afterFailure, backoffMs, mayRun } from '../../../../src/background/sync/backoff';
import { retryAfterMs } from '../../../../src/background/sync/transport';
import {
  DEBOUNCE_MS,
  makeSyncTriggers,
  PERIOD_MINUTES,
  RETRY_ALARM,
  SYNC_ALARM,
} from '../../../../src/background/sync/triggers';

const T0 = 1_750_000_000_000;
let runs: string[];
let alarms: string[];
let isConnected: boolean;

function triggers() {
  return makeSyncTriggers({
    run: async (trigger) => {
      runs.push(trigger);
    },
    isConnected: async () => isConnected,
    alarms: {
      ensurePeriodic: async (name, minutes) => {
        alarms.push(`periodic ${name} ${minutes}`);
      },
      setAt: async (name, when) => {
        alarms.push(`at ${name} +${when - T0}`);
      },
      clear: async (name) => {
        alarms.push(`clear ${name}`);
      },
    },
    now: () => Date.now(),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  runs = [];
  alarms = [];
  isConnected = true;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sync triggers', () => {
  it('a burst of local edits sends once, 2 s after the last', async () => {
    const t = triggers();
    t.localChange();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    t.localChange();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual(['auto']);
  });

  it('runs on our alarms only, and when the browser comes online', () => {
    const t = triggers();
    t.alarm(SYNC_ALARM);
    t.alarm(RETRY_ALARM);
    t.alarm('someone-else');
    t.online();
    expect(runs).toEqual(['auto', 'auto', 'online']);
  });

  it('at start-up: ensures the periodic alarm and syncs, only when connected', async () => {
    isConnected = false;
    await triggers().startUp();
    expect([runs, alarms]).toEqual([[], []]);
    isConnected = true;
    await triggers().startUp();
    expect(runs).toEqual(['auto']);
    expect(alarms).toEqual([`periodic ${SYNC_ALARM} ${PERIOD_MINUTES}`]);
  });

  it('connecting starts the periodic alarm; disconnecting stops both alarms and pending timers', async () => {
    const t = triggers();
    await t.connected();
    t.localChange();
    await t.disconnected();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(runs).toEqual([]);
    expect(alarms).toEqual([
      `periodic ${SYNC_ALARM} ${PERIOD_MINUTES}`,
      `clear ${SYNC_ALARM}`,
      `clear ${RETRY_ALARM}`,
    ]);
  });

  it('a retry soon uses a timer (and an alarm at 30 s as a backstop); a later one only the alarm', async () => {
    const t = triggers();
    t.retryAt(T0 + 2000);
    expect(alarms).toEqual([`at ${RETRY_ALARM} +30000`]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual(['auto']);
    t.retryAt(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toEqual(['auto']);
    expect(alarms.at(-1)).toBe(`at ${RETRY_ALARM} +${2100 + 10 * 60_000}`);
  });
});

describe('local edit hook', () => {
  it('fires after each committed local change of its database, not for edits that change nothing', async () => {
    vi.useRealTimers();
    const db = openDb('sync-triggers-hook');
    const other = openDb('sync-triggers-other');
    const seen: string[] = [];
    const stop = onLocalNoteChange((changed) => seen.push(changed.name));
    const input = {
      page: { url: 'https://a.example/x', title: 'X' },
      body: 'b',
      color: 'yellow' as const,
      tags: [],
    };
    const note = await addNote(db, draftOf(input, 'https://a.example/x', 1), 1);
    await changeNote(db, note.id, { body: 'b' }, 2);
    await changeNote(db, note.id, { body: 'c' }, 3);
    await addNote(other, draftOf(input, 'https://a.example/x', 4), 4);
    await expect(changeNote(db, 'missing', { body: 'x' }, 5)).rejects.toThrow();
    stop();
    await changeNote(db, note.id, { body: 'd' }, 6);
    expect(seen).toEqual(['sync-triggers-hook', 'sync-triggers-hook', 'sync-triggers-other']);
    await db.delete();
    await other.delete();
  });
});

describe('backoff', () => {
  it('doubles from 10 s to at most 15 min, with up to 20% jitter', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffMs(n, () => 0))).toEqual([
      10_000, 20_000, 40_000, 80_000, 640_000, 900_000, 900_000,
    ]);
    expect(backoffMs(1, () => 1)).toBe(12_000);
  });

  it('a 401 stops retrying; Retry-After is obeyed as given (seconds or a date, within 1 s to 1 h)', () => {
    const revoked = afterFailure({ failures: 0 }, { kind: 'unauthorized', status: 401 }, T0, () => 0);
    expect(revoked.nextAttemptAt).toBeUndefined();
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs(new Date(T0 + 90_000).toUTCString(), T0)).toBe(90_000);
    expect(retryAfterMs('0', T0)).toBe(1000);
    expect(retryAfterMs('999999', T0)).toBe(3_600_000);
    expect(retryAfterMs(null, T0)).toBe(60_000);
    expect(retryAfterMs('soon', T0)).toBe(60_000);
  });

  it('automatic cycles wait for the backoff; manual and online ones only for a server’s Retry-After', () => {
    const backingOff = { failures: 2, nextAttemptAt: T0 + 1000 };
    expect(['auto', 'manual', 'online'].map((t) => mayRun(backingOff, t as 'auto', T0))).toEqual([
      false,
      true,
      true,
    ]);
    const serverWait = { ...backingOff, isServerWait: true };
    expect(['auto', 'manual', 'online'].map((t) => mayRun(serverWait, t as 'auto', T0))).toEqual([
      false,
      false,
      false,
    ]);
    expect(mayRun(serverWait, 'auto', T0 + 1000)).toBe(true);
  });
});
