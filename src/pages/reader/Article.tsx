/** A whole source article with its header, the entity picker, and the passage the reader was opened at. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { SourceView } from '../../shared/protocol';
import { parsePassageId, readerHref } from '../../shared/reader-url';
import { tintStyle } from '../shared/tint-style';
import { ArticleBlock } from './ArticleBlock';
import { EntityPicker } from './EntityPicker';
import { mentionCounts, mentionsByBlock } from './mention-segments';
import { ReaderHeader } from './ReaderHeader';

/** Props of `Article`. */
export interface ArticleProps {
  view: SourceView;
  initialEntityId?: string;
  initialPassageId?: string;
}

/** The block a passage id points at, when it belongs to this source and the block exists. */
function passageTarget(view: SourceView, passageId: string | undefined) {
  const ref = passageId ? parsePassageId(passageId) : undefined;
  const isHere = ref && ref.sourceId === view.source.id && ref.blockIndex < view.source.blocks.length;
  return isHere ? ref : undefined;
}

/**
 * On first render the target passage is scrolled to the middle of the window and focused (it has
 * `tabindex=-1`), so keyboard and screen-reader users start where sighted users look; without a passage,
 * the first marked mention is scrolled to. Picking another entity re-marks the article in place, drops
 * the passage (it belonged to the previous entity) and rewrites the address so a reload shows the same.
 */
export function Article({ view, initialEntityId, initialPassageId }: ArticleProps) {
  const { source } = view;
  const counts = useMemo(() => mentionCounts(view.mentions), [view]);
  const [entityId, setEntityId] = useState(() =>
    initialEntityId && counts.has(initialEntityId) ? initialEntityId : '',
  );
  const [passage, setPassage] = useState(() => passageTarget(view, initialPassageId));
  const selected = view.entities.find((e) => e.id === entityId);
  const marks = useMemo(() => mentionsByBlock(view.mentions, entityId), [view, entityId]);

  useEffect(() => {
    document.title = t('readerPageTitle', source.title);
    const target = document.querySelector<HTMLElement>('.gloss-passage-target');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    } else {
      document.querySelector('.gloss-mention')?.scrollIntoView({ block: 'center' });
    }
  }, [source]);

  const pickEntity = (next: string): void => {
    setEntityId(next);
    setPassage(undefined);
    history.replaceState(history.state, '', readerHref({ sourceId: source.id, entityId: next || undefined }));
  };

  const renderBlock = (index: number) => {
    const block = source.blocks[index]!;
    const isTarget = passage?.blockIndex === index;
    return (
      <ArticleBlock
        key={index}
        block={block}
        index={index}
        mentions={marks.get(index) ?? []}
        passageStart={isTarget ? passage.start : undefined}
      />
    );
  };
  const indexes = source.blocks.map((_, index) => index);
  const bodyIndexes = indexes.filter((i) => source.blocks[i]!.kind !== 'bio');
  const bioIndexes = indexes.filter((i) => source.blocks[i]!.kind === 'bio');

  return (
    <main class="reader">
      <EntityPicker
        entities={view.entities}
        counts={counts}
        value={entityId}
        markedCount={entityId ? (counts.get(entityId) ?? 0) : 0}
        onChange={pickEntity}
      />
      <article
        class="reader-article"
        lang={source.lang}
        style={selected ? tintStyle(selected.type) : undefined}
      >
        <ReaderHeader source={source} />
        <div class="reader-body">{bodyIndexes.map(renderBlock)}</div>
        {bioIndexes.length > 0 && <footer class="reader-bio">{bioIndexes.map(renderBlock)}</footer>}
      </article>
    </main>
  );
}
