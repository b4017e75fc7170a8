/** Entry point of the entity page (bundled to `entity.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { EntityApp } from './EntityApp';

mountPage(t('entityPageTitle'), <EntityApp search={location.search} />);
