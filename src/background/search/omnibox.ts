/**
 * The address bar's `gl` keyword: what is typed after it is searched in the library as it changes (best six
 * results as suggestions), and Enter opens the chosen result where it belongs, or the dashboard's search for
 * plain words. Listeners are registered synchronously at the background's top level (it can be killed at any
 * moment); nothing here keeps state of record.
 *
 *   onInputChanged ──▶ searchLibrary ──▶ suggestions (content = `gloss:<kind>:<ids>`)
 *   onInputEntered ──▶ a target: the note's page (scrolled to it), the reader at the passage, the entity page
 *                  └─▶ plain words: dashboard.html?search=<words>
 */
import { browser, type Tabs } from '../../platform/browser';
import { extensionUrl } from '../../platform/extension-assets';
import { t } from '../../platform/i18n';
import { entityHref } from '../../shared/entity-url';
import { isPageAddress } from '../../shared/notes/normalize-url';
import { readerHref } from '../../shared/reader-url';
import { dashboardSearchHref } from '../../shared/search/search-address';
import type { SearchQuery, SearchResults, SearchTarget } from '../../shared/search/search-types';
import { SEARCH_QUERY_MAX } from '../../shared/search/search-types';
import type { GlossDb } from '../db/database';
import { getNote } from '../db/notes-repo';
import { loadShippedBundle } from '../handlers';
import { ensureKb } from '../kb-loader';
import { requestFocus } from '../tab-notes';
import {
  decodeTarget,
  escapeXml,
  OMNIBOX_SUGGESTIONS,
  oneLine,
  type Suggestion,
  suggestionsFor,
} from './omnibox-suggestions';
import { searchLibrary } from './search-handlers';

/** Where the browser wants a chosen suggestion opened. */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** What the omnibox needs from the background: a search, and whether descriptions take Chrome's markup. */
export interface OmniboxDeps {
  search: (query: SearchQuery) => Promise<SearchResults>;
  /** Chrome styles descriptions with `<match>`/`<dim>`; Firefox shows them as plain text. */
  isMarkup: boolean;
}

/**
 * The `onInputChanged` listener. Each input gets a number and only the latest one's results are suggested,
 * so a slow search for "ap" never replaces the suggestions for "apt10".
 */
export function makeInputChanged(
  deps: OmniboxDeps,
): (text: string, suggest: (s: Suggestion[]) => void) => Promise<void> {
  let latest = 0;
  return async (text, suggest) => {
    const mine = ++latest;
    const words = text.trim().slice(0, SEARCH_QUERY_MAX);
    const shown = deps.isMarkup ? escapeXml(oneLine(words)) : oneLine(words);
    browser.omnibox.setDefaultSuggestion({ description: t('searchOmniboxDefault', shown) });
    if (!words) {
      suggest([]);
      return;
    }
    try {
      const results = await deps.search({ query: words, limit: OMNIBOX_SUGGESTIONS });
      if (mine === latest) suggest(suggestionsFor(results, deps.isMarkup));
    } catch (e) {
      // The default suggestion (the dashboard's search) still works, and shows the error in words.
      console.warn('Gloss: address bar search failed', e);
      if (mine === latest) suggest([]);
    }
  };
}

/** The address a target opens at; a note that is gone or has no web page opens the dashboard instead. */
export async function targetUrl(
  db: GlossDb,
  target: SearchTarget,
): Promise<{ url: string; noteId?: string }> {
  switch (target.kind) {
    case 'note': {
      const note = await getNote(db, target.noteId);
      if (!note || note.deleted || !isPageAddress(note.url)) return { url: extensionUrl('dashboard.html') };
      return { url: note.url, noteId: note.id };
    }
    case 'source':
      return {
        url: extensionUrl(
          readerHref({
            sourceId: target.sourceId,
            ...(target.passageId ? { passageId: target.passageId } : {}),
          }),
        ),
      };
    case 'entity':
      return { url: extensionUrl(entityHref(target.entityId)) };
  }
}

/** Opens `url` as the browser asked; a note's page is told which note to scroll to, as `openNote` does. */
async function openAt(url: string, disposition: Disposition, noteId: string | undefined): Promise<void> {
  let tab: Tabs.Tab | undefined;
  if (disposition === 'currentTab') {
    [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  }
  if (tab?.id !== undefined) {
    // Asked before the page loads, so its content script finds it (a navigating tab keeps the request).
    if (noteId) await requestFocus(tab.id, noteId);
    await browser.tabs.update(tab.id, { url });
    return;
  }
  const created = await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
  if (noteId && created.id !== undefined) await requestFocus(created.id, noteId);
}

/** The `onInputEntered` listener's work: a chosen suggestion opens its target, plain words the dashboard. */
export async function enterOmnibox(db: GlossDb, text: string, disposition: Disposition): Promise<void> {
  const target = decodeTarget(text.trim());
  if (target) {
    const { url, noteId } = await targetUrl(db, target);
    await openAt(url, disposition, noteId);
    return;
  }
  await openAt(
    extensionUrl(dashboardSearchHref(text.trim().slice(0, SEARCH_QUERY_MAX))),
    disposition,
    undefined,
  );
}

/** Registers the keyword's listeners; call once, synchronously, at the top level of the background. */
export function registerOmnibox(db: GlossDb): void {
  // Absent where the manifest declares no keyword (and in tests of other parts).
  if (!browser.omnibox) return;
  const kb = (): Promise<string> => ensureKb(db, loadShippedBundle);
  const onInputChanged = makeInputChanged({
    search: (query) => searchLibrary(db, kb, query),
    // Firefox alone has getBrowserInfo, and alone shows descriptions as plain text: one feature, one test.
    isMarkup: typeof browser.runtime.getBrowserInfo !== 'function',
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => void onInputChanged(text, suggest));
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    enterOmnibox(db, text, disposition).catch((e: unknown) => console.error('Gloss: could not open that', e));
  });
}
