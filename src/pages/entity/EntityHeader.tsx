/** The head of the entity page: name, kind, badges, other names, description and links. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import type { EntityPageData } from '../../shared/library/entity-page-types';
import { editEntityHref } from '../shared/dashboard-url';
import { tintStyle } from '../shared/tint-style';

/** Props of `EntityHeader`. */
export interface EntityHeaderProps {
  entity: EntityPageData['entity'];
}

/** Hidden, edited (a built-in one the reader changed) or the reader's own. */
function Badges({ entity }: EntityHeaderProps) {
  return (
    <>
      {entity.origin === 'user' && <span class="entity-badge is-user">{t('entityPageBadgeYours')}</span>}
      {entity.isEdited && <span class="entity-badge is-edited">{t('entityPageBadgeEdited')}</span>}
      {entity.isHidden && <span class="entity-badge is-hidden">{t('entityPageBadgeHidden')}</span>}
    </>
  );
}

/** The header. A hidden entity says why no page highlights it. */
export function EntityHeader({ entity }: EntityHeaderProps) {
  return (
    <header class="entity-header">
      <p class="entity-kicker">
        <span class="entity-swatch" aria-hidden="true" style={tintStyle(entity.type)} />
        <span class="entity-type">{entityTypeLabel(entity.type)}</span>
        <Badges entity={entity} />
      </p>
      <h1>{entity.name}</h1>
      <p class="entity-edit">
        <a href={editEntityHref(entity.id)}>{t('entityPageEdit')}</a>
      </p>
      {entity.aliases.length > 0 && (
        <p class="entity-aliases">{t('entityPageAliases', entity.aliases.join(', '))}</p>
      )}
      {entity.isHidden && <p class="entity-hidden-note">{t('entityPageHiddenNote')}</p>}
      <p class="entity-description">{entity.description}</p>
      {entity.links.length > 0 && (
        <ul class="entity-links" aria-label={t('entityPageLinks')}>
          {entity.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
