import { migration001 } from './001-initial';
import { migration002 } from './002-notes';
import { migration003 } from './003-note-fields';
import { migration004 } from './004-repair-lost-fields';
import { migration005 } from './005-storable-text';
import { migration006 } from './006-library';
import { migration007 } from './007-search-history';
import type { Migration } from './migration';

/** Every migration in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
