/**
 * One document's Gloss session: asks the background for the configuration, and runs an `ActivePage`
 * (active-page.ts) while Gloss is on for the site. Off means off: the active page is torn down (no
 * highlights of any kind, no `<gloss-ui>`, no shortcut, no scanning, no observers) and only the listeners
 * for the switch itself stay; switching on builds a fresh one without a reload. Reports the counts for the
 * badge and popup whenever the page has settled.
 */
import { onEvent, sendRequest } from '../platform/messaging';
import { onSettingsChanged } from '../platform/settings-store';
import type { EntitySummary } from '../shared/kb-types';
import type { Matcher } from '../shared/matcher/matcher';
import { type PackedMatcher, unpackMatcher } from '../shared/matcher/packed';
import type { PageConfig } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { ActivePage, isTopFrame } from './active-page';

/** Reports wait for the page to settle this long, so a page that streams content is not re-counted per chunk. */
const REPORT_DELAY_MS = 300;
/** Longest page title sent with a report (the history lists it; a longer one is cut). */
const TITLE_MAX = 300;

/**
 * The URL that names this document's site. Frames without a URL of their own (about:blank, srcdoc)
 * belong to the page that made them, whose origin they inherit.
 */
export function documentUrl(): string {
  if (/^https?:|^file:/.test(location.href)) return location.href;
  return self.origin && self.origin !== 'null' ? `${self.origin}/` : location.href;
}

/** Starts Gloss on this document. Resolves once configured (scanning continues in slices). */
export async function startPage(signal: AbortSignal): Promise<void> {
  const config = await sendRequest('getPageConfig', { url: documentUrl() });
  if (!config.ok) {
    console.warn(`Gloss: ${config.error}`);
    return;
  }
  const session = new PageSession(config.value, signal);
  onEvent(
    'siteEnabledChanged',
    ({ host, isEnabled }) => host === config.value.host && session.setEnabled(isEnabled),
    signal,
  );
  onSettingsChanged((settings) => session.setSettings(settings), signal);
  if (isTopFrame) {
    onEvent('notesChanged', () => void session.active?.notes.load(), signal);
    onEvent('addNoteRequested', () => session.active?.addNote(), signal);
    onEvent('addSourceRequested', ({ replaceId }) => void session.active?.addSource(replaceId), signal);
    onEvent('makeEntityRequested', () => session.active?.makeEntity(), signal);
  }
  // Every frame hears this: each one has its own matcher and highlights.
  onEvent('kbChanged', ({ kbVersion }) => void session.kbChanged(kbVersion), signal);
  for (const type of ['hashchange', 'popstate'] as const)
    window.addEventListener(type, () => session.reportSoon(), { signal });
  session.setEnabled(config.value.isEnabled);
}

/** The site switch for one document, the knowledge base it highlights, and the reports of what it holds. */
export class PageSession {
  /** Changed in place when the knowledge base changes: the active page reads this same map. */
  private readonly entities: Map<string, EntitySummary>;
  /** The matcher as the background compiled it for this KB version; unpacked on first need. */
  private packed: PackedMatcher;
  private kbVersion: string;
  /** Counts `kbChanged` fetches, so an older answer arriving late does not undo a newer one. */
  private kbFetch = 0;
  private matcher: Matcher | undefined;
  private settings: Settings;
  /** Gloss at work on the page while the site is on; undefined while it is off. */
  active: ActivePage | undefined;
  private stopActive: AbortController | undefined;
  /** The switch as last set; undefined until the configuration has been applied once. */
  private isEnabled: boolean | undefined;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport = '';

  constructor(
    config: PageConfig,
    private readonly signal: AbortSignal,
  ) {
    this.entities = new Map(config.entities.map((e) => [e.id, e]));
    this.packed = config.matcher;
    this.kbVersion = config.kbVersion;
    this.settings = config.settings;
    signal.addEventListener('abort', () => clearTimeout(this.reportTimer), { once: true });
  }

  /** The matcher, unpacked the first time a block of text needs it, and kept across switches. */
  private matcherFor(): Matcher {
    this.matcher ??= unpackMatcher(this.packed);
    return this.matcher;
  }

  setEnabled(isEnabled: boolean): void {
    if (this.signal.aborted || isEnabled === this.isEnabled) return;
    this.isEnabled = isEnabled;
    this.stopActive?.abort();
    this.stopActive = undefined;
    this.active = undefined;
    // The first report after a switch goes out at once, even if it says what an earlier one said: the
    // popup is waiting for it (tab-mentions.ts marks the tab as being scanned until it comes).
    this.lastReport = '';
    if (isEnabled) {
      const stop = new AbortController();
      this.signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
      this.stopActive = stop;
      this.active = new ActivePage({
        entities: this.entities,
        matcher: () => this.matcherFor(),
        settings: () => this.settings,
        onIdle: () => this.reportSoon(),
        signal: stop.signal,
      });
      this.active.start();
    }
    this.reportSoon();
  }

  /**
   * The knowledge base changed somewhere (an entity created, edited, hidden or deleted): when this page's
   * version is older, fetch the configuration again and highlight with it. A page already at `kbVersion`
   * does nothing, so the event costs one comparison per frame.
   */
  async kbChanged(kbVersion: string): Promise<void> {
    if (this.signal.aborted || kbVersion === this.kbVersion) return;
    const fetch = ++this.kbFetch;
    const config = await sendRequest('getPageConfig', { url: documentUrl() });
    if (!config.ok || this.signal.aborted || fetch !== this.kbFetch) return;
    const next = config.value;
    if (next.kbVersion === this.kbVersion) return;
    this.kbVersion = next.kbVersion;
    this.entities.clear();
    for (const e of next.entities) this.entities.set(e.id, e);
    this.packed = next.matcher;
    this.matcher = undefined;
    this.settings = next.settings;
    this.active?.reloadKb();
    this.reportSoon();
  }

  setSettings(settings: Settings): void {
    const needsRescan =
      settings.enabledTypes.join() !== this.settings.enabledTypes.join() ||
      settings.highlightStyle !== this.settings.highlightStyle;
    this.settings = settings;
    if (needsRescan) this.active?.rescan();
  }

  /**
   * Tells the background what this frame holds, only if it changed. The first report of a document (or
   * after a switch) goes out as soon as its scan is done (the popup may already be asking); later ones
   * wait for the page to settle.
   */
  reportSoon(): void {
    clearTimeout(this.reportTimer);
    const delay = this.lastReport === '' ? 0 : REPORT_DELAY_MS;
    this.reportTimer = setTimeout(() => {
      if (this.signal.aborted || this.active?.isBusy) return;
      const counts = this.active?.counts() ?? {};
      const url = documentUrl();
      // The top frame names the page for the history ("where you have seen it"); frames never do.
      const title = isTopFrame ? document.title.trim().slice(0, TITLE_MAX) : undefined;
      const key = `${url} ${title} ${JSON.stringify(counts)}`;
      if (key === this.lastReport) return;
      this.lastReport = key;
      void sendRequest('reportMentions', { url, counts, ...(title !== undefined ? { title } : {}) });
    }, delay);
  }
}
