/**
 * Sends the box's words to the background's index as the reader types: debounced, so a burst of keys costs
 * one search; stale-proof, so a slower reply to earlier words never replaces the answer to later ones; and
 * quiet, so "Searching…" shows only when an answer is slow to come.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../../platform/messaging';
import type { SearchResults } from '../../../shared/search/search-types';
import { errorText } from '../error-text';

/** Wait after the last key before searching. */
export const SEARCH_DEBOUNCE_MS = 120;
/** How long a search may take before the box says it is searching. */
export const SEARCH_SLOW_MS = 300;

/** What the box knows about the search for its current words. */
export interface SearchState {
  /** The words the results answer ('' before any answer); the previous answer stays while the next comes. */
  query: string;
  results: SearchResults | undefined;
  /** A search for the current words has been asked and not answered yet. */
  isPending: boolean;
  /** It has been pending longer than `SEARCH_SLOW_MS`. */
  isSlow: boolean;
  /** Why the last search failed, in the background's words; '' when it did not. */
  error: string;
}

const IDLE: SearchState = { query: '', results: undefined, isPending: false, isSlow: false, error: '' };

/** Options of `useSearch`. */
export interface SearchOptions {
  /** Hits per group (the background's default when absent). */
  limit?: number;
  /** Only what is connected with this entity (the entity page's box). */
  entityId?: string;
}

/** Searches for `words` (trimmed; blank clears the results without asking). */
export function useSearch(words: string, { limit, entityId }: SearchOptions = {}): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  // Each search gets the next number; only the latest one's answer is shown.
  const latest = useRef(0);

  // An empty search when the box appears: the background loads its stored index (half a second for a large
  // library after the worker slept) while the reader is still typing, not after the first word.
  useEffect(() => {
    request('search', { query: '' }).catch(() => undefined);
  }, []);

  useEffect(() => {
    const mine = ++latest.current;
    const query = words.trim();
    if (!query) {
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, isPending: true }));
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    const isCurrent = (): boolean => latest.current === mine;
    const debounce = setTimeout(() => {
      slowTimer = setTimeout(() => {
        if (isCurrent()) setState((s) => ({ ...s, isSlow: true }));
      }, SEARCH_SLOW_MS);
      request('search', {
        query,
        ...(limit === undefined ? {} : { limit }),
        ...(entityId === undefined ? {} : { entityId }),
      }).then(
        (results) => {
          clearTimeout(slowTimer);
          if (isCurrent()) setState({ query, results, isPending: false, isSlow: false, error: '' });
        },
        (e: unknown) => {
          clearTimeout(slowTimer);
          if (isCurrent())
            setState({ query, results: undefined, isPending: false, isSlow: false, error: errorText(e) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(debounce);
      clearTimeout(slowTimer);
    };
  }, [words, limit, entityId]);

  return state;
}
