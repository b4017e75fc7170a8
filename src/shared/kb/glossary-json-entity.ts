/**
 * One entity of a Gloss JSON glossary (glossary-json.ts), checked field by field into a fresh object: every
 * alias rule field kept as written, except that the alias policy (alias-policy.ts) refuses aliases under 2
 * characters and makes a common word without cues or `caseSensitive` case-sensitive, with a notice.
 */

import { type AliasRule, ENTITY_TYPES, type EntityLink } from '../kb-types';
import { MAX_LINKS, MAX_RELATED } from '../library/library-schemas';
import { applyAliasPolicy, commonWordNotice } from './alias-policy';
import { MAX_ALIASES_PER_ENTITY, MAX_CUES_PER_ENTITY, MAX_DESCRIPTION_LENGTH } from './glossary-csv';
import type { GlossaryJsonEntity } from './glossary-json';
import { type Checker, isObject, own } from './glossary-json-check';
import { ENTITY_KEYS, LINK_KEYS, RULE_KEYS } from './glossary-json-keys';
import type { PathKey } from './glossary-json-scan';

/** Longest `rejectBefore`/`rejectAfter` pattern (the built-in ones reach about 600 characters). */
export const MAX_PATTERN_LENGTH = 2_000;

/** A sentence for the reader about a value the reader gave, and where it is. */
export interface PathNotice {
  path: PathKey[];
  notice: string;
}

/**
 * The entity at `path`, with the notices about it, or `undefined` with its problems recorded. Duplicate
 * ids and the file's alias total are the caller's.
 */
export function readEntity(
  check: Checker,
  raw: unknown,
  path: PathKey[],
): { entity: GlossaryJsonEntity; notices: PathNotice[] } | undefined {
  const before = check.problems.length;
  if (!isObject(raw))
    return check.fail(path, 'an entity should be an object { "id": …, "name": …, "aliases": […] }');
  const at = (key: string): PathKey[] => [...path, key];
  check.unknownKeys(raw, ENTITY_KEYS, path, 'an entity');
  const id = check.id(own(raw, 'id'), at('id'));
  const name = check.text(own(raw, 'name'), at('name'), 'the name', { min: 1, clean: true });
  const rawType = own(raw, 'type');
  const type = ENTITY_TYPES.find((t) => t === rawType);
  if (!type)
    check.fail(
      at('type'),
      rawType === undefined
        ? 'the type is missing'
        : `unknown type ${JSON.stringify(rawType).slice(0, 60)}; use one of ${ENTITY_TYPES.join(', ')}`,
    );
  const description = check.text(own(raw, 'description'), at('description'), 'the description', {
    required: false,
    max: MAX_DESCRIPTION_LENGTH,
    clean: true,
  });

  const aliases: AliasRule[] = [];
  const notices: PathNotice[] = [];
  const cues = new Set<string>();
  const rawAliases = check.list(own(raw, 'aliases'), at('aliases'), 'aliases', MAX_ALIASES_PER_ENTITY, true);
  if (rawAliases?.length === 0)
    check.fail(at('aliases'), 'an entity needs at least one alias (usually its name)');
  for (const [index, rawRule] of (rawAliases ?? []).entries()) {
    const rule = readRule(check, rawRule, [...path, 'aliases', index], notices, cues);
    if (rule) aliases.push(rule);
  }
  if (cues.size > MAX_CUES_PER_ENTITY)
    check.fail(at('aliases'), `${cues.size} different cues and veto cues, more than ${MAX_CUES_PER_ENTITY}`);

  // An entity of the file or one that could be built in: the importer resolves them.
  const related: string[] = [];
  const rawRelated = check.list(own(raw, 'related'), at('related'), 'related entities', MAX_RELATED);
  for (const [index, item] of (rawRelated ?? []).entries()) {
    const relatedId = check.id(item, [...path, 'related', index]);
    if (relatedId !== undefined && relatedId === id)
      check.fail([...path, 'related', index], 'an entity cannot be related to itself');
    else if (relatedId !== undefined) related.push(relatedId);
  }

  const links: EntityLink[] = [];
  for (const [index, item] of (
    check.list(own(raw, 'links'), at('links'), 'links', MAX_LINKS) ?? []
  ).entries()) {
    const linkPath: PathKey[] = [...path, 'links', index];
    if (!isObject(item)) {
      check.fail(linkPath, 'a link should be an object { "label": …, "url": … }');
      continue;
    }
    check.unknownKeys(item, LINK_KEYS, linkPath, 'a link');
    const label = check.text(own(item, 'label'), [...linkPath, 'label'], 'the label', {
      min: 1,
      clean: true,
    });
    const url = check.url(own(item, 'url'), [...linkPath, 'url'], 'the url');
    if (label !== undefined && url !== undefined) links.push({ label, url });
  }

  const hidden = check.flag(own(raw, 'hidden'), at('hidden'), 'hidden');
  const builtin = own(raw, 'builtin');
  if (builtin !== undefined && builtin !== true)
    check.fail(at('builtin'), 'builtin is either true (a built-in entity you edited) or left out');

  if (check.problems.length > before || id === undefined || name === undefined || !type) return undefined;
  const entity: GlossaryJsonEntity = {
    id,
    name,
    type,
    description: description ?? '',
    aliases,
    related,
    links,
  };
  if (hidden !== undefined) entity.hidden = hidden;
  if (builtin === true) entity.builtin = true;
  return { entity, notices };
}

/** One alias rule; its cues (and veto cues) are added to `cues` for the entity's limit. */
function readRule(
  check: Checker,
  raw: unknown,
  path: PathKey[],
  notices: PathNotice[],
  cues: Set<string>,
): AliasRule | undefined {
  if (!isObject(raw)) return check.fail(path, 'an alias should be an object { "text": … }');
  const at = (key: string): PathKey[] => [...path, key];
  check.unknownKeys(raw, RULE_KEYS, path, 'an alias');
  const phrases = (key: 'cues' | 'vetoCues', what: string): string[] | undefined => {
    const items = check.list(own(raw, key), at(key), what, MAX_CUES_PER_ENTITY);
    if (!items) return undefined;
    const out: string[] = [];
    for (const [index, item] of items.entries()) {
      const phrase = check.text(item, [...path, key, index], 'a cue', { min: 2, clean: true });
      if (phrase === undefined) continue;
      out.push(phrase);
      cues.add(`${key}:${phrase.toLowerCase()}`);
    }
    return out;
  };
  const pattern = (key: 'rejectBefore' | 'rejectAfter'): string | undefined => {
    const source = check.text(own(raw, key), at(key), key, { required: false, max: MAX_PATTERN_LENGTH });
    if (source === undefined) return undefined;
    try {
      // Compiled as the matcher compiles it (matcher/context-rules.ts) to see that it is valid; never run here.
      new RegExp(key === 'rejectBefore' ? `(?:${source})$` : `^(?:${source})`, 'u');
      return source;
    } catch {
      return check.fail(at(key), `${key} is not a valid regular expression`);
    }
  };

  const text = check.text(own(raw, 'text'), at('text'), 'the alias', { clean: true });
  const caseSensitive = check.flag(own(raw, 'caseSensitive'), at('caseSensitive'), 'caseSensitive');
  const ruleCues = phrases('cues', 'cues');
  const vetoCues = phrases('vetoCues', 'veto cues');
  const shouting = check.flag(own(raw, 'shoutingNeedsCue'), at('shoutingNeedsCue'), 'shoutingNeedsCue');
  const rejectBefore = pattern('rejectBefore');
  const rejectAfter = pattern('rejectAfter');
  if (text === undefined) return undefined;
  const verdict = applyAliasPolicy(text, ruleCues ?? []);
  if (verdict.kind === 'refused') return check.fail(at('text'), verdict.reason);

  // Fields as written; the policy only adds case-sensitivity to a common word that has neither it nor cues.
  const rule: AliasRule = { text };
  if (caseSensitive !== undefined) rule.caseSensitive = caseSensitive;
  if (verdict.commonWord && caseSensitive !== true) {
    rule.caseSensitive = true;
    notices.push({ path: at('text'), notice: commonWordNotice(text) });
  }
  if (ruleCues) rule.cues = ruleCues;
  if (vetoCues) rule.vetoCues = vetoCues;
  if (shouting !== undefined) rule.shoutingNeedsCue = shouting;
  if (rejectBefore !== undefined) rule.rejectBefore = rejectBefore;
  if (rejectAfter !== undefined) rule.rejectAfter = rejectAfter;
  return rule;
}
