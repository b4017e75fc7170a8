/** The knowledge base's source articles as links into the reader. */
import { readerHref } from '../../shared/reader-url';

/** Props of `SourceLinks`. */
export interface SourceLinksProps {
  sources: ReadonlyArray<{ id: string; title: string }>;
  /** Open each article in a new tab: right from the options page, which may be embedded in the browser's add-ons page. */
  isNewTab?: boolean;
}

/** A list of article titles, each opening that article in the reader. */
export function SourceLinks({ sources, isNewTab = false }: SourceLinksProps) {
  return (
    <ul class="source-links">
      {sources.map((source) => (
        <li key={source.id}>
          <a
            href={readerHref({ sourceId: source.id })}
            target={isNewTab ? '_blank' : undefined}
            rel={isNewTab ? 'noopener' : undefined}
          >
            {source.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
