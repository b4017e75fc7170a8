/**
 * Glossaries through the background's requests: a CSV import is all or nothing, conflicts go back to the
 * reader and their choices are applied, a second import updates instead of duplicating, a row named like a
 * built-in entity becomes the reader's version of it, and Gloss JSON carries everything of the reader's
 * (entities with every rule, hidden ones, edits of built-in entities, sources) into another profile exactly.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../../../src/platform/browser';

vi.mock('../../../../src/platform/browser', () => ({
  browser: { tabs: { query: async () => [], sendMessage: async () => undefined } },
}));

const { openDb } = await import('../../../../src/background/db/database');
const { syncBuiltinKb } = await import('../../../../src/background/kb-loader');
const { makeLibraryHandlers } = await import('../../../../src/background/library/library-handlers');
const { kbState } = await import('../../../../src/background/library/effective-kb');
const { compileKb } = await import('../../../../src/kb/compile');
type GlossDb = import('../../../../src/background/db/database').GlossDb;

const bundle = compileKb(
  [
    {
      id: 'nisc',
      name: 'NISC',
      type: 'government-body',
      description: "Japan's cyber security centre.",
      aliases: [{ text: 'NISC', caseSensitive: true }],
      related: [],
    },
  ],
  [
    {
      id: 'src-a',
      title: 'A',
      author: 'B',
      authorAffiliation: 'C',
      publication: 'D',
      approxDate: 'early 2021',
      blocks: [{ kind: 'paragraph', text: 'NISC and the Cyber Defense Agency met.' }],
    },
  ],
);

const page = {} as Runtime.MessageSender;
let n = 0;
const dbs: GlossDb[] = [];
const profile = async () => {
  const db = openDb(`glossary-${n++}`);
  dbs.push(db);
  await syncBuiltinKb(db, async () => bundle);
  return {
    db,
    h: makeLibraryHandlers(
      db,
      async () => undefined,
      () => 1_764_000_000_000 + n,
    ),
  };
};
let a: Awaited<ReturnType<typeof profile>>;
beforeEach(async () => {
  a = await profile();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const CSV = [
  'name,type,aliases,description,cues,link',
  'Cyber Defense Agency,government-body,CDA,An agency.,,https://cda.example/',
  'Line,company,,A messaging app.,,',
  'Cyber Defence Agency,government-body,CDA,"Same acronym, other spelling.",,',
].join('\n');

describe('CSV glossary', () => {
  it('refuses a broken file whole, naming the line and field', async () => {
    const broken = `${CSV}\nBad Row,not-a-type,,,,`;
    const out = await a.h.importGlossary({ text: broken, format: 'csv' }, page);
    expect(out.status).toBe('invalid');
    if (out.status !== 'invalid') return;
    expect(out.errors[0]).toMatchObject({ line: 5, field: 'type' });
    expect((await kbState(a.db)).all.map((e) => e.name)).toEqual(['NISC']);
  });

  it('asks about an alias two rows claim, stores nothing, then applies the choice', async () => {
    const first = await a.h.importGlossary({ text: CSV, format: 'csv' }, page);
    expect(first.status).toBe('conflicts');
    if (first.status !== 'conflicts') return;
    expect(first.conflicts).toEqual([
      {
        key: 'shared-alias:cda',
        kind: 'shared-alias',
        alias: 'CDA',
        claimants: [
          { label: 'line 2: Cyber Defense Agency', choice: '0' },
          { label: 'line 4: Cyber Defence Agency', choice: '2' },
        ],
      },
    ]);
    expect((await kbState(a.db)).all).toHaveLength(1);
    const done = await a.h.importGlossary(
      { text: CSV, format: 'csv', choices: { 'shared-alias:cda': '2' } },
      page,
    );
    expect(done).toMatchObject({ status: 'imported', added: 3, updated: 0 });
    if (done.status !== 'imported') return;
    expect(done.notices.join(' ')).toMatch(/treated 'Line' as case-sensitive/);
    const state = await kbState(a.db);
    const aliasesOf = (name: string) => state.all.find((e) => e.name === name)?.aliases.map((r) => r.text);
    expect(aliasesOf('Cyber Defense Agency')).toEqual(['Cyber Defense Agency']);
    expect(aliasesOf('Cyber Defence Agency')).toEqual(['Cyber Defence Agency', 'CDA']);
    expect(state.all.find((e) => e.name === 'Line')?.aliases).toEqual([
      { text: 'Line', caseSensitive: true },
    ]);
  });

  it('a second import of the same file changes nothing; an edited row updates its entity', async () => {
    const text = CSV.split('\n').slice(0, 3).join('\n');
    expect(await a.h.importGlossary({ text, format: 'csv' }, page)).toMatchObject({ added: 2, updated: 0 });
    expect(await a.h.importGlossary({ text, format: 'csv' }, page)).toMatchObject({ added: 0, updated: 0 });
    const edited = text.replace('An agency.', 'A new description.');
    expect(await a.h.importGlossary({ text: edited, format: 'csv' }, page)).toMatchObject({
      added: 0,
      updated: 1,
    });
    expect((await kbState(a.db)).all.filter((e) => e.origin === 'user')).toHaveLength(2);
  });

  it("a row named like a built-in entity becomes the reader's version of it, and says so", async () => {
    const out = await a.h.importGlossary(
      { text: 'name,description\nNISC,My own words.', format: 'csv' },
      page,
    );
    expect(out).toMatchObject({ status: 'imported', added: 0, updated: 1 });
    if (out.status === 'imported') expect(out.notices.join(' ')).toMatch(/'NISC' is a built-in entity/);
    expect(await a.h.getEntity({ id: 'nisc' }, page)).toMatchObject({
      isEdited: true,
      entity: { description: 'My own words.' },
    });
  });

  it("exports the reader's entities as CSV that imports back", async () => {
    await a.h.importGlossary({ text: CSV, format: 'csv', choices: {} }, page);
    const file = await a.h.exportGlossary({ format: 'csv' }, page);
    expect(file.filename).toMatch(/^gloss-glossary-\d{4}-\d{2}-\d{2}\.csv$/);
    const b = await profile();
    expect(await b.h.importGlossary({ text: file.text, format: 'csv' }, page)).toMatchObject({
      status: 'imported',
      added: 3,
    });
  });
});

describe('Gloss JSON', () => {
  it("moves everything of the reader's to another profile exactly", async () => {
    const mine = await a.h.createEntity(
      {
        entity: {
          name: 'Cyber Defense Agency',
          type: 'government-body',
          description: 'An agency.',
          aliases: [{ text: 'CDA', caseSensitive: true, cues: ['agency'], vetoCues: ['Canada'] }],
          related: ['nisc'],
          links: [{ label: 'Home', url: 'https://cda.example/' }],
        },
      },
      page,
    );
    await a.h.setEntityHidden({ id: 'nisc', isHidden: true }, page);
    await a.h.saveSource(
      {
        source: {
          url: 'https://news.example/a',
          title: 'CDA and NISC',
          siteName: 'News',
          lang: 'en',
          blocks: [{ kind: 'paragraph', text: 'The Cyber Defense Agency met its peers.' }],
          textLength: 39,
          isTruncated: false,
        },
      },
      { tab: { id: 1 }, frameId: 0 } as Runtime.MessageSender,
    );
    const file = await a.h.exportGlossary({ format: 'json' }, page);
    const b = await profile();
    expect(await b.h.importGlossary({ text: file.text, format: 'json' }, page)).toMatchObject({
      status: 'imported',
    });
    const again = await b.h.exportGlossary({ format: 'json' }, page);
    const strip = (text: string) => JSON.parse(text, (k, v) => (k === 'exportedAt' ? undefined : v));
    expect(strip(again.text)).toEqual(strip(file.text));
    expect(await b.h.getEntity({ id: mine.id }, page)).toEqual(await a.h.getEntity({ id: mine.id }, page));
    expect((await b.h.listSources({}, page)).map((s) => [s.title, s.entityCount])).toEqual([
      ['CDA and NISC', 1],
      ['A', 1],
    ]);
  });
});
