/** Entry point of the entity page (bundled to `entity.js`). */
import { t } from '../../platform/i18n';
import { parseEntityId } from '../../shared/entity-url';
import { mountPage } from '../shared/mount-page';
import { SearchLayer } from '../shared/search/SearchLayer';
import { EntityApp } from './EntityApp';

const id = parseEntityId(location.search);

// The page's own search box looks only at what is connected with this entity (background/search/
// entity-filter.ts): notes about it or on pages where it was seen, sources quoting it, related entities.
mountPage(
  t('entityPageTitle'),
  id ? (
    <SearchLayer
      prefix="entity-search"
      barClass="entity-search"
      entityId={id}
      label={t('entityPageSearchLabel')}
    >
      <EntityApp search={location.search} />
    </SearchLayer>
  ) : (
    <EntityApp search={location.search} />
  ),
);
