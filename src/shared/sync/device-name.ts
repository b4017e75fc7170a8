/**
 * What a device may be called: the name the extension proposes ("Chrome 156 on Linux"), the reader may
 * edit before connecting, and the server lists with the date it was added. One rule for the connect form,
 * the background and the server, so a name the form accepts is never refused at enrolment.
 */

/** Longest name, in UTF-16 units (room for "Microsoft Edge 156 on Windows, work laptop"). */
export const DEVICE_NAME_MAX = 100;

/**
 * Characters a name may not hold: control characters and line or paragraph separators (they would break
 * the CLI's one-line-per-device listing), and the bidirectional marks, embeddings, overrides and isolates
 * (they can make a listed name read as another, as in "Trojan Source").
 */
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The name as it is stored: runs of white space (tabs and line breaks too) made one space, then trimmed. */
export function cleanDeviceName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Why a cleaned name cannot be used ('empty', 'too-long', 'characters'), or undefined when it can. */
export function deviceNameProblem(cleaned: string): 'empty' | 'too-long' | 'characters' | undefined {
  if (!cleaned) return 'empty';
  if (cleaned.length > DEVICE_NAME_MAX) return 'too-long';
  // Lone surrogates, which PostgreSQL refuses, are the wire schema's check (wire-schemas.ts `text`).
  if (FORBIDDEN.test(cleaned)) return 'characters';
  return undefined;
}
