/**
 * A reader's glossary as CSV (issue 13): `parseGlossaryCsv` turns a file into entities, all or nothing, and
 * `writeGlossaryCsv` writes entities back. The format, its rules and limits are described in docs/glossary.md.
 * Pure: the caller reads the file and stores the result (storage assigns ids, marks the entities as the
 * reader's, and resolves the conflicts the reader chose).
 */
import type { AliasRule, EntityLink, EntityType } from '../kb-types';
import { utf8ByteLength } from '../utf8';
import { applyAliasPolicy, commonWordNotice } from './alias-policy';
import { csvRecord, readCsv } from './csv';
import { type Conflict, findConflicts } from './glossary-conflicts';
import { cleanText, parseLink, parseType, splitList } from './glossary-fields';

export type { Conflict } from './glossary-conflicts';

/** Largest file accepted, in UTF-8 bytes; checked before parsing. */
export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;
/** Most entities in one glossary (the issue asks for at least 5,000). */
export const MAX_GLOSSARY_ENTITIES = 10_000;
/** Most aliases in one glossary, names included (the issue asks for at least 20,000). */
export const MAX_GLOSSARY_ALIASES = 50_000;
/** Most aliases of one entity, name included: past this a row is almost certainly a pasted paragraph. */
export const MAX_ALIASES_PER_ENTITY = 200;
/** Most cues of one entity. */
export const MAX_CUES_PER_ENTITY = 100;
/** Longest description, in characters after cleaning; a card shows a paragraph, not an article. */
export const MAX_DESCRIPTION_LENGTH = 2_000;
/** Longest name, in characters. */
export const MAX_NAME_LENGTH = 200;
/** Errors listed in full; the rest are counted in one last entry. */
export const MAX_ERRORS_LISTED = 50;

/** The columns, in the order `writeGlossaryCsv` writes them. Only `name` is required. */
export const GLOSSARY_COLUMNS = ['name', 'type', 'aliases', 'description', 'cues', 'link'] as const;
type Column = (typeof GLOSSARY_COLUMNS)[number];

/** An entity as a glossary holds it: an `EntityDef` without the id (storage assigns one) or relations. */
export interface GlossaryEntity {
  name: string;
  type: EntityType;
  description: string;
  /** The name first, then the other aliases in file order, each with the rule the alias policy gave it. */
  aliases: AliasRule[];
  links: EntityLink[];
}

/** One reason the file was refused: the 1-based line the record starts on and, when it is one cell, the column. */
export interface GlossaryError {
  line: number;
  field?: string;
  message: string;
}

export type GlossaryParseResult =
  | {
      ok: true;
      entities: GlossaryEntity[];
      /** Things changed on the way in that the reader should know (common words made case-sensitive). */
      notices: string[];
      /** Duplicate names and shared aliases; the file is accepted, the reader chooses (glossary-conflicts.ts). */
      conflicts: Conflict[];
    }
  | { ok: false; errors: GlossaryError[] };

/** Parses a CSV glossary. Any error refuses the whole file; the first `MAX_ERRORS_LISTED` are listed. */
export function parseGlossaryCsv(text: string): GlossaryParseResult {
  // `length` never exceeds the UTF-8 size, so the cheap test catches most oversized texts first.
  if (text.length > MAX_GLOSSARY_BYTES || utf8ByteLength(text) > MAX_GLOSSARY_BYTES)
    return refuse([{ line: 1, message: `the file is larger than ${MAX_GLOSSARY_BYTES / 1024 / 1024} MB` }]);
  const csv = readCsv(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!csv.ok) return refuse([csv.fault]);
  const [header, ...rows] = csv.rows;
  if (!header)
    return refuse([{ line: 1, message: 'the file is empty; the first line should be the header row' }]);

  const errors: GlossaryError[] = [];
  const columns = readHeader(header.fields, errors);
  if (!columns) return refuse(errors);

  const entities: GlossaryEntity[] = [];
  const lines: number[] = [];
  const notices: string[] = [];
  let aliasCount = 0;
  for (const row of rows) {
    if (row.fields.length !== columns.length) {
      errors.push({
        line: row.line,
        message: `this row has ${row.fields.length} fields, the header has ${columns.length}`,
      });
      continue;
    }
    const cells = {} as Record<Column, string>;
    columns.forEach((column, i) => {
      cells[column] = unguarded(row.fields[i]!);
    });
    const entity = readEntity(cells, row.line, errors, notices);
    if (!entity) continue;
    entities.push(entity);
    lines.push(row.line);
    aliasCount += entity.aliases.length;
  }
  if (entities.length > MAX_GLOSSARY_ENTITIES)
    errors.push({
      line: lines[MAX_GLOSSARY_ENTITIES]!,
      message: `more than ${MAX_GLOSSARY_ENTITIES} entities`,
    });
  if (aliasCount > MAX_GLOSSARY_ALIASES)
    errors.push({ line: 1, message: `${aliasCount} aliases in all, more than ${MAX_GLOSSARY_ALIASES}` });
  if (errors.length > 0) return refuse(errors);
  return { ok: true, entities, notices, conflicts: findConflicts(entities, lines) };
}

/** Reads the header row: known columns in any order, `name` required, none twice. */
function readHeader(fields: string[], errors: GlossaryError[]): Column[] | undefined {
  const names = fields.map((field) => cleanText(field).toLowerCase());
  // A trailing comma in the header (some spreadsheets add one) leaves a column without a name: say where.
  const blank = names.indexOf('');
  if (blank >= 0) errors.push({ line: 1, message: `column ${blank + 1} has no name in the header row` });
  const unknown = names.filter(
    (name) => name !== '' && !(GLOSSARY_COLUMNS as readonly string[]).includes(name),
  );
  if (unknown.length > 0)
    errors.push({
      line: 1,
      message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; the columns are ${GLOSSARY_COLUMNS.join(', ')}`,
    });
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) errors.push({ line: 1, message: `column '${twice[0]}' appears more than once` });
  if (!names.includes('name'))
    errors.push({ line: 1, field: 'name', message: "the header has no 'name' column" });
  return errors.length > 0 ? undefined : (names as Column[]);
}

/** One row into an entity, or errors (pushed) and `undefined`. */
function readEntity(
  cells: Partial<Record<Column, string>>,
  line: number,
  errors: GlossaryError[],
  notices: string[],
): GlossaryEntity | undefined {
  const before = errors.length;
  const fail = (field: Column, message: string) => errors.push({ line, field, message });

  const name = cleanText(cells.name ?? '');
  if (name === '') fail('name', 'the name is empty');
  else if (name.length > MAX_NAME_LENGTH)
    fail('name', `the name is longer than ${MAX_NAME_LENGTH} characters`);

  const type = parseType(cells.type ?? '');
  if (typeof type !== 'string') fail('type', type.error);

  const description = cleanText(cells.description ?? '');
  if (description.length > MAX_DESCRIPTION_LENGTH)
    fail(
      'description',
      `the description is ${description.length} characters, more than ${MAX_DESCRIPTION_LENGTH}`,
    );

  const cues = splitList(cells.cues ?? '');
  if (cues.length > MAX_CUES_PER_ENTITY) fail('cues', `more than ${MAX_CUES_PER_ENTITY} cues`);
  for (const cue of cues) if ([...cue].length < 2) fail('cues', `cue '${cue}' is shorter than 2 characters`);

  const links: EntityLink[] = [];
  const linkCell = cleanText(cells.link ?? '');
  if (linkCell !== '') {
    const link = parseLink(linkCell);
    if ('error' in link) fail('link', link.error);
    else links.push(link);
  }

  // The name is always an alias; an alias equal to it (ignoring case) is not listed twice.
  const texts = name === '' ? [] : [name];
  for (const alias of splitList(cells.aliases ?? ''))
    if (alias.toLowerCase() !== name.toLowerCase()) texts.push(alias);
  if (texts.length > MAX_ALIASES_PER_ENTITY) fail('aliases', `more than ${MAX_ALIASES_PER_ENTITY} aliases`);
  const aliases: AliasRule[] = [];
  const rowNotices: string[] = [];
  for (const text of texts) {
    const verdict = applyAliasPolicy(text, cues);
    if (verdict.kind === 'refused') {
      fail(text === name ? 'name' : 'aliases', verdict.reason);
      continue;
    }
    aliases.push(verdict.rule);
    if (verdict.commonWord) rowNotices.push(commonWordNotice(text, line));
  }

  if (errors.length > before || typeof type !== 'string') return undefined;
  notices.push(...rowNotices);
  return { name, type, description, aliases, links };
}

/** The failed result of either format, with the list cut at `MAX_ERRORS_LISTED` and the rest counted. */
export function refuse(errors: GlossaryError[]): { ok: false; errors: GlossaryError[] } {
  if (errors.length <= MAX_ERRORS_LISTED) return { ok: false, errors };
  const rest = errors.slice(MAX_ERRORS_LISTED);
  return {
    ok: false,
    errors: [
      ...errors.slice(0, MAX_ERRORS_LISTED),
      { line: rest[0]!.line, message: `and ${rest.length} more errors, from line ${rest[0]!.line} on` },
    ],
  };
}

/** A cell a spreadsheet would take as a formula ("=HYPERLINK(…)", "+1", "@SUM"): names can come from pages. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as written out: one that would start a formula gets a leading apostrophe, which spreadsheets show
 * as text (the OWASP advice for CSV injection); `unguarded` takes it off again on import.
 */
function guarded(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell as read: without the apostrophe `guarded` put before a formula character. */
function unguarded(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Writes entities as a CSV glossary (header row, CRLF, fields quoted only when needed) that
 * `parseGlossaryCsv` reads back to the same entities when their rules are ones the CSV can express: the name
 * as first alias, case-sensitivity exactly where the alias policy would set it, and either no cues or the
 * same cues on every alias. What the format cannot carry, and so is lost on the way out: veto words
 * (`vetoCues`), cues that differ between aliases (the entity's first cue list is written for all),
 * `shoutingNeedsCue`, `rejectBefore`/`rejectAfter`, case-sensitivity the policy would not choose (it is
 * recomputed on import), aliases containing `;`, links after the first, and link labels (the host name is
 * used on import).
 */
export function writeGlossaryCsv(
  // Built-in and stored records (`EntityDef`, links optional) are accepted as they are, for export.
  entities: ReadonlyArray<Omit<GlossaryEntity, 'links'> & { links?: EntityLink[] }>,
): string {
  let out = csvRecord(GLOSSARY_COLUMNS);
  for (const entity of entities) {
    const aliases = entity.aliases.filter((rule) => rule.text.toLowerCase() !== entity.name.toLowerCase());
    const cues = entity.aliases.find((rule) => rule.cues && rule.cues.length > 0)?.cues ?? [];
    const row: Record<Column, string> = {
      name: guarded(entity.name),
      type: entity.type,
      aliases: guarded(aliases.map((rule) => rule.text).join(';')),
      description: guarded(entity.description),
      cues: guarded(cues.join(';')),
      link: entity.links?.[0]?.url ?? '',
    };
    out += csvRecord(GLOSSARY_COLUMNS.map((column) => row[column]));
  }
  return out;
}
