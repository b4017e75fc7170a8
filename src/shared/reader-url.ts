/**
 * The address of the source reader: `reader.html?source=<id>&entity=<id>&passage=<id>`. Extension pages and the
 * background (openReader, the omnibox) make it and the reader reads it back, so the shape lives in one file.
 */

/** What the reader opens at. */
export interface ReaderTarget {
  sourceId: string;
  entityId?: string;
  passageId?: string;
}

/** Where a passage id points: `${sourceId}:${blockIndex}:${start}` (see `Passage.id`). */
export interface PassageRef {
  sourceId: string;
  blockIndex: number;
  /** Character offset of the passage within its block. */
  start: number;
}

/** A relative link to the reader, valid from any page in the extension root. */
export function readerHref(target: ReaderTarget): string {
  const params = new URLSearchParams({ source: target.sourceId });
  if (target.entityId) params.set('entity', target.entityId);
  if (target.passageId) params.set('passage', target.passageId);
  return `reader.html?${params.toString()}`;
}

/** Reads the reader's query string; `undefined` when no source is named. Empty parameters count as absent. */
export function parseReaderParams(search: string): ReaderTarget | undefined {
  const params = new URLSearchParams(search);
  const sourceId = params.get('source')?.trim();
  if (!sourceId) return undefined;
  const target: ReaderTarget = { sourceId };
  const entityId = params.get('entity')?.trim();
  const passageId = params.get('passage')?.trim();
  if (entityId) target.entityId = entityId;
  if (passageId) target.passageId = passageId;
  return target;
}

/** Splits a passage id into its parts; `undefined` when it is not of the expected form. */
export function parsePassageId(passageId: string): PassageRef | undefined {
  const match = /^(.+):(\d{1,6}):(\d{1,7})$/.exec(passageId);
  if (!match) return undefined;
  return { sourceId: match[1]!, blockIndex: Number(match[2]), start: Number(match[3]) };
}
