/**
 * Every schema version in order. The same PostgreSQL statements run on PGlite and on a real server; each
 * migration is applied once, in one transaction with the others pending, and recorded in
 * `schema_migrations` (see ../migrate.ts).
 */
import { migration001 } from './001-initial';
import { migration002 } from './002-device-binding';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
