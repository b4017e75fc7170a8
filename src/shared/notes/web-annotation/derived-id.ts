/**
 * Note ids for imported annotations, chosen so that importing the same file twice adds nothing: the id
 * the file gives is kept when it is a UUID, and otherwise a UUID is derived from it (or, when there is no
 * id, from the annotation's content) by hashing. Derived ids are version-8 UUIDs (RFC 9562, "custom"):
 * the first 128 bits of SHA-256 over a namespaced string, with the version and variant bits set. A name
 * never collides with a random v4 id of Gloss's own, because the version nibble differs. An annotation
 * with several targets gives several notes: the first keeps the annotation's id, each other one an id
 * derived from it and the target's place (`partId`), so a second import of the file adds nothing either.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HYPOTHESIS_LINK = /^https?:\/\/hypothes\.is\/a\/([A-Za-z0-9_-]+)$/;
const HYPOTHESIS_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A v8 UUID derived from `name` with SHA-256. */
export async function uuidFromName(name: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(name)));
  const bytes = digest.slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What an annotation offers to identify it. */
export interface IdSource {
  /** The annotation's `id`, if it has one. */
  id: string | undefined;
  /** Whether it is a row of the Hypothesis API (its bare ids are Hypothesis ids). */
  isHypothesisRow: boolean;
  /** Content to hash when there is no id. */
  content: { url: string; quote: string; body: string; created: string };
}

/**
 * The note id for an annotation. A Hypothesis annotation gets the same id whether the file names it by
 * its API id ("Q1w2e3") or by its link ("https://hypothes.is/a/Q1w2e3"), so the two export formats of one
 * annotation do not become two notes.
 */
export async function noteIdFor({ id, isHypothesisRow, content }: IdSource): Promise<string> {
  if (id === undefined) {
    const { url, quote, body, created } = content;
    return uuidFromName(`gloss-import:content:${JSON.stringify([url, quote, body, created])}`);
  }
  const bare = id.toLowerCase().startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : id;
  if (UUID.test(bare)) return bare.toLowerCase();
  const link = HYPOTHESIS_LINK.exec(id);
  if (link) return uuidFromName(`gloss-import:hypothesis:${link[1]}`);
  if (isHypothesisRow && HYPOTHESIS_ID.test(id)) return uuidFromName(`gloss-import:hypothesis:${id}`);
  return uuidFromName(`gloss-import:id:${id}`);
}

/** The id of the note made from target `part` (from 2 on) of the annotation whose first note has `firstId`. */
export function partId(firstId: string, part: number): Promise<string> {
  return uuidFromName(`gloss-import:part:${JSON.stringify([firstId, part])}`);
}
