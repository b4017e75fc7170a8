/**
 * From a tab's mention report to the history recorder: which reports may be recorded (not from private
 * windows, not with recording switched off, only http(s) and file pages, only when something was
 * highlighted), and the one recorder of each database.
 */
import type { Runtime } from '../../platform/browser';
import { loadSettings, onSettingsChanged } from '../../platform/settings-store';
import { isPageAddress, pageKey } from '../../shared/notes/normalize-url';
import type { GlossDb } from '../db/database';
import { announceDataChanged } from '../page-events';
import { getTabMentions, totals } from '../tab-mentions';
import { FLUSH_DELAY_MS, HistoryRecorder } from './recorder';

/** Longest title kept; the content script cuts it there too. */
export const TITLE_MAX = 300;

const recorders = new WeakMap<GlossDb, HistoryRecorder>();

/** The recorder that batches this database's sightings (one per database, so batches are shared). */
export function historyRecorder(db: GlossDb): HistoryRecorder {
  let recorder = recorders.get(db);
  if (!recorder) {
    recorder = new HistoryRecorder({
      db,
      loadSettings,
      // Coalesced with every other change (page-events.ts): a flush and a clear each cost a page one refetch.
      announce: async () => announceDataChanged(['history']),
      now: Date.now,
      delayMs: FLUSH_DELAY_MS,
    });
    recorders.set(db, recorder);
  }
  return recorder;
}

/**
 * Hands a tab's totals over all its frames, its top frame's address and title to the recorder, after the
 * tab's report was stored (tab-mentions.ts). `title` is the reporting frame's, used only from the top frame.
 */
export async function reportPageSighting(
  db: GlossDb,
  sender: Runtime.MessageSender,
  title: string | undefined,
): Promise<void> {
  // The history is a side line of the report: a failure here must not fail the badge and popup's counts.
  await queueSighting(db, sender, title).catch((e: unknown) =>
    console.warn('Gloss: could not queue where entities were seen', e),
  );
}

async function queueSighting(
  db: GlossDb,
  sender: Runtime.MessageSender,
  title: string | undefined,
): Promise<void> {
  const tabId = sender.tab?.id;
  // Private windows are never recorded: the reader's history there must leave no trace.
  if (tabId === undefined || sender.tab?.incognito) return;
  const report = await getTabMentions(tabId);
  if (!report || !isPageAddress(report.url)) return;
  const counts = totals(report);
  if (!Object.values(counts).some((n) => n > 0)) return;
  if (!(await loadSettings()).recordHistory) return;
  const isTop = (sender.frameId ?? 0) === 0;
  historyRecorder(db).add({
    pageKey: pageKey(report.url, undefined),
    url: report.url,
    title: isTop ? (title ?? '').trim().slice(0, TITLE_MAX) : '',
    seenAt: Date.now(),
    counts,
  });
}

/**
 * Prunes the history whenever the settings change (a shorter retention takes effect at once; recording
 * switched off drops what was about to be written). Register at the background's top level so a change made
 * while it sleeps wakes it.
 */
export function watchHistorySettings(db: GlossDb, signal: AbortSignal): void {
  onSettingsChanged((settings) => {
    historyRecorder(db)
      .prune(settings)
      .catch((e: unknown) => console.warn('Gloss: could not prune the history', e));
  }, signal);
}
