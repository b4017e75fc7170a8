/** The strings `CardBody` asks its host for, read from `_locales` the way extension pages do. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import type { CardBodyLabels } from '../../shared/ui/CardBody';

/** Labels for `CardBody` in the UI language; the same keys the in-page card uses, so both read alike. */
export function cardLabels(): CardBodyLabels {
  return {
    typeLabel: entityTypeLabel,
    sources: t('cardSources'),
    noPassages: t('cardNoPassages'),
    readSource: t('cardReadSource'),
    related: t('cardRelated'),
    links: t('cardLinks'),
  };
}
