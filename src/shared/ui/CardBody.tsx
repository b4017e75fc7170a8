/**
 * An entity's card content: name, type, description, the passages the sources quote (with attribution and
 * a link into the source reader), related entities and links. Used by the in-page card and the popup.
 * Every string from the knowledge base is rendered as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatPageDate } from '../format-date';
import type { CardData, EntityType, Passage, SourceMeta } from '../kb-types';

/** Passages shown before "N more": the newest ones (they arrive newest first). */
export const FIRST_PASSAGES = 3;

/** Where "Read in source" should take the reader. */
export interface SourceTarget {
  sourceId: string;
  entityId: string;
  passageId: string;
}

/** UI strings the host context supplies (content scripts and pages read `_locales` differently). */
export interface CardBodyLabels {
  typeLabel: (type: EntityType) => string;
  sources: string;
  noPassages: string;
  readSource: string;
  related: string;
  links: string;
  /** The button that shows the passages after the first three: "2 more". */
  morePassages: (count: number) => string;
}

/** Props of `CardBody`. */
export interface CardBodyProps {
  card: CardData;
  labels: CardBodyLabels;
  onOpenSource: (target: SourceTarget) => void;
  onSelectEntity?: (entityId: string) => void;
  headingLevel?: 2 | 3;
  /** Optional line under the heading, e.g. how often the entity appears on the page. */
  extra?: ComponentChildren;
}

/** The passage text with the entity's mentions emphasised. */
function Quote({ passage }: { passage: Passage }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  passage.marks.forEach(([start, end]) => {
    if (start > at) parts.push(passage.text.slice(at, start));
    parts.push(<strong key={start}>{passage.text.slice(start, end)}</strong>);
    at = end;
  });
  if (at < passage.text.length) parts.push(passage.text.slice(at));
  return <blockquote class="gloss-quote">{parts}</blockquote>;
}

/** A publication date as words ("4 Dec 2026"), the date in words a built-in source gives, or nothing. */
function sourceDate(source: SourceMeta): string | undefined {
  return (source.publishedAt && formatPageDate(source.publishedAt)) || source.dateText;
}

/** "Title, Author, Site, Date." with the title as a `<cite>`; parts a source lacks are left out. */
function Attribution({ source }: { source: SourceMeta }) {
  const rest = [source.author, source.site, sourceDate(source)].filter((part): part is string => !!part);
  return (
    <>
      <cite>{source.title}</cite>
      {rest.map((part) => `, ${part}`).join('')}.
    </>
  );
}

/** The card content. */
export function CardBody({
  card,
  labels,
  onOpenSource,
  onSelectEntity,
  headingLevel = 2,
  extra,
}: CardBodyProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const { entity, passages, related } = card;
  // Keyed by entity: a related entity opened in the same card starts with its first passages again.
  const [allShownFor, setAllShownFor] = useState<string | undefined>();
  const isAllShown = allShownFor === entity.id;
  const firstRevealed = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The "N more" button is gone: focus goes to the first passage it revealed rather than to nothing.
    if (isAllShown) firstRevealed.current?.focus();
  }, [isAllShown]);
  const hidden = isAllShown ? 0 : Math.max(0, passages.length - FIRST_PASSAGES);
  const shown = hidden > 0 ? passages.slice(0, FIRST_PASSAGES) : passages;
  return (
    <div class="gloss-card-body">
      <Heading class="gloss-name">{entity.name}</Heading>
      <p class="gloss-type">{labels.typeLabel(entity.type)}</p>
      {extra}
      <p class="gloss-description">{entity.description}</p>
      <Sub class="gloss-section">{labels.sources}</Sub>
      {passages.length === 0 ? (
        <p class="gloss-empty">{labels.noPassages}</p>
      ) : (
        <ul class="gloss-passages">
          {shown.map((p, i) => (
            <li
              key={p.id}
              class="gloss-passage"
              ref={i === FIRST_PASSAGES ? firstRevealed : undefined}
              tabIndex={i === FIRST_PASSAGES ? -1 : undefined}
            >
              <Quote passage={p} />
              <p class="gloss-attribution">
                <Attribution source={p.source} />{' '}
                <button
                  type="button"
                  class="gloss-read-source gloss-link-button"
                  onClick={() => onOpenSource({ sourceId: p.sourceId, entityId: entity.id, passageId: p.id })}
                >
                  {labels.readSource}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p class="gloss-more">
          <button
            type="button"
            class="gloss-link-button gloss-more-passages"
            onClick={() => setAllShownFor(entity.id)}
          >
            {labels.morePassages(hidden)}
          </button>
        </p>
      )}
      {related.length > 0 && (
        <>
          <Sub class="gloss-section">{labels.related}</Sub>
          <ul class="gloss-related">
            {related.map((r) => (
              <li key={r.id}>
                {onSelectEntity ? (
                  <button type="button" class="gloss-chip" onClick={() => onSelectEntity(r.id)}>
                    {r.name}
                  </button>
                ) : (
                  <span class="gloss-chip">{r.name}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {entity.links.length > 0 && (
        <>
          <Sub class="gloss-section">{labels.links}</Sub>
          <ul class="gloss-links">
            {entity.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} target="_blank" rel="noopener noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
