/**
 * The sync engine's state of record, in the extension's IndexedDB (`meta` store), never in memory and never
 * in `storage.local`/`storage.sync`, which content scripts can read: the server and this device's token,
 * the pull cursor, and the outcome of the last cycle. The background can be killed at any moment, so every
 * decision is made from these rows.
 */
import type { GlossDb } from '../db/database';
import { deleteMeta, type MetaKey, readMeta, writeMeta } from '../db/meta-repo';

/** The server this device syncs with and the token it was given for it. */
export interface SyncAccount {
  /** Normalised base address, without a trailing slash (see server-url.ts). */
  serverUrl: string;
  token: string;
  userId: string;
  connectedAt: number;
  /** The name this device enrolled under; absent in accounts stored before devices were named. */
  deviceName?: string;
  /** The server answered 401: syncing stops until the user connects again. Notes stay. */
  isRevoked?: boolean;
}

/** Why the last cycle failed, kept as a kind and details so the message is worded when it is shown. */
export interface SyncFailure {
  kind: SyncFailureKind;
  /** HTTP status, when there was one. */
  status?: number;
  /** The server's own words or the exception's message, for kinds that show them. */
  detail?: string;
  /** For `unsendable`: how many notes are held back. */
  count?: number;
}

/** Every way a cycle can fail. */
export type SyncFailureKind =
  | 'offline'
  | 'timeout'
  | 'unauthorized'
  | 'rate-limited'
  | 'server'
  | 'bad-request'
  | 'too-large'
  | 'not-found'
  | 'bad-reply'
  | 'future-clock'
  | 'no-progress'
  | 'unsendable'
  | 'internal';

/** How the last cycles went. */
export interface SyncState {
  /** When a cycle last completed without error. */
  lastSyncAt?: number;
  lastFailure?: SyncFailure;
  /** Failed cycles in a row, for the backoff. */
  failures: number;
  /** Automatic cycles wait until then (backoff, a server's Retry-After, or a quick retry). */
  nextAttemptAt?: number;
  /** `nextAttemptAt` is the server's Retry-After: even "Sync now" waits for it. */
  isServerWait?: boolean;
}

async function readJson<T>(db: GlossDb, key: MetaKey): Promise<T | undefined> {
  const value = await readMeta(db, key);
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

const writeJson = (db: GlossDb, key: MetaKey, value: unknown): Promise<void> =>
  writeMeta(db, key, JSON.stringify(value));

/** The stored account, if this device was ever connected (and not disconnected since). */
export const readAccount = (db: GlossDb): Promise<SyncAccount | undefined> => readJson(db, 'sync.account');

/** Stores the account. */
export const writeAccount = (db: GlossDb, account: SyncAccount): Promise<void> =>
  writeJson(db, 'sync.account', account);

/** The server version this device has pulled up to (0 before the first pull). */
export async function readCursor(db: GlossDb): Promise<number> {
  return Number((await readMeta(db, 'sync.cursor')) ?? '0') || 0;
}

/** Stores the pull cursor; call it in the transaction that applied the page it follows. */
export async function writeCursor(db: GlossDb, version: number): Promise<void> {
  await writeMeta(db, 'sync.cursor', String(version));
}

/** How the last cycles went. */
export async function readState(db: GlossDb): Promise<SyncState> {
  return (await readJson<SyncState>(db, 'sync.state')) ?? { failures: 0 };
}

/** Stores how the last cycle went. */
export const writeState = (db: GlossDb, state: SyncState): Promise<void> =>
  writeJson(db, 'sync.state', state);

/** Forgets the account, the cursor and the state (disconnecting); notes and the outbox stay. */
export async function forgetSync(db: GlossDb): Promise<void> {
  await deleteMeta(db, 'sync.account', 'sync.cursor', 'sync.state');
}

/** The account changed (disconnected, or connected again) while a cycle ran: its results no longer apply. */
export class AccountChangedError extends Error {
  constructor() {
    super('the sync account changed during a sync');
    this.name = 'AccountChangedError';
  }
}

/**
 * Checks, inside a write transaction, that the account a cycle started with is still the one stored, so
 * that a cycle abandoned by a disconnect (or a background that was replaced) never writes into the next.
 */
export async function assertAccount(db: GlossDb, token: string): Promise<void> {
  const account = await readAccount(db);
  if (account?.token !== token || account.isRevoked) throw new AccountChangedError();
}
