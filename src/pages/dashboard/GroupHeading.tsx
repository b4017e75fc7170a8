/** The heading over one group of notes: the page (title, site, address) or the entity they are about. */
import { entityTypeLabel } from '../../platform/entity-type-label';
import { t } from '../../platform/i18n';
import { tintStyle } from '../shared/tint-style';
import { isWebUrl, type NoteGroup } from './note-groups';

/** Props of `GroupHeading`. */
export interface GroupHeadingProps {
  group: NoteGroup;
  headingId: string;
}

/**
 * Addresses are links only when they are http(s): an imported note's URL could be `javascript:` and must
 * never become something to click. Otherwise the address shows as text.
 */
export function GroupHeading({ group, headingId }: GroupHeadingProps) {
  if (group.kind === 'entity') {
    return (
      <header class="note-group-header">
        <h2 id={headingId}>
          {group.entity && (
            <span class="entity-swatch" style={tintStyle(group.entity.type)} aria-hidden="true" />
          )}
          {group.entity?.name ?? t('dashboardUnknownEntity', group.entityId)}
        </h2>
        <p class="note-group-where">
          {group.entity && <span class="entity-type">{entityTypeLabel(group.entity.type)}</span>}{' '}
          {t('dashboardEntityNotes')}
        </p>
      </header>
    );
  }
  return (
    <header class="note-group-header">
      <h2 id={headingId}>{group.title || t('dashboardUntitledPage')}</h2>
      <p class="note-group-where">
        {group.site && <span class="note-group-site">{group.site}</span>}{' '}
        {isWebUrl(group.url) ? (
          <a class="note-group-url" href={group.url} target="_blank" rel="noopener noreferrer">
            {group.url}
          </a>
        ) : (
          <span class="note-group-url">{group.url}</span>
        )}
      </p>
    </header>
  );
}
