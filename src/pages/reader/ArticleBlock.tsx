/** One block of a source article: a heading, a paragraph, or a line of the author's bio. */
import type { SourceBlock, SourceMention } from '../../shared/kb-types';
import { segmentText } from './mention-segments';

/** Props of `ArticleBlock`. */
export interface ArticleBlockProps {
  block: SourceBlock;
  /** Position in `SourceDoc.blocks`; mention and passage offsets refer to it. */
  index: number;
  /** The selected entity's mentions in this block. */
  mentions: readonly SourceMention[];
  /** Set when the reader was opened at a passage in this block: the passage's offset in the block. */
  passageStart?: number;
}

/**
 * Headings become `h2` (the article title is the page's `h1`); paragraphs and bio lines become `p`.
 * Mentions are wrapped in `<mark class="gloss-mention">`: this is our own page, so plain DOM is right here,
 * unlike on web pages where Gloss never touches the page's nodes. A passage target is marked on the whole
 * block, since a passage id gives where the passage starts but not where it ends.
 */
export function ArticleBlock({ block, index, mentions, passageStart }: ArticleBlockProps) {
  const isTarget = passageStart !== undefined;
  const Tag = block.kind === 'heading' ? 'h2' : 'p';
  return (
    <Tag
      id={isTarget ? `passage-${index}-${passageStart}` : `block-${index}`}
      class={`reader-block reader-${block.kind}${isTarget ? ' gloss-passage-target' : ''}`}
      tabIndex={isTarget ? -1 : undefined}
      data-block-index={index}
    >
      {segmentText(block.text, mentions).map((segment) =>
        segment.entityId ? (
          <mark key={segment.start} class="gloss-mention" data-entity-id={segment.entityId}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </Tag>
  );
}
