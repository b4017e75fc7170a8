/**
 * Checking a parsed Gloss JSON glossary (glossary-json.ts) field by field. Every value is copied into a
 * fresh object only after it is checked, so nothing in the file (a `__proto__` or `constructor` field, a
 * getter-looking name) reaches anything but text. Problems carry the path of the value; glossary-json.ts
 * turns paths into lines.
 */
import * as v from 'valibot';
import { type AliasRule, ENTITY_TYPES, type EntityLink, type EntityType } from '../kb-types';
import { MAX_LINKS, MAX_RELATED, MAX_SOURCE_BLOCKS, MAX_SOURCE_LABEL } from '../library/library-schemas';
import { languageTag } from '../notes/language-tag';
import { DEFAULT_MAX_SOURCE_CHARS, type SourceBlock } from '../sources/source-types';
import { applyAliasPolicy, commonWordNotice } from './alias-policy';
import {
  MAX_ALIASES_PER_ENTITY,
  MAX_CUES_PER_ENTITY,
  MAX_DESCRIPTION_LENGTH,
  MAX_GLOSSARY_ALIASES,
  MAX_GLOSSARY_ENTITIES,
  MAX_NAME_LENGTH,
} from './glossary-csv';
import { cleanText } from './glossary-fields';
import type { GlossaryJson, GlossaryJsonEntity, GlossaryJsonSource } from './glossary-json';
import type { PathKey } from './glossary-json-scan';

/** The `format` a Gloss glossary declares. */
export const GLOSSARY_JSON_FORMAT = 'gloss-glossary';
/** The only version this reader understands. */
export const GLOSSARY_JSON_VERSION = 1;
/** Most sources in one glossary. */
export const MAX_GLOSSARY_SOURCES = 2_000;
/** Longest `rejectBefore`/`rejectAfter` pattern (the built-in ones reach about 600 characters). */
export const MAX_PATTERN_LENGTH = 2_000;
/** Entity and source ids: a built-in slug or a UUID. */
export const GLOSSARY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Longest address of a source or link. */
const MAX_URL_LENGTH = 8_192;

export interface Problem {
  path: PathKey[];
  message: string;
}

export type ReadOutcome =
  | { ok: true; glossary: GlossaryJson; notices: Array<{ path: PathKey[]; notice: string }> }
  | { ok: false; problems: Problem[] };

const TOP_KEYS = ['format', 'version', 'exportedAt', 'entities', 'sources'];
const ENTITY_KEYS = ['id', 'name', 'type', 'description', 'aliases', 'related', 'links', 'hidden', 'builtin'];
const RULE_KEYS = [
  'text',
  'caseSensitive',
  'cues',
  'vetoCues',
  'shoutingNeedsCue',
  'rejectBefore',
  'rejectAfter',
];
const LINK_KEYS = ['label', 'url'];
const SOURCE_KEYS = [
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
];
const BLOCK_KEYS = ['kind', 'text'];
const ISO = v.pipe(v.string(), v.isoTimestamp());

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of the file's own, never one inherited from `Object.prototype`. */
function own(object: Fields, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Characters as the reader sees them (a surrogate pair or a kanji is one). */
function chars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function httpUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Reads the whole file's value; problems in the order of the file. */
export function readGlossary(value: unknown): ReadOutcome {
  const problems: Problem[] = [];
  const notices: Array<{ path: PathKey[]; notice: string }> = [];
  const fail = (path: PathKey[], message: string) => {
    problems.push({ path, message });
  };
  const only = (message: string, path: PathKey[] = []): ReadOutcome => ({
    ok: false,
    problems: [{ path, message }],
  });

  if (!isObject(value))
    return only(
      'this is not a Gloss glossary: the file should be a JSON object with "format": "gloss-glossary"',
    );
  const format = own(value, 'format');
  if (format !== GLOSSARY_JSON_FORMAT)
    return only(
      format === undefined
        ? 'this is not a Gloss glossary: it has no "format": "gloss-glossary"'
        : `this is not a Gloss glossary: its format is ${JSON.stringify(format).slice(0, 60)}, not "gloss-glossary"`,
      format === undefined ? [] : ['format'],
    );
  const version = own(value, 'version');
  if (version !== GLOSSARY_JSON_VERSION)
    return only(
      `version ${JSON.stringify(version ?? null).slice(0, 20)} is not supported; this Gloss reads version ${GLOSSARY_JSON_VERSION}`,
      version === undefined ? [] : ['version'],
    );

  // Small helpers over one problem list; each returns the checked value or undefined (with a problem).
  const unknownKeys = (object: Fields, known: readonly string[], path: PathKey[], what: string) => {
    for (const key of Object.keys(object))
      if (!known.includes(key))
        fail([...path, key], `unknown field '${key.slice(0, 60)}'; ${what} has ${known.join(', ')}`);
  };
  const text = (
    raw: unknown,
    path: PathKey[],
    what: string,
    { required = true, min = 0, max = MAX_NAME_LENGTH, clean = false } = {},
  ): string | undefined => {
    if (raw === undefined) {
      if (required) fail(path, `${what} is missing`);
      return undefined;
    }
    if (typeof raw !== 'string') return void fail(path, `${what} should be text in double quotes`);
    const out = clean ? cleanText(raw) : raw;
    if (out.length === 0 && min > 0) return void fail(path, `${what} is empty`);
    if (chars(out) < min) return void fail(path, `${what} '${out}' is shorter than ${min} characters`);
    if (out.length > max) return void fail(path, `${what} is ${out.length} characters, more than ${max}`);
    return out;
  };
  const flag = (raw: unknown, path: PathKey[], what: string): boolean | undefined => {
    if (raw === undefined || typeof raw === 'boolean') return raw;
    return void fail(path, `${what} should be true or false`);
  };
  const list = (
    raw: unknown,
    path: PathKey[],
    what: string,
    max: number,
    required = false,
  ): unknown[] | undefined => {
    if (raw === undefined) {
      if (required) fail(path, `${what} is missing`);
      return undefined;
    }
    if (!Array.isArray(raw)) return void fail(path, `${what} should be a list in [ ]`);
    if (raw.length > max) return void fail([...path, max], `more than ${max} ${what}`);
    return raw;
  };
  const id = (raw: unknown, path: PathKey[]): string | undefined => {
    const out = text(raw, path, 'the id');
    if (out !== undefined && !GLOSSARY_ID_PATTERN.test(out))
      return void fail(
        path,
        `id '${out.slice(0, 70)}' should be lower-case letters, digits and hyphens (at most 64)`,
      );
    return out;
  };
  const iso = (raw: unknown, path: PathKey[], what: string, required: boolean): string | undefined => {
    const out = text(raw, path, what, { required, max: 40 });
    if (out !== undefined && !v.is(ISO, out))
      return void fail(path, `${what} '${out}' is not an ISO 8601 time such as 2026-01-31T09:00:00.000Z`);
    return out;
  };

  unknownKeys(value, TOP_KEYS, [], 'a glossary');
  const exportedAt = iso(own(value, 'exportedAt'), ['exportedAt'], 'exportedAt', true);

  // Entities.
  const rawEntities = list(own(value, 'entities'), ['entities'], 'entities', MAX_GLOSSARY_ENTITIES) ?? [];
  const entities: GlossaryJsonEntity[] = [];
  const entityIds = new Map<string, number>();
  let aliasCount = 0;
  rawEntities.forEach((raw, index) => {
    const path: PathKey[] = ['entities', index];
    const before = problems.length;
    if (!isObject(raw)) {
      fail(path, 'an entity should be an object { "id": …, "name": …, "aliases": […] }');
      return;
    }
    unknownKeys(raw, ENTITY_KEYS, path, 'an entity');
    const entityId = id(own(raw, 'id'), [...path, 'id']);
    if (entityId !== undefined) {
      const first = entityIds.get(entityId);
      if (first !== undefined)
        fail([...path, 'id'], `id '${entityId}' is already used by entities[${first}]`);
      else entityIds.set(entityId, index);
    }
    const name = text(own(raw, 'name'), [...path, 'name'], 'the name', { min: 1, clean: true });
    const rawType = own(raw, 'type');
    const type = ENTITY_TYPES.find((t) => t === rawType);
    if (!type)
      fail(
        [...path, 'type'],
        rawType === undefined
          ? 'the type is missing'
          : `unknown type ${JSON.stringify(rawType).slice(0, 60)}; use one of ${ENTITY_TYPES.join(', ')}`,
      );
    const description =
      text(own(raw, 'description'), [...path, 'description'], 'the description', {
        required: false,
        max: MAX_DESCRIPTION_LENGTH,
        clean: true,
      }) ?? '';

    const aliases: AliasRule[] = [];
    const entityNotices: Array<{ path: PathKey[]; notice: string }> = [];
    const cueSet = new Set<string>();
    const rawAliases = list(
      own(raw, 'aliases'),
      [...path, 'aliases'],
      'aliases',
      MAX_ALIASES_PER_ENTITY,
      true,
    );
    if (rawAliases?.length === 0)
      fail([...path, 'aliases'], 'an entity needs at least one alias (usually its name)');
    rawAliases?.forEach((rawRule, ruleIndex) => {
      const rulePath: PathKey[] = [...path, 'aliases', ruleIndex];
      if (!isObject(rawRule)) {
        fail(rulePath, 'an alias should be an object { "text": … }');
        return;
      }
      unknownKeys(rawRule, RULE_KEYS, rulePath, 'an alias');
      const phrases = (key: 'cues' | 'vetoCues', what: string): string[] | undefined => {
        const items = list(own(rawRule, key), [...rulePath, key], what, MAX_CUES_PER_ENTITY);
        if (!items) return undefined;
        const out: string[] = [];
        items.forEach((item, i) => {
          const phrase = text(item, [...rulePath, key, i], 'a cue', { min: 2, clean: true });
          if (phrase === undefined) return;
          out.push(phrase);
          cueSet.add(`${key}:${phrase.toLowerCase()}`);
        });
        return out;
      };
      const aliasText = text(own(rawRule, 'text'), [...rulePath, 'text'], 'the alias', { clean: true });
      const caseSensitive = flag(
        own(rawRule, 'caseSensitive'),
        [...rulePath, 'caseSensitive'],
        'caseSensitive',
      );
      const cues = phrases('cues', 'cues');
      const vetoCues = phrases('vetoCues', 'veto cues');
      const shouting = flag(
        own(rawRule, 'shoutingNeedsCue'),
        [...rulePath, 'shoutingNeedsCue'],
        'shoutingNeedsCue',
      );
      const pattern = (key: 'rejectBefore' | 'rejectAfter'): string | undefined => {
        const source = text(own(rawRule, key), [...rulePath, key], key, {
          required: false,
          max: MAX_PATTERN_LENGTH,
        });
        if (source === undefined) return undefined;
        try {
          // Compiled as the matcher compiles it (matcher/context-rules.ts), never run here.
          new RegExp(key === 'rejectBefore' ? `(?:${source})$` : `^(?:${source})`, 'u');
          return source;
        } catch {
          return void fail([...rulePath, key], `${key} is not a valid regular expression`);
        }
      };
      const rejectBefore = pattern('rejectBefore');
      const rejectAfter = pattern('rejectAfter');
      if (aliasText === undefined) return;
      const verdict = applyAliasPolicy(aliasText, cues ?? []);
      if (verdict.kind === 'refused') {
        fail([...rulePath, 'text'], verdict.reason);
        return;
      }
      const rule: AliasRule = { text: aliasText };
      if (caseSensitive !== undefined) rule.caseSensitive = caseSensitive;
      if (verdict.commonWord && caseSensitive !== true) {
        rule.caseSensitive = true;
        entityNotices.push({ path: [...rulePath, 'text'], notice: commonWordNotice(aliasText) });
      }
      if (cues) rule.cues = cues;
      if (vetoCues) rule.vetoCues = vetoCues;
      if (shouting !== undefined) rule.shoutingNeedsCue = shouting;
      if (rejectBefore !== undefined) rule.rejectBefore = rejectBefore;
      if (rejectAfter !== undefined) rule.rejectAfter = rejectAfter;
      aliases.push(rule);
    });
    if (cueSet.size > MAX_CUES_PER_ENTITY)
      fail(
        [...path, 'aliases'],
        `${cueSet.size} different cues and veto cues, more than ${MAX_CUES_PER_ENTITY}`,
      );
    aliasCount += aliases.length;

    const related: string[] = [];
    list(own(raw, 'related'), [...path, 'related'], 'related entities', MAX_RELATED)?.forEach((item, i) => {
      const relatedId = id(item, [...path, 'related', i]);
      if (relatedId !== undefined) related.push(relatedId);
    });

    const links: EntityLink[] = [];
    list(own(raw, 'links'), [...path, 'links'], 'links', MAX_LINKS)?.forEach((item, i) => {
      const linkPath: PathKey[] = [...path, 'links', i];
      if (!isObject(item)) {
        fail(linkPath, 'a link should be an object { "label": …, "url": … }');
        return;
      }
      unknownKeys(item, LINK_KEYS, linkPath, 'a link');
      const label = text(own(item, 'label'), [...linkPath, 'label'], 'the label', { min: 1, clean: true });
      const url = text(own(item, 'url'), [...linkPath, 'url'], 'the url', { max: MAX_URL_LENGTH });
      if (url !== undefined && !httpUrl(url)) {
        fail([...linkPath, 'url'], `'${url.slice(0, 80)}' is not an absolute http or https URL`);
        return;
      }
      if (label !== undefined && url !== undefined) links.push({ label, url });
    });

    const hidden = flag(own(raw, 'hidden'), [...path, 'hidden'], 'hidden');
    const builtin = own(raw, 'builtin');
    if (builtin !== undefined && builtin !== true)
      fail([...path, 'builtin'], 'builtin is either true (a built-in entity you edited) or left out');

    if (problems.length > before || entityId === undefined || name === undefined || !type) return;
    notices.push(...entityNotices);
    const entity: GlossaryJsonEntity = {
      id: entityId,
      name,
      type: type as EntityType,
      description,
      aliases,
      related,
      links,
    };
    if (hidden !== undefined) entity.hidden = hidden;
    if (builtin === true) entity.builtin = true;
    entities.push(entity);
  });
  if (aliasCount > MAX_GLOSSARY_ALIASES)
    fail(['entities'], `${aliasCount} aliases in all, more than ${MAX_GLOSSARY_ALIASES}`);

  // Related ids: an entity of the file, or one that could be built in (the importer resolves it).
  entities.forEach((entity, index) => {
    entity.related.forEach((relatedId, i) => {
      if (relatedId === entity.id)
        fail(['entities', index, 'related', i], 'an entity cannot be related to itself');
    });
  });

  // Sources.
  const rawSources = list(own(value, 'sources'), ['sources'], 'sources', MAX_GLOSSARY_SOURCES) ?? [];
  const sources: GlossaryJsonSource[] = [];
  const sourceIds = new Map<string, number>();
  rawSources.forEach((raw, index) => {
    const path: PathKey[] = ['sources', index];
    const before = problems.length;
    if (!isObject(raw)) {
      fail(path, 'a source should be an object { "id": …, "url": …, "blocks": […] }');
      return;
    }
    unknownKeys(raw, SOURCE_KEYS, path, 'a source');
    const sourceId = id(own(raw, 'id'), [...path, 'id']);
    if (sourceId !== undefined) {
      const first = sourceIds.get(sourceId);
      if (first !== undefined) fail([...path, 'id'], `id '${sourceId}' is already used by sources[${first}]`);
      else sourceIds.set(sourceId, index);
    }
    const address = (key: 'url' | 'canonical', required: boolean) => {
      const url = text(own(raw, key), [...path, key], `the ${key}`, {
        required,
        min: 1,
        max: MAX_URL_LENGTH,
      });
      if (url !== undefined && !httpUrl(url))
        return void fail([...path, key], `'${url.slice(0, 80)}' is not an absolute http or https URL`);
      return url;
    };
    const url = address('url', true);
    const canonical = address('canonical', false);
    const title = text(own(raw, 'title'), [...path, 'title'], 'the title', { max: MAX_SOURCE_LABEL });
    const label = (key: 'author' | 'siteName') =>
      text(own(raw, key), [...path, key], `the ${key}`, { required: false, max: MAX_SOURCE_LABEL });
    const author = label('author');
    const siteName = label('siteName');
    const publishedAt = iso(own(raw, 'publishedAt'), [...path, 'publishedAt'], 'publishedAt', false);
    const lang = text(own(raw, 'lang'), [...path, 'lang'], 'lang', { required: false, max: 40 });
    if (lang !== undefined && languageTag(lang) !== lang)
      fail([...path, 'lang'], `lang '${lang}' is not a language tag such as "en" or "ja-JP"`);
    const blocks: SourceBlock[] = [];
    let length = 0;
    list(own(raw, 'blocks'), [...path, 'blocks'], 'blocks', MAX_SOURCE_BLOCKS, true)?.forEach((item, i) => {
      const blockPath: PathKey[] = [...path, 'blocks', i];
      if (!isObject(item)) {
        fail(blockPath, 'a block should be an object { "kind": "paragraph", "text": … }');
        return;
      }
      unknownKeys(item, BLOCK_KEYS, blockPath, 'a block');
      const kind = own(item, 'kind');
      if (kind !== 'heading' && kind !== 'paragraph')
        fail([...blockPath, 'kind'], 'the kind of a block is "heading" or "paragraph"');
      const blockText = text(own(item, 'text'), [...blockPath, 'text'], 'the text', {
        min: 1,
        max: DEFAULT_MAX_SOURCE_CHARS,
      });
      if (blockText === undefined || (kind !== 'heading' && kind !== 'paragraph')) return;
      length += blockText.length;
      blocks.push({ kind, text: blockText });
    });
    if (blocks.length === 0 && problems.length === before)
      fail([...path, 'blocks'], 'a source needs at least one block');
    if (length > DEFAULT_MAX_SOURCE_CHARS)
      fail(
        [...path, 'blocks'],
        `${length} characters of text, more than a source keeps (${DEFAULT_MAX_SOURCE_CHARS})`,
      );
    const isTruncated = flag(own(raw, 'isTruncated'), [...path, 'isTruncated'], 'isTruncated');
    if (own(raw, 'isTruncated') === undefined) fail([...path, 'isTruncated'], 'isTruncated is missing');
    const addedAt = iso(own(raw, 'addedAt'), [...path, 'addedAt'], 'addedAt', true);

    if (problems.length > before) return;
    const source: Record<string, unknown> = { id: sourceId, url };
    const optional = { canonical, title, author, siteName, publishedAt, lang };
    for (const [key, field] of Object.entries(optional)) if (field !== undefined) source[key] = field;
    source.blocks = blocks;
    source.isTruncated = isTruncated;
    source.addedAt = addedAt;
    sources.push(source as unknown as GlossaryJsonSource);
  });

  if (problems.length > 0 || exportedAt === undefined)
    return {
      ok: false,
      problems: problems.length > 0 ? problems : [{ path: [], message: 'exportedAt is missing' }],
    };
  return { ok: true, glossary: { exportedAt, entities, sources }, notices };
}
