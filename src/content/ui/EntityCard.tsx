/**
 * An entity's card with its loading state: shows "loading" until the background answers (cards already
 * seen on this page come from `cache` at once), then the knowledge base's content and the reader's notes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardData } from '../../shared/kb-types';
import type { Result } from '../../shared/result';
import type { SourceTarget } from '../../shared/ui/CardBody';
import type { NoteActions } from '../notes/note-actions';
import type { NoteLabels } from '../notes/note-labels';
import { type CardContent, type CardFrameLabels, CardView } from './CardView';
import { EntityNotes } from './EntityNotes';

export interface EntityCardProps {
  entityId: string;
  name: string;
  mentionCount: number;
  labels: CardFrameLabels;
  noteLabels: NoteLabels;
  cache: Map<string, CardData>;
  loadCard: (entityId: string) => Promise<Result<CardData>>;
  actions: NoteActions;
  onClose: () => void;
  onOpenSettings: () => void;
  onOpenSource: (target: SourceTarget) => void;
  onSelectEntity: (entityId: string) => void;
  onOpenEntityPage: (entityId: string) => void;
  setSticky: (sticky: boolean) => void;
}

/** The card. */
export function EntityCard(props: EntityCardProps) {
  const { entityId, cache, loadCard } = props;
  const cached = cache.get(entityId);
  const [content, setContent] = useState<CardContent>(
    cached ? { kind: 'ready', card: cached } : { kind: 'loading' },
  );

  useEffect(() => {
    const hit = cache.get(entityId);
    if (hit) {
      setContent({ kind: 'ready', card: hit });
      return;
    }
    setContent({ kind: 'loading' });
    let isCurrent = true;
    void loadCard(entityId).then((r) => {
      if (r.ok) cache.set(entityId, r.value);
      if (isCurrent)
        setContent(r.ok ? { kind: 'ready', card: r.value } : { kind: 'error', message: r.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [entityId, cache, loadCard]);

  return (
    <CardView
      name={props.name}
      content={content}
      mentionCount={props.mentionCount}
      labels={props.labels}
      onClose={props.onClose}
      onOpenSettings={props.onOpenSettings}
      onOpenSource={props.onOpenSource}
      onSelectEntity={props.onSelectEntity}
      onOpenEntityPage={() => props.onOpenEntityPage(entityId)}
    >
      <EntityNotes
        entityId={entityId}
        entityName={props.name}
        labels={props.noteLabels}
        actions={props.actions}
        setSticky={props.setSticky}
      />
    </CardView>
  );
}
