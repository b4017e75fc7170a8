/**
 * Finds an entity's mentions in a source and cuts the passages a card quotes, with the same matcher that
 * highlights pages, so a card never quotes what the page would not have marked. Used by the KB build for
 * the built-in sources and by the background for every source (the reader's included).
 */
import type { Passage, SourceMention } from '../kb-types';
import type { Matcher } from '../matcher/matcher';
import { passageSpans } from './passages';

/** What a source holds for the knowledge base: every mention, and the passages around them. */
export interface SourceScan {
  mentions: SourceMention[];
  passages: Passage[];
}

/** Scans a source's blocks. Passage ids are `${sourceId}:${blockIndex}:${start}`, stable for its text. */
export function scanSource(
  sourceId: string,
  blocks: readonly { text: string }[],
  matcher: Matcher,
  lang?: string,
): SourceScan {
  const mentions: SourceMention[] = [];
  const passages: Passage[] = [];
  blocks.forEach((block, blockIndex) => {
    const near = { before: blocks[blockIndex - 1]?.text, after: blocks[blockIndex + 1]?.text };
    const found: SourceMention[] = matcher.find(block.text, near).map((m) => ({
      entityId: m.entityId,
      blockIndex,
      start: m.start,
      end: m.end,
      text: block.text.slice(m.start, m.end),
    }));
    mentions.push(...found);
    for (const entityId of new Set(found.map((m) => m.entityId))) {
      const own = found.filter((m) => m.entityId === entityId);
      for (const span of passageSpans(block.text, own, lang)) {
        passages.push({
          id: `${sourceId}:${blockIndex}:${span.start}`,
          entityId,
          sourceId,
          blockIndex,
          start: span.start,
          end: span.end,
          text: block.text.slice(span.start, span.end),
          marks: own
            .filter((m) => m.start >= span.start && m.end <= span.end)
            .map((m) => [m.start - span.start, m.end - span.start] as [number, number]),
        });
      }
    }
  });
  return { mentions, passages };
}
