/**
 * The bench library's notes: passage notes quoting a sentence of a source (with the text around it, as
 * the editor stores it) and page notes about other news pages, with tags, colours, titles and addresses;
 * their comments are in the source's language, so about a third each are Japanese and Hindi among passage
 * notes, and some page notes are too.
 */
import { NOTE_COLORS, type NoteView } from '../../src/shared/notes/note-types';
import { type BenchEntity, uuidFrom } from './entities';
import type { Rng } from './rng';
import { type BenchSource, nameIn, type SourceLang } from './sources';
import * as W from './words';

/** Share of notes that quote a passage (the rest are page notes). */
export const PASSAGE_SHARE = 0.65;

type Comment = (r: Rng, who: string) => string;

const COMMENTS: Record<SourceLang, Comment[]> = {
  en: [
    (r, who) => `Worth comparing with the ${r.pick(W.EN.policies)}; ${who} keeps coming up.`,
    (r, who) => `Second report this month tying ${who} to ${r.pick(W.EN.sectors)} targets.`,
    (r) => `Check whether the ${r.pick(W.EN.tools)} matches last year's ${r.pick(W.EN.incidents)}.`,
    (_r, who) => `Quote for the briefing on ${who}.`,
  ],
  ja: [
    (r, who) => `${who}の動向は${r.pick(W.JA.policies)}と合わせて確認する。`,
    (r, who) => `${who}と${r.pick(W.JA.sectors)}分野の関係について要約に使う。`,
    (r) => `${r.pick(W.JA.incidents)}の件、続報を待つ。`,
  ],
  hi: [
    (r, who) => `${who} के बारे में ${r.pick(W.HI.policies)} से तुलना करें।`,
    (r, who) => `${who} और ${r.pick(W.HI.sectors)} क्षेत्र पर अगली रिपोर्ट देखें।`,
    (r) => `${r.pick(W.HI.incidents)} पर ब्रीफिंग के लिए उद्धरण।`,
  ],
};

const SENTENCE_END = /(?<=[.。।])\s*/u;

const clock = (index: number): number => Date.UTC(2026, 0, 1) + index * 47 * 60_000;

function tags(rng: Rng): string[] {
  const n = rng.chance(0.4) ? 0 : rng.between(1, 3);
  return [...new Set(Array.from({ length: n }, () => rng.pick(W.TAGS)))];
}

function passageNote(rng: Rng, index: number, source: BenchSource, byId: Map<string, BenchEntity>): NoteView {
  const paragraphs = source.blocks.filter((b) => b.kind === 'paragraph');
  const text = rng.pick(paragraphs).text;
  const sentences = text.split(SENTENCE_END).filter(Boolean);
  const exact = rng.pick(sentences);
  const start = text.indexOf(exact);
  const who = byId.get(rng.pick(source.entityIds))!;
  const body = rng.chance(0.15) ? '' : rng.pick(COMMENTS[source.lang])(rng, nameIn(who, source.lang, rng));
  return {
    id: uuidFrom(rng),
    url: source.url,
    pageKey: source.url,
    site: source.siteName ?? '',
    title: source.title,
    lang: source.lang,
    anchor: {
      quote: {
        exact,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + exact.length, start + exact.length + 32),
      },
    },
    body,
    color: rng.pick(NOTE_COLORS),
    tags: tags(rng),
    deleted: false,
    createdAt: clock(index),
    updatedAt: clock(index),
  };
}

function pageNote(rng: Rng, index: number, entities: readonly BenchEntity[]): NoteView {
  const lang: SourceLang = rng.chance(0.7) ? 'en' : rng.pick(['ja', 'hi'] as const);
  const who = rng.pick(entities);
  const name = nameIn(who, lang, rng);
  const site = rng.pick(W.SITES);
  const title =
    lang === 'ja'
      ? `${name}に関する${rng.pick(W.JA.incidents)}の分析`
      : lang === 'hi'
        ? `${name} और ${rng.pick(W.HI.incidents)} का विश्लेषण`
        : `What we know about ${name} and the ${rng.pick(W.EN.incidents)}`;
  return {
    id: uuidFrom(rng),
    url: `https://${site}/analysis/${index + 1}`,
    pageKey: `https://${site}/analysis/${index + 1}`,
    site,
    title,
    lang,
    anchor: null,
    body: rng.pick(COMMENTS[lang])(rng, name),
    color: rng.pick(NOTE_COLORS),
    tags: tags(rng),
    deleted: false,
    createdAt: clock(index),
    updatedAt: clock(index),
  };
}

/** `count` notes over `sources` and `entities`. */
export function generateNotes(
  rng: Rng,
  count: number,
  sources: readonly BenchSource[],
  entities: readonly BenchEntity[],
): NoteView[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  return Array.from({ length: count }, (_, i) =>
    rng.chance(PASSAGE_SHARE) ? passageNote(rng, i, rng.pick(sources), byId) : pageNote(rng, i, entities),
  );
}
