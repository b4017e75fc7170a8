/** What an import did, in plain sentences ("Imported 12 notes. 3 were already here. 1 could not be used: …"). */
import { t, tCount } from '../../platform/i18n';
import type { ImportSummary } from '../../shared/protocol';
import { errorText } from '../shared/error-text';

/** How many annotations of each list are named one by one; a file of thousands should not fill the page. */
const NAMED_ITEMS = 5;

/**
 * One annotation and what happened to it: "annotation 4 (http://example.org/anno4) has no text". `index`
 * already counts from 1 (see `SkippedAnnotation`), `id` is the annotation's own id when it has one, and
 * `what` (a reason or a change, in English from the background) completes the phrase; a trailing full
 * stop is dropped, as the list supplies its own punctuation.
 */
function item(entry: { index: number; id?: string }, what: string): string {
  const phrase = what.trim().replace(/[.。]$/, '');
  return entry.id
    ? t('dashboardImportItemWithId', [String(entry.index), entry.id, phrase])
    : t('dashboardImportSkippedItem', [String(entry.index), phrase]);
}

/** "a; b; c; and 2 more": the first NAMED_ITEMS items, then how many more. */
function namedList(items: string[]): string {
  const named = items.slice(0, NAMED_ITEMS);
  if (items.length > NAMED_ITEMS)
    named.push(tCount('dashboardImportSkippedMore', items.length - NAMED_ITEMS));
  // A semicolon, as the reasons themselves may contain commas.
  return named.join('; ');
}

/** The summary sentences, joined with spaces. */
export function importSummaryText(summary: ImportSummary): string {
  const sentences = [
    summary.added === 0 ? t('dashboardImportedNone') : tCount('dashboardImported', summary.added),
  ];
  if (summary.unchanged > 0) {
    sentences.push(tCount('dashboardAlreadyHere', summary.unchanged));
  }
  const changed = summary.changed ?? [];
  if (changed.length > 0) {
    const list = namedList(changed.map((c) => item(c, c.change)));
    sentences.push(tCount('dashboardImportChanged', changed.length, [list]));
  }
  const skipped = summary.skipped;
  if (skipped.length > 0) {
    const list = namedList(skipped.map((s) => item(s, s.reason)));
    sentences.push(tCount('dashboardImportSkipped', skipped.length, [list]));
  }
  // A sentence from the background, in English like the reasons: the file is part of a longer collection.
  if (summary.more) sentences.push(summary.more);
  return sentences.join(' ');
}

/**
 * Why an import failed, saying once that nothing was imported. The background's own refusals (ImportError,
 * in English like every reason it gives) already end with that sentence; anything else, such as a lost
 * connection to the background, gets it added. Imports are one transaction, so it holds in both cases.
 */
export function importFailureText(error: unknown): string {
  const reason = errorText(error);
  const text = t('dashboardImportFailed', reason);
  return /Nothing was imported\.$/.test(reason) ? text : `${text} ${t('dashboardNothingImported')}`;
}
