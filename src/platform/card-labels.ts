/** The `CardBody` labels read from `_locales`, for every context that shows a card. */
import type { CardBodyLabels } from '../shared/ui/CardBody';
import { entityTypeLabel } from './entity-type-label';
import { t, tCount } from './i18n';

/** Card labels in the browser's UI language. */
export function cardLabels(): CardBodyLabels {
  return {
    typeLabel: entityTypeLabel,
    sources: t('cardSources'),
    noPassages: t('cardNoPassages'),
    readSource: t('cardReadSource'),
    related: t('cardRelated'),
    links: t('cardLinks'),
    morePassages: (count) => tCount('srcMorePassages', count),
  };
}
