/**
 * Whole-word rules that suit each script. JavaScript's `\b` only knows ASCII, so edges are judged by the
 * script of the alias's own first and last character:
 * - Latin (and digits): a Latin, Greek or Cyrillic letter, a digit or `_` may not touch it; CJK may
 *   ("LINEで送る" is the app).
 * - Devanagari: another Devanagari letter or sign may not touch it (बेका is not inside बेकार).
 * - Katakana: katakana or the long-vowel mark may not touch it (クアッド is not inside クアッドコア).
 * - Han and hiragana: no rule; Japanese and Chinese write without spaces, so those aliases are chosen to
 *   be distinctive instead.
 */

type EdgeScript = 'latin' | 'devanagari' | 'katakana' | 'free';

const LATIN_WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}\p{M}_]/u;
const DEVANAGARI_WORD = /[\p{Script=Devanagari}\p{M}]/u;
const KATAKANA_WORD = /[\p{Script=Katakana}\u30fc\uff70]/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}]/u;

function edgeScript(ch: string): EdgeScript {
  if (KATAKANA_WORD.test(ch)) return 'katakana';
  if (DEVANAGARI_WORD.test(ch)) return 'devanagari';
  if (HAN_OR_KANA.test(ch)) return 'free';
  if (LATIN_WORD.test(ch) || /\p{L}/u.test(ch)) return 'latin';
  return 'free'; // punctuation such as the final "." of "U.N."
}

function blocks(script: EdgeScript, neighbour: string): boolean {
  switch (script) {
    case 'latin':
      return LATIN_WORD.test(neighbour);
    case 'devanagari':
      return DEVANAGARI_WORD.test(neighbour);
    case 'katakana':
      return KATAKANA_WORD.test(neighbour);
    default:
      return false;
  }
}

/** The character at `i` of `text` as a full code point (surrogate pairs joined), or '' outside. */
function charAt(text: string, i: number): string {
  if (i < 0 || i >= text.length) return '';
  const cp = text.codePointAt(i)!;
  // Step back onto a high surrogate when `i` points at the low half.
  if (cp >= 0xdc00 && cp <= 0xdfff && i > 0) return String.fromCodePoint(text.codePointAt(i - 1)!);
  return String.fromCodePoint(cp);
}

/** Edge scripts of an alias, computed once per alias. */
export interface AliasEdges {
  first: EdgeScript;
  last: EdgeScript;
}

/** Classifies an alias's first and last characters. */
export function aliasEdges(alias: string): AliasEdges {
  const chars = [...alias.trim()];
  return { first: edgeScript(chars[0] ?? ''), last: edgeScript(chars[chars.length - 1] ?? '') };
}

/**
 * Whether `text[start, end)` stands as a whole word. Besides the script rules, a Latin alias followed by
 * "-<digit>" or ".<letter>" is part of a longer token (LINE-1 retrotransposons, huawei.com), and so is one
 * preceded by "<alnum>." or "@".
 */
export function isWholeWord(text: string, start: number, end: number, edges: AliasEdges): boolean {
  const before = charAt(text, start - 1);
  const after = charAt(text, end);
  if (before && blocks(edges.first, before)) return false;
  if (after && blocks(edges.last, after)) return false;
  if (
    edges.last === 'latin' &&
    (after === '-' || after === '.' || after === '\u2010' || after === '\u2011')
  ) {
    const next = charAt(text, end + 1);
    if (after === '.' ? /[\p{L}\p{N}]/u.test(next) : /\p{N}/u.test(next)) return false;
  }
  if (edges.first === 'latin') {
    if (before === '@') return false;
    if (before === '.' && /[\p{L}\p{N}]/u.test(charAt(text, start - 2))) return false;
  }
  return true;
}

/** How far to look for the edges of the whitespace-delimited token around a match. */
const TOKEN_REACH = 300;

/**
 * Whether the match sits inside a URL or e-mail address shown as text ("…/banning-huawei-and-zte-5g…"):
 * a slug is not a mention a reader wants explained, and marking half a link looks broken.
 */
export function isInsideUrl(text: string, start: number, end: number): boolean {
  let a = start;
  const minA = Math.max(0, start - TOKEN_REACH);
  while (a > minA && !/\s/.test(text[a - 1]!)) a--;
  let b = end;
  const maxB = Math.min(text.length, end + TOKEN_REACH);
  while (b < maxB && !/\s/.test(text[b]!)) b++;
  const token = text.slice(a, b);
  return /[a-z][a-z0-9+.-]*:\/\/|^\(?www\.|[\w.-]+@[\w-]+\.[\w.]+/i.test(token);
}
