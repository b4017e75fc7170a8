/** "In your sources": every passage quoting the entity, its mentions marked, each opening the reader there. */
import type { ComponentChildren } from 'preact';
import { t, tCount } from '../../platform/i18n';
import { formatPageDate } from '../../shared/format-date';
import type { EntityPageData } from '../../shared/library/entity-page-types';
import { readerHref } from '../../shared/reader-url';

type PagePassage = EntityPageData['passages'][number];

/** Props of `PassagesSection`. */
export interface PassagesSectionProps {
  entity: EntityPageData['entity'];
  passages: readonly PagePassage[];
}

/** The passage's text with the entity's mentions marked. */
function Quote({ passage }: { passage: PagePassage }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of passage.marks) {
    if (start > at) parts.push(passage.text.slice(at, start));
    parts.push(<mark key={start}>{passage.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < passage.text.length) parts.push(passage.text.slice(at));
  return <blockquote class="entity-quote">{parts}</blockquote>;
}

/** "Title, Author, Site, Date." with the title as a `<cite>`; what a source lacks is left out. */
function Attribution({ source }: { source: PagePassage['source'] }) {
  const date = (source.publishedAt && formatPageDate(source.publishedAt)) || source.dateText;
  const rest = [source.author, source.site, date].filter((part): part is string => !!part);
  return (
    <>
      <cite>{source.title}</cite>
      {rest.map((part) => `, ${part}`).join('')}.
    </>
  );
}

/** The section; a hidden entity has no passages and says why. */
export function PassagesSection({ entity, passages }: PassagesSectionProps) {
  return (
    <section class="entity-section" aria-labelledby="entity-sources">
      <h2 id="entity-sources">
        {t('entityPageSources')}{' '}
        <span class="entity-count">{tCount('entityPagePassageCount', passages.length)}</span>
      </h2>
      {passages.length === 0 ? (
        <p class="notice">{entity.isHidden ? t('entityPageNoPassagesHidden') : t('entityPageNoPassages')}</p>
      ) : (
        <ul class="entity-passages">
          {passages.map((passage) => (
            <li key={passage.id} class="entity-passage">
              <Quote passage={passage} />
              <p class="entity-attribution">
                <Attribution source={passage.source} />{' '}
                <a
                  href={readerHref({
                    sourceId: passage.sourceId,
                    entityId: entity.id,
                    passageId: passage.id,
                  })}
                >
                  {t('entityPageReadSource')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
