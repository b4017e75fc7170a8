/**
 * Where things are in a JSON text, for the errors of a Gloss JSON glossary (glossary-json.ts): the line of a
 * syntax error, and the line a value at a path (`entities[3].aliases[1].text`) starts on. `JSON.parse` builds
 * the values; this only walks the text, iteratively (a hostile file nested a million deep costs no stack).
 */

/** One step of a path: an object's field or an array's index. */
export type PathKey = string | number;

/** A syntax error: where (an offset in the text) and what, in plain words. */
export interface JsonFault {
  offset: number;
  message: string;
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

/** A character as an error message names it. */
function shown(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === '\n' || char === '\r') return 'a line break';
  return `'${char}'`;
}

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  fail(message: string, offset = this.pos): never {
    throw new Fault(offset, message);
  }

  ws(): void {
    const t = this.text;
    let p = this.pos;
    while (p < t.length) {
      const c = t.charCodeAt(p);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      p++;
    }
    this.pos = p;
  }

  /** Skips a string starting at `pos` (a `"`), checking its escapes. */
  string(): void {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    for (;;) {
      if (p >= t.length) this.fail('a text value is never closed (a missing ")', start);
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        const next = t[p + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(p + 2, p + 6)))
            this.fail('\\u in a text value must be followed by four hexadecimal digits', p);
          p += 6;
          continue;
        }
        if (next !== undefined && ESCAPES.includes(next)) {
          p += 2;
          continue;
        }
        this.fail(`'\\${next ?? ''}' is not a valid escape in a text value (write a backslash as \\\\)`, p);
      }
      if (c < 32)
        this.fail(
          c === 10 || c === 13
            ? 'a text value is not closed on its line (a missing ", or a line break that should be written \\n)'
            : 'a control character inside a text value (write it as \\u followed by its code)',
          p,
        );
      p++;
    }
    this.pos = p + 1;
  }

  /** Reads a field name (a string) and the `:` after it; returns the name. */
  key(): string {
    this.ws();
    const start = this.pos;
    const c = this.text[start];
    if (c === '}') this.fail("a comma before '}' (JSON allows no comma after the last field)");
    if (c === "'") this.fail('field names must be in double quotes, not single quotes');
    if (c !== '"') this.fail(`expected a field name in double quotes, found ${shown(c)}`);
    this.string();
    const name = JSON.parse(this.text.slice(start, this.pos)) as string;
    this.ws();
    if (this.text[this.pos] !== ':') this.fail(`expected ':' after the field name "${name.slice(0, 40)}"`);
    this.pos++;
    return name;
  }

  scalar(): void {
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') {
      this.string();
      return;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = this.pos;
      const match = NUMBER.exec(t);
      if (!match) this.fail('not a valid number');
      this.pos += match[0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null'])
      if (t.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    if (c === undefined) this.fail('the file ends where a value should be');
    if (c === "'") this.fail('text values must be in double quotes, not single quotes');
    if (c === ']') this.fail("a comma before ']' (JSON allows no comma after the last item)");
    this.fail(`expected a value, found ${shown(c)}`);
  }

  /** Skips one whole value starting at `pos` (after whitespace), checking its syntax. */
  value(): void {
    const t = this.text;
    const stack: string[] = [];
    for (;;) {
      this.ws();
      const c = t[this.pos];
      let opened = false;
      if (c === '{' || c === '[') {
        this.pos++;
        this.ws();
        if (t[this.pos] === (c === '{' ? '}' : ']')) this.pos++;
        else {
          stack.push(c);
          if (c === '{') this.key();
          opened = true;
        }
      } else this.scalar();
      if (opened) continue;
      // After a value: close what ends here, or step past the comma to the next value.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) return;
        this.ws();
        const d = t[this.pos];
        const close = top === '{' ? '}' : ']';
        if (d === ',') {
          this.pos++;
          if (top === '{') this.key();
          break;
        }
        if (d === close) {
          this.pos++;
          stack.pop();
          continue;
        }
        if (d === undefined) this.fail(`the file ends before a '${close}' that closes an earlier '${top}'`);
        this.fail(`expected ',' or '${close}' after a value, found ${shown(d)}`);
      }
    }
  }

  /**
   * From a value at `pos`, moves to its child `key` and returns its offset, or `undefined` when there is none.
   * Fields named twice: the last one, as `JSON.parse` keeps.
   */
  child(key: PathKey): number | undefined {
    const t = this.text;
    const c = t[this.pos];
    let found: number | undefined;
    if (typeof key === 'number' && c === '[') {
      this.pos++;
      this.ws();
      if (t[this.pos] === ']') return undefined;
      for (let index = 0; ; index++) {
        this.ws();
        if (index === key) return this.pos;
        this.value();
        this.ws();
        if (t[this.pos] !== ',') return undefined;
        this.pos++;
      }
    }
    if (typeof key === 'string' && c === '{') {
      this.pos++;
      this.ws();
      if (t[this.pos] === '}') return undefined;
      for (;;) {
        const name = this.key();
        this.ws();
        const at = this.pos;
        if (name === key) found = at;
        this.value();
        this.ws();
        if (t[this.pos] !== ',') break;
        this.pos++;
      }
    }
    return found;
  }
}

/** The first syntax error in `text`, or `undefined` when it is one well-formed JSON value. */
export function findSyntaxError(text: string): JsonFault | undefined {
  const cursor = new Cursor(text);
  try {
    cursor.ws();
    if (cursor.pos >= text.length) return { offset: 0, message: 'the file is empty' };
    cursor.value();
    cursor.ws();
    if (cursor.pos < text.length)
      cursor.fail(`more text after the end of the JSON value, starting with ${shown(text[cursor.pos])}`);
    return undefined;
  } catch (error) {
    if (error instanceof Fault) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/**
 * Lines of values in a well-formed JSON text (one `JSON.parse` accepted). `line(path)` is the 1-based line
 * the value at `path` starts on, or, when the path stops early (a field is missing), the line of the deepest
 * value that exists. The elements of top-level arrays are found once and remembered, so naming the line of
 * many errors does not walk the file again for each.
 */
export class JsonLines {
  private breaks: number[] | undefined;
  private readonly elements = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    if (!this.breaks) {
      this.breaks = [];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1))
        this.breaks.push(at);
    }
    let low = 0;
    let high = this.breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.breaks[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }

  /** Offsets of the elements of the top-level array `field` (empty when it is not an array). */
  elementOffsets(field: string): number[] {
    const known = this.elements.get(field);
    if (known) return known;
    const offsets: number[] = [];
    const cursor = new Cursor(this.text);
    cursor.ws();
    const at = cursor.child(field);
    if (at !== undefined && this.text[at] === '[') {
      cursor.pos = at + 1;
      cursor.ws();
      if (this.text[cursor.pos] !== ']')
        for (;;) {
          cursor.ws();
          offsets.push(cursor.pos);
          cursor.value();
          cursor.ws();
          if (this.text[cursor.pos] !== ',') break;
          cursor.pos++;
        }
    }
    this.elements.set(field, offsets);
    return offsets;
  }

  /** The offset of the value at `path` (or of the deepest part of it that exists). */
  offsetOf(path: readonly PathKey[]): number {
    const cursor = new Cursor(this.text);
    cursor.ws();
    let found = cursor.pos;
    let rest = path;
    const [first, second] = path;
    if (typeof first === 'string' && typeof second === 'number') {
      const start = this.elementOffsets(first)[second];
      if (start !== undefined) {
        found = start;
        rest = path.slice(2);
      }
    }
    for (const key of rest) {
      cursor.pos = found;
      const at = cursor.child(key);
      if (at === undefined) break;
      found = at;
    }
    return found;
  }

  line(path: readonly PathKey[]): number {
    return this.lineOf(this.offsetOf(path));
  }
}

/** A path as an error names it: `entities[3].aliases[1].text`. */
export function pathText(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
