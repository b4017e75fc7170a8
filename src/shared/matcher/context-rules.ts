/**
 * The context half of an alias rule: cues that must (or must not) appear nearby, all-caps "shouting"
 * text, and the before/after patterns that reject look-alikes (Cicada 3301, Quad bikes, China's Ministry
 * of Defense). Only candidate matches reach this code, so it favours clarity over speed.
 */
import type { AliasRule } from '../kb-types';

/** How far either side of a match cues are looked for (into the neighbouring blocks when a block is short). */
export const CUE_WINDOW = 200;
/** How much text the reject patterns see on each side. */
const REJECT_WINDOW = 60;

/** An alias rule with its patterns compiled once. */
export interface CompiledContext {
  cues?: RegExp;
  vetoCues?: RegExp;
  shoutingNeedsCue: boolean;
  rejectBefore?: RegExp;
  rejectAfter?: RegExp;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatinWordChar = /[\p{Script=Latin}\p{N}]/u;

/**
 * One regular expression for a list of cue phrases, whole-word where a phrase's edge is Latin. Phrases are
 * grouped by which edges need a boundary so each group's lookarounds stand outside one alternation, and
 * matching is done on lower-cased text without the `i` flag: a case-insensitive `\p{L}` class inside
 * per-phrase lookarounds took Chromium 4 to 20 ms to compile per pattern, on every page.
 */
function cueRegExp(phrases: readonly string[] | undefined): RegExp | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const groups = new Map<string, string[]>();
  for (const raw of phrases) {
    const phrase = raw.trim().toLowerCase();
    const head = isLatinWordChar.test(phrase[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
    const tail = isLatinWordChar.test(phrase.slice(-1)) ? '(?![\\p{L}\\p{N}_])' : '';
    const body = escapeRegExp(phrase).replace(/\s+/g, '[\\s\\u00a0-]+');
    const key = `${head}\u0000${tail}`;
    groups.set(key, [...(groups.get(key) ?? []), body]);
  }
  const parts = [...groups].map(([key, bodies]) => {
    const [head, tail] = key.split('\u0000');
    return `${head}(?:${bodies.join('|')})${tail}`;
  });
  return new RegExp(parts.join('|'), 'u');
}

/** Compiles the context part of a rule; throws on an invalid pattern so the KB build fails loudly. */
export function compileContext(rule: AliasRule): CompiledContext {
  return {
    cues: cueRegExp(rule.cues),
    vetoCues: cueRegExp(rule.vetoCues),
    shoutingNeedsCue: rule.shoutingNeedsCue === true,
    rejectBefore: rule.rejectBefore ? new RegExp(`(?:${rule.rejectBefore})$`, 'u') : undefined,
    rejectAfter: rule.rejectAfter ? new RegExp(`^(?:${rule.rejectAfter})`, 'u') : undefined,
  };
}

/**
 * Whether a match sits in all-caps text: an all-caps word of two or more letters stands right beside it
 * ("BOTTOM LINE: the market…", "FRONT LINE"), or two or more of the three nearest Latin words on either
 * side are such words ("THERE IS A LINE", a Spanish heading "BECA DE ESTUDIO").
 */
export function isShouting(before: string, after: string): boolean {
  const isCaps = (w: string): boolean => w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase();
  const beside = [
    /(\p{L}+)[\s\u00a0\-\u2010-\u2014]*$/u.exec(before)?.[1],
    /^[\s\u00a0\-\u2010-\u2014]*(\p{L}+)/u.exec(after)?.[1],
  ];
  if (beside.some((w) => w !== undefined && isCaps(w))) return true;
  const words = (s: string): string[] => s.match(/\p{L}+/gu) ?? [];
  const near = [...words(before).slice(-3), ...words(after).slice(0, 3)];
  return near.filter(isCaps).length >= 2;
}

/** Text of the neighbouring blocks, so a headline can borrow cues from the paragraph under it. */
export interface Neighbours {
  before?: string;
  after?: string;
}

/** Up to `CUE_WINDOW` characters either side of a match, reaching into the neighbouring blocks. */
function cueWindow(text: string, start: number, end: number, near: Neighbours): string {
  let pre = text.slice(Math.max(0, start - CUE_WINDOW), start);
  if (start < CUE_WINDOW && near.before) pre = `${near.before.slice(-(CUE_WINDOW - start))}\n${pre}`;
  let post = text.slice(end, end + CUE_WINDOW);
  const room = CUE_WINDOW - (text.length - end);
  if (room > 0 && near.after) post = `${post}\n${near.after.slice(0, room)}`;
  // Before and after are joined by a line break so that no cue can be read across the match itself.
  return `${pre}\n${post}`;
}

/** Applies the context rules to the match `text[start, end)`. */
export function passesContext(
  ctx: CompiledContext,
  text: string,
  start: number,
  end: number,
  near: Neighbours = {},
): boolean {
  if (ctx.rejectBefore?.test(text.slice(Math.max(0, start - REJECT_WINDOW), start))) return false;
  if (ctx.rejectAfter?.test(text.slice(end, end + REJECT_WINDOW))) return false;
  // With `shoutingNeedsCue`, cues are wanted only in all-caps text; otherwise any cues are always wanted.
  const needsCue = ctx.shoutingNeedsCue
    ? isShouting(text.slice(Math.max(0, start - REJECT_WINDOW), start), text.slice(end, end + REJECT_WINDOW))
    : ctx.cues !== undefined;
  if (!needsCue && !ctx.vetoCues) return true;
  // Cue patterns hold lower-case phrases and no `i` flag (see cueRegExp).
  const around = cueWindow(text, start, end, near).toLowerCase();
  if (ctx.vetoCues?.test(around)) return false;
  if (needsCue) return ctx.cues?.test(around) === true;
  return true;
}
