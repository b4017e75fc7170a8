/**
 * The work queue behind every scan: roots waiting to be scanned (the whole body at start, changed
 * subtrees afterwards), processed in time-boxed slices on idle callbacks so that no scan is a long task,
 * however large the page. Re-scanning a root first removes the mentions it held, so a root can be queued
 * any number of times and the page always ends up marked exactly once.
 */
import type { Matcher } from '../../shared/matcher/matcher';
import type { HighlightRegistry } from '../highlight/registry';
import { mentionsInBlock } from './block-mentions';
import { isSkipped } from './skip-rules';
import { blocksIn, type TextBlock } from './text-blocks';

/** Blocks of nothing but whitespace (indentation between tags) need no matching. */
const HAS_TEXT = /\S/;

/** Work per slice before yielding to the page: well under a frame, far under the 50 ms long-task line. */
const SLICE_MS = 8;

/** What the scanner needs from the session. */
export interface ScannerDeps {
  /** The matcher, built on first use: a frame with no text (most ad frames) never pays for it. */
  matcher: () => Matcher;
  registry: HighlightRegistry;
  wanted: (entityId: string) => boolean;
  /** False while Gloss is switched off on this site: changes are then ignored. */
  isActive: () => boolean;
  /** Gloss's own UI host, never scanned. */
  own: () => Element | null;
  onShadowRoot: (root: ShadowRoot) => void;
  /** The queue ran dry: everything queued so far is highlighted. */
  onIdle: () => void;
  signal: AbortSignal;
}

interface Walk {
  blocks: Generator<TextBlock, void, undefined>;
  before?: string;
  after?: string;
  current?: TextBlock;
}

/** Scans queued roots in slices. */
export class Scanner {
  private readonly queue = new Set<Node>();
  private walk: Walk | undefined;
  private isScheduled = false;
  /** Total main-thread time spent in slices, for diagnostics and the benchmark. */
  busyMs = 0;

  constructor(private readonly deps: ScannerDeps) {}

  /** Queues `root` for a (re)scan unless it, or an ancestor, is queued already. */
  enqueue(root: Node): void {
    if (!this.deps.isActive()) return;
    for (let n: Node | null = root; n; n = n.parentNode) if (this.queue.has(n)) return;
    this.queue.add(root);
    this.schedule();
  }

  /** Whether work is waiting. */
  get isBusy(): boolean {
    return this.queue.size > 0 || this.walk !== undefined;
  }

  /** Drops all queued work (before a full rescan or when Gloss is switched off). */
  reset(): void {
    this.queue.clear();
    this.walk = undefined;
  }

  private schedule(): void {
    if (this.isScheduled || this.deps.signal.aborted) return;
    this.isScheduled = true;
    const run = (): void => {
      this.isScheduled = false;
      if (!this.deps.signal.aborted) this.slice();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private slice(): void {
    const started = performance.now();
    const deadline = started + SLICE_MS;
    while (performance.now() < deadline) {
      if (!this.walk && !this.startNextRoot()) break;
      this.step();
    }
    this.busyMs += performance.now() - started;
    if (this.isBusy) this.schedule();
    else this.deps.onIdle();
  }

  /** Takes the next root off the queue and starts walking it; false when the queue is empty. */
  private startNextRoot(): boolean {
    for (const root of this.queue) {
      this.queue.delete(root);
      if (!root.isConnected || this.isInsideSkipped(root)) continue;
      this.deps.registry.removeWithin(root);
      const own = this.deps.own();
      this.walk = {
        blocks: blocksIn(root, own, this.deps.onShadowRoot),
        before: neighbourText(root, -1),
        after: neighbourText(root, 1),
      };
      this.walk.current = this.walk.blocks.next().value ?? undefined;
      return true;
    }
    return false;
  }

  /** Matches one block, reading one block ahead so its text can serve as context. */
  private step(): void {
    const walk = this.walk!;
    const block = walk.current;
    if (!block) {
      this.walk = undefined;
      return;
    }
    const next = walk.blocks.next().value ?? undefined;
    const near = { before: walk.before, after: next?.text ?? walk.after };
    if (block.nodes[0]?.isConnected && HAS_TEXT.test(block.text)) {
      this.deps.registry.add(mentionsInBlock(block, this.deps.matcher(), near, this.deps.wanted));
    }
    walk.before = block.text;
    walk.current = next;
  }

  private isInsideSkipped(root: Node): boolean {
    const own = this.deps.own();
    for (let n: Node | null = root; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
      if (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element, own)) return true;
    }
    return false;
  }
}

/**
 * Text of the element beside `root` (before or after), for context cues of a re-scanned subtree; only
 * small siblings, since reading a large one's text would cost more than the scan itself.
 */
function neighbourText(root: Node, side: -1 | 1): string | undefined {
  const el =
    root instanceof Element ? (side < 0 ? root.previousElementSibling : root.nextElementSibling) : null;
  if (!el || el.childElementCount > 40) return undefined;
  const text = el.textContent ?? '';
  return side < 0 ? text.slice(-200) : text.slice(0, 200);
}
