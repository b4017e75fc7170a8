/**
 * `../shared`, the team's folder beside the repository: real saved pages (`pages/`) and the supplied source
 * texts (`sources/`). It is never part of the project, so a fresh clone has none of it. Every test group that
 * reads it is declared through `needsShared`: without the folder the group is skipped, its name says why, and
 * one line is printed. `scripts/test-summary.ts` lists the skipped groups again next to the closing summary,
 * read from the "(skipped: …)" in their names in vitest's reports. The project's own pages in
 * `tests/fixtures/pages` cover the same paths on every machine.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The repository root. (`import.meta.dirname`: under happy-dom, `import.meta.url` is not a file: URL.) */
const REPO_ROOT = resolve(import.meta.dirname, '..');
/** The folder itself; `GLOSS_SHARED_DIR` points elsewhere (a missing path shows what a fresh clone runs). */
export const SHARED_DIR = resolve(REPO_ROOT, process.env.GLOSS_SHARED_DIR || '../shared');
/** Real saved pages (see its SOURCES.md); read in place, never copied into the repository. */
export const SHARED_PAGES = join(SHARED_DIR, 'pages');
/** The supplied texts of the knowledge base's source articles. */
export const SHARED_SOURCES = join(SHARED_DIR, 'sources');

/** Whether `folder` (one of the above) is on this machine. */
export const isPresent = (folder: string): boolean => existsSync(folder);

/** A test group that reads part of ../shared. */
export interface SharedGroup {
  /** The folder is missing: skip the group (`describe.skipIf(group.isAbsent)`). */
  isAbsent: boolean;
  /** The group's name, with "(skipped: ../shared/… absent)" when it is skipped. */
  title: string;
}

/**
 * Declares a group of tests that reads `folder` (`SHARED_PAGES` or `SHARED_SOURCES`). When the folder is
 * absent this prints the group's one skip line, once, at collection time, and the title carries the reason.
 */
export function needsShared(folder: string, name: string): SharedGroup {
  if (isPresent(folder)) return { isAbsent: false, title: name };
  const reason = `${process.env.GLOSS_SHARED_DIR ? folder : relative(REPO_ROOT, folder)} absent`;
  console.log(`skipped: ${name} (${reason})`);
  return { isAbsent: true, title: `${name} (skipped: ${reason})` };
}
