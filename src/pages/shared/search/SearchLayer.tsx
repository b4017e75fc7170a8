/**
 * A page with the search box on top: while the box has words its results take the place of the page's own
 * content, which stays mounted underneath (hidden), so clearing the box returns to it exactly as it was:
 * the same tab, filters, scroll of lists and any edit in progress.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SearchBox } from './SearchBox';

/** Props of `SearchLayer`. */
export interface SearchLayerProps {
  /** Prefix of the ids inside. */
  prefix: string;
  /** Class of the bar holding the box, for the page's own layout. */
  barClass: string;
  /** Words searched from the start (the dashboard's `?search=`). */
  initialWords?: string;
  onWordsChange?: (words: string) => void;
  /** Hits per kind. */
  limit?: number;
  /** Only what is connected with this entity, and the box's label (the entity page). */
  entityId?: string;
  label?: string;
  /** Offer "N more in the dashboard" (the popup). */
  hasMoreLink?: boolean;
  /** The page's own content, hidden while the box has words. */
  children: ComponentChildren;
}

/** The bar with the box and the page beneath it. */
export function SearchLayer({
  prefix,
  barClass,
  initialWords = '',
  onWordsChange,
  limit,
  entityId,
  label,
  hasMoreLink,
  children,
}: SearchLayerProps) {
  const [words, setWords] = useState(initialWords);
  const change = (next: string): void => {
    setWords(next);
    onWordsChange?.(next);
  };
  return (
    <>
      <search class={`search-bar ${barClass}`}>
        <SearchBox
          prefix={prefix}
          words={words}
          onWordsChange={change}
          limit={limit}
          {...(entityId ? { entityId } : {})}
          {...(label ? { label } : {})}
          hasMoreLink={hasMoreLink}
        />
      </search>
      <div class="search-covered" hidden={words.trim() !== ''}>
        {children}
      </div>
    </>
  );
}
