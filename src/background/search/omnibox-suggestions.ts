/**
 * The address bar's suggestions (omnibox.ts registers the listeners): the best results as one line each, in
 * Chrome's description markup or Firefox's plain text, and each result's target written into the suggestion's
 * `content`, which is what the browser hands back when the reader chooses it.
 */
import { t } from '../../platform/i18n';
import type { SearchResults, SearchTarget, SnippetPart } from '../../shared/search/search-types';

/** How many suggestions the address bar is given (Chrome shows at most about this many). */
export const OMNIBOX_SUGGESTIONS = 6;

/** One suggestion, as `omnibox.onInputChanged`'s `suggest` takes it. */
export interface Suggestion {
  content: string;
  description: string;
}

const PREFIX = 'gloss:';

/** A target as a suggestion's `content`: `gloss:note:<id>`, `gloss:source:<id>:<passage>`, `gloss:entity:<id>`. */
export function encodeTarget(target: SearchTarget): string {
  const parts =
    target.kind === 'note'
      ? [target.noteId]
      : target.kind === 'entity'
        ? [target.entityId]
        : [target.sourceId, ...(target.passageId ? [target.passageId] : [])];
  // Ids may hold colons (a passage id is `source:block:start`), so each part is percent-encoded.
  return `${PREFIX}${target.kind}:${parts.map(encodeURIComponent).join(':')}`;
}

/** The target a suggestion's `content` names; `undefined` for anything else (words the reader typed). */
export function decodeTarget(text: string): SearchTarget | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const [kind, ...encoded] = text.slice(PREFIX.length).split(':');
  let parts: string[];
  try {
    parts = encoded.map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [first, second] = parts;
  if (!first || parts.some((part) => part === '')) return undefined;
  if (kind === 'note' && parts.length === 1) return { kind: 'note', noteId: first };
  if (kind === 'entity' && parts.length === 1) return { kind: 'entity', entityId: first };
  if (kind === 'source' && parts.length <= 2)
    return second
      ? { kind: 'source', sourceId: first, passageId: second }
      : { kind: 'source', sourceId: first };
  return undefined;
}

/** Text safe inside Chrome's description markup (XML: the five predefined entities). */
export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** One line: the address bar shows no line breaks. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Parts as Chrome's markup (`<match>` around matched words) or as plain text. */
const partsText = (parts: readonly SnippetPart[], isMarkup: boolean): string =>
  parts
    .map((p) =>
      !isMarkup ? p.text : p.mark ? `<match>${escapeXml(oneLine(p.text))}</match>` : escapeXml(p.text),
    )
    .join('');

/**
 * The suggestions for some results: the best few over every group, by score. Each line is the title, then
 * (dimmed) the kind and detail; when the words matched in the text rather than the title, the snippet
 * follows, so the line shows why it was found.
 */
export function suggestionsFor(results: SearchResults, isMarkup: boolean): Suggestion[] {
  const hits = results.groups
    .flatMap((group) => group.hits)
    .sort((a, b) => b.score - a.score)
    .slice(0, OMNIBOX_SUGGESTIONS);
  return hits.map((hit) => {
    const title: SnippetPart[] = hit.titleParts.length > 0 ? hit.titleParts : [{ text: hit.title }];
    const type = hit.entityType ? t(`entityType_${hit.entityType.replaceAll('-', '_')}`) : '';
    const tail = [t(`searchKind_${hit.kind}`), type, oneLine(hit.detail)].filter(Boolean).join(' · ');
    const isTitleMatch = title.some((p) => p.mark);
    const snippet = !isTitleMatch && hit.snippet.length > 0 ? ` ${partsText(hit.snippet, isMarkup)}` : '';
    const description = isMarkup
      ? `${partsText(title, true)} <dim>— ${escapeXml(tail)}</dim>${snippet}`
      : `${partsText(title, false)} — ${tail}${snippet ? ` ·${snippet}` : ''}`;
    return { content: encodeTarget(hit.target), description: oneLine(description) };
  });
}
