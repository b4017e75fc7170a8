/**
 * The index's life in the background: loaded from IndexedDB on the first search after the worker starts
 * (built from every note, source and entity when there is no usable snapshot), brought up to date before
 * every search, and saved again a moment after it changed.
 *
 * Up to date means: the notes and kept sources written since the index last looked (the search journal,
 * db/search-journal.ts, which every write fills in its own transaction), the built-in sources of the
 * current bundle, and the entities of the current effective KB (compared by content, entity by entity).
 * A worker killed before it saved loses nothing: the snapshot plus the journal still add up.
 */

import type { GlossDb } from '../db/database';
import { builtinSources, storedKbVersion } from '../db/kb-repo';
import { liveNotes, notesByIds } from '../db/notes-repo';
import { dropSearchSnapshot, loadSearchSnapshot, saveSearchSnapshot } from '../db/search-index-repo';
import { journalHead, journalLength, journalSince } from '../db/search-journal';
import { getUserSource, liveUserSources } from '../db/user-sources-repo';
import type { KbState } from '../library/effective-kb';
import { builtinMeta, userMeta } from '../library/source-meta';
import {
  blockDocId,
  entityDoc,
  entityDocId,
  entitySignature,
  noteDoc,
  noteDocId,
  sourceDocId,
  sourceDocs,
} from './search-docs';
import { dropDoc, type Index, indexFromJson, newIndex, putDoc } from './search-index';
import type { SourceTexts } from './source-texts';

/** Bump when the documents or the tokenizer change: a stored index of another format is built again. */
const FORMAT = 1;
/** How long after a change the index is saved (changes often come in bursts: an import, a pull). */
const SAVE_DELAY_MS = 2000;
/** After a failed save (a full disk), when to try again. */
const RETRY_DELAY_MS = 60_000;
/**
 * A journal longer than this (a reader who never searches) is dropped with the snapshot at start-up: the
 * first search then builds the index, which costs less than replaying that many writes.
 */
const JOURNAL_LIMIT = 20_000;

export interface IndexState {
  index: Index;
  /** The journal entry the index has seen last. */
  journalSeq: number;
  /** The stored built-in KB version whose sources are indexed. */
  builtinVersion: string;
  builtinSourceIds: string[];
  /** The effective KB version whose entities are indexed, and each entity's signature. */
  kbVersion: string;
  entitySigs: Map<string, string>;
  /** Blocks per indexed source, to drop them all when the source goes. */
  sourceBlocks: Map<string, number>;
  /** Texts of recently found sources (source-texts.ts), forgotten when the index re-reads a source. */
  texts: SourceTexts;
  /** What the last full build or load cost, for the bench and the docs. */
  loadedHow: 'built' | 'loaded';
  loadMs: number;
}

interface Stored {
  format: number;
  json: string;
  journalSeq: number;
  builtinVersion: string;
  builtinSourceIds: string[];
  kbVersion: string;
  entitySigs: Array<[string, string]>;
  sourceBlocks: Array<[string, number]>;
}

function isStored(v: unknown): v is Stored {
  const s = v as Partial<Stored> | undefined;
  return s?.format === FORMAT && typeof s.json === 'string' && Array.isArray(s.entitySigs);
}

function emptyState(index: Index, journalSeq: number): IndexState {
  return {
    index,
    journalSeq,
    builtinVersion: '',
    builtinSourceIds: [],
    kbVersion: '',
    entitySigs: new Map(),
    sourceBlocks: new Map(),
    texts: new Map(),
    loadedHow: 'built',
    loadMs: 0,
  };
}

function dropSource(st: IndexState, id: string): void {
  st.texts.delete(id);
  const blocks = st.sourceBlocks.get(id);
  if (blocks === undefined) return;
  dropDoc(st.index, sourceDocId(id));
  for (let i = 0; i < blocks; i++) dropDoc(st.index, blockDocId(id, i));
  st.sourceBlocks.delete(id);
}

function putSource(
  st: IndexState,
  meta: Parameters<typeof sourceDocs>[0],
  blocks: Parameters<typeof sourceDocs>[1],
): void {
  dropSource(st, meta.id);
  for (const doc of sourceDocs(meta, blocks)) st.index.add(doc);
  st.sourceBlocks.set(meta.id, blocks.length);
}

/** Indexes the given notes again (or drops them when they are gone or deleted). */
async function syncNotes(db: GlossDb, st: IndexState, ids: readonly string[]): Promise<void> {
  const records = await notesByIds(db, ids);
  ids.forEach((id, i) => {
    const record = records[i];
    const doc = record && noteDoc(record);
    if (doc) putDoc(st.index, doc);
    else dropDoc(st.index, noteDocId(id));
  });
}

/** Indexes every live note (a new index). */
async function addAllNotes(db: GlossDb, st: IndexState): Promise<void> {
  let n = 0;
  for (const note of await liveNotes(db)) {
    const doc = noteDoc(note);
    if (doc) st.index.add(doc);
    if (++n % YIELD_EVERY === 0) await breather();
  }
}

/** Documents indexed between two pauses of a build, so that pages' requests are answered meanwhile. */
const YIELD_EVERY = 250;
/** Lets the background answer other messages (a page's configuration, a card) in the middle of a build. */
const breather = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Indexes the given kept sources again (or drops them). */
async function syncUserSources(db: GlossDb, st: IndexState, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const s = await getUserSource(db, id);
    if (s && !s.deleted) putSource(st, userMeta(s), s.blocks);
    else dropSource(st, id);
  }
}

async function syncBuiltinSources(db: GlossDb, st: IndexState, version: string): Promise<boolean> {
  if (version === st.builtinVersion) return false;
  for (const id of st.builtinSourceIds) dropSource(st, id);
  const rows = await builtinSources(db);
  for (const row of rows) putSource(st, builtinMeta(row), row.blocks);
  st.builtinSourceIds = rows.map((r) => r.id);
  st.builtinVersion = version;
  return true;
}

function syncEntities(st: IndexState, kb: KbState): boolean {
  if (kb.version === st.kbVersion) return false;
  const seen = new Set<string>();
  for (const entity of kb.all) {
    seen.add(entity.id);
    const sig = entitySignature(entity);
    if (st.entitySigs.get(entity.id) === sig) continue;
    putDoc(st.index, entityDoc(entity));
    st.entitySigs.set(entity.id, sig);
  }
  for (const id of [...st.entitySigs.keys()]) {
    if (seen.has(id)) continue;
    dropDoc(st.index, entityDocId(id));
    st.entitySigs.delete(id);
  }
  st.kbVersion = kb.version;
  return true;
}

/**
 * Applies everything written since the index last looked. Resolves to whether anything changed, or to
 * 'rebuild' when a whole table was cleared (never done by Gloss's own paths; cheaper to build again).
 */
async function catchUp(db: GlossDb, st: IndexState, kb: KbState): Promise<boolean | 'rebuild'> {
  const [{ rows, head }, builtinVersion] = await Promise.all([
    journalSince(db, st.journalSeq),
    storedKbVersion(db),
  ]);
  if (rows.some((r) => r.id === '*')) return 'rebuild';
  const noteIds = new Set<string>();
  const sourceIds = new Set<string>();
  for (const row of rows) (row.table === 'notes' ? noteIds : sourceIds).add(row.id);
  if (noteIds.size) await syncNotes(db, st, [...noteIds]);
  if (sourceIds.size) await syncUserSources(db, st, [...sourceIds]);
  st.journalSeq = head;
  const builtin = await syncBuiltinSources(db, st, builtinVersion ?? 'none');
  const entities = syncEntities(st, kb);
  return rows.length > 0 || builtin || entities;
}

async function build(db: GlossDb, kb: KbState): Promise<IndexState> {
  const started = performance.now();
  // The journal's head is read first: whatever is written while the build reads is applied again after.
  const st = emptyState(newIndex(), await journalHead(db));
  await addAllNotes(db, st);
  let n = 0;
  for (const s of await liveUserSources(db)) {
    putSource(st, userMeta(s), s.blocks);
    // A source is about 30 documents; a pause costs up to 4 ms (timers nested this deep are clamped).
    if (++n % 10 === 0) await breather();
  }
  await syncBuiltinSources(db, st, (await storedKbVersion(db)) ?? 'none');
  syncEntities(st, kb);
  st.loadMs = performance.now() - started;
  return st;
}

async function load(db: GlossDb): Promise<IndexState | undefined> {
  const started = performance.now();
  const stored = await loadSearchSnapshot(db);
  if (!isStored(stored)) return undefined;
  try {
    const st = emptyState(indexFromJson(stored.json), stored.journalSeq);
    st.builtinVersion = stored.builtinVersion;
    st.builtinSourceIds = stored.builtinSourceIds;
    st.kbVersion = stored.kbVersion;
    st.entitySigs = new Map(stored.entitySigs);
    st.sourceBlocks = new Map(stored.sourceBlocks);
    st.loadedHow = 'loaded';
    st.loadMs = performance.now() - started;
    return st;
  } catch {
    // A snapshot that does not load (cut short by a full disk, an older MiniSearch) is built again.
    return undefined;
  }
}

function toStored(st: IndexState): Stored {
  return {
    format: FORMAT,
    json: JSON.stringify(st.index),
    journalSeq: st.journalSeq,
    builtinVersion: st.builtinVersion,
    builtinSourceIds: st.builtinSourceIds,
    kbVersion: st.kbVersion,
    entitySigs: [...st.entitySigs],
    sourceBlocks: [...st.sourceBlocks],
  };
}

interface Slot {
  state?: IndexState;
  queue: Promise<unknown>;
  saveTimer?: ReturnType<typeof setTimeout>;
}
const slots = new WeakMap<GlossDb, Slot>();

function slotOf(db: GlossDb): Slot {
  let slot = slots.get(db);
  if (!slot) {
    slot = { queue: Promise.resolve() };
    slots.set(db, slot);
  }
  return slot;
}

/** Runs `job` after the slot's earlier jobs: the index is never changed by two of them at once. */
function serially<T>(slot: Slot, job: () => Promise<T>): Promise<T> {
  const next = slot.queue.then(job);
  slot.queue = next.catch(() => undefined);
  return next;
}

/** Saves the index now (used after a build and by the timer). A failed save (a full disk) is retried later. */
export function saveIndexNow(db: GlossDb): Promise<void> {
  const slot = slotOf(db);
  return serially(slot, async () => {
    if (!slot.state) return;
    const stored = toStored(slot.state);
    await saveSearchSnapshot(db, stored, stored.journalSeq);
  });
}

function saveSoon(db: GlossDb, slot: Slot, delayMs = SAVE_DELAY_MS): void {
  if (slot.saveTimer) clearTimeout(slot.saveTimer);
  slot.saveTimer = setTimeout(() => {
    slot.saveTimer = undefined;
    // Not saved: searches still work from memory, and the journal keeps what the snapshot lacks.
    void saveIndexNow(db).catch(() => saveSoon(db, slot, RETRY_DELAY_MS));
  }, delayMs);
}

/** At start-up: drops a journal that grew past its use (see JOURNAL_LIMIT) with its snapshot. */
export async function boundSearchJournal(db: GlossDb, limit = JOURNAL_LIMIT): Promise<void> {
  if ((await journalLength(db)) > limit) await dropSearchSnapshot(db);
}

/** The index, loaded or built, brought up to date with everything written before this call. */
export function readyIndex(db: GlossDb, kb: KbState): Promise<IndexState> {
  const slot = slotOf(db);
  return serially(slot, async () => {
    if (!slot.state) {
      const loaded = await load(db);
      slot.state = loaded ?? (await build(db, kb));
      if (!loaded) saveSoon(db, slot);
    }
    let changed = await catchUp(db, slot.state, kb);
    if (changed === 'rebuild') {
      slot.state = await build(db, kb);
      changed = true;
    }
    if (changed) saveSoon(db, slot);
    return slot.state;
  });
}

/** Forgets the index in memory and in IndexedDB; the next search builds it again. */
export function resetIndex(db: GlossDb): Promise<void> {
  const slot = slotOf(db);
  return serially(slot, async () => {
    if (slot.saveTimer) clearTimeout(slot.saveTimer);
    slot.state = undefined;
    await dropSearchSnapshot(db);
  });
}
