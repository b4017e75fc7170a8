/**
 * The two secrets the server hands out and how it stores them. Both are random; only their SHA-256 is kept,
 * so a leaked database does not let anyone sync as a user. A plain hash (no salt, no slow KDF) is enough
 * because neither secret is chosen by a person: a 256-bit token and a ~50-bit single-use code that expires
 * in a day, with enrolment rate-limited, are out of reach of guessing.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read off a terminal and typed into the options page. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

/** How long an enrolment code works. */
export const CODE_TTL_MS = 24 * 60 * 60 * 1000;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A device token: 32 random bytes, base64url. Shown once at enrolment, never stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A fresh enrolment code, shown as two groups of five (`K7QM4-XW2PA`). */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * The form a code is hashed in: case, spaces and dashes do not matter, so a code typed as `k7qm4 xw2pa`
 * works. Returns null for anything that cannot be a code, so it is refused without a database lookup.
 */
export function normaliseCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/** A token's shape, checked before hashing so junk never reaches the database. */
export function looksLikeToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}
