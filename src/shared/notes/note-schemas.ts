/**
 * Validation pieces of a note shared by the extension's message schemas (protocol-schemas.ts) and the sync
 * wire (sync/wire-schemas.ts), so a note id or an anchor means the same on both. Each side passes its own
 * text rule: the wire also refuses characters PostgreSQL cannot store.
 */
import * as v from 'valibot';
import { NOTE_LIMITS } from './note-types';

/** Note ids are UUIDs (ours) or the deterministic UUID-shaped ids imports derive. */
export const noteIdSchema = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
);

/** A text rule: at most `max` characters, at least `min`. */
export type TextSchema = (max: number, min?: number) => v.GenericSchema<string>;

/** Plain text of bounded length. */
export const boundedText: TextSchema = (max, min = 0) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max));

const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9));

/** A passage's offsets (NoteAnchor's position): start before end. */
export const offsetsSchema = v.pipe(
  v.strictObject({ start: offset, end: offset }),
  v.check((p) => p.end > p.start, 'position end must follow start'),
);

/** The W3C selectors of a passage note (NoteAnchor), with `text` deciding what strings are allowed. */
export function anchorSchema(text: TextSchema) {
  const context = text(NOTE_LIMITS.context);
  return v.strictObject({
    quote: v.strictObject({ exact: text(NOTE_LIMITS.quote, 1), prefix: context, suffix: context }),
    position: v.optional(offsetsSchema),
  });
}
