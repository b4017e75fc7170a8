/**
 * An entity's card content: name, type, description, the passages the sources quote (with attribution and
 * a link into the source reader), related entities and links. Used by the in-page card and the popup.
 * Every string from the knowledge base is rendered as text, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import type { CardData, EntityType, Passage } from '../kb-types';

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
          {passages.map((p) => (
            <li key={p.id} class="gloss-passage">
              <Quote passage={p} />
              <p class="gloss-attribution">
                <cite>{p.source.title}</cite>, {p.source.author}, {p.source.publication},{' '}
                {p.source.approxDate}.{' '}
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
