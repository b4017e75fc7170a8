/**
 * The dashboard's tabs and how the chosen one is kept in the page address (`?tab=sources`), beside the
 * notes filters, which keep their own parameters.
 */

/** The dashboard's tabs, in their order on screen. */
export const DASHBOARD_TABS = ['notes', 'sources', 'entities', 'suggestions'] as const;

/** One tab. */
export type DashboardTab = (typeof DASHBOARD_TABS)[number];

const isTab = (value: string): value is DashboardTab => (DASHBOARD_TABS as readonly string[]).includes(value);

/** The tab named in a query string; the notes tab when none or an unknown one is named. */
export function readTab(search: string): DashboardTab {
  const value = new URLSearchParams(search).get('tab') ?? '';
  return isTab(value) ? value : 'notes';
}

/**
 * `query` (the notes filters, '' or '?…') with the tab added in front. The notes tab is the default and is
 * left out, so the address of the notes dashboard is what it always was.
 */
export function queryWithTab(query: string, tab: DashboardTab): string {
  if (tab === 'notes') return query;
  const params = new URLSearchParams([['tab', tab], ...new URLSearchParams(query)]);
  return `?${params.toString()}`;
}
