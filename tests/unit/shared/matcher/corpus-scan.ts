/**
 * Reads the visible text of a saved page the way the content script does (same block walker and skip
 * rules) in a happy-dom window that never loads scripts, styles, frames or anything from the network.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { collectBlocks } from '../../../../src/content/scan/text-blocks';
import type { Matcher } from '../../../../src/shared/matcher/matcher';

/** One mention found in a page: entity id and the text as the page shows it. */
export interface PageMention {
  entityId: string;
  text: string;
}

/** Every mention the matcher finds in the page's text blocks. */
export function scanPage(path: string, matcher: Matcher): PageMention[] {
  const blocks = pageBlocks(path);
  return blocks.flatMap((text, i) =>
    matcher
      .find(text, { before: blocks[i - 1], after: blocks[i + 1] })
      .map((m) => ({ entityId: m.entityId, text: text.slice(m.start, m.end) })),
  );
}

/** A happy-dom window at `url` that runs no script and loads no script, style sheet or frame. */
export function inertWindow(url: string): Window {
  return new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
}

/**
 * A saved page in a happy-dom window that never runs scripts or loads anything. Close it with
 * `window.happyDOM.close()` when done.
 */
export function loadSavedPage(path: string): Window {
  // A fake origin for relative URLs; nothing is ever fetched.
  const window = inertWindow('https://corpus.invalid/');
  const html = readFileSync(path, 'utf8');
  const bodyAt = html.search(/<body[\s>]/i);
  if (bodyAt >= 0) {
    // Only the body is parsed: given a whole document, happy-dom 18 puts the entire body of some pages
    // (the Asahi one) into <head>, where no text is read, and the page would silently count as empty.
    window.document.body.innerHTML = html
      .slice(bodyAt)
      .replace(/^<body[^>]*>/i, '')
      .replace(/<\/body>[\s\S]*$/i, '');
  } else {
    window.document.documentElement.innerHTML = html
      .replace(/^[\s\S]*?<html[^>]*>/i, '')
      .replace(/<\/html>[\s\S]*$/i, '');
  }
  return window;
}

/** The page's visible text blocks, as the content script reads them. */
export function pageBlocks(path: string): string[] {
  const window = loadSavedPage(path);
  try {
    const blocks: string[] = [];
    collectBlocks(window.document.body as unknown as Node, null, (block) => blocks.push(block.text));
    return blocks;
  } finally {
    void window.happyDOM.close();
  }
}
