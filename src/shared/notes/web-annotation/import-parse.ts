/**
 * Reading a file of W3C Web Annotations (or a Hypothesis export) into notes, all or nothing: the file is
 * checked as a whole first (size, JSON, nesting, count), then every annotation; any malformed or hostile
 * one throws an ImportError and nothing is returned, while what Gloss cannot use is listed in `skipped`
 * with the reason, and what it imported otherwise than the file says in `changed`, each naming the
 * annotation by its place in the file and its id. Ids are settled last (derived-id.ts) so that importing
 * the same file twice gives the same ids; a second annotation with an id already seen in the file is
 * skipped.
 */
import { noteIdFor, partId } from './derived-id';
import { readAnnotation } from './import-annotation';
import { findAnnotations, otherPagesNote } from './import-document';
import { ImportError } from './import-error';
import { parseJson } from './import-json';
import { checkDepth, checkFileSize, MAX_ANNOTATIONS } from './import-limits';
import type { ChangedAnnotation, ImportedNote, ParsedImport, ParseOptions, SkippedAnnotation } from './types';

/** Notes from the text of an annotation file; throws ImportError when the file cannot be used as a whole. */
export async function parseAnnotations(text: string, opts: ParseOptions = {}): Promise<ParsedImport> {
  const now = opts.now ?? Date.now();
  checkFileSize(text);
  const doc = parseJson(text);
  checkDepth(doc);
  const items = findAnnotations(doc);
  // Read everything before deriving any id: a bad annotation anywhere stops the import before work is wasted.
  const readings = items.map((item, i) => readAnnotation(item, i + 1, now, opts.knownEntities));
  const count = readings.reduce((sum, r) => sum + r.drafts.length, 0);
  if (count > MAX_ANNOTATIONS)
    throw new ImportError(
      `This file makes ${count.toLocaleString('en')} notes (one per target of each annotation); Gloss imports up to ${MAX_ANNOTATIONS.toLocaleString('en')} at a time.`,
    );

  const notes: ImportedNote[] = [];
  const skipped: SkippedAnnotation[] = [];
  const changed: ChangedAnnotation[] = [];
  const firstWithId = new Map<string, number>();
  for (const { ref, drafts, skips, changes } of readings) {
    for (const reason of skips) skipped.push({ ...ref, reason });
    const [first, ...rest] = drafts;
    if (!first) continue;
    const id = await noteIdFor(first.idSource);
    const earlier = firstWithId.get(id);
    if (earlier !== undefined) {
      skipped.push({ ...ref, reason: `has the same id as annotation ${earlier}, which was imported` });
      continue;
    }
    firstWithId.set(id, ref.index);
    notes.push({ id, ...first.note });
    for (const draft of rest) notes.push({ id: await partId(id, draft.part), ...draft.note });
    if (changes.length > 0) changed.push({ ...ref, change: changes.join(', and ') });
  }
  const more = otherPagesNote(doc, items.length);
  return more ? { notes, skipped, changed, more } : { notes, skipped, changed };
}
