/** What a library tab shows while its list loads or after loading failed (with the way out). */
import { t } from '../../../platform/i18n';
import { Notice } from '../../shared/Notice';
import type { AsyncState } from '../../shared/use-async';

/** Props of `LoadNotice`. */
export interface LoadNoticeProps {
  state: AsyncState<unknown>;
  onRetry: () => Promise<void>;
}

/** Nothing once the list is there. */
export function LoadNotice({ state, onRetry }: LoadNoticeProps) {
  if (state.status === 'loading') return <Notice>{t('libLoading')}</Notice>;
  if (state.status === 'ready') return null;
  return (
    <>
      <Notice kind="error">{t('libLoadFailed', state.error)}</Notice>
      <button type="button" onClick={() => void onRetry()}>
        {t('dashboardRetry')}
      </button>
    </>
  );
}
