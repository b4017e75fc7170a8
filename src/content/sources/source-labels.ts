/** The strings of "Add this page as a source", read from `_locales` the first time a page is kept. */
import { t, tCount, tNumber } from '../../platform/i18n';

/** Strings of the source toasts. */
export interface SourceLabels {
  reading: string;
  saved: (title: string) => string;
  updated: (title: string) => string;
  mentions: (count: number) => string;
  truncated: (maxChars: number) => string;
  exists: (date: string | undefined) => string;
  update: string;
  cancel: string;
  saveSelection: string;
  selectHint: string;
  failed: (reason: string) => string;
  dismiss: string;
}

/** Source labels in the browser's UI language. */
export function sourceLabels(): SourceLabels {
  return {
    reading: t('srcReading'),
    saved: (title) => t('srcSaved', title),
    updated: (title) => t('srcUpdated', title),
    mentions: (count) => tCount('srcMentions', count),
    truncated: (maxChars) => t('srcTruncated', tNumber(maxChars)),
    exists: (date) => (date ? t('srcExists', date) : t('srcExistsUndated')),
    update: t('srcUpdate'),
    cancel: t('srcCancel'),
    saveSelection: t('srcSaveSelection'),
    selectHint: t('srcSelectHint'),
    failed: (reason) => t('srcFailed', reason),
    dismiss: t('srcDismiss'),
  };
}
