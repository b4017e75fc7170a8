/**
 * Finds the mention under the pointer. CSS highlights receive no events, so Gloss asks the browser which
 * text position is at a point (`caretPositionFromPoint`, or WebKit-style `caretRangeFromPoint`) and then
 * checks that the point really lies inside one of the mention's boxes: the caret snaps to the nearest
 * character even when the pointer is in the margin beside a line.
 */
import type { HighlightRegistry, Mention } from './registry';

interface CaretPoint {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPoint | undefined {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/** Whether (x, y) lies inside one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mention at viewport point (x, y), if any. */
export function mentionAtPoint(registry: HighlightRegistry, x: number, y: number): Mention | undefined {
  const caret = caretAt(x, y);
  if (!caret) return undefined;
  // A caret between two characters belongs to both; try the character after and the one before.
  const candidate =
    registry.mentionAt(caret.node, caret.offset) ??
    registry.mentionAt(caret.node, Math.max(0, caret.offset - 1));
  return candidate && rangeContainsPoint(candidate.range, x, y) ? candidate : undefined;
}
