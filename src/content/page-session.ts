/**
 * One page's Gloss session: asks the background for the configuration, scans the page once, registers
 * highlights, reports counts for the badge and popup, and reacts to the site switch and settings changes
 * (both trigger a full rescan, the only time one happens).
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
import { applyHighlightStyle, removeHighlightStyle } from './highlight/style';
import { findMentions } from './scan/find-mentions';
import type { CardFrameLabels } from './ui/CardView';
import { CardController } from './ui/card-controller';
import { wireInteractions } from './ui/interactions';

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

/** Starts Gloss on this document. Resolves once the first scan is done (or Gloss is off here). */
export async function startPage(signal: AbortSignal): Promise<void> {
  const config = await sendRequest('getPageConfig', { url: location.href });
  if (!config.ok) {
    console.warn(`Gloss: ${config.error}`);
    return;
  }
  const session = new PageSession(config.value, signal);
  session.rescan();
  onEvent('siteEnabledChanged', ({ isEnabled }) => session.setEnabled(isEnabled), signal);
  onSettingsChanged((settings) => session.setSettings(settings), signal);
  // Same-document navigations keep this script alive; say again what the page holds for the new entry.
  for (const type of ['hashchange', 'popstate'] as const) {
    window.addEventListener(type, () => session.report(), { signal });
  }
}

class PageSession {
  private readonly registry = new HighlightRegistry();
  private readonly matcher: Matcher;
  private readonly entities: Map<string, EntitySummary>;
  private readonly card: CardController;
  private isEnabled: boolean;
  private settings: Settings;

  constructor(
    config: PageConfig,
    private readonly signal: AbortSignal,
  ) {
    this.matcher = compileMatcher(config.aliases);
    this.entities = new Map(config.entities.map((e) => [e.id, e]));
    this.isEnabled = config.isEnabled;
    this.settings = config.settings;
    this.card = new CardController({
      registry: this.registry,
      labels: frameLabels(),
      entityName: (id) => this.entities.get(id)?.name ?? id,
      loadCard: (entityId) => sendRequest('getCard', { entityId }),
      openSource: (target) => void sendRequest('openReader', target),
      openSettings: () => void sendRequest('openOptions', {}),
      hoverDelayMs: () => this.settings.hoverDelayMs,
      signal,
    });
    wireInteractions(this.registry, this.card, signal);
    signal.addEventListener('abort', () => {
      this.registry.clear();
      removeHighlightStyle();
    });
  }

  /** Clears and scans the whole document again. */
  rescan(): void {
    this.card.close(false);
    this.registry.clear();
    if (this.isEnabled && document.body) {
      applyHighlightStyle(this.settings.highlightStyle, [...this.entities.values()]);
      const types = new Set(this.settings.enabledTypes);
      const wanted = (id: string): boolean => {
        const e = this.entities.get(id);
        return e !== undefined && types.has(e.type);
      };
      this.registry.add(findMentions(document.body, this.matcher, wanted, null));
    }
    this.report();
  }

  /** Tells the background what this frame holds. */
  report(): void {
    if (this.signal.aborted) return;
    void sendRequest('reportMentions', { url: location.href, counts: this.registry.counts() });
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
