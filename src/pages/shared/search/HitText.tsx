/** Text with the words that matched in `<mark>`, always as text nodes: a snippet's HTML shows as written. */
import type { SnippetPart } from '../../../shared/search/search-types';

/** Props of `HitText`. */
export interface HitTextProps {
  parts: readonly SnippetPart[];
}

/** The parts in order; Preact renders strings as text nodes, never as markup. */
export function HitText({ parts }: HitTextProps) {
  return (
    <>
      {parts.map((part, i) =>
        // Parts never reorder, so their index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        part.mark ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
