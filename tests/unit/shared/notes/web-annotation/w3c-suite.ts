/**
 * The W3C Web Annotation test suite's JSON Schemas (tests/fixtures/w3c-web-annotation, copied unchanged
 * from w3c/web-annotation-tests), run with @cfworker/json-schema as draft-04, the draft they are written
 * in. Each assertion is one schema file whose `$ref`s point into the suite's definitions/ by relative
 * path; each is compiled once, with its own fresh copy of the definitions (the validator records resolved
 * addresses on the schema objects, and assertions in different folders resolve the same `$ref` to
 * different files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Validator } from '@cfworker/json-schema';

const ROOT = new URL('../../../../fixtures/w3c-web-annotation/', import.meta.url);
/** Any absolute base works: the suite's own `id`s are file names, resolved against their folder. */
const BASE = 'https://w3c.github.io/web-annotation-tests/';

const read = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as Record<string, unknown>;

const DEFINITIONS = readdirSync(new URL('definitions/', ROOT)).filter((name) => name.endsWith('.json'));

/** One assertion of the suite: its path, whether the model says MUST, SHOULD or MAY, and its check. */
export interface Assertion {
  path: string;
  /** The file name without ".json", as the suite's reports name it. */
  name: string;
  type: 'must' | 'should' | 'may';
  validate: (doc: unknown) => boolean;
}

const compiled = new Map<string, Assertion>();

/** The assertion at `path` (relative to the suite's root), compiled once. */
export function assertion(path: string): Assertion {
  const known = compiled.get(path);
  if (known) return known;
  const schema = read(path);
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const validator = new Validator({ ...schema, id: `${BASE}${path}` }, '4', false);
  for (const name of DEFINITIONS) validator.addSchema(read(`definitions/${name}`), `${BASE}${folder}${name}`);
  const made: Assertion = {
    path,
    name: path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
    type: schema.assertionType as Assertion['type'],
    validate: (doc) => validator.validate(doc).valid,
  };
  compiled.set(path, made);
  return made;
}

/** The assertions a `.test` file of the suite lists (`annotations/annotationMusts.test`, …). */
export function assertionsOf(testFile: string): Assertion[] {
  return (read(testFile).assertions as string[]).map(assertion);
}
