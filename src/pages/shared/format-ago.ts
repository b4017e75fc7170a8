/**
 * "2 minutes ago", "yesterday", "just now" in the browser's language, through `Intl.RelativeTimeFormat`
 * (no strings of our own to translate).
 */

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** How long ago `time` was, relative to `now`, in the largest whole unit ("now" under 10 seconds). */
export function formatAgo(time: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const elapsed = Math.max(0, now - time);
  if (elapsed < 10_000) return format.format(0, 'second');
  for (const [unit, size] of UNITS)
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  return format.format(0, 'second');
}
