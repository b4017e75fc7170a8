/** The panel of the chosen tab, labelled by its tab. */
import type { ComponentChildren } from 'preact';
import type { DashboardTab } from './library-tabs';
import { panelId, tabId } from './TabList';

/** Props of `TabPanel`. */
export interface TabPanelProps {
  tab: DashboardTab;
  children: ComponentChildren;
}

/** Only the chosen tab's panel is rendered; every panel starts with a control, so it needs no tabindex of its own. */
export function TabPanel({ tab, children }: TabPanelProps) {
  return (
    <div class="dashboard-panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
      {children}
    </div>
  );
}
