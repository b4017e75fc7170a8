/**
 * A DOM range as a floating-ui reference: its boxes (so `inline()` can pick one line of a wrapped range)
 * and the element that scrolls with it (so `autoUpdate` follows the right scroll containers).
 */
import type { VirtualElement } from '@floating-ui/dom';

export function rangeReference(range: Range): VirtualElement {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}
