/**
 * A DOM range as a floating-ui reference, for the card and the "Add note" button: its boxes, measured as lines
 * of text, and the element that scrolls with it.
 */
import type { VirtualElement } from '@floating-ui/dom';

/** Text nodes a range covers; at most this many are measured (a selection larger than that is rare). */
const MAX_TEXT_NODES = 2000;

/**
 * The line boxes of the text a range covers. `Range.getClientRects()` also returns the border box of every
 * element the range wholly contains (a selected paragraph is one tall box), which would make `inline()` take
 * a paragraph for a line; measuring each text node's part alone gives only lines of text.
 */
export function textLineRects(range: Range): DOMRect[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return [...range.getClientRects()];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const rects: DOMRect[] = [];
  const part = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < MAX_TEXT_NODES; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    seen++;
    const text = node as Text;
    part.setStart(text, text === range.startContainer ? range.startOffset : 0);
    part.setEnd(text, text === range.endContainer ? range.endOffset : text.length);
    if (part.collapsed || part.toString().trim() === '') continue;
    for (const rect of part.getClientRects()) if (rect.width > 0 && rect.height > 0) rects.push(rect);
  }
  return rects.length > 0 ? rects : [...range.getClientRects()];
}

/**
 * A DOM range as a floating-ui reference: its lines of text (so `inline()` can pick the first or last line of a
 * wrapped range) and the element that scrolls with it (so `autoUpdate` follows the right scroll containers).
 */
export function rangeReference(range: Range): VirtualElement {
  const union = (rects: DOMRect[]): DOMRect => {
    if (rects.length === 0) return range.getBoundingClientRect();
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return new DOMRect(left, top, right - left, bottom - top);
  };
  return {
    getBoundingClientRect: () => union(textLineRects(range)),
    getClientRects: () => textLineRects(range),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}
