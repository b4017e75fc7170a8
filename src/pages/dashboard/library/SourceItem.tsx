/** One source in the Sources tab: what it is, where it is from, and what the reader can do with it. */
import { useId } from 'preact/hooks';
import { t, tCount } from '../../../platform/i18n';
import { formatPageDate } from '../../../shared/format-date';
import type { SourceListItem } from '../../../shared/library/library-types';

/** Props of `SourceItem`. */
export interface SourceItemProps {
  source: SourceListItem;
  onRead: (source: SourceListItem) => void;
  onUpdate: (source: SourceListItem) => void;
  onDelete: (source: SourceListItem) => void;
}

/** The publication date in words, the built-in date in words, or nothing when the page gave none. */
function dateText(source: SourceListItem): string {
  return (source.publishedAt && formatPageDate(source.publishedAt)) || source.dateText || '';
}

/** Built-in sources can only be read: the bundle replaces them, so updating or deleting one would not last. */
export function SourceItem({ source, onRead, onUpdate, onDelete }: SourceItemProps) {
  const isMine = source.origin === 'user';
  const date = dateText(source);
  const titleId = useId();
  return (
    <li class="library-item" data-source-id={source.id}>
      <h3 class="library-item-title" id={titleId}>
        {source.title || t('libUntitledSource')}
      </h3>
      <p class="library-item-meta">
        <span class="library-site">{source.site}</span>
        {date && <span class="library-date">{date}</span>}
        <span class="library-count">{tCount('libSourceEntityCount', source.entityCount)}</span>
        <span class={`library-badge is-${source.origin}`}>
          {isMine ? t('libOriginUser') : t('libOriginBuiltin')}
        </span>
        {source.isTruncated && <span class="library-badge is-truncated">{t('libSourceTruncated')}</span>}
      </p>
      {/* The item's buttons as a group named by its title: "Accept" alone would not say which. */}
      <fieldset class="library-actions" aria-labelledby={titleId}>
        <button type="button" onClick={() => onRead(source)}>
          {t('libSourceRead')}
        </button>
        {isMine && (
          <button type="button" onClick={() => onUpdate(source)}>
            {t('libSourceUpdate')}
          </button>
        )}
        {isMine && (
          <button type="button" onClick={() => onDelete(source)}>
            {t('libDelete')}
          </button>
        )}
      </fieldset>
    </li>
  );
}
