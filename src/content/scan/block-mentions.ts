/**
 * Turns one text block into mentions: runs the matcher, keeps the entity types the user wants, maps block
 * offsets back to ranges over the page's own text nodes, and drops mentions that are not rendered
 * (inside `display: none` or `visibility: hidden` elements).
 */
import type { Matcher, Neighbours } from '../../shared/matcher/matcher';
import type { Mention } from '../highlight/registry';
import { locate, type TextBlock } from './text-blocks';

/** The visible mentions in `block`; `near` is the neighbouring blocks' text for context cues. */
export function mentionsInBlock(
  block: TextBlock,
  matcher: Matcher,
  near: Neighbours,
  wanted: (entityId: string) => boolean,
): Mention[] {
  const out: Mention[] = [];
  for (const m of matcher.find(block.text, near)) {
    if (!wanted(m.entityId)) continue;
    const start = locate(block, m.start, false);
    const end = locate(block, m.end, true);
    const range = new Range();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const first = block.nodes.indexOf(start.node);
    const last = block.nodes.indexOf(end.node, first);
    const mention = {
      entityId: m.entityId,
      range,
      text: block.text.slice(m.start, m.end),
      nodes: block.nodes.slice(first, last + 1),
    };
    if (isRendered(mention)) out.push(mention);
  }
  return out;
}

/**
 * Only matches are checked, never every text node, so layout is read once per mention at most.
 * `checkVisibility` (Chrome 121, Firefox 122) catches `visibility: hidden`, which still has boxes.
 */
function isRendered(m: Mention): boolean {
  const el = m.nodes[0]?.parentElement;
  if (!el) return false;
  if (
    typeof el.checkVisibility === 'function' &&
    !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
  ) {
    return false;
  }
  return m.range.getClientRects().length > 0;
}
