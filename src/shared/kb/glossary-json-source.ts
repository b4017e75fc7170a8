/** One source of a Gloss JSON glossary (glossary-json.ts), checked field by field into a fresh object. */
import { MAX_SOURCE_BLOCKS, MAX_SOURCE_LABEL } from '../library/library-schemas';
import { languageTag } from '../notes/language-tag';
import { DEFAULT_MAX_SOURCE_CHARS, type SourceBlock } from '../sources/source-types';
import type { GlossaryJsonSource } from './glossary-json';
import { type Checker, isObject, own } from './glossary-json-check';
import { BLOCK_KEYS, SOURCE_KEYS } from './glossary-json-keys';
import type { PathKey } from './glossary-json-scan';

/** The source at `path`, or `undefined` with its problems recorded. Duplicate ids are the caller's. */
export function readSource(check: Checker, raw: unknown, path: PathKey[]): GlossaryJsonSource | undefined {
  const before = check.problems.length;
  if (!isObject(raw))
    return check.fail(path, 'a source should be an object { "id": …, "url": …, "blocks": […] }');
  const at = (key: string): PathKey[] => [...path, key];
  check.unknownKeys(raw, SOURCE_KEYS, path, 'a source');
  const id = check.id(own(raw, 'id'), at('id'));
  const url = check.url(own(raw, 'url'), at('url'), 'the url');
  const canonical = check.url(own(raw, 'canonical'), at('canonical'), 'the canonical address', false);
  const title = check.text(own(raw, 'title'), at('title'), 'the title', { max: MAX_SOURCE_LABEL });
  const label = (key: 'author' | 'siteName') =>
    check.text(own(raw, key), at(key), `the ${key}`, { required: false, max: MAX_SOURCE_LABEL });
  const author = label('author');
  const siteName = label('siteName');
  const publishedAt = check.iso(own(raw, 'publishedAt'), at('publishedAt'), 'publishedAt', false);
  let lang = check.text(own(raw, 'lang'), at('lang'), 'lang', { required: false, max: 40 });
  if (lang !== undefined && languageTag(lang) !== lang)
    lang = check.fail(at('lang'), `lang '${lang}' is not a language tag such as "en" or "ja-JP"`);

  const blocks: SourceBlock[] = [];
  let length = 0;
  const rawBlocks = check.list(own(raw, 'blocks'), at('blocks'), 'blocks', MAX_SOURCE_BLOCKS, true);
  if (rawBlocks?.length === 0) check.fail(at('blocks'), 'a source needs at least one block');
  for (const [index, item] of (rawBlocks ?? []).entries()) {
    const blockPath: PathKey[] = [...path, 'blocks', index];
    if (!isObject(item)) {
      check.fail(blockPath, 'a block should be an object { "kind": "paragraph", "text": … }');
      continue;
    }
    check.unknownKeys(item, BLOCK_KEYS, blockPath, 'a block');
    const kind = own(item, 'kind');
    if (kind !== 'heading' && kind !== 'paragraph')
      check.fail([...blockPath, 'kind'], 'the kind of a block is "heading" or "paragraph"');
    const text = check.text(own(item, 'text'), [...blockPath, 'text'], 'the text', {
      min: 1,
      max: DEFAULT_MAX_SOURCE_CHARS,
    });
    if (text === undefined || (kind !== 'heading' && kind !== 'paragraph')) continue;
    length += text.length;
    blocks.push({ kind, text });
  }
  if (length > DEFAULT_MAX_SOURCE_CHARS)
    check.fail(
      at('blocks'),
      `${length} characters of text, more than a source keeps (${DEFAULT_MAX_SOURCE_CHARS})`,
    );
  const isTruncated = check.flag(own(raw, 'isTruncated'), at('isTruncated'), 'isTruncated', true);
  const addedAt = check.iso(own(raw, 'addedAt'), at('addedAt'), 'addedAt', true);

  if (
    check.problems.length > before ||
    id === undefined ||
    url === undefined ||
    title === undefined ||
    isTruncated === undefined ||
    addedAt === undefined
  )
    return undefined;
  const source: GlossaryJsonSource = { id, url, title, blocks, isTruncated, addedAt };
  if (canonical !== undefined) source.canonical = canonical;
  if (author !== undefined) source.author = author;
  if (siteName !== undefined) source.siteName = siteName;
  if (publishedAt !== undefined) source.publishedAt = publishedAt;
  if (lang !== undefined) source.lang = lang;
  return source;
}
