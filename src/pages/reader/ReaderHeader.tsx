/** The head of a source article: what it is, who wrote it, where and roughly when it appeared. */
import { t } from '../../platform/i18n';
import type { SourceDoc } from '../../shared/kb-types';

/** Props of `ReaderHeader`. */
export interface ReaderHeaderProps {
  source: SourceDoc;
}

/**
 * The date is shown exactly as the knowledge base words it ("early 2021"): the supplied text carries no
 * exact date, and inventing one would misattribute the source. The closing note says this is the text as
 * supplied to Gloss, not the publisher's page.
 */
export function ReaderHeader({ source }: ReaderHeaderProps) {
  const byline = source.authorAffiliation
    ? t('readerBylineAffiliation', [source.author, source.authorAffiliation])
    : t('readerByline', source.author);
  return (
    <header class="reader-header">
      <p class="reader-kicker">
        {source.section
          ? t('readerPublicationSection', [source.publication, source.section])
          : source.publication}
      </p>
      <h1>{source.title}</h1>
      {source.subtitle && <p class="reader-subtitle">{source.subtitle}</p>}
      <p class="reader-byline">{byline}</p>
      <p class="reader-date">{t('readerDate', [source.publication, source.approxDate])}</p>
      <p class="reader-note">{t('readerSuppliedNote')}</p>
    </header>
  );
}
