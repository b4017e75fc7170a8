/**
 * Batches the pages where entities were highlighted and writes them a couple of seconds later, all pending
 * pages in one IndexedDB transaction: a page load costs no transaction of its own, and a page that reports
 * several times (its frames, content streaming in) is one upsert.
 *
 * Pending pages live in memory only. That goes against "nothing of record in memory" on purpose: they are
 * at most a couple of seconds of the reader's own history, and a background killed in that window loses a
 * sighting, never a note. Writing each report at once is what the batching is there to avoid.
 */
import type { Settings } from '../../shared/settings';
import type { GlossDb } from '../db/database';
import { clearSightings, type PageSighting, pruneSightings, recordSightings } from '../db/sightings-repo';

/** What the recorder needs from the world; tests pass their own. */
export interface RecorderDeps {
  db: GlossDb;
  loadSettings: () => Promise<Settings>;
  /** Tells open extension pages that the history changed (`dataChanged` with kind 'history'). */
  announce: () => Promise<void>;
  now: () => number;
  /** How long reports wait before they are written. */
  delayMs: number;
}

/** Reports are written this long after the first one of a batch: the page has settled by then. */
export const FLUSH_DELAY_MS = 2000;

/** Collects page reports and writes them in batches; see the file's header. */
export class HistoryRecorder {
  private pending = new Map<string, PageSighting>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The flush under way, if any, so a clear or a test can wait for it. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RecorderDeps) {}

  /**
   * Queues a page's latest totals. A page already pending takes the new counts (an entity the earlier
   * report had and this one lacks was still seen, so it stays) and keeps its title when this report has
   * none. The timer starts with the first report of a batch and is not pushed back by later ones, so a
   * page that keeps reporting cannot hold its history back.
   */
  add(page: PageSighting): void {
    const before = this.pending.get(page.pageKey);
    this.pending.set(
      page.pageKey,
      before
        ? { ...page, title: page.title || before.title, counts: { ...before.counts, ...page.counts } }
        : page,
    );
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.deps.delayMs);
  }

  /** Writes every pending page now (the timer calls this). Recording switched off meanwhile drops them. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  /** Forgets pending reports (every one, or those of one entity): the reader cleared them. */
  forget(entityId?: string): void {
    if (entityId === undefined) {
      this.pending.clear();
      return;
    }
    for (const page of this.pending.values()) delete page.counts[entityId];
  }

  /** Clears the stored history (or one entity's) and what was about to be written, then says so. */
  async clear(entityId?: string): Promise<void> {
    this.forget(entityId);
    // A flush already under way would write its batch after the clear; let it finish first.
    await this.flushing;
    await clearSightings(this.deps.db, entityId);
    await this.deps.announce();
  }

  /** Drops what is older than the retention now (the setting changed), and says so when anything went. */
  async prune(settings: Settings): Promise<void> {
    if (!settings.recordHistory) this.pending.clear();
    const dropped = await pruneSightings(this.deps.db, settings.historyRetentionDays, this.deps.now());
    if (dropped > 0) await this.deps.announce();
  }

  private async write(): Promise<void> {
    const pages = [...this.pending.values()].filter((p) => Object.keys(p.counts).length > 0);
    this.pending = new Map();
    if (pages.length === 0) return;
    try {
      const settings = await this.deps.loadSettings();
      if (!settings.recordHistory) return;
      await recordSightings(this.deps.db, pages, settings.historyRetentionDays, this.deps.now());
    } catch (e) {
      // Not retried: a full disk would fail again, and a lost sighting is a few seconds of history.
      console.warn('Gloss: could not record where entities were seen', e);
      return;
    }
    await this.deps.announce();
  }
}
