/**
 * Gloss's content script.
 *
 *   background ──getPageConfig──▶ page-session ──▶ scan/ (text blocks ──matcher──▶ mentions)
 *                                      │                      │
 *                                      │                      ▼
 *                                      │          highlight/registry ──▶ CSS.highlights "gloss-<id>"
 *                                      ▼
 *                ui/interactions (pointer, focus, keys) ──▶ ui/card-controller ──▶ shadow root + Preact
 *
 * Everything long-lived hangs off one AbortController, aborted when the extension is reloaded or removed
 * (messaging then fails with an invalidated context) or the page is discarded.
 */
import { browser } from '../platform/browser';
import { startPage } from './page-session';

const controller = new AbortController();

/** Shuts Gloss down on this page once the extension that injected it is gone. */
function watchForInvalidation(): void {
  const timer = setInterval(() => {
    // runtime.id becomes undefined when the extension is reloaded, disabled or removed.
    if (!browser.runtime?.id) controller.abort();
  }, 5000);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

// A top-level about:blank tab has nothing to read; about:blank frames inside pages do (scripts fill them).
const isEmptyTab = window === window.top && location.protocol === 'about:';

if (isEmptyTab) {
  // Nothing to do.
} else if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
  watchForInvalidation();
  window.addEventListener('pagehide', (e) => e.persisted || controller.abort(), {
    signal: controller.signal,
  });
  startPage(controller.signal).catch((e: unknown) => console.warn('Gloss could not start on this page', e));
} else {
  console.info('Gloss: this browser lacks the CSS Custom Highlight API; nothing is highlighted.');
}
