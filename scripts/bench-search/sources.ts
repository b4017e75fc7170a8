/**
 * The bench library's sources: news articles of about 2,000 words in English, Japanese or Hindi (a third
 * each), built sentence by sentence from templates that read like cyber-policy news and name a cast of
 * entities by the names a text in that language would use.
 */
import type { GlossaryJsonSource } from '../../src/shared/kb/glossary-json';
import { type BenchEntity, uuidFrom } from './entities';
import type { Rng } from './rng';
import * as W from './words';

export const SOURCE_LANGS = ['en', 'ja', 'hi'] as const;
export type SourceLang = (typeof SOURCE_LANGS)[number];

/** Words a source aims for; it ends at the first sentence that reaches it. */
export const SOURCE_WORDS = 2_000;

const jaWords = new Intl.Segmenter('ja', { granularity: 'word' });

/** Words in `text`: space-separated for English and Hindi, dictionary words (Intl.Segmenter) for Japanese. */
export function countWords(text: string, lang: SourceLang): number {
  if (lang !== 'ja') return text.split(/\s+/).filter(Boolean).length;
  let n = 0;
  for (const s of jaWords.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** The name a text in `lang` calls an entity by. */
export function nameIn(e: BenchEntity, lang: SourceLang, rng: Rng): string {
  if (lang === 'ja' && e.nameJa) return e.nameJa;
  if (lang === 'hi' && e.nameHi) return e.nameHi;
  if (e.acronym && rng.chance(0.4)) return e.acronym;
  return e.name;
}

type Sentence = (rng: Rng, e1: string, e2: string) => string;

const EN_SENTENCES: Sentence[] = [
  (r, a, b) =>
    `${a} said on ${r.pick(W.EN.days)} that ${b} had ${r.pick(W.EN.verbsPast)} a ${r.pick(W.EN.incidents)} against ${r.pick(W.EN.sectors)} networks in ${r.pick(W.COUNTRIES)}.`,
  (r, a) =>
    `Officials at ${a} warned that ${r.pick(W.EN.incidents)}s targeting the ${r.pick(W.EN.sectors)} sector ${r.pick(W.EN.trends)} over the past ${r.pick(W.EN.periods)}.`,
  (r) =>
    `The ${r.pick(W.EN.policies)} would require ${r.pick(W.EN.sectors)} operators to report a ${r.pick(W.EN.incidents)} within ${r.between(6, 72)} hours.`,
  (r, a, b) =>
    `Analysts linked the ${r.pick(W.EN.tools)} found at a ${r.pick(W.EN.sectors)} firm to ${a}, which ${b} also tracks.`,
  (r, a, b) =>
    `${a} and ${b} signed a memorandum to share indicators of ${r.pick(W.EN.incidents)}s affecting ${r.pick(W.EN.sectors)} systems.`,
  (r, a) =>
    `A spokesperson for ${a} declined to comment on the ${r.pick(W.EN.incidents)} but said the ${r.pick(W.EN.policies)} was under review.`,
];

const JA_SENTENCES: Sentence[] = [
  (r, a, b) =>
    `${a}は${r.pick(W.JA.days)}、${b}が${r.pick(W.COUNTRIES_JA)}の${r.pick(W.JA.sectors)}分野を狙った${r.pick(W.JA.incidents)}について${r.pick(W.JA.verbsPast)}と発表した。`,
  (r, a) =>
    `${a}の担当者によると、${r.pick(W.JA.sectors)}分野を標的とする${r.pick(W.JA.incidents)}は過去${r.between(2, 24)}か月で${r.pick(W.JA.trends)}という。`,
  (r) =>
    `政府は${r.pick(W.JA.policies)}に基づき、${r.pick(W.JA.sectors)}事業者に対して${r.pick(W.JA.incidents)}を${r.between(6, 72)}時間以内に報告するよう求める。`,
  (r, a) =>
    `専門家は${r.pick(W.JA.sectors)}企業で見つかった${r.pick(W.JA.tools)}について、${a}との関連を指摘している。`,
  (r, a, b) =>
    `${a}と${b}は、${r.pick(W.JA.sectors)}システムに影響する${r.pick(W.JA.incidents)}の情報を共有する覚書に署名した。`,
];

const HI_SENTENCES: Sentence[] = [
  (r, a, b) =>
    `${a} ने ${r.pick(W.HI.days)} को बताया कि ${b} ने ${r.pick(W.COUNTRIES_HI)} में ${r.pick(W.HI.sectors)} नेटवर्क पर ${r.pick(W.HI.incidents)} का ${r.pick(W.HI.verbsPast)}।`,
  (r, a) =>
    `${a} के अधिकारियों के अनुसार पिछले ${r.between(2, 24)} महीनों में ${r.pick(W.HI.sectors)} क्षेत्र पर ${r.pick(W.HI.incidents)} ${r.pick(W.HI.trends)}।`,
  (r) =>
    `${r.pick(W.HI.policies)} के तहत ${r.pick(W.HI.sectors)} कंपनियों को ${r.between(6, 72)} घंटे के भीतर ${r.pick(W.HI.incidents)} की रिपोर्ट करनी होगी।`,
  (r, a) => `विशेषज्ञों ने ${r.pick(W.HI.sectors)} कंपनी में मिले ${r.pick(W.HI.tools)} को ${a} से जोड़ा है।`,
  (r, a, b) =>
    `${a} और ${b} ने ${r.pick(W.HI.sectors)} प्रणालियों को प्रभावित करने वाले ${r.pick(W.HI.incidents)} की जानकारी साझा करने के लिए समझौता किया।`,
];

const SENTENCES: Record<SourceLang, Sentence[]> = { en: EN_SENTENCES, ja: JA_SENTENCES, hi: HI_SENTENCES };
const JOIN: Record<SourceLang, string> = { en: ' ', ja: '', hi: ' ' };

const heading = (lang: SourceLang, r: Rng): string => {
  const k = r.int(W.COUNTRIES.length);
  if (lang === 'ja') return `${W.COUNTRIES_JA[k]}の反応`;
  if (lang === 'hi') return `${W.COUNTRIES_HI[k]} में प्रतिक्रिया`;
  return `Reaction in ${W.COUNTRIES[k]}`;
};

const title = (lang: SourceLang, r: Rng, who: string): string => {
  if (lang === 'ja') return `${who}、${r.pick(W.JA.sectors)}分野への${r.pick(W.JA.incidents)}に警鐘`;
  if (lang === 'hi')
    return `${who} ने ${r.pick(W.HI.sectors)} नेटवर्क पर ${r.pick(W.HI.incidents)} की चेतावनी दी`;
  return `${who} warns of ${r.pick(W.EN.incidents)}s against ${r.pick(W.EN.sectors)} networks`;
};

/** A source with the bench's own bookkeeping: its language, word count and the entities it names. */
export interface BenchSource extends GlossaryJsonSource {
  lang: SourceLang;
  words: number;
  entityIds: string[];
}

/** Source `index` of the library; `deepWord`, when given, is planted in a sentence past 80% of the text. */
export function generateSource(
  rng: Rng,
  index: number,
  entities: readonly BenchEntity[],
  deepWord: string | undefined,
): BenchSource {
  const lang = SOURCE_LANGS[index % SOURCE_LANGS.length]!;
  const cast = Array.from({ length: 12 }, () => rng.pick(entities));
  const name = (): string => nameIn(rng.pick(cast), lang, rng);
  const blocks: GlossaryJsonSource['blocks'] = [];
  let words = 0;
  let paragraphs = 0;
  let planted = deepWord === undefined;
  while (words < SOURCE_WORDS) {
    if (paragraphs > 0 && paragraphs % 6 === 0) blocks.push({ kind: 'heading', text: heading(lang, rng) });
    const sentences: string[] = [];
    for (let n = rng.between(3, 6); n > 0 && words < SOURCE_WORDS; n--) {
      let sentence = rng.pick(SENTENCES[lang])(rng, name(), name());
      if (!planted && words > SOURCE_WORDS * 0.8) {
        sentence = `${sentence}${JOIN[lang]}Researchers named the implant ${deepWord} in a report.`;
        planted = true;
      }
      words += countWords(sentence, lang);
      sentences.push(sentence);
    }
    blocks.push({ kind: 'paragraph', text: sentences.join(JOIN[lang]) });
    paragraphs++;
  }
  const site = W.SITES[index % W.SITES.length]!;
  const day = 1 + (index % 28);
  return {
    id: uuidFrom(rng),
    url: `https://${site}/${lang}/2026/${index + 1}`,
    title: title(lang, rng, name()),
    author: `${rng.pick(W.GIVEN_NAMES)} ${rng.pick(W.FAMILY_NAMES)}`,
    siteName: site,
    publishedAt: `2026-${String(1 + (index % 11)).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:00:00.000Z`,
    lang,
    blocks,
    isTruncated: false,
    addedAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    words,
    entityIds: [...new Set(cast.map((e) => e.id))],
  };
}

/** The source as the glossary file has it (without the bench's own fields). */
export function toGlossarySource(s: BenchSource): GlossaryJsonSource {
  const { words: _w, entityIds: _e, ...source } = s;
  return source;
}
