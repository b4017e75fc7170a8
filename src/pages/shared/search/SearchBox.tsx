/**
 * The one search box of the extension pages (dashboard, popup): a WAI-ARIA combobox whose listbox holds the
 * results of the background's index. Keyboard first: `/` focuses it, the arrows move through every group
 * (wrapping), Home and End jump to the first and last result, Enter opens the active result (or the first),
 * Escape clears the words and a second Escape leaves the box.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount, tNumber } from '../../../platform/i18n';
import { dashboardSearchHref } from '../../../shared/search/search-address';
import type { SearchHit, SearchResults } from '../../../shared/search/search-types';
import { SEARCH_QUERY_MAX } from '../../../shared/search/search-types';
import { errorText } from '../error-text';
import { openSearchTarget } from './open-target';
import { SearchResultsList } from './SearchResultsList';
import { flattenHits, isNavKey, moveActive, optionId } from './search-nav';
import { type SearchState, useSearch } from './use-search';
import { useSlashFocus } from './use-slash-focus';

/** Props of `SearchBox`. */
export interface SearchBoxProps {
  /** Prefix of the ids inside (the box is `<prefix>-input`). */
  prefix: string;
  words: string;
  onWordsChange: (words: string) => void;
  /** Hits per kind (the background's default when absent). */
  limit?: number;
  /** Only what is connected with this entity, and the box's label saying so (the entity page). */
  entityId?: string;
  label?: string;
  /** Whether to offer "N more in the dashboard" when more matched than shows (the popup). */
  hasMoreLink?: boolean;
}

/** The status line's sentence: a failure, "Searching…" once slow, "No results for …", or the count. */
function statusText(search: SearchState, shown: number, openError: string): string {
  if (openError) return t('searchOpenFailed', openError);
  if (search.error) return t('searchFailed', search.error);
  if (search.isPending && search.isSlow) return t('searchSearching');
  if (!search.results || search.isPending) return '';
  return shown === 0 ? t('searchNoResults', search.query) : tCount('searchResultCount', shown);
}

/** How many matched beyond those shown, over every group. */
const moreCount = (results: SearchResults | undefined): number =>
  results ? results.groups.reduce((sum, group) => sum + group.total - group.hits.length, 0) : 0;

/** The box, its status line and, while it has words, its results. */
export function SearchBox({
  prefix,
  words,
  onWordsChange,
  limit,
  entityId,
  label = t('searchLabel'),
  hasMoreLink = false,
}: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useSlashFocus(input);
  const search = useSearch(words, { limit, ...(entityId ? { entityId } : {}) });
  const hits = flattenHits(search.results);
  // The active option belongs to the results it was chosen in: new results start with none active.
  const [active, setActive] = useState<{ results?: SearchResults; index: number }>({ index: -1 });
  const activeIndex = active.results === search.results ? active.index : -1;
  const [openError, setOpenError] = useState('');
  const hasWords = words.trim() !== '';
  const isExpanded = hasWords && hits.length > 0;

  // Enter typed before the answer to the words in the box came: the first result opens when it comes.
  const [enterFor, setEnterFor] = useState<string | undefined>(undefined);

  const open = (hit: SearchHit): void => {
    setOpenError('');
    openSearchTarget(hit.target).catch((e: unknown) => setOpenError(errorText(e)));
  };

  useEffect(() => {
    if (enterFor === undefined) return;
    if (enterFor !== words.trim()) setEnterFor(undefined);
    else if (!search.isPending && search.query === enterFor) {
      setEnterFor(undefined);
      const first = flattenHits(search.results)[0];
      if (first) open(first);
    }
  });

  const onKeyDown = (event: KeyboardEvent): void => {
    if (isNavKey(event.key)) {
      // Home and End move the caret until a result is active; the arrows always move through results.
      const isCaretKey = event.key === 'Home' || event.key === 'End';
      if (hits.length === 0 || (isCaretKey && activeIndex < 0)) return;
      event.preventDefault();
      const index = moveActive(activeIndex, hits.length, event.key);
      setActive({ results: search.results, index });
      document.getElementById(optionId(prefix, index))?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      if (!hasWords) return;
      event.preventDefault();
      // A result chosen with the arrows opens as it is; otherwise the first result for the words typed.
      const isAnswered = !search.isPending && search.query === words.trim();
      if (activeIndex >= 0) open(hits[activeIndex]!);
      else if (isAnswered) {
        if (hits[0]) open(hits[0]);
      } else setEnterFor(words.trim());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (words) {
        setOpenError('');
        onWordsChange('');
      } else input.current?.blur();
    }
  };

  const status = hasWords ? statusText(search, hits.length, openError) : '';
  const more = hasMoreLink ? moreCount(search.results) : 0;
  return (
    <div class="search-box">
      <label class="visually-hidden" for={`${prefix}-input`}>
        {label}
      </label>
      <input
        ref={input}
        id={`${prefix}-input`}
        class="search-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={`${prefix}-listbox`}
        aria-activedescendant={activeIndex >= 0 ? optionId(prefix, activeIndex) : undefined}
        aria-describedby={`${prefix}-status`}
        placeholder={label}
        autocomplete="off"
        spellcheck={false}
        enterkeyhint="search"
        maxLength={SEARCH_QUERY_MAX}
        value={words}
        onInput={(event) => onWordsChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <output id={`${prefix}-status`} class="search-status">
        {status}
      </output>
      {isExpanded && search.results ? (
        <SearchResultsList prefix={prefix} results={search.results} active={activeIndex} onOpen={open} />
      ) : (
        // The box's aria-controls names the list, so it is there (empty and hidden) while nothing shows.
        <div role="listbox" id={`${prefix}-listbox`} aria-label={t('searchResultsLabel')} hidden />
      )}
      {hasWords && more > 0 && (
        <a class="search-more" href={dashboardSearchHref(words.trim())} target="_blank" rel="noopener">
          {t('searchMoreInDashboard', tNumber(more))}
        </a>
      )}
    </div>
  );
}
