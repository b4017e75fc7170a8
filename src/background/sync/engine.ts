/**
 * The sync client (docs/sync.md): a cycle pushes the outbox, then pulls what changed since the
 * cursor. One cycle runs at a time; a trigger arriving meanwhile runs one more afterwards. Everything that
 * matters (account, token, cursor, outbox, clock, outcome) is in IndexedDB and written in transactions, so
 * the background may be killed at any point and a new engine simply carries on.
 *
 *   sync() ─▶ cycle ─▶ push.ts (outbox ─▶ POST /v1/push ─▶ ack, or re-stamp a fast clock)
 *                   └▶ pull.ts (GET /v1/pull ─▶ merge page + cursor, one transaction per page)
 *            failures ─▶ backoff.ts (when to try again) ─▶ sync-store.ts
 */
import type { SyncStatus } from '../../shared/protocol';
import { cleanDeviceName, deviceNameProblem } from '../../shared/sync/device-name';
import { SYNC_LIMITS } from '../../shared/sync/wire';
import { type GlossDb, inTransaction, NOTE_TABLES } from '../db/database';
import { clockOffset, setClockOffset } from '../db/device-clock';
import { countQueued } from '../db/outbox-repo';
import { afterFailure, afterSuccess, mayRun, type SyncTrigger } from './backoff';
import { requeueAll } from './outbox-ops';
import { pullAll } from './pull';
import { pushAll } from './push';
import { normaliseServerUrl } from './server-url';
import { clockText, connectErrorText, deviceNameErrorText, failureText } from './sync-messages';
import {
  AccountChangedError,
  forgetSync,
  readAccount,
  readState,
  type SyncAccount,
  type SyncFailure,
  type SyncState,
  writeAccount,
  writeCursor,
  writeState,
} from './sync-store';
import { authorised, enrol, type FetchLike, SyncHttpError, type TransportOptions } from './transport';

/** What the engine needs from its surroundings; tests pass fakes. */
export interface SyncEngineDeps {
  fetch: FetchLike;
  /** The name proposed for this device when the reader gives none, e.g. "Chrome 156 on Linux". */
  deviceName: () => Promise<string>;
  now?: () => number;
  random?: () => number;
  /** Per request; defaults to 30 s. */
  timeoutMs?: number;
  /** Notes were changed by a pull (open tabs should show them again). */
  onNotesChanged?: () => void;
  /** Another cycle should run at `at` (backoff, Retry-After or a quick follow-up). */
  onRetryAt?: (at: number) => void;
  /** Smaller limits for tests; the defaults are the protocol's. */
  pushLimit?: number;
  pullLimit?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Most of the protocol's body limit, leaving room for the server's own accounting. */
const PUSH_BYTES = Math.floor(SYNC_LIMITS.bodyBytes * 0.9);

/** One device's sync client over its database. */
export class SyncEngine {
  private running: Promise<void> | undefined;
  private isRerunWanted = false;
  private cycleAbort: AbortController | undefined;
  private readonly now: () => number;

  constructor(
    private readonly db: GlossDb,
    private readonly deps: SyncEngineDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  /** Where syncing stands. */
  async status(): Promise<SyncStatus> {
    const [account, state, pending, offset] = await inTransaction(this.db, 'r', ['meta', 'outbox'], () =>
      Promise.all([readAccount(this.db), readState(this.db), countQueued(this.db), clockOffset(this.db)]),
    );
    const failure = state.lastFailure && failureText(state.lastFailure, state.nextAttemptAt);
    // A clock off by less than the server tolerates is corrected without troubling the reader.
    const clock = -offset > SYNC_LIMITS.maxClockSkewMs ? clockText(offset) : undefined;
    const error = account?.isRevoked ? failureText({ kind: 'unauthorized' }) : (failure ?? clock);
    const connected = account !== undefined && !account.isRevoked;
    // Only a failure is an outage worth a countdown; the quick follow-up after a success is not.
    const nextTryAt = connected && state.failures > 0 ? state.nextAttemptAt : undefined;
    return {
      connected,
      ...(account ? { serverUrl: account.serverUrl } : {}),
      ...(connected ? { connectedAt: account.connectedAt } : {}),
      ...(connected && account.deviceName ? { deviceName: account.deviceName } : {}),
      ...(account && state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
      pending,
      ...(error ? { error } : {}),
      isSyncing: this.running !== undefined,
      ...(nextTryAt !== undefined ? { nextTryAt } : {}),
    };
  }

  /**
   * Trades an enrolment code for a token, stores it, queues every note for the (possibly new) server and
   * runs the first sync. `deviceName` is the name the reader confirmed; without one, the proposed name is
   * used. Throws an Error in plain words when the name cannot be used or the server cannot be reached or
   * refuses.
   */
  async connect(serverUrl: string, code: string, deviceName?: string): Promise<SyncStatus> {
    const base = normaliseServerUrl(serverUrl);
    const trimmed = code.trim();
    if (!trimmed) throw new Error(connectErrorText(new SyncHttpError({ kind: 'bad-request' }), base));
    const name = cleanDeviceName(deviceName ?? '') || cleanDeviceName(await this.deps.deviceName());
    if (deviceNameProblem(name)) throw new Error(deviceNameErrorText());
    let reply: { token: string; userId: string };
    try {
      reply = await enrol(this.transportOptions(), base, { code: trimmed, deviceName: name });
    } catch (e) {
      throw new Error(connectErrorText(e, base));
    }
    this.cycleAbort?.abort();
    const account: SyncAccount = {
      serverUrl: base,
      token: reply.token,
      userId: reply.userId,
      connectedAt: this.now(),
      deviceName: name,
    };
    await inTransaction(this.db, 'rw', NOTE_TABLES, async () => {
      await forgetSync(this.db);
      await setClockOffset(this.db, 0);
      await writeAccount(this.db, account);
      await writeCursor(this.db, 0);
      await requeueAll(this.db);
    });
    return this.sync('manual');
  }

  /** Forgets the server, the token and the cursor; notes and queued changes stay. */
  async disconnect(): Promise<SyncStatus> {
    this.cycleAbort?.abort();
    await inTransaction(this.db, 'rw', ['meta'], async () => {
      await forgetSync(this.db);
      // The correction was measured against that server's clock.
      await setClockOffset(this.db, 0);
    });
    return this.status();
  }

  /** Runs a cycle (or, when one is running, one more after it) and returns the status after it. */
  async sync(trigger: SyncTrigger = 'manual'): Promise<SyncStatus> {
    if (this.running) this.isRerunWanted = true;
    else this.running = this.runCycles(trigger);
    await this.running;
    return this.status();
  }

  /** Cycles until no rerun is wanted; `running` is cleared in the same step as the last check. */
  private async runCycles(trigger: SyncTrigger): Promise<void> {
    let next = trigger;
    try {
      do {
        this.isRerunWanted = false;
        await this.cycle(next);
        // A rerun comes from an edit or a new account during a cycle: not held back by the backoff.
        next = 'online';
      } while (this.isRerunWanted);
    } finally {
      this.running = undefined;
    }
  }

  private transportOptions(signal?: AbortSignal): TransportOptions {
    return {
      fetch: this.deps.fetch,
      timeoutMs: this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      now: this.now,
      ...(signal ? { signal } : {}),
    };
  }

  /** One push-then-pull, with its outcome recorded. */
  private async cycle(trigger: SyncTrigger): Promise<void> {
    const account = await readAccount(this.db);
    if (!account || account.isRevoked) return;
    if (!mayRun(await readState(this.db), trigger, this.now())) return;
    const abort = new AbortController();
    this.cycleAbort = abort;
    try {
      const isRetryNeeded = await this.exchange(account, abort.signal);
      await this.record(account, () => afterSuccess(this.now(), isRetryNeeded));
    } catch (e) {
      if (e instanceof AccountChangedError || abort.signal.aborted) return;
      await this.recordFailure(account, e);
    }
  }

  /** Push, then pull, even when the push was refused for something only this device can fix. */
  private async exchange(account: SyncAccount, signal: AbortSignal): Promise<boolean> {
    const transport = authorised(this.transportOptions(signal), account.serverUrl, account.token);
    const base = { db: this.db, transport, token: account.token, now: this.now };
    let pushProblem: unknown;
    let pushed = { isRetryNeeded: false };
    try {
      pushed = await pushAll({
        ...base,
        limits: { mutations: this.deps.pushLimit ?? SYNC_LIMITS.mutationsPerPush, bytes: PUSH_BYTES },
      });
    } catch (e) {
      if (!isLocalProblem(e)) throw e;
      pushProblem = e;
    }
    const pulled = await pullAll({ ...base, pageSize: this.deps.pullLimit ?? SYNC_LIMITS.pullPage });
    if (pulled.changed > 0) this.deps.onNotesChanged?.();
    if (pushProblem) throw pushProblem;
    return pushed.isRetryNeeded || pulled.isRetryNeeded;
  }

  private async recordFailure(account: SyncAccount, e: unknown): Promise<void> {
    const failure: SyncFailure =
      e instanceof SyncHttpError
        ? e.failure
        : { kind: 'internal', detail: e instanceof Error ? e.message : String(e) };
    if (!(e instanceof SyncHttpError)) console.error('Gloss: sync failed', e);
    const retryAfter = e instanceof SyncHttpError ? e.retryAfterMs : undefined;
    await this.record(
      account,
      (state) => afterFailure(state, failure, this.now(), this.deps.random ?? Math.random, retryAfter),
      failure.kind === 'unauthorized',
    );
  }

  /** Stores a cycle's outcome unless the account changed meanwhile, and asks for the next attempt. */
  private async record(
    account: SyncAccount,
    next: (state: SyncState) => SyncState,
    isRevoked = false,
  ): Promise<void> {
    const state = await inTransaction(this.db, 'rw', ['meta'], async () => {
      const stored = await readAccount(this.db);
      if (stored?.token !== account.token) return undefined;
      const updated = next(await readState(this.db));
      await writeState(this.db, updated);
      if (isRevoked) await writeAccount(this.db, { ...stored, isRevoked: true });
      return updated;
    });
    if (state?.nextAttemptAt !== undefined) this.deps.onRetryAt?.(state.nextAttemptAt);
  }
}

/** Push failures only this device's data can explain: worth pulling anyway, and reporting. */
function isLocalProblem(e: unknown): boolean {
  return (
    e instanceof SyncHttpError &&
    ['bad-request', 'too-large', 'future-clock', 'no-progress', 'unsendable'].includes(e.kind)
  );
}
