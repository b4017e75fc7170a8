/**
 * The results as one WAI-ARIA listbox: a group per kind with its heading and count ("Notes · 12"), and per
 * hit its title, a detail line and a snippet, the matched words marked. Focus stays in the box; the active
 * option is the box's `aria-activedescendant`.
 */
import { t, tNumber } from '../../../platform/i18n';
import type { SearchHit, SearchResults } from '../../../shared/search/search-types';
import { HitText } from './HitText';
import { hitDetail } from './hit-detail';
import { optionId } from './search-nav';

/** Props of `SearchResultsList`. */
export interface SearchResultsListProps {
  /** The box's id prefix; options are `<prefix>-option-<n>`. */
  prefix: string;
  results: SearchResults;
  /** The active option's index over all groups, -1 for none. */
  active: number;
  onOpen: (hit: SearchHit) => void;
}

/** The listbox; the caller renders it only when there is at least one hit. */
export function SearchResultsList({ prefix, results, active, onOpen }: SearchResultsListProps) {
  let index = 0;
  return (
    <div role="listbox" id={`${prefix}-listbox`} class="search-results" aria-label={t('searchResultsLabel')}>
      {results.groups.map((group) => {
        const headingId = `${prefix}-group-${group.kind}`;
        return (
          // A fieldset is a group, which a listbox may hold between itself and its options.
          <fieldset key={group.kind} aria-labelledby={headingId} class="search-group">
            <div role="presentation" id={headingId} class="search-group-heading">
              {t(`searchGroup_${group.kind}`, tNumber(group.total))}
            </div>
            {group.hits.map((hit) => {
              const at = index++;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the box's (aria-activedescendant): focus never leaves it
                <div
                  key={`${hit.kind}:${hit.id}`}
                  tabIndex={-1}
                  role="option"
                  id={optionId(prefix, at)}
                  aria-selected={at === active}
                  class="search-hit"
                  data-kind={hit.kind}
                  data-id={hit.id}
                  // The box keeps focus (and its words) when a result is clicked.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onOpen(hit)}
                >
                  <span class="search-hit-title">
                    <HitText parts={hit.titleParts.length > 0 ? hit.titleParts : [{ text: hit.title }]} />
                  </span>
                  {hitDetail(hit) && <span class="search-hit-detail">{hitDetail(hit)}</span>}
                  {hit.snippet.length > 0 && (
                    <span class="search-hit-snippet">
                      <HitText parts={hit.snippet} />
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
