/** The dashboard's tab strip: Notes, Sources, Entities, Suggestions (the WAI-ARIA tabs pattern). */
import { useRef } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { DASHBOARD_TABS, type DashboardTab } from './library-tabs';

/** Props of `TabList`. */
export interface TabListProps {
  current: DashboardTab;
  onChange: (tab: DashboardTab) => void;
}

/** The id of a tab's button, which labels its panel. */
export const tabId = (tab: DashboardTab): string => `dashboard-tab-${tab}`;
/** The id of a tab's panel. */
export const panelId = (tab: DashboardTab): string => `dashboard-panel-${tab}`;

const LABEL_KEYS: Record<DashboardTab, string> = {
  notes: 'libTabNotes',
  sources: 'libTabSources',
  entities: 'libTabEntities',
  suggestions: 'libTabSuggestions',
};

/** Where each key moves from tab `at` (of `count`), or undefined for keys the strip does not handle. */
function target(key: string, at: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * Only the chosen tab is in the tab order; the arrow keys (and Home, End) move to another tab and choose
 * it at once, since showing a panel costs no more than one request.
 */
export function TabList({ current, onChange }: TabListProps) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = DASHBOARD_TABS.indexOf(current);
    const next = target(event.key, at, DASHBOARD_TABS.length);
    const tab = next === undefined ? undefined : DASHBOARD_TABS[next];
    if (next === undefined || !tab) return;
    event.preventDefault();
    onChange(tab);
    buttons.current[next]?.focus();
  };
  return (
    <div class="dashboard-tabs" role="tablist" aria-label={t('libTabsLabel')} onKeyDown={onKeyDown}>
      {DASHBOARD_TABS.map((tab, index) => (
        <button
          key={tab}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === current}
          aria-controls={panelId(tab)}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(LABEL_KEYS[tab])}
        </button>
      ))}
    </div>
  );
}
