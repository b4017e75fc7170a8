import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { type GlossDb, openDb } from '../../../../src/background/db/database';
import {
  cardData,
  matcherData,
  replaceBuiltinKb,
  storedKbVersion,
} from '../../../../src/background/db/kb-repo';
import { isSiteEnabled, setSiteEnabled } from '../../../../src/background/db/sites-repo';
import { syncBuiltinKb } from '../../../../src/background/kb-loader';
import { compileKb } from '../../../../src/kb/compile';
import type { EntityDef, SourceDoc } from '../../../../src/shared/kb-types';

const source: SourceDoc = {
  id: 'src-a',
  title: 'A title',
  author: 'An Author',
  authorAffiliation: 'Somewhere',
  publication: 'The Diplomat',
  approxDate: 'early 2021',
  blocks: [{ kind: 'paragraph', text: 'The Japanese company NEC laid cables. Huawei and NEC compete.' }],
};
const entities: EntityDef[] = [
  {
    id: 'nec',
    name: 'NEC',
    type: 'company',
    description: 'A Japanese IT company.',
    aliases: [{ text: 'NEC', caseSensitive: true }],
    related: ['huawei'],
  },
  {
    id: 'huawei',
    name: 'Huawei',
    type: 'company',
    description: 'A Chinese vendor.',
    aliases: [{ text: 'Huawei' }],
    related: [],
  },
];

let db: GlossDb | undefined;
let n = 0;
const fresh = (): GlossDb => {
  db = openDb(`test-${n++}`);
  return db;
};
afterEach(async () => {
  await db?.delete();
});

describe('knowledge base in IndexedDB', () => {
  it('loads a bundle and serves cards with passages, attribution and related entities', async () => {
    const d = fresh();
    const bundle = compileKb(entities, [source]);
    await replaceBuiltinKb(d, bundle);
    expect(await storedKbVersion(d)).toBe(bundle.version);
    const card = await cardData(d, 'nec');
    expect(card?.entity).toMatchObject({ id: 'nec', name: 'NEC', type: 'company' });
    expect(card?.passages.map((p) => p.text)).toEqual([
      'The Japanese company NEC laid cables. Huawei and NEC compete.',
    ]);
    expect(card?.passages[0]?.marks).toEqual([
      [21, 24],
      [49, 52],
    ]);
    expect(card?.passages[0]?.source).toMatchObject({
      title: 'A title',
      author: 'An Author',
      approxDate: 'early 2021',
    });
    expect(card?.related.map((r) => r.id)).toEqual(['huawei']);
    expect(await cardData(d, 'nobody')).toBeUndefined();
  });

  it('replaces only the built-in part on a new version and keeps user entities', async () => {
    const d = fresh();
    await replaceBuiltinKb(d, compileKb(entities, [source]));
    await d.entities.add({ ...entities[1]!, id: 'my-entity', name: 'Mine', origin: 'user' });
    const changed = entities.map((e) => (e.id === 'huawei' ? { ...e, description: 'Changed.' } : e));
    const next = compileKb(
      changed.filter((e) => e.id !== 'nec' || true),
      [source],
    );
    await syncBuiltinKb(d, async () => next);
    expect(await storedKbVersion(d)).toBe(next.version);
    expect((await d.entities.get('huawei'))?.description).toBe('Changed.');
    expect((await d.entities.get('my-entity'))?.origin).toBe('user');
    const { aliases } = await matcherData(d);
    expect(aliases.filter((a) => a.entityId === 'huawei')).toHaveLength(1);
    expect(await d.entities.count()).toBe(3);
  });

  it('does not rewrite the KB when the stored version is current', async () => {
    const d = fresh();
    const bundle = compileKb(entities, [source]);
    await syncBuiltinKb(d, async () => bundle);
    await d.entities.update('nec', { description: 'touched' });
    await syncBuiltinKb(d, async () => bundle);
    expect((await d.entities.get('nec'))?.description).toBe('touched');
  });

  it('remembers per-site switches, defaulting to on', async () => {
    const d = fresh();
    expect(await isSiteEnabled(d, 'example.com')).toBe(true);
    await setSiteEnabled(d, 'example.com', false);
    expect(await isSiteEnabled(d, 'example.com')).toBe(false);
    expect(await isSiteEnabled(d, 'other.example')).toBe(true);
  });
});
