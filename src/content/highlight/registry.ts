/**
 * The CSS Custom Highlight API registry of a page: one `Highlight` per entity, registered in
 * `CSS.highlights` as `gloss-<entityId>` (the contract pages and tests rely on, see docs/matching.md), plus an index
 * from text nodes to mentions for hit-testing, re-scanning and removal, and an ordered list for keyboard
 * navigation. The page's DOM is never touched.
 */

/** One highlighted mention on the page. */
export interface Mention {
  entityId: string;
  range: Range;
  /** The mention's text as the page shows it. */
  text: string;
  /** Text nodes the mention spans (a name split across inline elements spans several). */
  nodes: readonly Text[];
}

import { HIGHLIGHT_PREFIX } from '../../shared/highlight-css';

export { HIGHLIGHT_PREFIX };
/** Name of the highlight that marks the mention a keyboard user moved to or whose card is open. */
export const FOCUS_HIGHLIGHT = 'gloss-focus';

/** Owns Gloss's highlights on one document. */
export class HighlightRegistry {
  /**
   * @param onFirstMention called when an entity gets its first highlight on this document (its style rules
   *   can then be written: a reader's KB of thousands of entities needs rules only for the few a page names).
   */
  constructor(private readonly onFirstMention: (entityId: string) => void = () => undefined) {}

  private readonly highlights = new Map<string, Highlight>();
  private readonly byNode = new Map<Node, Set<Mention>>();
  private readonly all = new Set<Mention>();
  private ordered: Mention[] | undefined;
  private inShadow: Mention[] | undefined;
  private readonly countsByEntity = new Map<string, number>();

  /** Adds mentions and registers their highlights. */
  add(mentions: Iterable<Mention>): void {
    for (const m of mentions) {
      let h = this.highlights.get(m.entityId);
      if (!h) {
        h = new Highlight();
        this.highlights.set(m.entityId, h);
        CSS.highlights.set(HIGHLIGHT_PREFIX + m.entityId, h);
        this.onFirstMention(m.entityId);
      }
      h.add(m.range);
      this.all.add(m);
      this.countsByEntity.set(m.entityId, (this.countsByEntity.get(m.entityId) ?? 0) + 1);
      for (const node of m.nodes) {
        const set = this.byNode.get(node);
        if (set) set.add(m);
        else this.byNode.set(node, new Set([m]));
      }
      this.invalidateOrder();
    }
  }

  /** Removes the mentions that touch any of `nodes` (their text changed or they left the page). */
  removeAt(nodes: Iterable<Node>): void {
    for (const node of nodes) {
      const set = this.byNode.get(node);
      if (!set) continue;
      for (const m of [...set]) this.remove(m);
    }
  }

  /** Removes every mention inside `root` (a removed subtree, or one about to be scanned again). */
  removeWithin(root: Node): void {
    if (this.all.size === 0) return;
    if (root.nodeType === Node.TEXT_NODE) {
      this.removeAt([root]);
      return;
    }
    const texts: Node[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (this.byNode.has(n)) texts.push(n);
    this.removeAt(texts);
  }

  private remove(m: Mention): void {
    if (!this.all.delete(m)) return;
    const h = this.highlights.get(m.entityId);
    h?.delete(m.range);
    const left = (this.countsByEntity.get(m.entityId) ?? 1) - 1;
    if (left > 0) this.countsByEntity.set(m.entityId, left);
    else {
      this.countsByEntity.delete(m.entityId);
      this.highlights.delete(m.entityId);
      CSS.highlights.delete(HIGHLIGHT_PREFIX + m.entityId);
    }
    for (const node of m.nodes) {
      const set = this.byNode.get(node);
      set?.delete(m);
      if (set?.size === 0) this.byNode.delete(node);
    }
    this.invalidateOrder();
  }

  /** Removes every highlight Gloss registered on this document. */
  clear(): void {
    for (const id of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_PREFIX + id);
    this.highlights.clear();
    this.byNode.clear();
    this.all.clear();
    this.countsByEntity.clear();
    this.invalidateOrder();
    this.setFocus(undefined);
  }

  /** Mention count per entity. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.countsByEntity);
  }

  /** Whether `m` is still registered (a card may outlive its mention on a live page). */
  has(m: Mention): boolean {
    return this.all.has(m);
  }

  /** The mention containing the point (`node`, `offset`), if any. */
  mentionAt(node: Node, offset: number): Mention | undefined {
    const set = this.byNode.get(node);
    if (!set) return undefined;
    for (const m of set) if (m.range.isPointInRange(node, offset)) return m;
    return undefined;
  }

  /** Mentions whose text lies inside `el` (for keyboard focus on a page link that holds a mention). */
  mentionsWithin(el: Node): Mention[] {
    return this.inOrder().filter((m) => el.contains(m.range.commonAncestorContainer));
  }

  /**
   * Mentions inside shadow trees, for hit-testing where caret lookup stops at the host. Kept until the
   * mentions change, since the pointer asks on every frame it moves.
   */
  inShadowTrees(): Mention[] {
    this.inShadow ??= this.inOrder().filter((m) => m.nodes[0]?.getRootNode() instanceof ShadowRoot);
    return this.inShadow;
  }

  private invalidateOrder(): void {
    this.ordered = undefined;
    this.inShadow = undefined;
  }

  /** Every mention in document order. */
  inOrder(): Mention[] {
    this.ordered ??= [...this.all].sort(compareMentions);
    return this.ordered;
  }

  /** Marks one mention (or note) as focused, or none. */
  setFocus(target: { range: Range } | undefined): void {
    if (!target) {
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
      return;
    }
    const focus = new Highlight(target.range);
    // Above entity (0) and note (1) highlights.
    focus.priority = 2;
    CSS.highlights.set(FOCUS_HIGHLIGHT, focus);
  }
}

/** The node itself, or for a node in a shadow tree the outermost host standing in the document. */
function documentAnchor(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
  return n;
}

/**
 * Document order of two mentions, shadow trees included. `Range.compareBoundaryPoints` throws for ranges
 * in different trees, so nodes in shadow trees are ordered by the host they are rendered at.
 */
export function compareMentions(a: { range: Range }, b: { range: Range }): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  const [x, y] = na.getRootNode() === nb.getRootNode() ? [na, nb] : [documentAnchor(na), documentAnchor(nb)];
  if (x === y) return 0;
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
