/** What an import did, in plain sentences ("Imported 12 notes. 3 were already here. 1 could not be used: …"). */
import { t, tCount } from '../../platform/i18n';
import type { ImportSummary } from '../../shared/protocol';
import { errorText } from '../shared/error-text';

/** How many skipped annotations are named one by one; a file of thousands of bad ones should not fill the page. */
const NAMED_SKIPS = 5;

/**
 * One skipped annotation: "annotation 4 has no text and no quote". `index` already counts from 1 (see
 * `SkippedAnnotation`) and `reason` completes the phrase; a trailing full stop is dropped, as the list
 * supplies its own punctuation.
 */
function skippedItem(skip: { index: number; reason: string }): string {
  return t('dashboardImportSkippedItem', [String(skip.index), skip.reason.trim().replace(/[.。]$/, '')]);
}

/** The summary sentences, joined with spaces. */
export function importSummaryText(summary: ImportSummary): string {
  const sentences = [
    summary.added === 0 ? t('dashboardImportedNone') : tCount('dashboardImported', summary.added),
  ];
  if (summary.unchanged > 0) {
    sentences.push(tCount('dashboardAlreadyHere', summary.unchanged));
  }
  const skipped = summary.skipped;
  if (skipped.length > 0) {
    const named = skipped.slice(0, NAMED_SKIPS).map(skippedItem);
    if (skipped.length > NAMED_SKIPS)
      named.push(tCount('dashboardImportSkippedMore', skipped.length - NAMED_SKIPS));
    // A semicolon, as the reasons themselves may contain commas.
    const list = named.join('; ');
    sentences.push(tCount('dashboardImportSkipped', skipped.length, [list]));
  }
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
