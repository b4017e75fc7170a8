/**
 * The one error an import throws when a file cannot be used at all. Imports are all-or-nothing (a half
 * import of a bad file is worse than none: the reader cannot tell what is missing), so every message says
 * what is wrong and that nothing was imported, in words the dashboard can show as they are.
 */

/** A file Gloss refuses as a whole; `message` is a full sentence for the reader. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  /** `problem` is one sentence saying what is wrong; the message adds that nothing was imported. */
  constructor(problem: string) {
    super(`${problem} Nothing was imported.`);
  }
}

/** An ImportError about the annotation at `index` (counted from 1, as the reader counts). */
export function annotationError(index: number, problem: string): ImportError {
  return new ImportError(`Annotation ${index} in this file ${problem}.`);
}
