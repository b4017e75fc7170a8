/**
 * Conflicts inside an imported glossary: two rows with the same name, or one alias claimed by two entities.
 *
 * They are reported, not refused: each is a choice only the reader can make (which "NCSC" is meant, the UK's
 * or another country's?), and refusing the whole file over it would make them edit the CSV to express that
 * choice. The import succeeds with `conflicts` listed; the dashboard shows them, and `resolveConflicts`
 * applies what the reader chose (or, by default, keeps the first row's claim).
 */
import type { AliasRule } from '../kb-types';

/** The part of an imported entity conflicts are about. */
interface Claimant {
  name: string;
  aliases: AliasRule[];
}

/**
 * One conflict. `entities` are indexes into the import's `entities` (in file order) and `lines` the rows they
 * came from, in the same order.
 * - `duplicate-name`: rows with the same name (ignoring case); `alias` is the name.
 * - `shared-alias`: different entities that would both match `alias` (compared ignoring case when either
 *   alias ignores case; exactly when both are case-sensitive, so "Salt" and "SALT" may coexist).
 */
export interface Conflict {
  kind: 'duplicate-name' | 'shared-alias';
  alias: string;
  entities: number[];
  lines: number[];
}

/** Finds every conflict among `entities`; `lines[i]` is the row entity i came from. */
export function findConflicts(entities: readonly Claimant[], lines: readonly number[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const byName = new Map<string, number[]>();
  entities.forEach((entity, index) => {
    const key = entity.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  for (const indexes of byName.values()) {
    if (indexes.length < 2) continue;
    const alias = entities[indexes[0]!]!.name;
    conflicts.push({
      kind: 'duplicate-name',
      alias,
      entities: indexes,
      lines: indexes.map((i) => lines[i]!),
    });
  }

  // Aliases grouped by their lower-case form; within a group, two claims collide unless both are
  // case-sensitive and written differently.
  const groups = new Map<string, Array<{ entity: number; rule: AliasRule }>>();
  entities.forEach((entity, index) => {
    for (const rule of entity.aliases) {
      const key = rule.text.toLowerCase();
      const group = groups.get(key);
      if (group) group.push({ entity: index, rule });
      else groups.set(key, [{ entity: index, rule }]);
    }
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const involved = new Set<number>();
    for (let a = 0; a < group.length; a++)
      for (let b = a + 1; b < group.length; b++) {
        const x = group[a]!;
        const y = group[b]!;
        if (x.entity === y.entity) continue;
        if (x.rule.caseSensitive && y.rule.caseSensitive && x.rule.text !== y.rule.text) continue;
        involved.add(x.entity);
        involved.add(y.entity);
      }
    if (involved.size < 2) continue;
    const indexes = [...involved].sort((p, q) => p - q);
    // Rows that share a name already have a duplicate-name conflict; their name is not reported twice.
    const names = new Set(indexes.map((i) => entities[i]!.name.toLowerCase()));
    const first = group[0]!.rule.text;
    if (names.size === 1 && names.has(first.toLowerCase())) continue;
    conflicts.push({
      kind: 'shared-alias',
      alias: first,
      entities: indexes,
      lines: indexes.map((i) => lines[i]!),
    });
  }
  return conflicts;
}

/** A sentence per conflict, for a reader who has no dashboard in front of them (tests, logs, the CLI). */
export function describeConflict(conflict: Conflict): string {
  const rows = conflict.lines.join(', ');
  return conflict.kind === 'duplicate-name'
    ? `lines ${rows} have the same name '${conflict.alias}'`
    : `alias '${conflict.alias}' is claimed by lines ${rows}`;
}

/**
 * Applies the reader's choice for each conflict: `keep(conflict)` returns the index (into `entities`) of the
 * entity that wins. For `duplicate-name` the other rows are dropped; for `shared-alias` the other entities
 * lose that alias (every spelling of it that collides). Defaults to the first row, the usual meaning of
 * "the file's order wins". Returns a new array; the input is not changed.
 */
export function resolveConflicts<T extends Claimant>(
  entities: readonly T[],
  conflicts: readonly Conflict[],
  keep: (conflict: Conflict) => number = (conflict) => conflict.entities[0]!,
): T[] {
  const dropped = new Set<number>();
  const lost = new Map<number, Set<string>>();
  for (const conflict of conflicts) {
    const winner = keep(conflict);
    for (const index of conflict.entities) {
      if (index === winner) continue;
      if (conflict.kind === 'duplicate-name') dropped.add(index);
      else lost.set(index, (lost.get(index) ?? new Set()).add(conflict.alias.toLowerCase()));
    }
  }
  const kept: T[] = [];
  entities.forEach((entity, index) => {
    if (dropped.has(index)) return;
    const gone = lost.get(index);
    kept.push(
      gone ? { ...entity, aliases: entity.aliases.filter((r) => !gone.has(r.text.toLowerCase())) } : entity,
    );
  });
  return kept;
}
