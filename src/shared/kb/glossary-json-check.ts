/**
 * Checks of single values of a Gloss JSON glossary (glossary-json.ts), each naming the value's path when it
 * fails. A `Checker` collects the problems of one file; every method returns the checked value, or
 * `undefined` after recording why not. Values are read only from the file's own fields, never from
 * `Object.prototype`.
 */
import * as v from 'valibot';
import { MAX_NAME_LENGTH } from './glossary-csv';
import { cleanText } from './glossary-fields';
import type { PathKey } from './glossary-json-scan';

/** Entity and source ids: a built-in slug or a UUID. */
export const GLOSSARY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Longest address of a source or link. */
export const MAX_URL_LENGTH = 8_192;

/** One reason the file is refused: where (a path into the file) and why. */
export interface Problem {
  path: PathKey[];
  message: string;
}

export type Fields = Record<string, unknown>;

const ISO = v.pipe(v.string(), v.isoTimestamp());

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field of the file's own, never one inherited from `Object.prototype` (`constructor`, `toString`). */
export function own(object: Fields, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Characters as the reader sees them (a surrogate pair or a kanji is one). */
function chars(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** An absolute http or https address. */
export function isHttpUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface TextOptions {
  /** Missing is a problem (default); otherwise missing gives `undefined` quietly. */
  required?: boolean;
  /** Fewest characters (as the reader counts them); 1 reports an empty value as empty. */
  min?: number;
  /** Most characters; `MAX_NAME_LENGTH` unless given. */
  max?: number;
  /** Clean as the CSV does (glossary-fields.ts `cleanText`): controls and bidi overrides out, spaces collapsed. */
  clean?: boolean;
}

export class Checker {
  readonly problems: Problem[] = [];

  fail(path: PathKey[], message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  /** Reports every field of `object` not in `known`. */
  unknownKeys(object: Fields, known: readonly string[], path: PathKey[], what: string): void {
    for (const key of Object.keys(object))
      if (!known.includes(key))
        this.fail([...path, key], `unknown field '${key.slice(0, 60)}'; ${what} has ${known.join(', ')}`);
  }

  text(raw: unknown, path: PathKey[], what: string, options: TextOptions = {}): string | undefined {
    const { required = true, min = 0, max = MAX_NAME_LENGTH, clean = false } = options;
    if (raw === undefined) return required ? this.fail(path, `${what} is missing`) : undefined;
    if (typeof raw !== 'string') return this.fail(path, `${what} should be text in double quotes`);
    const out = clean ? cleanText(raw) : raw;
    if (out.length === 0 && min > 0) return this.fail(path, `${what} is empty`);
    if (chars(out) < min) return this.fail(path, `${what} '${out}' is shorter than ${min} characters`);
    if (out.length > max) return this.fail(path, `${what} is ${out.length} characters, more than ${max}`);
    return out;
  }

  /** `true`, `false`, or left out (`undefined`); `required` makes leaving it out a problem. */
  flag(raw: unknown, path: PathKey[], what: string, required = false): boolean | undefined {
    if (typeof raw === 'boolean') return raw;
    if (raw === undefined) return required ? this.fail(path, `${what} is missing`) : undefined;
    return this.fail(path, `${what} should be true or false`);
  }

  /** A list of at most `max` items; too many is reported at the first item too many. */
  list(raw: unknown, path: PathKey[], what: string, max: number, required = false): unknown[] | undefined {
    if (raw === undefined) return required ? this.fail(path, `${what} is missing`) : undefined;
    if (!Array.isArray(raw)) return this.fail(path, `${what} should be a list in [ ]`);
    if (raw.length > max) return this.fail([...path, max], `more than ${max} ${what}`);
    return raw;
  }

  id(raw: unknown, path: PathKey[]): string | undefined {
    const out = this.text(raw, path, 'the id');
    if (out !== undefined && !GLOSSARY_ID_PATTERN.test(out))
      return this.fail(
        path,
        `id '${out.slice(0, 70)}' should be lower-case letters, digits and hyphens (at most 64)`,
      );
    return out;
  }

  /** An ISO 8601 time as `Date.prototype.toISOString` writes it (or with an offset), kept as written. */
  iso(raw: unknown, path: PathKey[], what: string, required: boolean): string | undefined {
    const out = this.text(raw, path, what, { required, max: 40 });
    if (out !== undefined && !v.is(ISO, out))
      return this.fail(path, `${what} '${out}' is not an ISO 8601 time such as 2026-01-31T09:00:00.000Z`);
    return out;
  }

  /** An absolute http or https address, kept as written. */
  url(raw: unknown, path: PathKey[], what: string, required = true): string | undefined {
    const out = this.text(raw, path, what, { required, min: 1, max: MAX_URL_LENGTH });
    if (out !== undefined && !isHttpUrl(out))
      return this.fail(path, `'${out.slice(0, 80)}' is not an absolute http or https URL`);
    return out;
  }
}
