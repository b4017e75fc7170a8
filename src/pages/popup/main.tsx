/** Entry point of the toolbar popup (bundled to `popup.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { PopupApp } from './PopupApp';

mountPage(t('extName'), <PopupApp search={location.search} />);
