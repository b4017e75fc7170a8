/**
 * Walks a subtree once and groups its visible text into blocks: runs of text nodes not separated by a
 * block-level element or `<br>`. Each block is matched as one string, so names split across inline
 * elements count once, and context cues are read within the paragraph.
 */
import { INLINE, isSkipped } from './skip-rules';

// nodeType values, spelled out so this module also runs where no `Node` global exists (KB tooling, tests).
const TEXT = 3;
const ELEMENT = 1;

/** A run of text nodes read as one string. */
export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
}

/** Whether text inside `el` would be read in a separate block from its siblings. */
const isBlockBoundary = (el: Element): boolean => !INLINE.has(el.localName);

/** Calls `onBlock` for every text block under `root`, in document order. */
export function collectBlocks(root: Node, own: Element | null, onBlock: (block: TextBlock) => void): void {
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  const flush = (): void => {
    if (nodes.length > 0) onBlock({ text: parts.join(''), nodes, starts });
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
  };
  const addText = (t: Text): void => {
    const data = t.data;
    if (data.length === 0) return;
    nodes.push(t);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };

  if (root.nodeType === TEXT) {
    addText(root as Text);
    flush();
    return;
  }
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT) addText(node as Text);
    else if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (!isSkipped(el, own)) {
        if (isBlockBoundary(el)) flush();
        descend = el.firstChild !== null;
      } else if (isBlockBoundary(el)) flush();
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way out.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT && isBlockBoundary(node as Element)) flush();
    }
    if (!node || node === root) break;
    if (node.nodeType === ELEMENT && isBlockBoundary(node as Element)) flush();
    node = node.nextSibling;
  }
  flush();
}

/** The text node and offset inside it for a block offset; `end` chooses the node a range ends in. */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  const target = isEnd ? offset - 1 : offset;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= target) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
