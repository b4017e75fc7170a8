/**
 * What a target's address is. Gloss keeps notes on web pages (http, https) and on its own entities
 * (`urn:gloss:entity:<id>`). Two other cases are told apart on purpose:
 *
 * - an address that is not a URL at all, or uses a scheme that runs code or smuggles content
 *   (javascript:, data:, vbscript:), marks a broken or hostile file, and the whole import stops;
 * - a well-formed address of another kind (a PDF fingerprint `urn:x-pdf:…` or a `file:` path from a
 *   Hypothesis export, a `doi:`) is a real annotation Gloss cannot show, so only that one is skipped:
 *   refusing a reader's whole Hypothesis history over one local PDF would help no one.
 */
import { NOTE_LIMITS } from '../note-types';
import { annotationError } from './import-error';
import { ENTITY_ID_PATTERN, ENTITY_IRI_PREFIX } from './vocabulary';

/** Schemes that never name a document and can carry script or inline content. */
export const HOSTILE_SCHEMES: ReadonlySet<string> = new Set(['javascript:', 'data:', 'vbscript:']);

/** A target address Gloss can use (web, entity), or one it skips (other). */
export type Address =
  | { kind: 'web'; url: string }
  | { kind: 'entity'; entityId: string }
  /** `scheme` names the kind of address for a message: "file", "urn:x-pdf". */
  | { kind: 'other'; scheme: string };

/** Checks an entity id from a file against the knowledge base's id shape. */
export function checkEntityId(entityId: string, index: number): string {
  if (!ENTITY_ID_PATTERN.test(entityId))
    throw annotationError(index, 'is malformed: it names an entity whose id Gloss cannot read');
  return entityId;
}

/** Classifies `raw` (a target's address); throws for a broken or hostile one. */
export function classifyAddress(raw: string, index: number): Address {
  const address = raw.trim();
  if (address.startsWith(ENTITY_IRI_PREFIX))
    return { kind: 'entity', entityId: checkEntityId(address.slice(ENTITY_IRI_PREFIX.length), index) };
  if (address.length > NOTE_LIMITS.url)
    throw annotationError(
      index,
      `targets an address of ${address.length.toLocaleString('en')} characters; Gloss keeps addresses of up to ${NOTE_LIMITS.url.toLocaleString('en')}`,
    );
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw annotationError(index, 'has a target that is not a web address');
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'web', url: address };
  if (HOSTILE_SCHEMES.has(url.protocol))
    throw annotationError(
      index,
      `targets a "${url.protocol}" address; Gloss only imports notes on web pages (http or https)`,
    );
  // "urn:x-pdf" says more to a reader than "urn:".
  const urn = /^urn:([a-z0-9][a-z0-9-]*):/i.exec(address);
  return { kind: 'other', scheme: urn ? `urn:${urn[1]}` : url.protocol.slice(0, -1) };
}
