/**
 * The fields of each object in a Gloss JSON glossary, in the order the writer puts them: one list per
 * object, read by the writer (which fields, in which order) and by the reader (any other field is refused).
 */
export const ENTITY_KEYS = [
  'id',
  'name',
  'type',
  'description',
  'aliases',
  'related',
  'links',
  'hidden',
  'builtin',
] as const;
export const RULE_KEYS = [
  'text',
  'caseSensitive',
  'cues',
  'vetoCues',
  'shoutingNeedsCue',
  'rejectBefore',
  'rejectAfter',
] as const;
export const LINK_KEYS = ['label', 'url'] as const;
export const SOURCE_KEYS = [
  'id',
  'url',
  'canonical',
  'title',
  'author',
  'siteName',
  'publishedAt',
  'lang',
  'blocks',
  'isTruncated',
  'addedAt',
] as const;
export const BLOCK_KEYS = ['kind', 'text'] as const;
