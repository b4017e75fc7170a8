/** "Related": the entities this one is related to, each a link to its own page. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import { entityHref } from '../../shared/entity-url';
import type { EntitySummary } from '../../shared/kb-types';

/** Props of `RelatedSection`. */
export interface RelatedSectionProps {
  related: readonly EntitySummary[];
}

/** The section, saying so when nothing is related. */
export function RelatedSection({ related }: RelatedSectionProps) {
  return (
    <section class="entity-section" aria-labelledby="entity-related">
      <h2 id="entity-related">{t('entityPageRelated')}</h2>
      {related.length === 0 ? (
        <p class="notice">{t('entityPageNoRelated')}</p>
      ) : (
        <ul class="entity-related">
          {related.map((e) => (
            <li key={e.id}>
              <a href={entityHref(e.id)}>{e.name}</a>{' '}
              <span class="entity-type">{entityTypeLabel(e.type)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
