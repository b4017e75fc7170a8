/**
 * The library as the files a reader would import: Gloss JSON glossaries (entities and sources) and W3C
 * Web Annotation JSON-LD (notes), each cut to stay under its format's limits (docs/glossary.md: 5 MB;
 * docs/notes.md: 10 MB and 10,000 annotations), so the bench loads through the real import paths.
 */
import { MAX_GLOSSARY_BYTES } from '../../src/shared/kb/glossary-csv';
import { type GlossaryJsonSource, writeGlossaryJson } from '../../src/shared/kb/glossary-json';
import { MAX_ANNOTATIONS, MAX_FILE_BYTES } from '../../src/shared/notes/web-annotation/import-limits';
import { toJsonLd } from '../../src/shared/notes/web-annotation/jsonld-export';
import { utf8ByteLength } from '../../src/shared/utf8';
import { toGlossaryEntity } from './entities';
import type { BenchLibrary } from './library';
import { toGlossarySource } from './sources';

const EXPORTED_AT = Date.UTC(2026, 11, 1);

/** Splits `items` into runs whose rendering stays under `maxBytes` (halving a run until it fits). */
function chunked<T>(items: readonly T[], render: (part: readonly T[]) => string, maxBytes: number): string[] {
  const out: string[] = [];
  const pending: T[][] = [[...items]];
  while (pending.length > 0) {
    const part = pending.shift()!;
    const text = render(part);
    if (utf8ByteLength(text) <= maxBytes || part.length === 1) {
      out.push(text);
      continue;
    }
    const half = Math.ceil(part.length / 2);
    pending.unshift(part.slice(0, half), part.slice(half));
  }
  return out;
}

/**
 * Gloss JSON files, each under 95% of 5 MB: the first holds every entity and as many sources as fit beside
 * them (the format carries both, as an export does), the rest the other sources.
 */
export function glossaryFiles(library: BenchLibrary): string[] {
  const max = MAX_GLOSSARY_BYTES * 0.95;
  const exportedAt = new Date(EXPORTED_AT).toISOString();
  const entities = library.entities.map(toGlossaryEntity);
  const sources = library.sources.map(toGlossarySource);
  const write = (part: readonly GlossaryJsonSource[], withEntities: boolean) =>
    writeGlossaryJson({ exportedAt, entities: withEntities ? entities : [], sources: [...part] });
  // A source's share of a file, estimated from its own JSON (the file indents it 4 more spaces a line).
  const room = max - utf8ByteLength(write([], true));
  let used = 0;
  let first = 0;
  for (const source of sources) {
    const json = JSON.stringify(source, null, 2);
    used += utf8ByteLength(json) + 4 * json.split('\n').length + 2;
    if (used > room) break;
    first++;
  }
  const head = chunked(sources.slice(0, first), (part) => write(part, true), max);
  if (head.length > 1) throw new Error('the estimate of what fits beside the entities was wrong');
  return [
    ...(first > 0 ? head : [write([], true)]),
    ...chunked(sources.slice(first), (part) => write(part, false), max),
  ];
}
/** JSON-LD files of at most 5,000 notes and 95% of 10 MB each. */
export function noteFiles(library: BenchLibrary): string[] {
  const render = (notes: readonly (typeof library.notes)[number][]) =>
    toJsonLd([...notes], { entityNames: {}, exportedAt: EXPORTED_AT });
  const runs: string[] = [];
  const per = Math.min(MAX_ANNOTATIONS, 5_000);
  for (let i = 0; i < library.notes.length; i += per)
    runs.push(...chunked(library.notes.slice(i, i + per), render, MAX_FILE_BYTES * 0.95));
  return runs;
}
