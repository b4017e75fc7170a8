/**
 * Gloss switched on in one document: the scanner and its DOM watch, the entity and note highlights, the
 * card, the note button, and every listener. Everything hangs off one AbortSignal: when the reader
 * switches the site off (or the extension goes away) that signal aborts and all of it is gone: highlights
 * of every kind cleared, `<gloss-ui>` removed, observers disconnected, listeners and timers dropped.
 * Switching on again builds a fresh one (page-session.ts).
 */
import { cardLabels } from '../platform/card-labels';
import { t, tCount } from '../platform/i18n';
import { sendRequest } from '../platform/messaging';
import type { CardData, EntitySummary } from '../shared/kb-types';
import type { Matcher } from '../shared/matcher/matcher';
import type { Settings } from '../shared/settings';
import { entityLabels } from './entities/entity-labels';
import { EntityMaker } from './entities/entity-maker';
import { HighlightRegistry } from './highlight/registry';
import { HighlightStyles } from './highlight/style';
import { keepLiveUpdatesWhileVisible } from './live-keepalive';
import { type NoteLabels, noteLabels } from './notes/note-labels';
import { NoteSession } from './notes/note-session';

import { DomWatch } from './scan/dom-watch';
import { Scanner } from './scan/scanner';
import { SourceAdder } from './sources/add-source';
import { loadArticleReader } from './sources/load-article-reader';
import { sourceLabels } from './sources/source-labels';
import type { CardFrameLabels } from './ui/CardView';
import { cardContent } from './ui/card-content';
import { CardController } from './ui/card-controller';
import { wireInteractions } from './ui/interactions';
import { notableSelection, SelectionAdder } from './ui/selection-adder';
import { LazyShadowHost } from './ui/shadow-host';
import { ToastController } from './ui/toast-controller';

function frameLabels(): CardFrameLabels {
  return {
    ...cardLabels(),
    close: t('cardClose'),
    settings: t('cardSettings'),
    loading: t('cardLoading'),
    dialogLabel: (name) => t('cardDialogLabel', name),
    mentionsOnPage: (n) => tCount('cardMentionsOnPage', n),
    entityPage: t('entityPageLink'),
    entityPageLabel: (name) => t('entityPageLinkLabel', name),
  };
}

/** Reads a set of labels once, the first time it is needed. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= read();
    return value;
  };
}

/** Notes are kept for the top document only (see docs/notes.md): frames have addresses of their own. */
export const isTopFrame = window === window.top;

/** What an active page needs from the session that switches it on and off. */
export interface ActivePageDeps {
  entities: ReadonlyMap<string, EntitySummary>;
  /** The matcher, compiled once per document the first time a block of text needs it. */
  matcher: () => Matcher;
  settings: () => Settings;
  /** Called whenever the scanner has caught up, so counts can be reported. */
  onIdle: () => void;
  signal: AbortSignal;
}

/** Gloss at work on one document, until its signal aborts. */
export class ActivePage {
  private readonly registry: HighlightRegistry;
  private readonly card: CardController;
  private readonly host: LazyShadowHost;
  /** The page's notes (placed in the top frame only; frames still show entity notes in cards). */
  readonly notes: NoteSession;
  private readonly scanner: Scanner;
  private readonly watch: DomWatch;
  private readonly styles: HighlightStyles;
  private readonly shadowRoots = new Set<ShadowRoot>();
  /** Cards loaded on this page; emptied when the knowledge base changes. */
  private readonly cardCache = new Map<string, CardData>();
  /** "Add this page as a source" and "Make this an entity" (top frame only). */
  private readonly sources: SourceAdder | undefined;
  private readonly entityMaker: EntityMaker | undefined;

  constructor(private readonly deps: ActivePageDeps) {
    const { signal } = deps;
    this.styles = new HighlightStyles(deps.entities);
    this.registry = new HighlightRegistry((id) => this.styles.show(id));
    this.host = new LazyShadowHost(signal);
    const labelsForNotes = once<NoteLabels>(noteLabels);
    const notes = new NoteSession({
      showCard: (target) => this.card.show(target, 'keyboard'),
      own: () => this.host.element,
      signal,
    });
    this.notes = notes;
    this.card = new CardController({
      host: this.host,
      registry: this.registry,
      render: cardContent({
        registry: this.registry,
        notes,
        labels: once(frameLabels),
        noteLabels: labelsForNotes,
        entityName: (id) => deps.entities.get(id)?.name ?? id,
        loadCard: (entityId) => sendRequest('getCard', { entityId }),
        openSource: (target) => void sendRequest('openReader', target),
        openSettings: () => void sendRequest('openOptions', {}),
        openEntityPage: (id) => void sendRequest('openEntityPage', { id }),
        cache: this.cardCache,
      }),
      hoverDelayMs: () => deps.settings().hoverDelayMs,
      signal,
    });
    if (isTopFrame) {
      const toast = new ToastController(this.host, () => sourceLabels().dismiss, signal);
      const labelsForEntities = once(entityLabels);
      this.sources = new SourceAdder({
        loadReader: loadArticleReader,
        save: (source, replaceId) =>
          sendRequest('saveSource', replaceId ? { source, replaceId } : { source }),
        toast,
        labels: once(sourceLabels),
        hasSelection: () => notableSelection(this.host.element) !== undefined,
      });
      const maker = new EntityMaker({
        host: this.host,
        labels: labelsForEntities,
        create: (entity) => sendRequest('createEntity', { entity }),
        toast,
        signal,
      });
      this.entityMaker = maker;
      new SelectionAdder({
        host: this.host,
        labels: labelsForNotes,
        isActive: () => !this.card.isSticky && !maker.isShown,
        onAdd: (range) => notes.addFromSelection(range),
        makeEntity: { labels: labelsForEntities, onMake: (range) => maker.open(range.toString()) },
        signal,
      });
    }
    this.scanner = new Scanner({
      matcher: deps.matcher,
      registry: this.registry,
      wanted: (id) => {
        const e = deps.entities.get(id);
        return e !== undefined && deps.settings().enabledTypes.includes(e.type);
      },
      isActive: () => !signal.aborted,
      own: () => this.card.hostElement,
      onShadowRoot: (root) => this.addShadowRoot(root),
      onIdle: deps.onIdle,
      signal,
    });
    this.watch = new DomWatch(this.scanner, this.registry, () => this.card.hostElement, signal);
    wireInteractions({
      registry: this.registry,
      notes: notes.highlights,
      card: this.card,
      shadowRoots: () => [...this.shadowRoots],
      addNote: () => this.addNote(),
      addSource: isTopFrame ? () => void this.addSource() : undefined,
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
    });
  }

  /** Whether the scanner still has text queued (counts would be incomplete). */
  get isBusy(): boolean {
    return this.scanner.isBusy;
  }

  /** Entity id → mentions highlighted so far. */
  counts(): Record<string, number> {
    return this.registry.counts();
  }

  /** Scans the whole document (again) and, in the top frame, places the notes. */
  start(): void {
    this.rescan();
    if (!isTopFrame) return;
    void this.notes.load();
    keepLiveUpdatesWhileVisible(this.deps.signal);
  }

  /** Opens the note editor on the current selection (shortcut or context menu). */
  addNote(): void {
    if (isTopFrame && !this.deps.signal.aborted)
      this.notes.addFromSelection(notableSelection(this.host.element));
  }

  /** Reads the page and keeps it as a source (shortcut, popup, context menu, the dashboard's update). */
  async addSource(replaceId?: string): Promise<void> {
    if (!this.deps.signal.aborted) await this.sources?.addPage(replaceId);
  }

  /** Opens the entity form on the current selection (context menu). */
  makeEntity(): void {
    if (this.deps.signal.aborted || !this.entityMaker) return;
    this.entityMaker.open(notableSelection(this.host.element)?.toString() ?? '');
  }

  /**
   * The knowledge base changed (the session already holds the new entities and matcher): new highlight
   * rules, no stale cards, and every mention found again, so a new entity shows and a deleted one goes.
   */
  reloadKb(): void {
    this.styles.setEntities(this.deps.entities);
    this.cardCache.clear();
    this.rescan();
  }

  /** Clears and scans the whole document again (settings that change what is highlighted). */
  rescan(): void {
    this.card.close(false);
    this.scanner.reset();
    this.registry.clear();
    if (!document.body) return;
    this.styles.apply(this.deps.settings().highlightStyle);
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
}
