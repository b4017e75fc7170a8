/**
 * Notes as Markdown, for reading and for pasting into other note tools (the export users ask for most,
 * after JSON). One section per page, the page with the most recent note first, its title a link to the
 * page; in each, the notes oldest first: the quoted passage as a block quote, the reader's text, then a
 * line with tags, colour and date. Notes about entities follow in "Notes on entities", one sub-section per
 * entity, by name. Dates are UTC days so the same notes always give the same file. Escaping rules are in
 * markdown-escape.ts.
 */
import type { NoteView } from '../note-types';
import { byCreation, isoTime } from './jsonld-export';
import { escapeBlockLine, escapeInline, markdownLink } from './markdown-escape';
import type { ExportOptions } from './types';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const day = (ms: number): string => isoTime(ms).slice(0, 10);

/** The reader's lines, each made safe; `prefix` starts every line (for block quotes). */
function lines(text: string, prefix: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const safe = escapeBlockLine(line);
      return safe ? `${prefix}${safe}` : prefix.trimEnd();
    })
    .join('\n');
}

/** Tags, colour and dates of a note, on one line. */
function details(note: NoteView, page?: string): string {
  const parts: string[] = [];
  if (page) parts.push(`Written on ${page}`);
  if (note.tags.length > 0) parts.push(`Tags: ${note.tags.map(escapeInline).join(', ')}`);
  parts.push(`Colour: ${note.color}`);
  const edited = day(note.updatedAt) !== day(note.createdAt) ? ` (edited ${day(note.updatedAt)})` : '';
  parts.push(`${day(note.createdAt)}${edited}`);
  return parts.join(' · ');
}

/** One note's blocks: quote, text, details. */
function noteBlocks(note: NoteView, page?: string): string[] {
  const blocks: string[] = [];
  if (note.anchor) blocks.push(lines(note.anchor.quote.exact, '> '));
  if (note.body.trim()) blocks.push(lines(note.body, ''));
  blocks.push(details(note, page));
  return blocks;
}

/** Notes grouped by `key`, each group sorted oldest first. */
function groupBy(notes: NoteView[], key: (note: NoteView) => string): Map<string, NoteView[]> {
  const groups = new Map<string, NoteView[]>();
  for (const note of notes) {
    const k = key(note);
    const list = groups.get(k);
    if (list) list.push(note);
    else groups.set(k, [note]);
  }
  for (const list of groups.values()) list.sort(byCreation);
  return groups;
}

/** Blocks of a section: a heading, then its notes separated by thematic breaks. */
function section(heading: string, notes: NoteView[], withPage: boolean): string[] {
  const blocks = [heading];
  notes.forEach((note, i) => {
    if (i > 0) blocks.push('* * *');
    blocks.push(...noteBlocks(note, withPage && note.url ? markdownLink(note.title, note.url) : undefined));
  });
  return blocks;
}

function pageSections(notes: NoteView[]): string[] {
  const groups = [...groupBy(notes, (note) => note.pageKey || note.url).entries()].map(([key, list]) => {
    const latest = list.reduce((max, note) => Math.max(max, note.updatedAt), 0);
    const titled = [...list].reverse().find((note) => note.title) ?? list[list.length - 1]!;
    return { key, list, latest, link: markdownLink(titled.title, titled.url) };
  });
  groups.sort((a, b) => b.latest - a.latest || compareText(a.key, b.key));
  return groups.flatMap((g) => section(`## ${g.link}`, g.list, false));
}

function entitySections(notes: NoteView[], names: Record<string, string>): string[] {
  if (notes.length === 0) return [];
  const nameOf = (id: string): string => (Object.hasOwn(names, id) ? names[id]! : id);
  const groups = [...groupBy(notes, (note) => note.entityId!).entries()];
  groups.sort(([a], [b]) => compareText(nameOf(a), nameOf(b)) || compareText(a, b));
  return [
    '## Notes on entities',
    ...groups.flatMap(([id, list]) => section(`### ${escapeInline(nameOf(id))}`, list, true)),
  ];
}

/** Every note that is not deleted, as a Markdown document (text ending in a newline). */
export function toMarkdown(notes: NoteView[], opts: ExportOptions): string {
  const kept = notes.filter((note) => !note.deleted);
  const onPages = kept.filter((note) => !note.entityId);
  const onEntities = kept.filter((note) => note.entityId);
  const when = isoTime(opts.exportedAt);
  const blocks = [
    '# Gloss notes',
    `Exported ${when.slice(0, 10)} at ${when.slice(11, 16)} UTC: ${plural(kept.length, 'note')}.`,
    ...pageSections(onPages),
    ...entitySections(onEntities, opts.entityNames),
  ];
  return `${blocks.join('\n\n')}\n`;
}
