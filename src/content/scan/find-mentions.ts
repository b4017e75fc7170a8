/**
 * Turns text blocks into mentions: runs the matcher on each block, keeps the entity types the user wants,
 * maps block offsets back to ranges over the page's own text nodes, and drops mentions that are not
 * rendered (inside `display: none` or `visibility: hidden` elements).
 */
import type { Matcher } from '../../shared/matcher/matcher';
import type { Mention } from '../highlight/registry';
import { collectBlocks, locate, type TextBlock } from './text-blocks';

/** Finds every visible mention under `root`. `wanted` filters by entity id. */
export function findMentions(
  root: Node,
  matcher: Matcher,
  wanted: (entityId: string) => boolean,
  own: Element | null,
): Mention[] {
  const blocks: TextBlock[] = [];
  collectBlocks(root, own, (block) => blocks.push(block));
  const found: Mention[] = [];
  blocks.forEach((block, i) => {
    const near = { before: blocks[i - 1]?.text, after: blocks[i + 1]?.text };
    for (const m of matcher.find(block.text, near)) {
      if (!wanted(m.entityId)) continue;
      const start = locate(block, m.start, false);
      const end = locate(block, m.end, true);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      found.push({ entityId: m.entityId, range, text: block.text.slice(m.start, m.end) });
    }
  });
  return found.filter(isRendered);
}

/**
 * Only matches are checked, never every text node, so the cost of reading layout is paid once per
 * mention. `checkVisibility` needs Chrome 121 / Firefox 122; older engines fall back to box presence.
 */
function isRendered(m: Mention): boolean {
  const el = m.range.startContainer.parentElement;
  if (!el) return false;
  if (typeof el.checkVisibility === 'function') {
    if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return false;
  }
  return m.range.getClientRects().length > 0;
}
