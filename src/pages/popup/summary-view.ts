/** Pure decisions about what the popup shows for a tab summary. */
import type { TabEntityCount, TabSummary } from '../../shared/protocol';

/** The popup's main states, in the order they are checked. */
export type SummaryView = 'unsupported' | 'disabled' | 'scanning' | 'empty' | 'entities';

/** Which state a summary is in: a page Gloss cannot run on wins over everything else. */
export function summaryView(summary: TabSummary): SummaryView {
  if (!summary.isSupported) return 'unsupported';
  if (!summary.isEnabled) return 'disabled';
  if (summary.entities.some((e) => e.count > 0)) return 'entities';
  return summary.isScanning ? 'scanning' : 'empty';
}

/** Entities with at least one mention, most mentioned first, ties by name so the order is stable. */
export function sortByCount(entities: readonly TabEntityCount[]): TabEntityCount[] {
  return entities
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
