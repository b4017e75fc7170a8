/** The library's tabs of the dashboard (Sources, Entities, Suggestions), under their own page heading. */
import { t } from '../../../platform/i18n';
import { EntitiesPanel } from './EntitiesPanel';
import type { DashboardTab } from './library-tabs';
import { SourcesPanel } from './SourcesPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { TabPanel } from './TabPanel';

/** Props of `LibraryPanels`. */
export interface LibraryPanelsProps {
  tab: Exclude<DashboardTab, 'notes'>;
}

/** Each panel loads its list when it is shown, so a tab never shows another visit's stale list. */
export function LibraryPanels({ tab }: LibraryPanelsProps) {
  return (
    <TabPanel tab={tab}>
      <header class="dashboard-header library-header">
        <div class="dashboard-title-row">
          <span class="brand-mark" aria-hidden="true" />
          <h1>{t('libTitle')}</h1>
        </div>
      </header>
      <main class="dashboard-main">
        {tab === 'sources' && <SourcesPanel />}
        {tab === 'entities' && <EntitiesPanel />}
        {tab === 'suggestions' && <SuggestionsPanel />}
      </main>
    </TabPanel>
  );
}
