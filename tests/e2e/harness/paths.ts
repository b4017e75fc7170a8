/** Where the e2e harness finds the built extension, its own fixture pages and the shared corpus of real pages. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_PAGES } from '../../shared-folder';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The unpacked builds `npx tsx scripts/build.ts` writes. */
export const DIST = {
  chrome: join(REPO_ROOT, 'dist/chrome'),
  firefox: join(REPO_ROOT, 'dist/firefox'),
} as const;
/** Fixture pages written for these tests. */
export const FIXTURE_PAGES = join(REPO_ROOT, 'tests/fixtures/pages');
/** Real saved pages shared by the team, kept outside the repository (never copied into it; see shared-folder.ts). */
export const CORPUS_PAGES = SHARED_PAGES;

/** Throws a readable error when the extension has not been built. */
export function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}: run "npx tsx scripts/build.ts --no-zip" first.`);
  }
}
