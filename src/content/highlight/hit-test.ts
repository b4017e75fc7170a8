/**
 * Finds the mention under the pointer. CSS highlights receive no events, so Gloss asks the browser which
 * text position is at a point (`caretPositionFromPoint`, or WebKit-style `caretRangeFromPoint`) and then
 * checks that the point really lies inside one of the mention's boxes: the caret snaps to the nearest
 * character even when the pointer is in the margin beside a line. Inside shadow trees the caret may stop
 * at the host, so mentions there are also tested by their boxes directly (there are few of them).
 */
import type { HighlightRegistry, Mention } from './registry';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): CaretPoint | undefined {
  const doc = document as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
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

/** The mention at viewport point (x, y), if any. `shadowRoots` are the open roots Gloss highlights in. */
export function mentionAtPoint(
  registry: HighlightRegistry,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): Mention | undefined {
  const caret = caretAt(x, y, shadowRoots);
  if (caret) {
    // A caret between two characters belongs to both; try the character after and the one before.
    const candidate =
      registry.mentionAt(caret.node, caret.offset) ??
      registry.mentionAt(caret.node, Math.max(0, caret.offset - 1));
    if (candidate && rangeContainsPoint(candidate.range, x, y)) return candidate;
  }
  if (shadowRoots.length === 0) return undefined;
  return registry.inShadowTrees().find((m) => rangeContainsPoint(m.range, x, y));
}
