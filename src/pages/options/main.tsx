/** Entry point of the options page (bundled to `options.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { OptionsApp } from './OptionsApp';

mountPage(t('optionsTitle'), <OptionsApp />);
