/**
 * Glossaries in and out (docs/glossary.md). An import is all or nothing: the file is parsed and checked
 * whole (shared/kb/glossary-*.ts), conflicts inside it go back to the reader to choose, and only then is
 * everything stored in one transaction. A row whose name is already one of the reader's entities updates
 * it; a row named like a built-in entity becomes the reader's version of it (Reset to built-in undoes it).
 */

import { type Conflict, resolveConflicts } from '../../shared/kb/glossary-conflicts';
import { type GlossaryEntity, parseGlossaryCsv, writeGlossaryCsv } from '../../shared/kb/glossary-csv';
import { parseGlossaryJson, writeGlossaryJson } from '../../shared/kb/glossary-json';
import type { EntityLink } from '../../shared/kb-types';
import { checkEntityInput } from '../../shared/library/entity-input';
import type { GlossaryConflictView, GlossaryImportOutcome } from '../../shared/library/library-types';
import { pageKey } from '../../shared/notes/normalize-url';
import type { NotesExport } from '../../shared/protocol';
import { ENTITY_TABLES, type GlossDb, inTransaction, SOURCE_TABLES } from '../db/database';
import { saveUserEntity } from '../db/user-entities-repo';
import { liveUserSources, saveUserSource } from '../db/user-sources-repo';
import { kbState } from './effective-kb';
import { ensurePassages, updateEntityPassages } from './passage-index';

/** An entity read from a file, whatever its format. */
interface ImportedEntity extends GlossaryEntity {
  id?: string;
  related?: string[];
  hidden?: boolean;
  builtin?: boolean;
}

/** What either parser gives, in one shape. */
interface Parsed {
  entities: ImportedEntity[];
  sources: Array<Parameters<typeof saveUserSource>[3] & { id: string; addedAt: number }>;
  notices: string[];
  conflicts: Conflict[];
  /** How the reader recognises entity i of the file ("line 4: NCSC"). */
  label: (index: number, conflict: Conflict) => string;
}

function parse(text: string, format: 'csv' | 'json'): Parsed | GlossaryImportOutcome {
  if (format === 'csv') {
    const r = parseGlossaryCsv(text);
    if (!r.ok) return { status: 'invalid', errors: r.errors };
    return {
      entities: r.entities,
      sources: [],
      notices: r.notices,
      conflicts: r.conflicts,
      label: (i, c) => `line ${c.lines[c.entities.indexOf(i)]}: ${r.entities[i]!.name}`,
    };
  }
  const r = parseGlossaryJson(text);
  if (!r.ok) return { status: 'invalid', errors: r.errors };
  return {
    entities: r.glossary.entities,
    sources: r.glossary.sources.map((s) => ({
      ...s,
      addedAt: Date.parse(s.addedAt),
      textLength: s.blocks.reduce((n, b) => n + b.text.length, 0),
    })),
    notices: r.notices,
    conflicts: r.conflicts,
    label: (i, c) => `line ${c.lines[c.entities.indexOf(i)] ?? '?'}: ${r.glossary.entities[i]!.name}`,
  };
}

const conflictKey = (c: Conflict): string => `${c.kind}:${c.alias.toLowerCase()}`;

function conflictViews(parsed: Parsed): GlossaryConflictView[] {
  return parsed.conflicts.map((c) => ({
    key: conflictKey(c),
    kind: c.kind,
    alias: c.alias,
    claimants: c.entities.map((i) => ({ label: parsed.label(i, c), choice: String(i) })),
  }));
}

/** Imports a glossary file; see the module comment. */
export async function importGlossary(
  db: GlossDb,
  text: string,
  format: 'csv' | 'json',
  choices: Record<string, string> | undefined,
  nowMs: number,
): Promise<GlossaryImportOutcome> {
  const parsed = parse(text, format);
  if ('status' in parsed) return parsed;
  if (parsed.conflicts.length > 0 && choices === undefined)
    return { status: 'conflicts', conflicts: conflictViews(parsed), notices: parsed.notices };
  const keep = (c: Conflict): number => {
    const chosen = Number(choices?.[conflictKey(c)]);
    return c.entities.includes(chosen) ? chosen : c.entities[0]!;
  };
  const entities = resolveConflicts(parsed.entities, parsed.conflicts, keep);
  const notices = [...parsed.notices];

  const state = await kbState(db);
  const byName = new Map(state.all.map((e) => [e.name.toLowerCase(), e]));
  const fileIds = new Set(entities.flatMap((e) => (e.id ? [e.id] : [])));
  const errors: string[] = [];
  const planned = entities.map((e, i) => {
    const existing = e.id ? state.byId.get(e.id) : byName.get(e.name.toLowerCase());
    const id = e.id ?? existing?.id ?? crypto.randomUUID();
    const check = checkEntityInput(
      {
        name: e.name,
        type: e.type,
        description: e.description,
        aliases: e.aliases,
        related: e.related ?? [],
        links: e.links,
      },
      (r) => fileIds.has(r) || state.byId.has(r),
    );
    if (!check.ok)
      errors.push(
        `${parsed.label(i, { kind: 'duplicate-name', alias: '', entities: [i], lines: [i] })}: ${check.errors.join(' ')}`,
      );
    if (existing?.origin === 'builtin' && !e.builtin && !e.id)
      notices.push(
        `'${e.name}' is a built-in entity: the file's version is now yours (Reset to built-in restores Gloss's).`,
      );
    return {
      id,
      isNew: !existing,
      values: check.ok ? { ...check.entity, hidden: e.hidden ?? existing?.isHidden ?? false } : undefined,
    };
  });
  if (errors.length > 0)
    return { status: 'invalid', errors: errors.slice(0, 50).map((message) => ({ line: 0, message })) };

  const keptSources = new Map((await liveUserSources(db)).map((s) => [s.id, s]));
  let added = 0;
  let updated = 0;
  const changedIds: string[] = [];
  await inTransaction(db, 'rw', [...new Set([...ENTITY_TABLES, ...SOURCE_TABLES])], async () => {
    for (const p of planned) {
      const { hasChanged } = await saveUserEntity(db, p.id, p.values!, nowMs);
      if (!hasChanged) continue;
      changedIds.push(p.id);
      if (p.isNew) added++;
      else updated++;
    }
    for (const s of parsed.sources) {
      const { id, addedAt, ...page } = s;
      await saveUserSource(
        db,
        id,
        pageKey(page.url, page.canonical),
        page,
        nowMs,
        keptSources.get(id)?.addedAt ?? addedAt,
      );
    }
  });
  const after = await kbState(db);
  if (parsed.sources.length > 0) await ensurePassages(db, after);
  else await updateEntityPassages(db, after, changedIds);
  return { status: 'imported', added, updated, notices };
}

/** The file name of an export made today. */
function fileName(ext: string, nowMs: number): string {
  return `gloss-glossary-${new Date(nowMs).toISOString().slice(0, 10)}.${ext}`;
}

/**
 * The reader's entities (their own and their versions of built-in ones) as CSV, or everything of theirs
 * (entities, hidden ones included, and sources) as Gloss JSON.
 */
export async function exportGlossary(
  db: GlossDb,
  format: 'csv' | 'json',
  nowMs: number,
): Promise<NotesExport> {
  const state = await kbState(db);
  const mine = state.all.filter((e) => e.origin === 'user' || e.isEdited || e.isHidden);
  if (format === 'csv')
    return {
      filename: fileName('csv', nowMs),
      mimeType: 'text/csv;charset=utf-8',
      text: writeGlossaryCsv(mine.filter((e) => !e.isHidden)),
    };
  const sources = await liveUserSources(db);
  const text = writeGlossaryJson({
    exportedAt: new Date(nowMs).toISOString(),
    entities: mine.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      description: e.description,
      aliases: e.aliases,
      related: e.related,
      links: e.links ?? ([] as EntityLink[]),
      ...(e.isHidden ? { hidden: true } : {}),
      ...(e.origin === 'builtin' ? { builtin: true as const } : {}),
    })),
    sources: sources.map((s) => ({
      id: s.id,
      url: s.url,
      ...(s.canonical ? { canonical: s.canonical } : {}),
      title: s.title,
      ...(s.author ? { author: s.author } : {}),
      ...(s.siteName ? { siteName: s.siteName } : {}),
      ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}),
      ...(s.lang ? { lang: s.lang } : {}),
      blocks: s.blocks,
      isTruncated: s.isTruncated,
      addedAt: new Date(s.addedAt).toISOString(),
    })),
  });
  return { filename: fileName('json', nowMs), mimeType: 'application/json', text };
}
