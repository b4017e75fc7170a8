/**
 * Reading changes (GET /v1/pull): notes, tombstones included, whose version is above the client's cursor,
 * in version order. One statement, so one snapshot; the reply's cursor is the last version returned, never
 * the user's counter read separately, which could already count a push this snapshot does not show.
 *
 * The one exception is an empty page for a cursor beyond the user's counter: the database was restored
 * from a backup older than what the client has seen. Answering with the (lower) counter tells the client to
 * start over and send its notes again (the extension does). Reading the counter separately is safe here:
 * a push committing in between can only raise it, and the reply never goes above the client's own cursor.
 */
import type { PullReply, SyncNote } from '../../shared/sync/wire';
import type { Sql } from '../db/sql';

export async function pullChanges(
  sql: Sql,
  userId: string,
  since: number,
  limit: number,
): Promise<PullReply> {
  const rows = await sql.query<{ record: SyncNote; version: number }>(
    'SELECT record, version FROM notes WHERE user_id = $1 AND version > $2 ORDER BY version LIMIT $3',
    [userId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  let version = page.at(-1)?.version ?? since;
  if (!page.length && since > 0) {
    const [user] = await sql.query<{ version: number }>('SELECT version FROM users WHERE id = $1', [userId]);
    version = Math.min(since, user?.version ?? since);
  }
  return {
    notes: page.map((r) => ({ ...r.record, version: r.version })),
    version,
    hasMore: rows.length > limit,
  };
}
