/**
 * Follows a live page. The MutationObserver callback only records what changed (uBlock Origin's rule:
 * never work inside the callback); a flush scheduled for the next animation frame turns the records into
 * work proportional to the change:
 * - removed nodes drop their mentions;
 * - an added block element is queued on its own; added text or inline elements, and text changed in
 *   place (`characterData`, as frameworks do), queue the block that holds them, since a name may now be
 *   split or joined differently;
 * - a `hidden` attribute toggled queues that element.
 * Open shadow roots are observed too: mutations do not cross shadow boundaries.
 */
import type { HighlightRegistry } from '../highlight/registry';
import type { Scanner } from './scanner';
import { isBlockBoundary } from './text-blocks';

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden'],
};

/** Watches the document and any shadow roots added later; everything stops when `signal` aborts. */
export class DomWatch {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private frame = 0;
  private readonly watched = new WeakSet<Node>();

  constructor(
    private readonly scanner: Scanner,
    private readonly registry: HighlightRegistry,
    private readonly own: () => Element | null,
    signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => {
      this.pending.push(...records);
      this.frame ||= requestAnimationFrame(() => this.flush());
      // Hidden tabs get no animation frames; a timer makes sure changes there are still picked up.
      if (document.hidden) setTimeout(() => this.flush(), 200);
    });
    signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
  }

  /** Starts observing `root` (the document, or an open shadow root found later). */
  observe(root: Node): void {
    if (this.watched.has(root)) return;
    this.watched.add(root);
    this.observer.observe(root, OPTIONS);
  }

  /** Turns the recorded mutations into scanner work. */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const records = this.pending.concat(this.observer.takeRecords());
    this.pending = [];
    const own = this.own();
    for (const r of records) {
      if (own && (r.target === own || own.contains(r.target))) continue;
      if (r.type === 'characterData' || r.type === 'attributes') {
        this.scanner.enqueue(r.type === 'attributes' ? r.target : blockOf(r.target));
        continue;
      }
      for (const node of r.removedNodes) {
        if (node === own) continue;
        this.registry.removeWithin(node);
        if (!isBlockElement(node)) this.scanner.enqueue(blockOf(r.target, true));
      }
      for (const node of r.addedNodes) {
        if (node === own) continue;
        this.scanner.enqueue(isBlockElement(node) ? node : blockOf(r.target, true));
      }
    }
  }
}

function isBlockElement(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && isBlockBoundary(node as Element);
}

/** The nearest block container of `node` (itself when `self` and it is one), or its shadow root. */
function blockOf(node: Node, self = false): Node {
  let n: Node | null = self ? node : node.parentNode;
  while (n && n.nodeType === Node.ELEMENT_NODE && !isBlockBoundary(n as Element)) n = n.parentNode;
  return n ?? node;
}
