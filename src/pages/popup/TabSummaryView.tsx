/** The body of the popup once the tab's summary has arrived. */
import { t, tCount } from '../../platform/i18n';
import type { TabSummary } from '../../shared/protocol';
import { Notice } from '../shared/Notice';
import { EntityList } from './EntityList';
import { SiteSwitch } from './SiteSwitch';
import { sortByCount, summaryView } from './summary-view';

/** Props of `TabSummaryView`. */
export interface TabSummaryViewProps {
  summary: TabSummary;
  /** Called after the site switch changed, so the summary can be read again. */
  onSiteChanged: () => Promise<void>;
}

/** The site switch, then one of: cannot run here, off for this site, nothing found, or the entity list. */
export function TabSummaryView({ summary, onSiteChanged }: TabSummaryViewProps) {
  const view = summaryView(summary);
  if (view === 'unsupported') return <Notice>{t('popupUnsupported')}</Notice>;
  const entities = sortByCount(summary.entities);
  return (
    <>
      <SiteSwitch host={summary.host} isEnabled={summary.isEnabled} onChanged={onSiteChanged} />
      {view === 'disabled' && <Notice>{t('popupDisabled', summary.host)}</Notice>}
      {view === 'scanning' && <Notice>{t('popupScanning')}</Notice>}
      {view === 'empty' && <Notice>{t('popupEmpty')}</Notice>}
      {view === 'entities' && (
        <section class="popup-found" aria-labelledby="popup-found-heading">
          <h2 id="popup-found-heading" class="popup-total">
            {t('popupTotal', [tCount('mentionCount', summary.total), tCount('entityCount', entities.length)])}
          </h2>
          <EntityList entities={entities} />
        </section>
      )}
    </>
  );
}
