/** The head of a source: what it is, who wrote it, where and when it appeared. */
import { t } from '../../platform/i18n';
import { formatDate, formatPageDate } from '../../shared/format-date';
import type { SourceMeta } from '../../shared/kb-types';

/** Props of `ReaderHeader`. */
export interface ReaderHeaderProps {
  source: SourceMeta;
}

/** The author line, when the source names one. */
function byline(source: SourceMeta): string | undefined {
  if (!source.author) return undefined;
  return source.authorAffiliation
    ? t('readerBylineAffiliation', [source.author, source.authorAffiliation])
    : t('readerByline', source.author);
}

/**
 * A built-in source's date is shown exactly as the knowledge base words it ("early 2021"): the supplied
 * text carries no exact date, and inventing one would misattribute it. A page the reader kept shows the
 * date the page gave (if any), the day it was kept, and a link to the original.
 */
export function ReaderHeader({ source }: ReaderHeaderProps) {
  const by = byline(source);
  const published = source.publishedAt && formatPageDate(source.publishedAt);
  return (
    <header class="reader-header">
      <p class="reader-kicker">
        {source.section ? t('readerPublicationSection', [source.site, source.section]) : source.site}
      </p>
      <h1>{source.title}</h1>
      {source.subtitle && <p class="reader-subtitle">{source.subtitle}</p>}
      {by && <p class="reader-byline">{by}</p>}
      {source.dateText && <p class="reader-date">{t('readerDate', [source.site, source.dateText])}</p>}
      {published && (
        <p class="reader-date">
          <time dateTime={source.publishedAt}>{t('readerPublished', published)}</time>
        </p>
      )}
      {source.origin === 'user' ? (
        <p class="reader-note">
          {source.addedAt !== undefined && `${t('readerKept', formatDate(source.addedAt))} `}
          {source.url && (
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {t('readerOriginal')}
            </a>
          )}
        </p>
      ) : (
        <p class="reader-note">{t('readerSuppliedNote')}</p>
      )}
    </header>
  );
}
