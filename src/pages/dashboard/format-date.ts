/** Dates as the reader's browser writes them, e.g. "12 Mar 2025, 14:05" or "2025/03/12 14:05". */

/** One formatter for the page: building one per note would be slow with thousands of notes. */
const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `time` (ms since the epoch) in the browser's locale. */
export function formatDate(time: number): string {
  return FORMAT.format(time);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(time: number): string {
  return new Date(time).toISOString();
}
