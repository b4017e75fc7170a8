/**
 * The import's own JSON mistake finder must agree with `JSON.parse` on what is JSON, or it would point at a
 * mistake in a valid file (or at none in a broken one). Checked on every one-character deletion and
 * substitution of a document that uses every part of the grammar.
 */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../../src/shared/notes/web-annotation/json-syntax-error';

const DOC = '{"a": [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9\\"", {}], "b": {"c": []}}\r\n';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on every near miss of a valid document', () => {
    const variants = [DOC, ''];
    for (let i = 0; i < DOC.length; i++) {
      variants.push(DOC.slice(0, i) + DOC.slice(i + 1));
      for (const c of ['x', ',', '"', ']', '}', '\\', '\u0001', '0', ' '])
        variants.push(DOC.slice(0, i) + c + DOC.slice(i + 1));
    }
    for (const text of variants)
      expect([text, findJsonSyntaxError(text) === undefined]).toEqual([text, isJson(text)]);
  });

  it('points at or before the end of the text', () => {
    for (const text of ['{', '[1,', '"abc', '{"a":'])
      expect(findJsonSyntaxError(text)).toEqual({ offset: text.length, mistake: 'ends-early' });
  });
});
