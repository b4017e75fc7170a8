/**
 * Counters in `meta` that say when the reader's library changed, so that what is derived from it (the
 * matcher pages receive, the passages cards quote) is rebuilt once per change and never per page load.
 */
import type { GlossDb } from './database';
import { readMeta, writeMeta } from './meta-repo';

/** Increases with every change of the reader's entities (in that change's transaction). */
export async function libraryRevision(db: GlossDb): Promise<number> {
  return Number((await readMeta(db, 'libraryRevision')) ?? '0');
}

/** Marks the reader's entities as changed. */
export function bumpLibraryRevision(db: GlossDb): Promise<void> {
  return readMeta(db, 'libraryRevision').then((v) =>
    writeMeta(db, 'libraryRevision', String(Number(v ?? '0') + 1)),
  );
}

/** Increases with every change of the reader's sources. */
export async function sourcesRevision(db: GlossDb): Promise<number> {
  return Number((await readMeta(db, 'sourcesRevision')) ?? '0');
}

/** Marks the reader's sources as changed. */
export function bumpSourcesRevision(db: GlossDb): Promise<void> {
  return readMeta(db, 'sourcesRevision').then((v) =>
    writeMeta(db, 'sourcesRevision', String(Number(v ?? '0') + 1)),
  );
}

/**
 * What the passages were last derived from (`${kbVersion}|${sourcesRevision}`, written by kb-repo.ts with
 * them), and what they should reflect now.
 */
export async function passagesState(
  db: GlossDb,
): Promise<{ built?: string; wanted: (kbVersion: string) => string }> {
  const [built, sources] = await Promise.all([readMeta(db, 'passagesFor'), readMeta(db, 'sourcesRevision')]);
  return { built, wanted: (kbVersion) => `${kbVersion}|${sources ?? '0'}` };
}
