/**
 * Chooses what the card shows for a target: an entity's card (with the reader's notes about it), a
 * placed note, or the editor for a new note on a selection.
 */
import { type ComponentChild, h } from 'preact';
import type { CardData } from '../../shared/kb-types';
import { NOTE_LIMITS } from '../../shared/notes/note-types';
import type { Result } from '../../shared/result';
import type { SourceTarget } from '../../shared/ui/CardBody';
import type { HighlightRegistry } from '../highlight/registry';
import { type CardTarget, isDraft, isNoteMark } from '../notes/card-target';
import type { NoteLabels } from '../notes/note-labels';
import type { NoteSession } from '../notes/note-session';
import type { CardFrameLabels } from './CardView';
import type { CardContext } from './card-controller';
import { DraftCardView } from './DraftCardView';
import { EntityCard } from './EntityCard';
import { NoteCardView } from './NoteCardView';

export interface CardContentDeps {
  registry: HighlightRegistry;
  notes: NoteSession;
  labels: () => CardFrameLabels;
  noteLabels: () => NoteLabels;
  entityName: (entityId: string) => string;
  loadCard: (entityId: string) => Promise<Result<CardData>>;
  openSource: (target: SourceTarget) => void;
  openSettings: () => void;
  /** Opens an entity's page in a tab (through the background). */
  openEntityPage: (entityId: string) => void;
  /** Cards already loaded on this page, by entity id; the page empties it when the knowledge base changes. */
  cache: Map<string, CardData>;
}

/** Returns the card renderer the controller calls. */
export function cardContent(deps: CardContentDeps): (target: CardTarget, ctx: CardContext) => ComponentChild {
  const { cache } = deps;
  return (target, ctx) => {
    const labels = deps.noteLabels();
    if (isDraft(target)) {
      ctx.setSticky(true);
      return h(DraftCardView, {
        quote: target.anchor.quote.exact,
        labels,
        onClose: () => ctx.close(true),
        onSave: async (values) => {
          if (target.anchor.quote.exact.length > NOTE_LIMITS.quote)
            return labels.quoteTooLong(NOTE_LIMITS.quote);
          const r = await deps.notes.saveDraft(target, values);
          if (!r.ok) return labels.saveFailed(r.error);
          ctx.setSticky(false);
          ctx.close(true);
          return undefined;
        },
      });
    }
    if (isNoteMark(target)) {
      return h(NoteCardView, {
        key: target.noteId,
        note: target.note,
        labels,
        onClose: () => ctx.close(true),
        setSticky: ctx.setSticky,
        onSave: async (values) => {
          const r = await deps.notes.update(target.noteId, values);
          if (!r.ok) return labels.saveFailed(r.error);
          ctx.repaint();
          return undefined;
        },
        onDelete: () => deps.notes.remove(target.noteId),
        onRestore: () => deps.notes.restore(target.noteId),
      });
    }
    const entityId = ctx.entityId ?? target.entityId;
    return h(EntityCard, {
      entityId,
      name: deps.entityName(entityId),
      mentionCount: deps.registry.counts()[entityId] ?? 0,
      labels: deps.labels(),
      noteLabels: labels,
      cache,
      loadCard: deps.loadCard,
      actions: deps.notes,
      onClose: () => ctx.close(true),
      onOpenSettings: deps.openSettings,
      onOpenSource: deps.openSource,
      onSelectEntity: ctx.showEntity,
      onOpenEntityPage: deps.openEntityPage,
      setSticky: ctx.setSticky,
    });
  };
}
