/**
 * Splits a block of source text into plain runs and marked mentions, by the character offsets the
 * knowledge-base build recorded. Pure, so the reader's one piece of real logic can be tested without a DOM.
 */
import type { SourceMention } from '../../shared/kb-types';

/** A run of a block's text: plain, or a mention of `entityId`. Offsets are within the block. */
export interface TextSegment {
  text: string;
  start: number;
  end: number;
  /** Set on mentions only. */
  entityId?: string;
}

/** The offsets a segment split needs from a mention. */
export type MentionSpan = Pick<SourceMention, 'entityId' | 'start' | 'end'>;

/**
 * Covers `text` from start to end with segments, in order. Mentions are taken by start offset (the longer
 * first when two start together); one that is empty, reaches outside the text, or overlaps a mention
 * already taken is skipped, because nested `<mark>`s would be meaningless and a bad offset from a stale
 * bundle must not garble the article. Joining the segments' text always gives `text` back.
 */
export function segmentText(text: string, mentions: readonly MentionSpan[]): TextSegment[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const mention of sorted) {
    const isValid = Number.isInteger(mention.start) && Number.isInteger(mention.end);
    if (!isValid || mention.start < cursor || mention.end <= mention.start || mention.end > text.length)
      continue;
    if (mention.start > cursor) segments.push(plain(text, cursor, mention.start));
    segments.push({ ...plain(text, mention.start, mention.end), entityId: mention.entityId });
    cursor = mention.end;
  }
  if (cursor < text.length) segments.push(plain(text, cursor, text.length));
  return segments;
}

function plain(text: string, start: number, end: number): TextSegment {
  return { text: text.slice(start, end), start, end };
}

/** The mentions of one entity, grouped by block index, for rendering a whole article. */
export function mentionsByBlock<M extends SourceMention>(
  mentions: readonly M[],
  entityId: string | undefined,
): Map<number, M[]> {
  const byBlock = new Map<number, M[]>();
  if (!entityId) return byBlock;
  for (const mention of mentions) {
    if (mention.entityId !== entityId) continue;
    const list = byBlock.get(mention.blockIndex);
    if (list) list.push(mention);
    else byBlock.set(mention.blockIndex, [mention]);
  }
  return byBlock;
}

/** How many times each entity is mentioned in the article. */
export function mentionCounts(mentions: readonly SourceMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
  return counts;
}
