/** One entity's card content inside the popup, loaded on demand. */
import { useState } from 'preact/hooks';
import { cardLabels } from '../../platform/card-labels';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { entityHref } from '../../shared/entity-url';
import { CardBody, type SourceTarget } from '../../shared/ui/CardBody';
import { errorText } from '../shared/error-text';
import { Notice } from '../shared/Notice';
import { useAsync } from '../shared/use-async';

/** Props of `EntityCardPanel`. */
export interface EntityCardPanelProps {
  entityId: string;
  /** A related entity was chosen inside the card. */
  onSelectEntity: (entityId: string) => void;
}

/**
 * Fetches the card (`getCard`) and renders the same `CardBody` the on-page card uses, so the popup and the
 * hover card never disagree. "Read in source" opens the reader through the background, which owns tabs.
 */
export function EntityCardPanel({ entityId, onSelectEntity }: EntityCardPanelProps) {
  const { state } = useAsync(() => request('getCard', { entityId }), entityId);
  const [openError, setOpenError] = useState('');

  if (state.status === 'loading') return <Notice>{t('popupCardLoading')}</Notice>;
  if (state.status === 'error') return <Notice kind="error">{t('popupCardError', state.error)}</Notice>;

  const openSource = (target: SourceTarget): void => {
    setOpenError('');
    request('openReader', target).then(
      () => undefined,
      (e: unknown) => setOpenError(errorText(e)),
    );
  };
  return (
    <>
      <CardBody
        card={state.value}
        labels={cardLabels()}
        onOpenSource={openSource}
        onSelectEntity={onSelectEntity}
        headingLevel={3}
      />
      {/* A plain link (a new tab), so it can also be middle-clicked or copied like any other. */}
      <p class="entity-page-link">
        <a
          href={entityHref(entityId)}
          target="_blank"
          rel="noopener"
          aria-label={t('entityPageLinkLabel', state.value.entity.name)}
        >
          {t('entityPageLink')}
        </a>
      </p>
      {openError && <Notice kind="error">{t('popupActionFailed', openError)}</Notice>}
    </>
  );
}
