/**
 * Where a text stops being JSON, and why, in words that never quote the text. Engines word their own
 * SyntaxError differently: V8 (Node 20, Chrome) names the position for some mistakes but for the commonest
 * ("Unexpected token") quotes the file instead, and Firefox gives a line and column. Reading their messages
 * would give a position only sometimes and could echo garbled bytes, so this small strict scanner (RFC 8259)
 * finds the first mistake itself. It runs only after `JSON.parse` has already refused the text, and keeps
 * its own stack rather than recursing, so a file of a million `[` cannot overflow the call stack.
 */

/** What the scanner expected where the text went wrong. */
export type JsonMistake =
  | 'ends-early'
  | 'value'
  | 'property-name'
  | 'colon'
  | 'comma-or-brace'
  | 'comma-or-bracket'
  | 'control-in-string'
  | 'bad-escape'
  | 'text-after-end';

/** The first mistake in a text and its place (a UTF-16 offset). */
export interface JsonSyntaxError {
  offset: number;
  mistake: JsonMistake;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

/** The end of the string starting at `from` (a `"`), or the mistake inside it. */
function scanString(text: string, from: number): number | JsonSyntaxError {
  let i = from + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, mistake: 'control-in-string' };
    if (code === 0x5c) {
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) return { offset: i, mistake: 'bad-escape' };
      i = ESCAPE.lastIndex;
    } else i++;
  }
  return { offset: text.length, mistake: 'ends-early' };
}

/** The end of the scalar (string, number, literal) at `from`, or the mistake there. */
function scanScalar(text: string, from: number): number | JsonSyntaxError {
  if (text[from] === '"') return scanString(text, from);
  for (const pattern of [NUMBER, LITERAL]) {
    pattern.lastIndex = from;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return { offset: from, mistake: 'value' };
}

/** The first mistake in `text` as JSON, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: string[] = [];
  const at = (offset: number, mistake: JsonMistake): JsonSyntaxError =>
    offset >= text.length ? { offset: text.length, mistake: 'ends-early' } : { offset, mistake };
  let i = skipSpace(text, 0);
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (expect === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        i = skipSpace(text, i + 1);
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          expect = 'after';
        } else {
          open.push(c);
          expect = c === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (i >= text.length) return at(i, 'value');
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'after';
    } else if (expect === 'key') {
      if (text[i] !== '"') return at(i, 'property-name');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = skipSpace(text, end);
      if (text[i] !== ':') return at(i, 'colon');
      i = skipSpace(text, i + 1);
      expect = 'value';
    } else {
      i = skipSpace(text, i);
      const top = open.at(-1);
      if (top === undefined) return i < text.length ? { offset: i, mistake: 'text-after-end' } : undefined;
      if (text[i] === ',') {
        i = skipSpace(text, i + 1);
        expect = top === '{' ? 'key' : 'value';
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else return at(i, top === '{' ? 'comma-or-brace' : 'comma-or-bracket');
    }
  }
}

/** The 1-based line and column of `offset`, counting `\n`, `\r\n` and a lone `\r` as line breaks. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Counted in characters as a reader sees them, so an emoji before the mistake counts once.
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}
