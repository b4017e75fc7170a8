/**
 * Checking a parsed Gloss JSON glossary (glossary-json.ts): the file's own fields here, an entity in
 * glossary-json-entity.ts, a source in glossary-json-source.ts. Every value is copied into a fresh object only
 * after it is checked, so nothing in the file (a `__proto__` or `constructor` field) reaches anything but
 * text. Problems carry the path of the value; glossary-json.ts turns paths into lines.
 */
import { MAX_GLOSSARY_ALIASES, MAX_GLOSSARY_ENTITIES } from './glossary-csv';
import type { GlossaryJson, GlossaryJsonEntity, GlossaryJsonSource } from './glossary-json';
import { Checker, isObject, own, type Problem } from './glossary-json-check';
import { type PathNotice, readEntity } from './glossary-json-entity';
import type { PathKey } from './glossary-json-scan';
import { readSource } from './glossary-json-source';

/** The `format` a Gloss glossary declares. */
export const GLOSSARY_JSON_FORMAT = 'gloss-glossary';
/** The only version this reader understands. */
export const GLOSSARY_JSON_VERSION = 1;
/** Most sources in one glossary. */
export const MAX_GLOSSARY_SOURCES = 2_000;

const TOP_KEYS = ['format', 'version', 'exportedAt', 'entities', 'sources'];

export type ReadOutcome =
  | { ok: true; glossary: GlossaryJson; notices: PathNotice[] }
  | { ok: false; problems: Problem[] };

/** One problem, alone: the file is not something the rest of the checks can make sense of. */
function only(message: string, path: PathKey[] = []): ReadOutcome {
  return { ok: false, problems: [{ path, message }] };
}

/** Reads the whole file's value (what `JSON.parse` gave). */
export function readGlossary(value: unknown): ReadOutcome {
  if (!isObject(value))
    return only(
      'this is not a Gloss glossary: the file should be a JSON object with "format": "gloss-glossary"',
    );
  const format = own(value, 'format');
  if (format === undefined) return only('this is not a Gloss glossary: it has no "format": "gloss-glossary"');
  if (format !== GLOSSARY_JSON_FORMAT)
    return only(
      `this is not a Gloss glossary: its format is ${JSON.stringify(format).slice(0, 60)}, not "gloss-glossary"`,
      ['format'],
    );
  const version = own(value, 'version');
  if (version !== GLOSSARY_JSON_VERSION)
    return only(
      `version ${JSON.stringify(version ?? null).slice(0, 20)} is not supported; this Gloss reads version ${GLOSSARY_JSON_VERSION}`,
      version === undefined ? [] : ['version'],
    );

  const check = new Checker();
  check.unknownKeys(value, TOP_KEYS, [], 'a glossary');
  const exportedAt = check.iso(own(value, 'exportedAt'), ['exportedAt'], 'exportedAt', true);

  const entities: GlossaryJsonEntity[] = [];
  const notices: PathNotice[] = [];
  const entityIds = new Map<string, number>();
  let aliasCount = 0;
  const rawEntities = check.list(own(value, 'entities'), ['entities'], 'entities', MAX_GLOSSARY_ENTITIES);
  for (const [index, raw] of (rawEntities ?? []).entries()) {
    const read = readEntity(check, raw, ['entities', index]);
    if (!read) continue;
    const first = entityIds.get(read.entity.id);
    if (first !== undefined) {
      check.fail(['entities', index, 'id'], `id '${read.entity.id}' is already used by entities[${first}]`);
      continue;
    }
    entityIds.set(read.entity.id, index);
    entities.push(read.entity);
    notices.push(...read.notices);
    aliasCount += read.entity.aliases.length;
  }
  if (aliasCount > MAX_GLOSSARY_ALIASES)
    check.fail(['entities'], `${aliasCount} aliases in all, more than ${MAX_GLOSSARY_ALIASES}`);

  const sources: GlossaryJsonSource[] = [];
  const sourceIds = new Map<string, number>();
  const rawSources = check.list(own(value, 'sources'), ['sources'], 'sources', MAX_GLOSSARY_SOURCES);
  for (const [index, raw] of (rawSources ?? []).entries()) {
    const source = readSource(check, raw, ['sources', index]);
    if (!source) continue;
    const first = sourceIds.get(source.id);
    if (first !== undefined) {
      check.fail(['sources', index, 'id'], `id '${source.id}' is already used by sources[${first}]`);
      continue;
    }
    sourceIds.set(source.id, index);
    sources.push(source);
  }

  if (check.problems.length > 0 || exportedAt === undefined) return { ok: false, problems: check.problems };
  return { ok: true, glossary: { exportedAt, entities, sources }, notices };
}
