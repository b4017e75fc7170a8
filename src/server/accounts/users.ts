/**
 * Users, their enrolment codes and their devices: what the CLI manages and enrolment consumes. A user is
 * found by name or id, since the CLI takes whichever the administrator has at hand.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql';
import { CODE_TTL_MS, hashSecret, newEnrolmentCode, normaliseCode } from './secrets';

export interface User {
  id: string;
  name: string;
  version: number;
}

export interface IssuedCode {
  code: string;
  expiresAt: number;
}

export interface Device {
  id: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
  lastPushAt: number | null;
}

/** Creates a user and the first enrolment code; throws when the name is taken. */
export async function createUser(sql: Sql, name: string, now: number): Promise<User & IssuedCode> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new Error('a user name is 1 to 100 characters');
  return sql.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM users WHERE name = $1', [trimmed]);
    if (taken.length) throw new Error(`there is already a user named "${trimmed}"`);
    const id = randomUUID();
    await tx.query('INSERT INTO users (id, name, created_at) VALUES ($1, $2, $3)', [id, trimmed, now]);
    return { id, name: trimmed, version: 0, ...(await issueCode(tx, id, now)) };
  });
}

/** A new single-use enrolment code for `userId`, valid for 24 hours. */
export async function issueCode(sql: Sql, userId: string, now: number): Promise<IssuedCode> {
  const code = newEnrolmentCode();
  const expiresAt = now + CODE_TTL_MS;
  await sql.query(
    'INSERT INTO enrolment_codes (code_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [hashSecret(normaliseCode(code)!), userId, now, expiresAt],
  );
  return { code, expiresAt };
}

export async function findUser(sql: Sql, nameOrId: string): Promise<User | null> {
  const rows = await sql.query<User>(
    'SELECT id, name, version FROM users WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1',
    [nameOrId.trim()],
  );
  return rows[0] ?? null;
}

export async function listUsers(sql: Sql): Promise<Array<User & { devices: number; notes: number }>> {
  return sql.query(
    `SELECT u.id, u.name, u.version,
       (SELECT count(*) FROM devices d WHERE d.user_id = u.id AND d.revoked_at IS NULL) AS devices,
       (SELECT count(*) FROM notes n WHERE n.user_id = u.id) AS notes
     FROM users u ORDER BY u.name`,
  );
}

export async function listDevices(sql: Sql, userId: string): Promise<Device[]> {
  return sql.query<Device>(
    `SELECT id, name, created_at AS "createdAt", revoked_at AS "revokedAt", last_push_at AS "lastPushAt"
     FROM devices WHERE user_id = $1 ORDER BY created_at, name, id`,
    [userId],
  );
}

/** Revokes a device's token; false when there is no such device or it was already revoked. */
export async function revokeDevice(sql: Sql, deviceId: string, now: number): Promise<boolean> {
  const rows = await sql.query(
    'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId, now],
  );
  return rows.length === 1;
}
