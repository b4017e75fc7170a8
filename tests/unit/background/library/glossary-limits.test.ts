/**
 * The documented floor of a glossary import: 5,000 entities with 20,000 aliases in one CSV file go in whole,
 * and every alias reaches the matcher pages receive.
 */
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';

vi.mock('../../../../src/platform/browser', () => ({
  browser: { tabs: { query: async () => [], sendMessage: async () => undefined } },
}));
const { openDb } = await import('../../../../src/background/db/database');
const { syncBuiltinKb } = await import('../../../../src/background/kb-loader');
const { makeLibraryHandlers } = await import('../../../../src/background/library/library-handlers');
const { kbState } = await import('../../../../src/background/library/effective-kb');
const { compileKb } = await import('../../../../src/kb/compile');
const { ENTITIES } = await import('../../../../src/kb/entities/index');
const { SOURCES } = await import('../../../../src/kb/sources/index');

it('imports 5,000 entities with 20,000 aliases, all of them matched on pages', async () => {
  const db = openDb('glossary-limits');
  await syncBuiltinKb(db, async () => compileKb(ENTITIES, SOURCES));
  const h = makeLibraryHandlers(db, async () => undefined);
  const rows = ['name,type,aliases,description,cues,link'];
  for (let i = 0; i < 5000; i++)
    rows.push(
      `Agency Number ${i} Of Things,government-body,ANT${i};Agency ${i} Things;${i} Agency Office,About ${i}.,,`,
    );
  const out = await h.importGlossary({ text: rows.join('\n'), format: 'csv' }, {} as never);
  expect(out).toMatchObject({ status: 'imported', added: 5000, updated: 0 });
  const state = await kbState(db);
  const mine = new Set(state.all.filter((e) => e.origin === 'user').map((e) => e.id));
  expect(state.aliases.filter((a) => mine.has(a.entityId))).toHaveLength(20_000);
  expect(
    state
      .matcher()
      .find('Officials of Agency 4999 Things met ANT17.')
      .map((m) => m.entityId),
  ).toHaveLength(2);
  await db.delete();
}, 60_000);
