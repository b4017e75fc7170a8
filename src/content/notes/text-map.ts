/**
 * The page text that note anchors count offsets in (their TextPositionSelector): every text node under a
 * root, in document order, with its `data` concatenated exactly as it is. No whitespace is normalised and
 * no block breaks are inserted, so building it is one cheap pass and an offset means the same thing on
 * every visit; anchoring copes with whitespace differences itself (shared/notes/anchoring/exact.ts).
 *
 * Text that is never page prose (scripts, styles, `<noscript>`, templates, `<textarea>`, the title) and
 * anything the caller's `skip` rejects (Gloss's own `<gloss-ui>` host) is left out. Unlike the mention
 * scanner's skip rules (content/scan/skip-rules.ts), code and hidden elements stay in: readers may note
 * a code sample, and offsets must not shift when a menu is shown or hidden between visits. Shadow roots
 * and iframes are not entered: their text would need offsets of its own, and selections inside them are
 * reported as outside the map.
 *
 * A TextMap is a snapshot and never modifies the DOM; build a new one after the page changes.
 */

// nodeType and NodeFilter values, spelled out so the module does not need those globals.
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

/** Elements whose text is never page prose. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

/** Character offsets in `TextMap.text`, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** The text of a subtree, and the way between its offsets and DOM ranges. */
export class TextMap {
  /** All mapped text, in document order. */
  readonly text: string;
  readonly #doc: Document;
  /** The mapped (non-empty) text nodes, and where each one's data starts in `text`. */
  readonly #nodes: Text[] = [];
  readonly #starts: number[] = [];
  readonly #indexOf = new Map<Node, number>();

  /** Maps the text under `root`, leaving out elements for which `skip` returns true. */
  constructor(root: Node, skip: (el: Element) => boolean = () => false) {
    this.#doc = root.ownerDocument ?? (root as Document);
    const parts: string[] = [];
    let length = 0;
    const add = (node: Text): void => {
      if (node.data.length === 0) return;
      this.#indexOf.set(node, this.#nodes.length);
      this.#nodes.push(node);
      this.#starts.push(length);
      parts.push(node.data);
      length += node.data.length;
    };
    if (root.nodeType === TEXT_NODE) add(root as Text);
    const walker = this.#doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
      acceptNode: (node: Node): number => {
        if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
        const el = node as Element;
        return NOT_PROSE.has(el.localName) || skip(el) ? FILTER_REJECT : FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) add(node as Text);
    this.text = parts.join('');
  }

  /**
   * Where `range` lies in `text`, or null when it is collapsed or holds no mapped text (inside a skipped
   * element, a shadow root, another document). Boundaries may be elements (`(p, 2)`) or unmapped nodes:
   * each counts the mapped text before it. A range reaching past the root is clipped to it.
   */
  offsetsOf(range: Range): TextSpan | null {
    if (range.collapsed) return null;
    const start = this.#offsetAt(range.startContainer, range.startOffset);
    const end = this.#offsetAt(range.endContainer, range.endOffset);
    return start !== null && end !== null && start < end ? { start, end } : null;
  }

  /**
   * A range from the node holding character `start` to the one holding `end - 1` (possibly across many
   * nodes). Throws if out of range. A DOM range is contiguous, so one spanning a skipped element (a
   * script, Gloss's host) contains that element's text too, and only then does its `toString()` differ
   * from `text.slice(start, end)`.
   */
  rangeOf(start: number, end: number): Range {
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      start > end ||
      end > this.text.length
    ) {
      throw new RangeError(`No text at ${start}..${end} in a map of ${this.text.length} characters`);
    }
    const range = this.#doc.createRange();
    if (start === end) {
      const i = this.#lastStartingAtOrBefore(start);
      if (i < 0) return range;
      range.setStart(this.#nodes[i]!, start - this.#starts[i]!);
      range.collapse(true);
      return range;
    }
    // The start goes in the node holding character `start`, the end in the node holding `end - 1`, so
    // the range never begins or ends on an empty stretch of a neighbouring node.
    const first = this.#lastStartingAtOrBefore(start);
    const last = this.#lastStartingAtOrBefore(end - 1);
    range.setStart(this.#nodes[first]!, start - this.#starts[first]!);
    range.setEnd(this.#nodes[last]!, end - this.#starts[last]!);
    return range;
  }

  /** The offset of a DOM boundary point: the length of mapped text before it. */
  #offsetAt(container: Node, offset: number): number | null {
    const i = this.#indexOf.get(container);
    if (i !== undefined) return this.#starts[i]! + Math.min(offset, this.#nodes[i]!.data.length);
    if (this.#nodes.length === 0 || container.getRootNode() !== this.#nodes[0]!.getRootNode()) return null;
    // Not a mapped text node: find the first mapped node at or after the point, by binary search over
    // document order (the nodes are in document order already).
    const probe = this.#doc.createRange();
    probe.setStart(container, offset);
    let lo = 0;
    let hi = this.#nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (probe.comparePoint(this.#nodes[mid]!, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.#nodes.length ? this.#starts[lo]! : this.text.length;
  }

  /** The index of the last mapped node starting at or before `offset` (-1 if none). */
  #lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
