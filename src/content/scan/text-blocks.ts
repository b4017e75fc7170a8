/**
 * Walks a subtree once and groups its visible text into blocks: runs of text nodes not separated by a
 * block-level element or `<br>`. Each block is matched as one string, so names split across inline
 * elements count once, and context cues are read within the paragraph.
 *
 * The walk is a generator so that a large page can be scanned in time-boxed slices: the caller pulls
 * blocks until its budget is spent and resumes later. Open shadow roots are walked where their host
 * stands (the page renders them there); closed ones are never read.
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
export const isBlockBoundary = (el: Element): boolean => !INLINE.has(el.localName);

/**
 * Yields every text block under `root`, in document order. `onShadowRoot` hears of each open shadow
 * root on the way, so the caller can watch it for changes.
 */
export function* blocksIn(
  root: Node,
  own: Element | null,
  onShadowRoot?: (root: ShadowRoot) => void,
): Generator<TextBlock, void, undefined> {
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let length = 0;
  const take = (): TextBlock | undefined => {
    const block = nodes.length > 0 ? { text: parts.join(''), nodes, starts } : undefined;
    parts = [];
    nodes = [];
    starts = [];
    length = 0;
    return block;
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
    const block = take();
    if (block) yield block;
    return;
  }
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT) addText(node as Text);
    else if (node.nodeType === ELEMENT) {
      const el = node as Element;
      const boundary = isBlockBoundary(el);
      if (boundary) {
        const block = take();
        if (block) yield block;
      }
      if (!isSkipped(el, own)) {
        const shadow = el.shadowRoot;
        if (shadow) {
          onShadowRoot?.(shadow);
          const block = take();
          if (block) yield block;
          yield* blocksIn(shadow, own, onShadowRoot);
        }
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing blocks on the way out.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT && isBlockBoundary(node as Element)) {
        const block = take();
        if (block) yield block;
      }
    }
    if (!node || node === root) break;
    if (node.nodeType === ELEMENT && isBlockBoundary(node as Element)) {
      const block = take();
      if (block) yield block;
    }
    node = node.nextSibling;
  }
  const block = take();
  if (block) yield block;
}

/** Calls `onBlock` for every text block under `root`, in document order (all at once). */
export function collectBlocks(root: Node, own: Element | null, onBlock: (block: TextBlock) => void): void {
  for (const block of blocksIn(root, own)) onBlock(block);
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
