/** The linear scan baseline's data: every note, source and entity as the text a reader could search for. */
import type { ScanData } from './in-page';
import type { BenchLibrary } from './library';

/** Each item's searchable fields joined, as a scan over the stored records would read them. */
export function scanData(library: BenchLibrary): ScanData {
  return {
    notes: library.notes.map((n) =>
      [n.title, n.url, n.body, n.anchor?.quote.exact ?? '', ...n.tags].join('\n'),
    ),
    sources: library.sources.map((s) =>
      [s.title, s.author ?? '', s.siteName ?? '', ...s.blocks.map((b) => b.text)].join('\n'),
    ),
    entities: library.entities.map((e) =>
      [e.name, ...e.aliases.map((a) => a.text), e.description].join('\n'),
    ),
  };
}
