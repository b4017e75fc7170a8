/**
 * Keeps IndexedDB's built-in KB in step with the bundle shipped in this build. Runs on install and update,
 * and lazily before the first request of a worker's life in case the database was cleared in between.
 */
import type { KbBundle } from '../shared/kb-types';
import type { GlossDb } from './db/database';
import { replaceBuiltinKb, storedKbVersion } from './db/kb-repo';

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

let ready: Promise<string> | undefined;

/**
 * Resolves once the KB is loaded in this worker's lifetime. The memo is only an optimisation: a killed
 * worker starts again with none and re-checks the stored version.
 */
export function ensureKb(db: GlossDb, loadBundle: () => Promise<KbBundle>): Promise<string> {
  ready ??= syncBuiltinKb(db, loadBundle).catch((e: unknown) => {
    ready = undefined;
    throw e;
  });
  return ready;
}
