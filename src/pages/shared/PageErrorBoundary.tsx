/** Last line of defence for an extension page: a render error shows as text, not as a blank page. */
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { errorText } from './error-text';
import { Notice } from './Notice';

/** Props of `PageErrorBoundary`. */
export interface PageErrorBoundaryProps {
  children: ComponentChildren;
}

/** Catches errors thrown while rendering its children and offers to try again. */
export function PageErrorBoundary({ children }: PageErrorBoundaryProps) {
  const [error, reset] = useErrorBoundary((e: unknown) => console.error('Gloss page error', e));
  if (!error) return <>{children}</>;
  return (
    <div class="page-error">
      <Notice kind="error">{t('pageError', errorText(error))}</Notice>
      <button type="button" onClick={reset}>
        {t('pageRetry')}
      </button>
    </div>
  );
}
