/**
 * Highlight styling beyond the manifest's `content.css` (which paints the default tinted background in
 * the document, under any CSP):
 * - the user's underline styles, in a constructed stylesheet added to the document's
 *   `adoptedStyleSheets` (no node of the page changes, and adopted sheets are exempt from its CSP);
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
  private override = '';
  private readonly roots = new Set<ShadowRoot>();

  constructor(
    private entities: readonly EntitySummary[],
    /** Ids the manifest's `content.css` already colours (the built-in entities); undefined: all of them. */
    private readonly isInManifestCss: (entityId: string) => boolean = () => true,
  ) {}

  /**
   * The knowledge base changed (an entity of the reader's created, edited or deleted): the next `apply`
   * writes rules for `entities`.
   */
  setEntities(entities: readonly EntitySummary[]): void {
    this.entities = entities;
  }

  /** Applies `style` everywhere Gloss draws. */
  apply(style: HighlightStyle): void {
    const override = styleOverrideCss(style, this.entities);
    this.override = override;
    // The reader's own entities are not in the manifest's content.css (built with the extension): their
    // tints come from this sheet, which a page's CSP does not block either.
    const extra = this.entities.filter((e) => !this.isInManifestCss(e.id));
    const documentCss = `${extra.length > 0 ? highlightCss(extra) : ''}\n${override}`.trim();
    this.documentSheet.replaceSync(documentCss);
    this.shadowSheet?.replaceSync(`${highlightCss(this.entities)}\n${override}`);
    if (documentCss) adopt(document, this.documentSheet);
    else unadopt(document, this.documentSheet);
  }

  /** Makes highlights paint inside `root`. */
  addShadowRoot(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    if (!this.shadowSheet) {
      this.shadowSheet = new CSSStyleSheet();
      this.shadowSheet.replaceSync(`${highlightCss(this.entities)}\n${this.override}`);
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
