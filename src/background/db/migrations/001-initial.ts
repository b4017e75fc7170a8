/**
 * Schema version 1: the knowledge base (entities, passages, sources with their mentions), a key-value
 * meta table (the loaded KB version) and per-site switches. Append-only: never edit after release; add
 * 002-… for the next change, with a test that upgrades a filled version-1 database.
 */
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  stores: {
    entities: 'id, origin, type',
    passages: '[entityId+id], entityId, sourceId, origin',
    sources: 'id, origin',
    meta: 'key',
    sites: 'host',
  },
};
