/**
 * The reader's entities and their versions of built-in ones: create, edit, hide, reset, delete, restore,
 * and the lists the dashboard shows. Every change moves the library's revision, so pages get the new
 * matcher (`kbChanged`, see library-events.ts) and the changed entities' passages are derived again.
 */
import type { EntitySummary } from '../../shared/kb-types';
import { checkEntityInput } from '../../shared/library/entity-input';
import type { EntityDetail, EntityInput, EntityListItem } from '../../shared/library/library-types';
import type { GlossDb } from '../db/database';
import { builtinEntity, passageTallies } from '../db/kb-repo';
import { getUserEntity, saveUserEntity, setUserEntityDeleted } from '../db/user-entities-repo';
import { type KbEntity, type KbState, kbState } from './effective-kb';
import { updateEntityPassages } from './passage-index';

const inputOf = (e: KbEntity): EntityInput => ({
  name: e.name,
  type: e.type,
  description: e.description,
  aliases: e.aliases,
  related: e.related,
  links: e.links ?? [],
});

/** Every entity for the dashboard, hidden ones included. */
export async function listEntities(db: GlossDb, state: KbState): Promise<EntityListItem[]> {
  const { byEntity } = await passageTallies(db);
  const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  // By name, built-in and the reader's together: the list is for finding one.
  return [...state.all]
    .sort((a, b) => byName.compare(a.name, b.name))
    .map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      origin: e.origin,
      isEdited: e.isEdited,
      isHidden: e.isHidden,
      aliases: e.aliases.map((a) => a.text),
      passageCount: e.isHidden ? 0 : (byEntity.get(e.id) ?? 0),
    }));
}

/** One entity in full, with the built-in version when there is one. */
export async function entityDetail(db: GlossDb, state: KbState, id: string): Promise<EntityDetail> {
  const entity = state.byId.get(id);
  if (!entity) throw new Error('There is no such entity.');
  const builtin = await builtinEntity(db, id);
  return {
    entity: { id, ...inputOf(entity) },
    origin: entity.origin,
    isEdited: entity.isEdited,
    isHidden: entity.isHidden,
    ...(builtin
      ? {
          builtin: inputOf({
            ...builtin,
            links: builtin.links ?? [],
            isEdited: false,
            isHidden: false,
            origin: 'builtin',
          }),
        }
      : {}),
  };
}

/** After a change: the new state, with the changed entities' passages derived again. */
async function settle(db: GlossDb, ids: readonly string[]): Promise<KbState> {
  const state = await kbState(db);
  await updateEntityPassages(db, state, ids);
  return state;
}

function checked(state: KbState, input: EntityInput): EntityInput {
  const check = checkEntityInput(input, (id) => state.byId.has(id));
  if (!check.ok) throw new Error(check.errors.join(' '));
  return check.entity;
}

/** Stores a new entity of the reader's under a fresh id. */
export async function createEntity(db: GlossDb, input: EntityInput, nowMs: number): Promise<EntitySummary> {
  const entity = checked(await kbState(db), input);
  const id = crypto.randomUUID();
  await saveUserEntity(db, id, { ...entity, hidden: false }, nowMs);
  await settle(db, [id]);
  return { id, name: entity.name, type: entity.type };
}

/** Changes an entity; for a built-in one, stores (or changes) the reader's version of it. */
export async function updateEntity(
  db: GlossDb,
  id: string,
  input: EntityInput,
  nowMs: number,
): Promise<EntitySummary> {
  const state = await kbState(db);
  const current = state.byId.get(id);
  if (!current) throw new Error('That entity no longer exists.');
  const entity = checked(state, input);
  // Saving a built-in entity unchanged does not make it "edited" (nor stop later updates of it reaching the reader).
  const isUnchanged = JSON.stringify(entity) === JSON.stringify(checked(state, inputOf(current)));
  if (!(current.origin === 'builtin' && !current.isEdited && isUnchanged)) {
    await saveUserEntity(db, id, { ...entity, hidden: current.isHidden }, nowMs);
    await settle(db, [id]);
  }
  return { id, name: entity.name, type: entity.type };
}

/** Hides an entity (built-in or the reader's) or shows it again. */
export async function setEntityHidden(
  db: GlossDb,
  id: string,
  isHidden: boolean,
  nowMs: number,
): Promise<void> {
  const current = (await kbState(db)).byId.get(id);
  if (!current) throw new Error('That entity no longer exists.');
  if (current.isHidden === isHidden) return;
  await saveUserEntity(db, id, { ...inputOf(current), hidden: isHidden }, nowMs);
  await settle(db, [id]);
}

/** Forgets the reader's version of a built-in entity. */
export async function resetEntity(db: GlossDb, id: string, nowMs: number): Promise<void> {
  if (!(await builtinEntity(db, id))) throw new Error('Only built-in entities can be reset.');
  await setUserEntityDeleted(db, id, true, nowMs);
  await settle(db, [id]);
}

/** Deletes (or restores) one of the reader's own entities. A built-in one is hidden instead. */
export async function setEntityDeleted(
  db: GlossDb,
  id: string,
  deleted: boolean,
  nowMs: number,
): Promise<void> {
  if (await builtinEntity(db, id)) throw new Error('Built-in entities cannot be deleted; hide it instead.');
  if (!(await getUserEntity(db, id))) throw new Error('There is no such entity.');
  await setUserEntityDeleted(db, id, deleted, nowMs);
  await settle(db, [id]);
}
