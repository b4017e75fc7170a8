/**
 * Dates as words in the reader's own locale: "4 Dec 2026" (en-GB), "Dec 4, 2026" (en-US), "4. Dez. 2026"
 * (de), with the time where it helps: "4 Dec 2026, 14:05". Never `12/4/2026`, which readers on either side
 * of the Atlantic read as different days. The month is spelled out (`month: 'short'`) rather than taken from
 * `dateStyle: 'medium'`, which is all digits in some locales (German, Japanese).
 *
 * It lives in shared/ rather than pages/shared/ because the in-page note card shows dates too, and content
 * code may not import the pages' code.
 */

/** Which locale and time zone to write in; both default to the browser's own. Tests pin them. */
export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: 'numeric', minute: '2-digit' };

/** Built formatters by options: making one per note would be slow in a dashboard of thousands. */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(fields: Intl.DateTimeFormatOptions, { locale, timeZone }: DateFormatOptions) {
  const key = `${fields === DATE ? 'd' : 'dt'}|${locale ?? ''}|${timeZone ?? ''}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...fields, timeZone });
    cache.set(key, format);
  }
  return format;
}

/** The day of `time` (ms since the epoch) in words: "4 Dec 2026". */
export function formatDate(time: number, options: DateFormatOptions = {}): string {
  return formatter(DATE, options).format(time);
}

/** The day and time of `time`: "4 Dec 2026, 14:05" (or "Dec 4, 2026, 2:05 PM" where clocks have 12 hours). */
export function formatDateTime(time: number, options: DateFormatOptions = {}): string {
  return formatter(DATE_TIME, options).format(time);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(time: number): string {
  return new Date(time).toISOString();
}

/**
 * The day a page said it was published, from an ISO 8601 timestamp kept with the page's own offset
 * (content/sources/page-metadata.ts): "14 Mar 2024" for 2024-03-14T06:00+09:00, wherever the reader is. A
 * timestamp's instant in the reader's zone could be the day before or after.
 */
export function formatPageDate(iso: string, options: DateFormatOptions = {}): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(day) ? undefined : formatDate(day, { ...options, timeZone: 'UTC' });
}
