/**
 * Cleaning and checking single fields of a glossary row: text, the entity type, cue lists and the link.
 * Each function returns the cleaned value or an error sentence; glossary-csv.ts attaches the line and field.
 */
import { ENTITY_TYPES, type EntityLink, type EntityType } from '../kb-types';

/**
 * C0 and C1 control characters, DEL, and the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): none belongs in a name or description, and the bidi ones can make a card read differently
 * from what it holds.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text on one line: controls (line breaks and tabs included) become spaces, runs of spaces one. */
export function cleanText(value: string): string {
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Other spellings readers use for the types, after lower-casing and turning spaces and underscores into
 * hyphens (which already maps every English label, "Threat actor" → threat-actor, onto its id).
 */
const TYPE_SYNONYMS: Record<string, EntityType> = {
  organization: 'organisation',
  program: 'programme',
  'government-agency': 'government-body',
  agency: 'government-body',
};

/** The entity type a cell names; an empty cell means `organisation`. */
export function parseType(value: string): EntityType | { error: string } {
  const key = cleanText(value)
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === '') return 'organisation';
  const found = ENTITY_TYPES.find((type) => type === key) ?? TYPE_SYNONYMS[key];
  if (found) return found;
  return { error: `unknown type '${cleanText(value)}'; use one of ${ENTITY_TYPES.join(', ')}` };
}

/** The `;`-separated items of a cell, cleaned, empty ones dropped, duplicates (ignoring case) dropped. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of value.split(';')) {
    const item = cleanText(raw);
    if (item === '' || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

/**
 * A link cell: an absolute http or https URL (anything else, `javascript:` above all, is refused). Its label
 * is the host name, since the CSV has no column for one.
 */
export function parseLink(value: string): EntityLink | { error: string } {
  const text = cleanText(value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `'${text.slice(0, 80)}' is not an absolute URL (it should start with https://)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { error: `'${text.slice(0, 80)}' is not an http or https URL` };
  return { label: url.hostname, url: url.href };
}
