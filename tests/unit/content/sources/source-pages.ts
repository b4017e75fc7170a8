/**
 * Pages for the source-extraction tests: whole HTML documents in their own happy-dom window, with nothing of
 * theirs loaded or run, and checks on the sources read from them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Window } from 'happy-dom';
import { expect } from 'vitest';
import { extractArticle } from '../../../../src/content/sources/extract-article';
import type { ExtractedSource, ExtractOutcome } from '../../../../src/shared/sources/source-types';
import { inertWindow } from '../../shared/matcher/corpus-scan';

export const PAGES = join(import.meta.dirname, '../../../fixtures/pages');
const windows: Window[] = [];

/** Closes every page opened since the last call (each test file calls it after each test). */
export async function closePages(): Promise<void> {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
}

/** A whole HTML page as a document at `url`, with none of its scripts, styles or frames loaded or run. */
export function pageOf(html: string, url = 'https://news.invalid/2024/story'): Document {
  const window = inertWindow(url);
  windows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

export const fixture = (name: string): Document => pageOf(readFileSync(join(PAGES, name), 'utf8'));

/** The source, failing the test with the reason when there is none. */
export function sourceOf(outcome: ExtractOutcome): ExtractedSource {
  if (outcome.kind !== 'article') expect.fail(`no article: ${outcome.reason}`);
  return outcome.source;
}

/** Extracts and checks the page is exactly as it was. */
export function extractUnchanged(doc: Document, maxChars?: number): ExtractOutcome {
  const before = doc.documentElement.outerHTML;
  const outcome = extractArticle(doc, maxChars === undefined ? undefined : { maxChars });
  expect(doc.documentElement.outerHTML).toBe(before);
  return outcome;
}

export const texts = (source: ExtractedSource): string[] => source.blocks.map((block) => block.text);
export const allText = (source: ExtractedSource): string => texts(source).join('\n');
export const headings = (source: ExtractedSource): string[] =>
  source.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);

/** Each of `parts` is the start of some block, in this order. */
export function expectInOrder(source: ExtractedSource, parts: string[]): void {
  const at = parts.map((part) => texts(source).findIndex((text) => text.startsWith(part)));
  expect(
    at.every((index) => index >= 0),
    `missing: ${parts.filter((_, i) => (at[i] ?? -1) < 0).join(' / ')}`,
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}
