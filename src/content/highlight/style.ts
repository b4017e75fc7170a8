/**
 * The user's highlight style. `content.css` (generated at build time) paints every entity with a tinted
 * background; for the underline styles this module adds a constructed stylesheet to the document's
 * `adoptedStyleSheets`, which changes no node of the page and is exempt from the page's CSP.
 */
import { tintFor } from '../../shared/highlight-palette';
import type { EntitySummary } from '../../shared/kb-types';
import type { HighlightStyle } from '../../shared/settings';
import { HIGHLIGHT_PREFIX } from './registry';

let sheet: CSSStyleSheet | undefined;

function rulesFor(style: HighlightStyle, entities: readonly EntitySummary[]): string {
  if (style === 'background') return '';
  return entities
    .map((e) => {
      const [light] = tintFor(e.type);
      const line = light.replace(/[\d.]+\)$/, '0.9)');
      const background = style === 'both' ? light : 'transparent';
      return `::highlight(${HIGHLIGHT_PREFIX}${e.id}) { background-color: ${background}; text-decoration: underline 2px ${line}; text-underline-offset: 3px; }`;
    })
    .join('\n');
}

/**
 * Applies `style`. Returns false where the browser does not let a content script adopt a stylesheet into
 * the page's document; highlights then keep the default background style.
 */
export function applyHighlightStyle(style: HighlightStyle, entities: readonly EntitySummary[]): boolean {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(rulesFor(style, entities));
    return true;
  } catch {
    return false;
  }
}

/** Removes the style sheet (when Gloss shuts down on this page). */
export function removeHighlightStyle(): void {
  if (!sheet) return;
  const own = sheet;
  try {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
  } catch {
    // The document is going away; nothing to restore.
  }
  sheet = undefined;
}
