/**
 * The reply envelope of every cross-context request. Errors do not survive structured cloning across
 * `runtime.sendMessage`, so failures travel as a plain `{ ok: false, error }` value instead of a throw.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps a message as a failed result. */
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });
