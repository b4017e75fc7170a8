/**
 * Which passage notes mention which entities: each note's quote run through the same matcher pages use,
 * so the entity page lists a note exactly when its highlighted words would have been marked as that
 * entity on the page. The quote is matched with its prefix and suffix around it (the page's own
 * neighbours), so whole-word edges and context cues see what they saw on the page; a match counts when it
 * overlaps the quoted words.
 *
 * Matching every note's quote on every request would cost a matcher run per note, so the answers are kept
 * per note (keyed by its quote) for one KB version: a new version (an entity edited, a bundle updated)
 * starts afresh, and a note whose quote changed is matched again. Reading the notes themselves is the
 * only per-request cost.
 */
import type { NoteRecord } from '../../shared/notes/note-types';
import type { GlossDb } from '../db/database';
import type { KbState } from './effective-kb';

interface Memo {
  version: string;
  /** Note id → the quote it was matched with, and the entities found in it. */
  byNote: Map<string, { quoteKey: string; entityIds: readonly string[] }>;
}

/** Per database (tests open several), the answers for the KB version last asked about. */
const memos = new WeakMap<GlossDb, Memo>();

const quoteKeyOf = (q: { exact: string; prefix: string; suffix: string }): string =>
  `${q.prefix}\u0000${q.exact}\u0000${q.suffix}`;

/** The entities the quoted words of `quote` mention, as the page's matcher finds them. */
export function entitiesInQuote(
  state: KbState,
  quote: { exact: string; prefix: string; suffix: string },
): string[] {
  const text = `${quote.prefix}${quote.exact}${quote.suffix}`;
  const from = quote.prefix.length;
  const to = from + quote.exact.length;
  const found = state
    .matcher()
    .find(text)
    .filter((m) => m.start < to && m.end > from)
    .map((m) => m.entityId);
  return [...new Set(found)];
}

/** The passage notes among `notes` (live ones) whose quote mentions `entityId`. */
export function notesMentioning(
  db: GlossDb,
  state: KbState,
  notes: readonly NoteRecord[],
  entityId: string,
): NoteRecord[] {
  let memo = memos.get(db);
  if (memo?.version !== state.version) {
    memo = { version: state.version, byNote: new Map() };
    memos.set(db, memo);
  }
  const out: NoteRecord[] = [];
  for (const note of notes) {
    if (!note.anchor || note.entityId || note.deleted) continue;
    const quoteKey = quoteKeyOf(note.anchor.quote);
    let hit = memo.byNote.get(note.id);
    if (hit?.quoteKey !== quoteKey) {
      hit = { quoteKey, entityIds: entitiesInQuote(state, note.anchor.quote) };
      memo.byNote.set(note.id, hit);
    }
    if (hit.entityIds.includes(entityId)) out.push(note);
  }
  return out;
}
