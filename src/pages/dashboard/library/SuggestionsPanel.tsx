/**
 * The Suggestions tab: names the sources seem to define, waiting for the reader to accept them (the entity
 * form, prefilled), reject them (never proposed again), or merge them into an entity as aliases. The list is
 * read again after each action, since accepting one name can settle others, and whenever sources or entities
 * change elsewhere (use-live-list.ts).
 */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import type { EntityInput, EntityListItem, SuggestionView } from '../../../shared/library/library-types';
import { errorText } from '../../shared/error-text';
import { Notice } from '../../shared/Notice';
import { EntityForm } from './EntityForm';
import { LoadNotice } from './LoadNotice';
import { SuggestionItem } from './SuggestionItem';
import { suggestionAliases } from './suggestion-text';
import { useLiveList } from './use-live-list';

/** The queue and the entities (for Merge into… and the form's related entities), read together. */
const loadQueue = async () => {
  const [suggestions, entities] = await Promise.all([
    request('listSuggestions', {}),
    request('listEntities', {}),
  ]);
  return { suggestions, entities };
};

/** `entity` with `suggestion`'s names added as aliases, those it has already (case ignored) left out. */
function merged(entity: EntityInput, suggestion: SuggestionView): EntityInput {
  const known = new Set(entity.aliases.map((alias) => alias.text.toLowerCase()));
  known.add(entity.name.toLowerCase());
  const added = suggestionAliases(suggestion).filter((rule) => !known.has(rule.text.toLowerCase()));
  return { ...entity, aliases: [...entity.aliases, ...added] };
}

/** The panel. */
export function SuggestionsPanel() {
  const { state, refresh, panel } = useLiveList(loadQueue, 'data-suggestion-key');
  const [accepting, setAccepting] = useState<SuggestionView | undefined>();
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const entities = state.status === 'ready' ? state.value.entities : [];

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<void> => {
      setError('');
      try {
        await action();
      } catch (e) {
        setError(t('libActionFailed', errorText(e)));
      }
      await refresh();
    },
    [refresh],
  );
  const reject = (suggestion: SuggestionView): void => {
    setRejected((current) => new Set([...current, suggestion.key]));
    void run(() => request('rejectSuggestion', { key: suggestion.key, name: suggestion.name }));
  };
  const merge = (suggestion: SuggestionView, into: EntityListItem): void =>
    void run(async () => {
      const { entity } = await request('getEntity', { id: into.id });
      const { id: _, ...input } = entity;
      await request('updateEntity', { id: into.id, entity: merged(input, suggestion) });
    });
  const create = async (entity: EntityInput): Promise<void> => {
    await request('createEntity', { entity });
    setAccepting(undefined);
    await refresh();
  };

  const queue = state.status === 'ready' ? state.value.suggestions.filter((s) => !rejected.has(s.key)) : [];
  return (
    <section class="library-panel" aria-labelledby="library-suggestions-heading" ref={panel}>
      <h2 id="library-suggestions-heading">{t('libSuggestionsHeading')}</h2>
      {accepting && (
        <EntityForm
          key={accepting.key}
          heading={t('libFormAcceptHeading', accepting.name)}
          initial={{
            name: accepting.name,
            type: accepting.type ?? 'organisation',
            description: '',
            aliases: suggestionAliases(accepting),
            related: [],
            links: [],
          }}
          entities={entities}
          onSave={create}
          onCancel={() => setAccepting(undefined)}
        />
      )}
      <p class="dashboard-error" role="alert">
        {error}
      </p>
      <LoadNotice state={state} onRetry={refresh} />
      {state.status === 'ready' && queue.length === 0 && <Notice>{t('libSuggestionsEmpty')}</Notice>}
      <ul class="library-list">
        {queue.map((suggestion) => (
          <SuggestionItem
            key={suggestion.key}
            suggestion={suggestion}
            entities={entities}
            onAccept={setAccepting}
            onReject={reject}
            onMerge={merge}
          />
        ))}
      </ul>
    </section>
  );
}
