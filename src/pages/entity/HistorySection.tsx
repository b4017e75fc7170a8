/**
 * "Where you have seen it": the pages on which Gloss highlighted the entity, newest first, recorded in this
 * browser only. When recording is off it says so (what is listed stays until cleared) with the way to the
 * options.
 */
import { t, tCount } from '../../platform/i18n';
import { formatDate } from '../../shared/format-date';
import type { EntityHistory, Sighting } from '../../shared/history/history-types';
import { richMessage } from '../shared/rich-message';

/** Props of `HistorySection`. */
export interface HistorySectionProps {
  history: EntityHistory;
}

/** The page's site as readers name it: its host without "www.". */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function PageRow({ page }: { page: Sighting }) {
  const site = siteOf(page.url);
  return (
    <li class="entity-sighting">
      <a href={page.url} target="_blank" rel="noopener noreferrer">
        {page.title || page.url}
      </a>
      <p class="entity-sighting-meta">
        {site && <span>{site}</span>}
        <time dateTime={new Date(page.lastSeen).toISOString()}>{formatDate(page.lastSeen)}</time>
        <span>{tCount('entityPageMentions', page.mentions)}</span>
      </p>
    </li>
  );
}

/** The section. */
export function HistorySection({ history }: HistorySectionProps) {
  const { pages, pageCount, lastSeen, isRecording } = history;
  return (
    <section class="entity-section" aria-labelledby="entity-history">
      <h2 id="entity-history">{t('entityPageHistory')}</h2>
      {!isRecording && (
        <p class="notice entity-recording-off">
          {richMessage('entityPageRecordingOff', [
            <a key="options" href="options.html" target="_blank" rel="noopener">
              {t('entityPageOpenOptions')}
            </a>,
          ])}
        </p>
      )}
      {pageCount === 0 || lastSeen === undefined ? (
        <p class="notice entity-history-summary">{t('entityPageNotSeen')}</p>
      ) : (
        <>
          <p class="entity-history-summary">
            {tCount('entityPageSeenOn', pageCount, [formatDate(lastSeen)])}
          </p>
          <ul class="entity-sightings">
            {pages.map((page) => (
              <PageRow key={page.pageKey} page={page} />
            ))}
          </ul>
          {pageCount > pages.length && <p class="hint">{tCount('entityPageNewestShown', pages.length)}</p>}
        </>
      )}
    </section>
  );
}
