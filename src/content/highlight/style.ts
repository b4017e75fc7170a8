/**
 * Highlight styling beyond the manifest's `content.css` (which paints the built-in entities' default tinted
 * background in the document, under any CSP):
 * - the tints of every entity (the reader's own are not in content.css) and the user's underline styles, in
 *   a constructed stylesheet added to the document's `adoptedStyleSheets` (no node of the page changes, and
 *   adopted sheets are exempt from its CSP);
 * - the full rules again inside every open shadow root Gloss highlights in, because Firefox does not apply
 *   document-level `::highlight` rules to shadow trees.
 */
import { highlightCss, styleOverrideCss } from '../../shared/highlight-css';
import type { EntitySummary } from '../../shared/kb-types';
import type { HighlightStyle } from '../../shared/settings';

/** Adds `sheet` to a document's or shadow root's adopted sheets; false where the engine refuses. */
function adopt(target: Document | ShadowRoot, sheet: CSSStyleSheet): boolean {
  try {
    if (!target.adoptedStyleSheets.includes(sheet))
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    return true;
  } catch {
    return false;
  }
}

function unadopt(target: Document | ShadowRoot, sheet: CSSStyleSheet): void {
  try {
    target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    // The document or root is going away; nothing to restore.
  }
}

/** Owns Gloss's constructed highlight stylesheets on one document. */
export class HighlightStyles {
  private readonly documentSheet = new CSSStyleSheet();
  /** Built when the first shadow root appears: most pages have none. */
  private shadowSheet: CSSStyleSheet | undefined;
  private readonly roots = new Set<ShadowRoot>();

  private style: HighlightStyle = 'background';
  /** The sheets' text as last written. */
  private rules = '';
  /** Entities highlighted on this document so far: the only ones the sheets need rules for. */
  private readonly shown = new Set<string>();
  private isWriteQueued = false;

  constructor(private entities: ReadonlyMap<string, EntitySummary>) {}

  /**
   * The knowledge base changed (an entity of the reader's created, edited or deleted): the next `apply`
   * writes rules for `entities`.
   */
  setEntities(entities: ReadonlyMap<string, EntitySummary>): void {
    this.entities = entities;
  }

  /**
   * An entity got its first highlight: its rules are written with the others at the end of the current
   * task (one sheet update per scan slice, however many entities it found).
   */
  show(entityId: string): void {
    if (this.shown.has(entityId)) return;
    this.shown.add(entityId);
    if (this.isWriteQueued) return;
    this.isWriteQueued = true;
    queueMicrotask(() => {
      this.isWriteQueued = false;
      this.write();
    });
  }

  /** Applies `style` everywhere Gloss draws, forgetting which entities were shown (a full rescan follows). */
  apply(style: HighlightStyle): void {
    this.style = style;
    this.shown.clear();
    this.write();
    adopt(document, this.documentSheet);
  }

  /**
   * Writes the rules of the entities shown. The manifest's content.css is written when the extension is
   * built, so it colours only the built-in entities; the reader's own (made or edited after install) take
   * their tints from this sheet, which a page's CSP does not block either. The content script cannot tell
   * which ids content.css covers, so the sheet repeats the rules of every entity on the page: a few dozen
   * selectors, whatever the size of the reader's KB.
   */
  private write(): void {
    const present = [...this.shown].flatMap((id) => {
      const e = this.entities.get(id);
      return e ? [e] : [];
    });
    this.rules = `${highlightCss(present)}\n${styleOverrideCss(this.style, present)}`;
    this.documentSheet.replaceSync(this.rules);
    this.shadowSheet?.replaceSync(this.rules);
  }

  /** Makes highlights paint inside `root`. */
  addShadowRoot(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    if (!this.shadowSheet) {
      this.shadowSheet = new CSSStyleSheet();
      this.shadowSheet.replaceSync(this.rules);
    }
    if (adopt(root, this.shadowSheet)) this.roots.add(root);
  }

  /** Removes every sheet Gloss added (Gloss switched off or shutting down). */
  remove(): void {
    unadopt(document, this.documentSheet);
    const sheet = this.shadowSheet;
    if (sheet) for (const root of this.roots) unadopt(root, sheet);
    this.roots.clear();
  }
}
