/**
 * Trading an enrolment code for a device token, and finding the device behind a token. The code is marked
 * used by the same statement that checks it, so two devices racing with one code cannot both get in.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql';
import { hashSecret, newToken, normaliseCode } from './secrets';

/** Whom a request acts for. `deviceId` is the server's device row, not the client's own device id. */
export interface Principal {
  userId: string;
  deviceId: string;
}

/** Enrols a device; null when the code is unknown, used or expired (the caller must not say which). */
export async function enrolDevice(
  sql: Sql,
  typedCode: string,
  /** Stored as '' when the client sent none; device-label.ts lists such a device as unnamed. */
  deviceName: string | undefined,
  now: number,
): Promise<{ token: string; userId: string; deviceId: string } | null> {
  const code = normaliseCode(typedCode);
  if (!code) return null;
  return sql.transaction(async (tx) => {
    const [used] = await tx.query<{ user_id: string }>(
      `UPDATE enrolment_codes SET used_at = $2
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`,
      [hashSecret(code), now],
    );
    if (!used) return null;
    const token = newToken();
    const deviceId = randomUUID();
    await tx.query(
      'INSERT INTO devices (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [deviceId, used.user_id, deviceName ?? '', hashSecret(token), now],
    );
    return { token, userId: used.user_id, deviceId };
  });
}

/** The device a token belongs to, unless it is unknown or revoked. */
export async function principalForTokenHash(sql: Sql, tokenHash: string): Promise<Principal | null> {
  const [row] = await sql.query<Principal>(
    'SELECT user_id AS "userId", id AS "deviceId" FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash],
  );
  return row ?? null;
}
