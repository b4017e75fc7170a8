/**
 * The real pages the benchmark loads. They are third-party test data kept outside the project
 * (`../shared/pages`, see its SOURCES.md) and never copied into it, so the bench stops with a clear message
 * when that folder is missing instead of measuring nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One saved page: a short label for the report and its file name in the corpus folder. */
export interface CorpusPage {
  label: string;
  file: string;
}

/** The large pages the speed goal names (the issue lists the first five), plus one more large CNN page. */
export const LARGE_PAGES: readonly CorpusPage[] = [
  { label: 'wikipedia-2', file: 'readability__wikipedia-2.html' },
  { label: 'reddit', file: 'postlight__www.reddit.com--external-link.html' },
  { label: 'archive-of-our-own', file: 'readability__archive-of-our-own.html' },
  { label: 'wired', file: 'fundus__us_Wired_2024_04_28.html' },
  { label: 'cnn_001', file: 'newspaper4k__cnn_001.html' },
  { label: 'cnn-2019 (aeb)', file: 'aeb__cnn-2019-11-18-us-china-trade-war_d605bdef.html' },
];

/** Checks that every page is present; returns an explanation of what is missing, or undefined. */
export function missingCorpus(dir: string, pages: readonly CorpusPage[]): string | undefined {
  if (!existsSync(dir)) return `the test-page corpus ${dir} is absent`;
  const missing = pages.filter((p) => !existsSync(join(dir, p.file))).map((p) => p.file);
  return missing.length > 0 ? `missing in ${dir}: ${missing.join(', ')}` : undefined;
}
