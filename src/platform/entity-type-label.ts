/**
 * Human-readable names of entity types, shared by the content-script card and the extension pages.
 *
 * Lives in `platform/` because it reads `_locales` through `t()`. Message keys may only contain
 * [A-Za-z0-9_@], so the hyphens of an `EntityType` become underscores in its key.
 */
import type { EntityType } from '../shared/kb-types';
import { t } from './i18n';

/** The `_locales` key holding the label of `type`, e.g. `entityType_threat_actor`. */
export function entityTypeMessageKey(type: EntityType): string {
  return `entityType_${type.replaceAll('-', '_')}`;
}

/** The label of `type` in the UI language, e.g. "Threat actor". */
export function entityTypeLabel(type: EntityType): string {
  return t(entityTypeMessageKey(type));
}
