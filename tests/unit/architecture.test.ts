/**
 * Meta-tests for the house rules on imports: contexts import only `shared/` and `platform/`, never each
 * other; only `platform/` touches webextension-polyfill; only `background/db/` touches Dexie, and there each
 * store has one owner module; `shared/` stays pure; in the content script, ui/ may use notes/ but not the
 * reverse. A violation names the file and the import (or the store).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every import of every source file, resolved to a path under src/ or left as a package name. */
const imports = files(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file);
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => {
    const spec = m[1]!;
    const target = spec.startsWith('.') ? relative(SRC, join(file, '..', spec)) : spec;
    return { from, target };
  });
});

const inside = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);
const violations = (rule: (i: { from: string; target: string }) => boolean): string[] =>
  imports.filter(rule).map((i) => `${i.from} imports ${i.target}`);

describe('import boundaries', () => {
  it('found the source files', () => {
    expect(imports.length).toBeGreaterThan(100);
  });

  it('keeps content, background, pages and kb out of each other', () => {
    const contexts = ['content', 'background', 'pages', 'kb', 'server'];
    expect(
      violations(({ from, target }) =>
        contexts.some((a) => inside(from, a) && contexts.some((b) => b !== a && inside(target, b))),
      ),
    ).toEqual([]);
  });

  it('lets only platform/ import webextension-polyfill', () => {
    expect(
      violations(({ from, target }) => target === 'webextension-polyfill' && !inside(from, 'platform')),
    ).toEqual([]);
  });

  it('lets only background/db/ import Dexie', () => {
    expect(violations(({ from, target }) => target === 'dexie' && !inside(from, 'background/db'))).toEqual(
      [],
    );
  });

  it('keeps shared/ pure: no platform, no context code', () => {
    expect(
      violations(
        ({ from, target }) =>
          inside(from, 'shared') &&
          ['platform', 'content', 'background', 'pages', 'kb'].some((f) => inside(target, f)),
      ),
    ).toEqual([]);
  });

  it("lets the content script's ui/ depend on notes/, never the other way", () => {
    expect(
      violations(({ from, target }) => inside(from, 'content/notes') && inside(target, 'content/ui')),
    ).toEqual([]);
  });

  it('keeps platform/ from reaching into contexts', () => {
    expect(
      violations(
        ({ from, target }) =>
          inside(from, 'platform') && ['content', 'background', 'pages', 'kb'].some((f) => inside(target, f)),
      ),
    ).toEqual([]);
  });
});

/** The extension's stores (db/database.ts) and the one module allowed to read and write each. */
const STORE_OWNERS: Record<string, string> = {
  notes: 'background/db/notes-repo.ts',
  outbox: 'background/db/outbox-repo.ts',
  meta: 'background/db/meta-repo.ts',
  entities: 'background/db/kb-repo.ts',
  passages: 'background/db/kb-repo.ts',
  sources: 'background/db/kb-repo.ts',
  sites: 'background/db/sites-repo.ts',
  anchorStatus: 'background/db/anchor-status-repo.ts',
  userSources: 'background/db/user-sources-repo.ts',
  userEntities: 'background/db/user-entities-repo.ts',
  rejections: 'background/db/rejections-repo.ts',
  searchIndex: 'background/db/search-index-repo.ts',
  searchJournal: 'background/db/search-journal.ts',
  sightings: 'background/db/sightings-repo.ts',
};

/** Every `db.<store>` and `db.transaction` in the extension's code (the server has its own `db`). */
const storeUses = files(SRC)
  .map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }))
  .filter(({ file }) => !inside(file, 'server') && !inside(file, 'background/db/migrations'))
  .flatMap(({ file, text }) =>
    [...text.matchAll(/\bdb\.(\w+)\b/g)]
      .map((m) => m[1]!)
      .filter((name) => name in STORE_OWNERS || name === 'transaction' || name === 'table')
      .map((name) => ({ file, name })),
  );

describe('store owners', () => {
  it('found the repositories', () => {
    expect(new Set(storeUses.map((u) => u.file))).toEqual(
      new Set([...Object.values(STORE_OWNERS), 'background/db/database.ts']),
    );
  });

  it('lets each store be touched only by its repository in background/db/', () => {
    expect(
      storeUses
        .filter(({ file, name }) => name in STORE_OWNERS && STORE_OWNERS[name] !== file)
        .map(({ file, name }) => `${file} touches db.${name}`),
    ).toEqual([]);
  });

  it('opens transactions only through db/database.ts inTransaction', () => {
    expect(
      storeUses
        .filter(({ file, name }) => !(name in STORE_OWNERS) && file !== 'background/db/database.ts')
        .map(({ file, name }) => `${file} calls db.${name}`),
    ).toEqual([]);
  });
});
