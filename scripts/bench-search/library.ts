/**
 * The search bench's library, generated from one seed: 5,000 entities (about 20,000 aliases), 500 sources
 * of about 2,000 words (a third each English, Japanese, Hindi) and 10,000 notes. Same seed, same library.
 */

import type { NoteView } from '../../src/shared/notes/note-types';
import { type BenchEntity, generateEntities } from './entities';
import { generateNotes } from './notes';
import { makeRng } from './rng';
import { type BenchSource, generateSource } from './sources';
import { DEEP_WORDS } from './words';

/** How much to generate. */
export interface LibrarySize {
  entities: number;
  sources: number;
  notes: number;
}

/** The sizes issue 14 names. */
export const FULL_SIZE: LibrarySize = { entities: 5_000, sources: 500, notes: 10_000 };

/** The generated library. */
export interface BenchLibrary {
  seed: number;
  entities: BenchEntity[];
  sources: BenchSource[];
  notes: NoteView[];
  /** Which source each of `DEEP_WORDS` was planted in (by index). */
  deepWordSources: Record<string, number>;
}

/** The library for `seed` (default sizes: FULL_SIZE). */
export function generateLibrary(seed: number, size: LibrarySize = FULL_SIZE): BenchLibrary {
  const rng = makeRng(seed);
  const entities = generateEntities(rng, size.entities);
  // English sources (every third from 0), spread through the library.
  const deepWordSources: Record<string, number> = {};
  DEEP_WORDS.forEach((word, k) => {
    const index = 3 * ((k * 41 + 11) % Math.max(1, Math.floor(size.sources / 3)));
    if (index < size.sources) deepWordSources[word] = index;
  });
  const planted = new Map(Object.entries(deepWordSources).map(([word, index]) => [index, word]));
  const sources = Array.from({ length: size.sources }, (_, i) =>
    generateSource(rng, i, entities, planted.get(i)),
  );
  const notes = generateNotes(rng, size.notes, sources, entities);
  return { seed, entities, sources, notes, deepWordSources };
}
