/**
 * Prints the top 20 entity suggestions for each built-in source article (known = the built-in entities'
 * names and aliases) and for five saved news pages in ../shared/pages, so their precision can be judged by
 * hand (issue 13 requires the figure; the judged lists are in docs/suggestions.md).
 *
 *   npx tsx scripts/suggest-precision.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENTITIES } from '../src/kb/entities/index';
import { SOURCES } from '../src/kb/sources/index';
import {
  type EntitySuggestion,
  suggestEntities,
  type TextBlock,
} from '../src/shared/suggest/suggest-entities';
import { pageBlocks } from '../tests/unit/shared/matcher/corpus-scan';

const PAGES = resolve(import.meta.dirname, '..', process.env.GLOSS_SHARED_DIR || '../shared', 'pages');
/**
 * Five saved news pages about cyber, technology or Asia: a CNN article page, and the RSS digests of two
 * security news sites, an English-language Japanese site and a Japanese tech site (Japanese text).
 */
const PAGE_FILES = [
  'aeb__cnn-2019-11-18-us-china-trade-war_d605bdef.html',
  'rss2023__2023-08-29_securityaffairs.md',
  'rss2023__2023-09-27_bleepingcomputer.md',
  'rss2023__2023-11-02_japantoday.md',
  'rss2023__2023-09-28_gigazine.md',
];

/**
 * An RSS digest's text blocks: "## " lines are headlines, other lines are the excerpts (their HTML tags
 * dropped); the feed's own lines (links, dates, "# Source:") are furniture.
 */
function digestBlocks(path: string): TextBlock[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^(?:# |\s*- )/.test(line))
    .map((line) => {
      const text = line
        .replace(/^## /, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&(\w+);/g, (m, name: string) => entities[name] ?? m)
        .trim();
      return { kind: line.startsWith('## ') ? ('heading' as const) : ('paragraph' as const), text };
    });
}

const known = ENTITIES.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]);

function print(title: string, blocks: readonly TextBlock[], knownNames: readonly string[] = known): void {
  const started = performance.now();
  const top = suggestEntities(blocks, { known: knownNames, limit: 20 });
  const ms = (performance.now() - started).toFixed(1);
  console.log(`\n## ${title} (${blocks.length} blocks, ${ms} ms)`);
  top.forEach((s: EntitySuggestion, i) => {
    const aliases = s.aliases.length > 0 ? ` [${s.aliases.join(', ')}]` : '';
    console.log(
      `${String(i + 1).padStart(2)}. ${s.name}${aliases}  ${s.type ?? '-'}  ${s.reason} ×${s.occurrences} (${s.score})`,
    );
  });
}

for (const source of SOURCES) print(`source: ${source.id}`, source.blocks);
// The built-in entities came from these two articles, so with them known little is left; with nothing known,
// the list shows how many of the knowledge base's entities the suggester would have proposed by itself.
for (const source of SOURCES) print(`source: ${source.id}, nothing known`, source.blocks, []);

if (existsSync(PAGES)) {
  for (const file of PAGE_FILES) {
    const path = join(PAGES, file);
    if (!existsSync(path)) {
      console.log(`\n## ${file}: not in ${PAGES}`);
      continue;
    }
    const blocks = file.endsWith('.md')
      ? digestBlocks(path)
      : pageBlocks(path).map((text) => ({ kind: 'paragraph' as const, text }));
    print(`page: ${file}`, blocks);
  }
} else {
  console.log(`\n${PAGES} is absent: only the built-in sources were measured.`);
}
