/**
 * Names of suggested entities the reader turned down (`rejections`), never proposed again. This module is
 * the store's only reader and writer.
 */
import type { GlossDb } from './database';

/** Remembers a rejected suggestion by its folded key. */
export async function rejectName(db: GlossDb, key: string, name: string, nowMs: number): Promise<void> {
  await db.rejections.put({ key, name, at: nowMs });
}

/** Every rejected name's key. */
export async function rejectedKeys(db: GlossDb): Promise<string[]> {
  return (await db.rejections.toCollection().primaryKeys()) as string[];
}
