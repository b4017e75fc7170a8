/**
 * Gloss's own glossary format (issue 13): JSON that holds the reader's entities and sources in full, every
 * alias rule field included, so `parseGlossaryJson(writeGlossaryJson(x))` gives back `x` exactly. Same limits
 * and alias policy as the CSV (glossary-csv.ts), all or nothing, each error naming its line and the path of
 * the value (`entities[3].aliases[1].text`). Described in docs/glossary.md. Pure: the caller reads the file
 * and stores the result (the importer resolves ids, conflicts and related entities).
 */
import type { EntityInput } from '../library/library-types';
import type { ExtractedSource } from '../sources/source-types';
import { utf8ByteLength } from '../utf8';
import { type Conflict, findConflicts } from './glossary-conflicts';
import { type GlossaryError, MAX_GLOSSARY_BYTES, refuse } from './glossary-csv';
import type { Problem } from './glossary-json-check';
import { RULE_KEYS, SOURCE_KEYS } from './glossary-json-keys';
import { readGlossary } from './glossary-json-read';
import { findSyntaxError, JsonLines, type PathKey, pathText } from './glossary-json-scan';

export type { Conflict } from './glossary-conflicts';
export type { GlossaryError } from './glossary-csv';
export { GLOSSARY_ID_PATTERN } from './glossary-json-check';
export { MAX_PATTERN_LENGTH } from './glossary-json-entity';
export { GLOSSARY_JSON_FORMAT, GLOSSARY_JSON_VERSION, MAX_GLOSSARY_SOURCES } from './glossary-json-read';

/**
 * An entity in the file: an entity as the reader writes it (every alias rule field kept as written; the
 * common-word rule may add `caseSensitive: true`, with a notice; related ids in the file or built-in, which
 * the importer resolves), under its id: the reader's own (a UUID) or, with `builtin`, their version of a
 * built-in one (its built-in id).
 */
export interface GlossaryJsonEntity extends EntityInput {
  id: string;
  hidden?: boolean;
  builtin?: true;
}

/** A source in the file: a page as it was read (`ExtractedSource`) under its id, `addedAt` as ISO. */
export interface GlossaryJsonSource extends Omit<ExtractedSource, 'textLength'> {
  id: string;
  addedAt: string;
}

/** What the file holds (its `format` and `version` are written by `writeGlossaryJson`). */
export interface GlossaryJson {
  /** ISO 8601, when the file was written. */
  exportedAt: string;
  entities: GlossaryJsonEntity[];
  sources: GlossaryJsonSource[];
}

export type GlossaryJsonParseResult =
  | {
      ok: true;
      glossary: GlossaryJson;
      /** Things changed on the way in that the reader should know (common words made case-sensitive). */
      notices: string[];
      /** Duplicate names and shared aliases among the file's entities (glossary-conflicts.ts); lines are the entities' lines. */
      conflicts: Conflict[];
    }
  | { ok: false; errors: GlossaryError[] };

/** A fresh object holding `keys` of `from` that are set, in that order. */
function pick<T extends object>(from: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = from[key];
    if (value !== undefined) out[key as string] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/**
 * Writes a glossary: pretty-printed (2 spaces), a stable key order, only the fields the format has (stored
 * records with clocks and other bookkeeping can be passed as they are), ending in a line break.
 */
export function writeGlossaryJson(data: GlossaryJson): string {
  const file = {
    format: 'gloss-glossary',
    version: 1,
    exportedAt: data.exportedAt,
    entities: data.entities.map((entity) => {
      const out: Record<string, unknown> = {
        id: entity.id,
        name: entity.name,
        type: entity.type,
        description: entity.description,
        aliases: entity.aliases.map((rule) => pick(rule, RULE_KEYS)),
        related: [...(entity.related ?? [])],
        links: (entity.links ?? []).map((link) => ({ label: link.label, url: link.url })),
      };
      if (entity.hidden !== undefined) out.hidden = entity.hidden;
      if (entity.builtin === true) out.builtin = true;
      return out;
    }),
    sources: data.sources.map((source) => ({
      ...pick(source, SOURCE_KEYS),
      blocks: source.blocks.map((block) => ({ kind: block.kind, text: block.text })),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses a Gloss JSON glossary. Any error refuses the whole file; the first `MAX_ERRORS_LISTED` are listed. */
export function parseGlossaryJson(input: string): GlossaryJsonParseResult {
  if (input.length > MAX_GLOSSARY_BYTES || utf8ByteLength(input) > MAX_GLOSSARY_BYTES)
    return refuse([{ line: 1, message: `the file is larger than ${MAX_GLOSSARY_BYTES / 1024 / 1024} MB` }]);
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = new JsonLines(text);
  let value: unknown;
  try {
    // JSON.parse makes `__proto__` an ordinary own field (never the prototype); the reader copies known fields only.
    value = JSON.parse(text);
  } catch (error) {
    const fault = findSyntaxError(text);
    if (fault?.message === 'the file is empty') return refuse([{ line: 1, message: fault.message }]);
    return refuse([
      {
        line: fault ? lines.lineOf(fault.offset) : 1,
        message: `this is not valid JSON: ${fault?.message ?? (error as Error).message}`,
      },
    ]);
  }

  const read = readGlossary(value);
  if (!read.ok) return refuse(located(read.problems, lines));
  const entityLines = lines.elementOffsets('entities').map((offset) => lines.lineOf(offset));
  return {
    ok: true,
    glossary: read.glossary,
    notices: read.notices.map(({ path, notice }) => `Line ${lines.line(path)}, ${pathText(path)}: ${notice}`),
    conflicts: findConflicts(read.glossary.entities, entityLines),
  };
}

/** Problems with their lines, in file order (stable for problems on one line). */
function located(problems: readonly Problem[], lines: JsonLines): GlossaryError[] {
  return problems
    .map((problem, index) => ({ problem, index, line: lines.line(problem.path) }))
    .sort((a, b) => a.line - b.line || a.index - b.index)
    .map(({ problem, line }) => {
      if (problem.path.length === 0) return { line, message: problem.message };
      return { line, field: pathText(problem.path as PathKey[]), message: problem.message };
    });
}
