/**
 * The CSS Custom Highlight API registry of a page: one `Highlight` per entity, registered in
 * `CSS.highlights` as `gloss-<entityId>` (the contract pages and tests rely on, see README), plus an index
 * from text nodes to mentions for hit-testing and an ordered list for keyboard navigation. The page's DOM
 * is never touched.
 */

/** One highlighted mention on the page. */
export interface Mention {
  entityId: string;
  range: Range;
  /** The mention's text as the page shows it. */
  text: string;
}

/** Highlight name prefix; `gloss-<entityId>` for entities. */
export const HIGHLIGHT_PREFIX = 'gloss-';
/** Name of the highlight that marks the mention a keyboard user moved to or whose card is open. */
export const FOCUS_HIGHLIGHT = 'gloss-focus';

/** Owns Gloss's highlights on one document. */
export class HighlightRegistry {
  private readonly highlights = new Map<string, Highlight>();
  private readonly byNode = new Map<Node, Mention[]>();
  private ordered: Mention[] | undefined;
  private readonly all: Mention[] = [];
  private focus: Highlight | undefined;

  /** Adds mentions and registers their highlights. */
  add(mentions: readonly Mention[]): void {
    for (const m of mentions) {
      let h = this.highlights.get(m.entityId);
      if (!h) {
        h = new Highlight();
        this.highlights.set(m.entityId, h);
        CSS.highlights.set(HIGHLIGHT_PREFIX + m.entityId, h);
      }
      h.add(m.range);
      this.all.push(m);
      for (const node of nodesOf(m.range)) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
    this.ordered = undefined;
  }

  /** Removes every highlight Gloss registered on this document. */
  clear(): void {
    for (const id of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_PREFIX + id);
    this.highlights.clear();
    this.byNode.clear();
    this.all.length = 0;
    this.ordered = undefined;
    this.setFocus(undefined);
  }

  /** Mention count per entity. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of this.all) out[m.entityId] = (out[m.entityId] ?? 0) + 1;
    return out;
  }

  /** The mention containing the point (`node`, `offset`), if any. */
  mentionAt(node: Node, offset: number): Mention | undefined {
    return this.byNode.get(node)?.find((m) => m.range.isPointInRange(node, offset));
  }

  /** Mentions whose text lies inside `el` (for keyboard focus on a page link that holds a mention). */
  mentionsWithin(el: Node): Mention[] {
    return this.inOrder().filter((m) => el.contains(m.range.commonAncestorContainer));
  }

  /** Every mention in document order. */
  inOrder(): Mention[] {
    this.ordered ??= [...this.all].sort((a, b) =>
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
    );
    return this.ordered;
  }

  /** Marks one mention as focused (or none). */
  setFocus(mention: Mention | undefined): void {
    if (!mention) {
      CSS.highlights.delete(FOCUS_HIGHLIGHT);
      this.focus = undefined;
      return;
    }
    this.focus = new Highlight(mention.range);
    this.focus.priority = 1;
    CSS.highlights.set(FOCUS_HIGHLIGHT, this.focus);
  }
}

/** The text nodes a range touches (a mention split across inline elements spans several). */
function nodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const out: Node[] = [];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  let n: Node | null = walker.currentNode;
  while (n) {
    if (n.nodeType === Node.TEXT_NODE && range.intersectsNode(n)) out.push(n);
    n = walker.nextNode();
  }
  return out;
}
