/** Every entity definition, gathered from the per-theme files into the one list the KB build compiles. */
import type { EntityDef } from '../../shared/kb-types';
import { AGREEMENTS } from './agreements';
import { COMPANIES } from './companies';
import { INTERNATIONAL } from './international';
import { JAPAN_DEFENCE } from './japan-defence';
import { JAPAN_GOVERNMENT } from './japan-government';
import { PEOPLE } from './people';
import { POLICIES } from './policies';
import { RESEARCH } from './research';
import { THREAT_ACTORS } from './threat-actors';

/** All entities, in a stable order (by theme, then as written in each file). */
export const ENTITIES: EntityDef[] = [
  ...THREAT_ACTORS,
  ...COMPANIES,
  ...JAPAN_GOVERNMENT,
  ...JAPAN_DEFENCE,
  ...AGREEMENTS,
  ...RESEARCH,
  ...PEOPLE,
  ...INTERNATIONAL,
  ...POLICIES,
];
