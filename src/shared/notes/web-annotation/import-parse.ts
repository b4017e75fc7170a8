/**
 * Reading a file of W3C Web Annotations (or a Hypothesis export) into notes, all or nothing: the file is
 * checked as a whole first (size, JSON, nesting, count), then every annotation; any malformed or hostile
 * one throws an ImportError and nothing is returned, while well-formed annotations Gloss cannot use are
 * listed in `skipped` with the reason. Ids are settled last (derived-id.ts) so that importing the same
 * file twice gives the same ids; a second annotation with an id already seen in the file is skipped.
 */
import { noteIdFor } from './derived-id';
import { readAnnotation } from './import-annotation';
import { findAnnotations } from './import-document';
import { parseJson } from './import-json';
import { checkDepth, checkFileSize } from './import-limits';
import type { ImportedNote, ParsedImport, ParseOptions, SkippedAnnotation } from './types';

/** Notes from the text of an annotation file; throws ImportError when the file cannot be used as a whole. */
export async function parseAnnotations(text: string, opts: ParseOptions = {}): Promise<ParsedImport> {
  const now = opts.now ?? Date.now();
  checkFileSize(text);
  const doc = parseJson(text);
  checkDepth(doc);
  const items = findAnnotations(doc);
  // Read everything before deriving any id: a bad annotation anywhere stops the import before work is wasted.
  const outcomes = items.map((item, i) => readAnnotation(item, i + 1, now));

  const notes: ImportedNote[] = [];
  const skipped: SkippedAnnotation[] = [];
  const firstWithId = new Map<string, number>();
  for (const [i, outcome] of outcomes.entries()) {
    const index = i + 1;
    if (outcome.kind === 'skip') {
      skipped.push({ index, reason: outcome.reason });
      continue;
    }
    const id = await noteIdFor(outcome.draft.idSource);
    const earlier = firstWithId.get(id);
    if (earlier !== undefined) {
      skipped.push({ index, reason: `It has the same id as annotation ${earlier}, which was imported.` });
      continue;
    }
    firstWithId.set(id, index);
    notes.push({ id, ...outcome.draft.note });
  }
  return { notes, skipped };
}
