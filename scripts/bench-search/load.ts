/**
 * Loads the generated library into the running extension through the reader's own import paths: the
 * glossary import (Gloss JSON: entities, then sources) and the notes import (W3C Web Annotation JSON-LD),
 * sent from the dashboard page as its Import buttons send them.
 */
import type { Page } from 'playwright-core';
import type { GlossaryImportOutcome } from '../../src/shared/library/library-types';
import type { ImportSummary } from '../../src/shared/protocol';
import { inPage } from './browser';
import { sendRequest } from './in-page';

/** How long each kind of import took, ms. */
export interface LoadTimes {
  glossaryMs: number[];
  notesMs: number[];
}

/** Imports every file; throws when any is refused or skips anything, since the figures would then be for less. */
export async function loadLibrary(
  page: Page,
  files: { glossary: string[]; notes: string[] },
  log: (msg: string) => void,
): Promise<LoadTimes> {
  const times: LoadTimes = { glossaryMs: [], notesMs: [] };
  for (const [i, text] of files.glossary.entries()) {
    const t0 = performance.now();
    // `choices: {}` takes the first claimant of any conflict; the generator makes none.
    const outcome = (await inPage(page, sendRequest, {
      type: 'importGlossary',
      args: { text, format: 'json', choices: {} },
    })) as GlossaryImportOutcome;
    times.glossaryMs.push(performance.now() - t0);
    if (outcome.status !== 'imported')
      throw new Error(`glossary file ${i + 1} was not imported: ${JSON.stringify(outcome).slice(0, 600)}`);
    log(
      `glossary file ${i + 1}/${files.glossary.length}: ${outcome.added} added, ${times.glossaryMs.at(-1)!.toFixed(0)} ms`,
    );
  }
  for (const [i, text] of files.notes.entries()) {
    const t0 = performance.now();
    const summary = (await inPage(page, sendRequest, {
      type: 'importNotes',
      args: { text },
    })) as ImportSummary;
    times.notesMs.push(performance.now() - t0);
    if (summary.skipped.length > 0)
      throw new Error(
        `notes file ${i + 1} skipped ${summary.skipped.length}: ${JSON.stringify(summary.skipped[0])}`,
      );
    log(
      `notes file ${i + 1}/${files.notes.length}: ${summary.added} added, ${times.notesMs.at(-1)!.toFixed(0)} ms`,
    );
  }
  return times;
}
