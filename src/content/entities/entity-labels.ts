/** The strings of "Make this an entity", read from `_locales` the first time they are needed. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import type { EntityType } from '../../shared/kb-types';

/** Strings of the entity form and its button. */
export interface EntityLabels {
  make: string;
  makeTitle: string;
  formLabel: string;
  name: string;
  matchCase: string;
  type: string;
  typeLabel: (type: EntityType) => string;
  description: string;
  aliases: string;
  aliasesHint: string;
  save: string;
  saving: string;
  cancel: string;
  created: (name: string) => string;
  noSelection: string;
}

/** Entity labels in the browser's UI language. */
export function entityLabels(): EntityLabels {
  return {
    make: t('entMake'),
    makeTitle: t('entMakeTitle'),
    formLabel: t('entFormLabel'),
    name: t('entName'),
    matchCase: t('entMatchCase'),
    type: t('entType'),
    typeLabel: entityTypeLabel,
    description: t('entDescription'),
    aliases: t('entAliases'),
    aliasesHint: t('entAliasesHint'),
    save: t('entSave'),
    saving: t('entSaving'),
    cancel: t('entCancel'),
    created: (name) => t('entCreated', name),
    noSelection: t('entNoSelection'),
  };
}
