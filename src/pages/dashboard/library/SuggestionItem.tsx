/** One suggested entity: its names, why it was proposed, where, and Accept, Reject or Merge into…. */
import { useId, useState } from 'preact/hooks';
import { t, tCount } from '../../../platform/i18n';
import type { EntityListItem, SuggestionView } from '../../../shared/library/library-types';
import { EntityPicker } from './EntityPicker';
import { passageParts, REASON_KEYS } from './suggestion-text';

/** Props of `SuggestionItem`. */
export interface SuggestionItemProps {
  suggestion: SuggestionView;
  entities: readonly EntityListItem[];
  onAccept: (suggestion: SuggestionView) => void;
  onReject: (suggestion: SuggestionView) => void;
  onMerge: (suggestion: SuggestionView, into: EntityListItem) => void;
}

/** The passage is text; the name is wrapped in `<mark>` by cutting the text, never by building HTML. */
export function SuggestionItem({ suggestion, entities, onAccept, onReject, onMerge }: SuggestionItemProps) {
  const [isMerging, setIsMerging] = useState(false);
  const titleId = useId();
  return (
    <li class="library-item" data-suggestion-key={suggestion.key}>
      <h3 class="library-item-title" id={titleId}>
        {suggestion.name}
      </h3>
      {suggestion.aliases.length > 0 && (
        <p class="library-aliases">{t('libSuggestionAliases', suggestion.aliases.join(', '))}</p>
      )}
      <p class="library-item-meta">
        <span class="suggestion-reason">{t(REASON_KEYS[suggestion.reason])}</span>
        <span class="library-count">{tCount('libOccurrences', suggestion.occurrences)}</span>
        <cite>{suggestion.sourceTitle}</cite>
      </p>
      <blockquote class="note-quote suggestion-passage">
        {passageParts(suggestion.passage.text, suggestion.name).map((part, index) =>
          part.isName ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered.
            <mark key={index}>{part.text}</mark>
          ) : (
            part.text
          ),
        )}
      </blockquote>
      {/* The item's buttons as a group named by its title: "Accept" alone would not say which. */}
      <fieldset class="library-actions" aria-labelledby={titleId}>
        <button type="button" onClick={() => onAccept(suggestion)}>
          {t('libAccept')}
        </button>
        <button type="button" onClick={() => onReject(suggestion)}>
          {t('libReject')}
        </button>
        <button type="button" aria-expanded={isMerging} onClick={() => setIsMerging(!isMerging)}>
          {t('libMergeInto')}
        </button>
      </fieldset>
      {isMerging && (
        <EntityPicker
          id={`merge-${suggestion.key}`}
          label={t('libMergeLabel', suggestion.name)}
          entities={entities}
          onPick={(entity) => {
            setIsMerging(false);
            onMerge(suggestion, entity);
          }}
        />
      )}
    </li>
  );
}
