/**
 * The search journal: every write to `notes` or `userSources` also appends the written key to
 * `searchJournal`, in the same transaction, through a Dexie DBCore middleware. The search index
 * (background/search/) is a snapshot plus this journal: it catches up on the keys written after its snapshot,
 * so no write path (an edit, an import, a pull from the sync server, a migration) can leave it stale, and a
 * worker killed before the snapshot was saved loses nothing.
 *
 * A transaction that does not have `searchJournal` in scope (a write outside NOTE_TABLES / SOURCE_TABLES)
 * is journaled in a transaction of its own once it commits: not atomic, but never lost while the worker runs.
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type Middleware,
} from 'dexie';
import type { GlossDb, SearchJournalRow } from './database';

/** The tables whose writes the search index follows. */
const JOURNALED = new Set<SearchJournalRow['table']>(['notes', 'userSources']);
const JOURNAL = 'searchJournal';

/** The keys a mutation wrote, or ['*'] when they cannot be known (a range delete). */
function writtenKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): string[] {
  if (req.type === 'deleteRange') return ['*'];
  if (req.type === 'delete') return req.keys.map(String);
  const keys = res.results ?? req.keys ?? req.values.map((v) => (v as { id?: unknown }).id);
  return keys.some((k) => k === undefined) ? ['*'] : keys.map(String);
}

/** The native transaction under Dexie's, to see which stores it covers. */
function storesOf(trans: unknown): { names: DOMStringList; mode: IDBTransactionMode } | undefined {
  const t = trans as Partial<IDBTransaction>;
  return t.objectStoreNames && t.mode ? { names: t.objectStoreNames, mode: t.mode } : undefined;
}

function journaledTable(
  db: GlossDb,
  core: DBCore,
  down: DBCoreTable,
  table: SearchJournalRow['table'],
): DBCoreTable {
  return {
    ...down,
    async mutate(req) {
      const res = await down.mutate(req);
      const rows: SearchJournalRow[] = writtenKeys(req, res).map((id) => ({ table, id }));
      const scope = storesOf(req.trans);
      if (scope?.names.contains(JOURNAL)) {
        await core.table(JOURNAL).mutate({ type: 'add', trans: req.trans, values: rows });
      } else if (scope?.mode === 'versionchange') {
        // A migration older than the journal: no snapshot can exist yet, so there is nothing to keep in step.
      } else {
        const native = req.trans as unknown as IDBTransaction;
        native.addEventListener?.('complete', () => {
          void Dexie.ignoreTransaction(() => db.searchJournal.bulkAdd(rows)).catch(() => undefined);
        });
      }
      return res;
    },
  };
}

/** The middleware for one database; `openDb` installs it on every database it opens. */
export function searchJournalMiddleware(db: GlossDb): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'searchJournal',
    create(core) {
      return {
        ...core,
        table(name) {
          const down = core.table(name);
          const table = name as SearchJournalRow['table'];
          return JOURNALED.has(table) ? journaledTable(db, core, down, table) : down;
        },
      };
    },
  };
}

/** The journal's newest sequence number (0 when empty). */
export async function journalHead(db: GlossDb): Promise<number> {
  const last = await db.searchJournal.orderBy(':id').last();
  return last?.seq ?? 0;
}

/** Entries written after `seq`, oldest first, and the newest sequence number among them. */
export async function journalSince(
  db: GlossDb,
  seq: number,
): Promise<{ rows: SearchJournalRow[]; head: number }> {
  const rows = await db.searchJournal.where(':id').above(seq).toArray();
  return { rows, head: rows.at(-1)?.seq ?? seq };
}

/** How many entries the journal holds. */
export function journalLength(db: GlossDb): Promise<number> {
  return db.searchJournal.count();
}

/** Drops the entries up to `seq`, which a saved snapshot now covers. */
export async function trimJournal(db: GlossDb, seq: number): Promise<void> {
  await db.searchJournal.where(':id').belowOrEqual(seq).delete();
}

/** Empties the journal (with the snapshot it belonged to: search-index-repo.ts). */
export async function clearJournal(db: GlossDb): Promise<void> {
  await db.searchJournal.clear();
}
