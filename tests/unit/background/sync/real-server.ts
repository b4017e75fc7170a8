/**
 * The real sync server (src/server) for the engine tests, in-process: its Hono app answers the devices'
 * `fetch` (`(url, init) => app.request(url, init)`, through tests/server/helpers/harness.ts, rate limits
 * off), on a migrated database opened once per test file (tests/server/helpers/test-db.ts: in-memory
 * PGlite). Its clock is the one it is started with, the tests' shared `world.t` (devices.ts), so clock skew
 * can be staged. Admin actions are the server's own account functions, as its CLI calls them; what a test
 * checks inside the server (stored notes, versions, history, devices) is read from its tables. Each test
 * creates its own users, so the tests of a file share the database without seeing each other's notes.
 */

import type { FetchLike } from '../../../../src/background/sync/transport';
import { principalForTokenHash } from '../../../../src/server/accounts/enrol';
import { hashSecret } from '../../../../src/server/accounts/secrets';
import {
  createUser,
  type Device,
  issueCode,
  listDevices,
  revokeDevice,
} from '../../../../src/server/accounts/users';
import type { Sql } from '../../../../src/server/db/sql';
import type { NoteField } from '../../../../src/shared/notes/note-types';
import type { ServerNote, SyncNote } from '../../../../src/shared/sync/wire';
import { Harness } from '../../../server/helpers/harness';
import { openTestDb, type TestDb } from '../../../server/helpers/test-db';

/** A value that lost a merge, as the server's `note_history` keeps it. */
export interface HistoryRow {
  noteId: string;
  field: NoteField;
  value: unknown;
  clock: string;
  winnerClock: string;
}

export class RealServer {
  private harness: Harness;
  private users = 0;

  private constructor(
    private readonly db: TestDb,
    /** The server's clock (epoch ms). */
    readonly now: () => number,
  ) {
    this.harness = this.newHarness();
  }

  /** Opens and migrates the file's database; `close()` it after the file's tests. */
  static async start(now: () => number): Promise<RealServer> {
    return new RealServer(await openTestDb(), now);
  }

  private newHarness(): Harness {
    return new Harness(this.db.sql, { now: this.now });
  }

  /** The server's database, for a test that stages what the API cannot (a restore from a backup). */
  get sql(): Sql {
    return this.db.sql;
  }

  /** The server as the devices reach it. */
  readonly fetch: FetchLike = (url, init) => Promise.resolve(this.harness.app.request(url, init));

  /** A new app on the same database: fresh rate-limit buckets and push queues, and an empty log. */
  reset(): void {
    this.harness = this.newHarness();
  }

  /** What the server logged as errors (an exception behind a 500) since the last reset. */
  errors(): unknown[] {
    return this.harness.logs.filter((entry) => entry.level === 'error');
  }

  close(): Promise<void> {
    return this.db.drop();
  }

  /** A new user and its first enrolment code (the CLI's `create-user`). */
  async createUser(): Promise<{ userId: string; code: string }> {
    const user = await createUser(this.sql, `user-${++this.users}`, this.now());
    return { userId: user.id, code: user.code };
  }

  /** Another one-time code for the user (the CLI's `new-code`). */
  async newCode(userId: string): Promise<string> {
    return (await issueCode(this.sql, userId, this.now())).code;
  }

  /** The user's devices (the CLI's `devices`). */
  devices(userId: string): Promise<Device[]> {
    return listDevices(this.sql, userId);
  }

  /** The user a token acts for, unless it is unknown or revoked. */
  async userOfToken(token: string): Promise<string | undefined> {
    return (await principalForTokenHash(this.sql, hashSecret(token)))?.userId;
  }

  /** Revokes every device of the user (the CLI's `revoke`, for each of them). */
  async revokeAll(userId: string): Promise<void> {
    for (const device of await this.devices(userId)) await revokeDevice(this.sql, device.id, this.now());
  }

  /** The user's notes as the server stores them, with their versions, by id (as `TestDevice.notes()`). */
  async notesOf(userId: string): Promise<ServerNote[]> {
    const rows = await this.sql.query<{ record: SyncNote; version: number }>(
      'SELECT record, version FROM notes WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => ({ ...r.record, version: r.version })).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The user's change counter. */
  async version(userId: string): Promise<number> {
    const [row] = await this.sql.query<{ version: number }>('SELECT version FROM users WHERE id = $1', [
      userId,
    ]);
    return row!.version;
  }

  /** Every value of the user's notes that lost a merge, in the order recorded. */
  history(userId: string): Promise<HistoryRow[]> {
    return this.sql.query<HistoryRow>(
      `SELECT note_id AS "noteId", field, value, clock, winner_clock AS "winnerClock"
       FROM note_history WHERE user_id = $1 ORDER BY id`,
      [userId],
    );
  }
}
