/**
 * Keeps IndexedDB's built-in KB in step with the bundle shipped in this build. Runs on install and update,
 * and before every request that reads the KB: a stored version that differs from the shipped one (an
 * update, a rollback, a database cleared or restored in between) is replaced at once. The check is one
 * read of `meta`; the bundle itself is read from the package once per life of the background.
 */
import type { KbBundle } from '../shared/kb-types';
import type { GlossDb } from './db/database';
import { replaceBuiltinKb, storedKbVersion } from './db/kb-repo';
import { announceDataChanged } from './page-events';

/** Path of the compiled bundle inside the extension package. */
export const BUNDLE_PATH = 'kb/bundle.json';

/**
 * Loads `bundle` unless the same version is already stored. Any version change replaces the built-in part
 * (an update normally brings a newer one; a rollback should not leave a newer KB than the code expects).
 */
export async function syncBuiltinKb(db: GlossDb, loadBundle: () => Promise<KbBundle>): Promise<string> {
  const bundle = await loadBundle();
  if ((await storedKbVersion(db)) !== bundle.version) await replaceBuiltinKb(db, bundle);
  return bundle.version;
}

let shipped: Promise<KbBundle> | undefined;
/** A replacement under way, so that concurrent requests wait for it rather than start their own. */
const replacing = new WeakMap<GlossDb, Promise<void>>();

/**
 * Resolves once the stored built-in KB is the shipped one, replacing it first when it is not. The bundle
 * is kept for the background's life (a killed worker reads it again); the stored version is checked on
 * every call.
 */
export async function ensureKb(db: GlossDb, loadBundle: () => Promise<KbBundle>): Promise<string> {
  shipped ??= loadBundle().catch((e: unknown) => {
    shipped = undefined;
    throw e;
  });
  const bundle = await shipped;
  await replacing.get(db);
  if ((await storedKbVersion(db)) !== bundle.version) {
    const job = replacing.get(db) ?? replaceBuiltinKb(db, bundle).finally(() => replacing.delete(db));
    replacing.set(db, job);
    await job;
    // Open extension pages (dashboard, entity pages) show built-in entities and sources: fetch again.
    announceDataChanged(['entities', 'sources']);
  }
  return bundle.version;
}
