/**
 * One document's Gloss session: asks the background for the configuration, queues the whole page for a
 * sliced scan, follows changes (DomWatch), reports counts for the badge and popup whenever the page has
 * settled, and reacts to the site switch and settings changes (both trigger a full rescan, the only time
 * one happens after start).
 */
import { cardLabels } from '../platform/card-labels';
import { t } from '../platform/i18n';
import { onEvent, sendRequest } from '../platform/messaging';
import { onSettingsChanged } from '../platform/settings-store';
import type { EntitySummary } from '../shared/kb-types';
import { compileMatcher, type Matcher } from '../shared/matcher/matcher';
import type { PageConfig } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { HighlightRegistry } from './highlight/registry';
import { HighlightStyles } from './highlight/style';
import { type NoteLabels, noteLabels } from './notes/note-labels';
import { NoteSession } from './notes/note-session';
import { notableSelection, SelectionAdder } from './notes/selection-adder';
import { DomWatch } from './scan/dom-watch';
import { Scanner } from './scan/scanner';
import type { CardFrameLabels } from './ui/CardView';
import { cardContent } from './ui/card-content';
import { CardController } from './ui/card-controller';
import { wireInteractions } from './ui/interactions';
import { UiHost } from './ui/shadow-host';

/** Reports wait for the page to settle this long, so a page that streams content is not re-counted per chunk. */
const REPORT_DELAY_MS = 300;

function frameLabels(): CardFrameLabels {
  return {
    ...cardLabels(),
    close: t('cardClose'),
    settings: t('cardSettings'),
    loading: t('cardLoading'),
    dialogLabel: (name) => t('cardDialogLabel', name),
    mentionsOnPage: (n) => t('cardMentionsOnPage', String(n)),
  };
}

/**
 * The URL that names this document's site. Frames without a URL of their own (about:blank, srcdoc)
 * belong to the page that made them, whose origin they inherit.
 */
export function documentUrl(): string {
  if (/^https?:|^file:/.test(location.href)) return location.href;
  return self.origin && self.origin !== 'null' ? `${self.origin}/` : location.href;
}

/** Reads a set of labels once, the first time it is needed. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= read();
    return value;
  };
}

/** Notes are kept for the top document only (see README "Notes"): frames have addresses of their own. */
const isTopFrame = window === window.top;

/** Starts Gloss on this document. Resolves once configured (scanning continues in slices). */
export async function startPage(signal: AbortSignal): Promise<void> {
  const config = await sendRequest('getPageConfig', { url: documentUrl() });
  if (!config.ok) {
    console.warn(`Gloss: ${config.error}`);
    return;
  }
  const session = new PageSession(config.value, signal);
  session.rescan();
  onEvent(
    'siteEnabledChanged',
    ({ host, isEnabled }) => host === config.value.host && session.setEnabled(isEnabled),
    signal,
  );
  onSettingsChanged((settings) => session.setSettings(settings), signal);
  if (isTopFrame) {
    const notes = session.notes;
    onEvent('notesChanged', () => void notes.load(), signal);
    onEvent('addNoteRequested', () => session.addNote(), signal);
    await notes.load();
  }
  for (const type of ['hashchange', 'popstate'] as const)
    window.addEventListener(type, () => session.reportSoon(), { signal });
}

class PageSession {
  private readonly registry = new HighlightRegistry();
  private readonly entities: Map<string, EntitySummary>;
  private readonly card: CardController;
  private readonly host: UiHost;
  /** The page's notes (placed in the top frame only; frames still show entity notes in cards). */
  readonly notes: NoteSession;
  private readonly scanner: Scanner;
  private readonly watch: DomWatch;
  private readonly styles: HighlightStyles;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private matcher: Matcher | undefined;
  private isEnabled: boolean;
  private settings: Settings;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport = '';

  constructor(
    config: PageConfig,
    private readonly signal: AbortSignal,
  ) {
    this.entities = new Map(config.entities.map((e) => [e.id, e]));
    this.isEnabled = config.isEnabled;
    this.settings = config.settings;
    this.styles = new HighlightStyles(config.entities);
    this.host = new UiHost(signal);
    const labelsForNotes = once<NoteLabels>(noteLabels);
    const notes = new NoteSession({ card: () => this.card, own: () => this.host.element, signal });
    this.notes = notes;
    this.card = new CardController({
      host: this.host,
      registry: this.registry,
      render: cardContent({
        registry: this.registry,
        notes,
        labels: once(frameLabels),
        noteLabels: labelsForNotes,
        entityName: (id) => this.entities.get(id)?.name ?? id,
        loadCard: (entityId) => sendRequest('getCard', { entityId }),
        openSource: (target) => void sendRequest('openReader', target),
        openSettings: () => void sendRequest('openOptions', {}),
      }),
      hoverDelayMs: () => this.settings.hoverDelayMs,
      signal,
    });
    if (isTopFrame)
      new SelectionAdder({
        host: this.host,
        labels: labelsForNotes,
        isActive: () => this.isEnabled && !this.card.isSticky,
        onAdd: (range) => notes.addFromSelection(range),
        signal,
      });
    this.scanner = new Scanner({
      matcher: () => this.matcherFor(config),
      registry: this.registry,
      wanted: (id) => {
        const e = this.entities.get(id);
        return e !== undefined && this.settings.enabledTypes.includes(e.type);
      },
      isActive: () => this.isEnabled,
      own: () => this.card.hostElement,
      onShadowRoot: (root) => this.addShadowRoot(root),
      onIdle: () => this.reportSoon(),
      signal,
    });
    this.watch = new DomWatch(this.scanner, this.registry, () => this.card.hostElement, signal);
    wireInteractions({
      registry: this.registry,
      notes: notes.highlights,
      card: this.card,
      shadowRoots: () => [...this.shadowRoots],
      addNote: () => this.addNote(),
      signal,
    });
    // Shadow roots attached after load are announced by the main-world hook (page-hook.ts).
    document.addEventListener(
      'gloss-shadow-root',
      (e) => {
        const host = e.composedPath()[0];
        if (host instanceof Element && host.shadowRoot) {
          this.addShadowRoot(host.shadowRoot);
          this.scanner.enqueue(host.shadowRoot);
        }
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => {
      this.registry.clear();
      this.styles.remove();
      clearTimeout(this.reportTimer);
    });
  }

  /** The matcher, compiled the first time a block of text needs it. */
  private matcherFor(config: PageConfig): Matcher {
    if (!this.matcher) this.matcher = compileMatcher(config.aliases);
    return this.matcher;
  }

  /** Opens the note editor on the current selection (shortcut or context menu). */
  addNote(): void {
    if (isTopFrame) this.notes.addFromSelection(notableSelection(this.host.element));
  }

  /** Clears and scans the whole document again. */
  rescan(): void {
    this.card.close(false);
    this.scanner.reset();
    this.registry.clear();
    if (!this.isEnabled || !document.body) {
      this.styles.remove();
      this.reportSoon();
      return;
    }
    this.styles.apply(this.settings.highlightStyle);
    for (const root of this.shadowRoots) this.styles.addShadowRoot(root);
    this.watch.observe(document);
    this.scanner.enqueue(document.body);
  }

  private addShadowRoot(root: ShadowRoot): void {
    if (this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.watch.observe(root);
    this.styles.addShadowRoot(root);
  }

  /**
   * Tells the background what this frame holds, only if it changed. The first report of a document goes
   * out as soon as its scan is done (the popup may already be asking); later ones wait for the page to
   * settle.
   */
  reportSoon(): void {
    clearTimeout(this.reportTimer);
    const delay = this.lastReport === '' ? 0 : REPORT_DELAY_MS;
    this.reportTimer = setTimeout(() => {
      if (this.signal.aborted || this.scanner.isBusy) return;
      const counts = this.isEnabled ? this.registry.counts() : {};
      const url = documentUrl();
      const key = `${url} ${JSON.stringify(counts)}`;
      if (key === this.lastReport) return;
      this.lastReport = key;
      void sendRequest('reportMentions', { url, counts });
    }, delay);
  }

  setEnabled(isEnabled: boolean): void {
    this.isEnabled = isEnabled;
    this.rescan();
  }

  setSettings(settings: Settings): void {
    const needsRescan =
      settings.enabledTypes.join() !== this.settings.enabledTypes.join() ||
      settings.highlightStyle !== this.settings.highlightStyle;
    this.settings = settings;
    if (needsRescan) this.rescan();
  }
}
