/** Entry point of the source reader (bundled to `reader.js`). */
import { t } from '../../platform/i18n';
import { mountPage } from '../shared/mount-page';
import { ReaderApp } from './ReaderApp';

mountPage(t('readerTitle'), <ReaderApp search={location.search} />);
