/** The remembered per-site switch. Sites are on unless the user switched them off. */
import type { GlossDb } from './database';

/** Whether Gloss runs on `host`. */
export async function isSiteEnabled(db: GlossDb, host: string): Promise<boolean> {
  return (await db.sites.get(host))?.isEnabled ?? true;
}

/** Remembers the switch for `host`. */
export async function setSiteEnabled(db: GlossDb, host: string, isEnabled: boolean): Promise<void> {
  await db.sites.put({ host, isEnabled, updatedAt: Date.now() });
}
