/**
 * File-level limits of an import, checked before any annotation is read, so that a huge or hostile file
 * costs one linear pass and never a deep recursion. The limits are far above any reader's real export
 * (Hypothesis's largest personal exports are a few MB) and low enough for one IndexedDB transaction.
 */
import { utf8ByteLength } from '../../utf8';
import { ImportError } from './import-error';

/** Largest file, in UTF-8 bytes (the size the reader sees on disk). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Most annotations in one file. */
export const MAX_ANNOTATIONS = 10_000;
/**
 * Deepest nesting of arrays and objects. A Web Annotation needs about ten levels (collection, page, items,
 * annotation, target list, target, selector list, selector, refinedBy); 32 leaves room for any real tool.
 */
export const MAX_DEPTH = 32;

/** "10 MB", "12.4 MB": sizes as a reader reads them (MB here is 1024 × 1024 bytes, like file managers). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** Throws when the file text is over MAX_FILE_BYTES. */
export function checkFileSize(text: string): void {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_FILE_BYTES)
    throw new ImportError(
      `This file is ${formatMegabytes(bytes)}; Gloss imports files of up to ${formatMegabytes(MAX_FILE_BYTES)}.`,
    );
}

/** Throws when `value` nests deeper than MAX_DEPTH; walks with an explicit stack, never recursion. */
export function checkDepth(value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_DEPTH)
      throw new ImportError(
        `This file nests its data more than ${MAX_DEPTH} levels deep, which no annotation needs.`,
      );
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children)
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
}
