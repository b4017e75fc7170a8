/**
 * Turns anything thrown into a sentence a person can read. Requests reject with `Error`s whose message is
 * the background's own wording, so that message is shown as it is.
 */

/** The message of `error` in plain words, never an empty string or "[object Object]". */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Unknown error';
}
