/**
 * Reading an import file as JSON, and when it is not, saying why in words a reader can act on: an empty
 * file, a file that is not text at all (a picture, an archive, a file of random bytes), or text with a
 * mistake at a given line and column. The message never quotes the file, whose bytes may be unreadable.
 */
import { ImportError } from './import-error';
import { findJsonSyntaxError, type JsonMistake, lineAndColumn } from './json-syntax-error';

/** How much of the start of a file is looked at to tell text from binary data. */
const SNIFF_CHARS = 64 * 1024;
/**
 * A share of unreadable characters no text file has. The page decodes the file as UTF-8, so the bytes of a
 * binary file arrive as U+FFFD (invalid UTF-8) and C0 control characters; text may hold a few of those by
 * accident (one mis-encoded accent), never one in ten.
 */
const BINARY_SHARE = 0.1;
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

const MISTAKES: Record<JsonMistake, string> = {
  'ends-early': 'the file ends before its data does',
  value: 'a value was expected',
  'property-name': 'a property name in double quotes was expected',
  colon: 'a colon was expected after the property name',
  'comma-or-brace': 'a comma or a closing brace was expected',
  'comma-or-bracket': 'a comma or a closing bracket was expected',
  'control-in-string': 'a text value holds a line break or control character',
  'bad-escape': 'a text value holds an invalid backslash escape',
  'text-after-end': 'more follows the end of the data',
};

/** Whether `text` is the UTF-8 decoding of binary data rather than of a text file. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  let unreadable = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    // No text file holds NUL; tab, line feed, form feed and carriage return are the controls text uses.
    if (code === 0) return true;
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0xfffd) unreadable++;
  }
  return unreadable > sample.length * BINARY_SHARE;
}

/** The sentence saying why `text`, which `JSON.parse` refused, is not JSON. */
export function notJsonProblem(text: string): string {
  if (text.trim() === '') return 'This file is empty.';
  if (looksBinary(text)) return 'This file is not JSON (it looks like a binary file).';
  const mistake = findJsonSyntaxError(text);
  if (!mistake) return 'This file is not valid JSON.';
  const { line, column } = lineAndColumn(text, mistake.offset);
  return `This file is not valid JSON: line ${line}, column ${column} (${MISTAKES[mistake.mistake]}).`;
}

/** The parsed JSON of `text`, or an ImportError saying why it is not JSON. */
export function parseJson(text: string): unknown {
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ImportError(notJsonProblem(json));
    throw new ImportError('This file nests its data too deeply to be read.');
  }
}
