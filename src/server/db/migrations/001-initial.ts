/**
 * The first schema. Append-only: never edit a migration that has shipped; add the next number instead.
 *
 * - `users.version` is the per-user change counter. A push locks this row (`FOR UPDATE`) and hands out the
 *   next numbers to the notes it changes, so versions become visible in order and a pull's cursor can
 *   never pass a change that commits later (see docs/sync.md, "How sync works").
 * - `mutation_cursors` remembers, per user and per client device id (the id in a push and in its clocks),
 *   the highest mutation id applied, so a retried push has no second effect. It is keyed by the client's
 *   device id rather than the token: a re-enrolled install keeps its sequence, and an install that lost its
 *   database but kept its token starts a new device id and must not have its fresh ids taken as retries.
 * - `notes.record` is the whole SyncNote as it travels; the server only ever merges it whole.
 * - `note_history` keeps every value that lost a merge, either side's, so nothing is unrecoverable.
 * Times are epoch milliseconds (bigint), from the server's clock, which tests can set.
 */
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE users (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      version bigint NOT NULL DEFAULT 0,
      created_at bigint NOT NULL
    )`,
    `CREATE TABLE enrolment_codes (
      code_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at bigint NOT NULL,
      expires_at bigint NOT NULL,
      used_at bigint
    )`,
    `CREATE TABLE devices (
      id text PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at bigint NOT NULL,
      revoked_at bigint,
      last_push_at bigint
    )`,
    'CREATE INDEX devices_by_user ON devices (user_id)',
    `CREATE TABLE mutation_cursors (
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      client_device_id text NOT NULL,
      last_mutation_id bigint NOT NULL,
      PRIMARY KEY (user_id, client_device_id)
    )`,
    `CREATE TABLE notes (
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      id text NOT NULL,
      record jsonb NOT NULL,
      version bigint NOT NULL,
      PRIMARY KEY (user_id, id)
    )`,
    // Unique: every change gets its own version, so a pull page can end between any two rows.
    'CREATE UNIQUE INDEX notes_by_version ON notes (user_id, version)',
    `CREATE TABLE note_history (
      id bigserial PRIMARY KEY,
      user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      note_id text NOT NULL,
      field text NOT NULL,
      value jsonb NOT NULL,
      clock text NOT NULL,
      winner_clock text NOT NULL,
      version bigint NOT NULL,
      recorded_at bigint NOT NULL,
      UNIQUE (user_id, note_id, field, clock)
    )`,
  ],
};
