/**
 * Shapes of the parts of an annotation that Gloss reads, as valibot schemas. They are lenient about what
 * the model lets vary (a string or a list, null for absent) and strict about types: an `exact` that is not
 * text is a broken or hostile file, and the whole import stops. valibot's `object` returns a fresh object
 * with only the keys named here, so keys such as `__proto__` in the file never reach Gloss's objects.
 */
import * as v from 'valibot';
import { annotationError } from './import-error';

const text = v.nullish(v.string('must be text'));
const textOrList = v.nullish(v.union([v.string(), v.array(v.string())], 'must be text or a list of text'));
const offset = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
  v.maxValue(1e9, 'is too large'),
);

/** The fields of an annotation itself (W3C, plus the Hypothesis API's own names). */
export const AnnotationFields = v.object(
  {
    id: text,
    type: textOrList,
    motivation: textOrList,
    created: text,
    modified: text,
    updated: text,
    bodyValue: text,
    uri: text,
    text,
    tags: v.nullish(v.array(v.string('must be text'), 'must be a list of text')),
    document: v.nullish(v.object({ title: textOrList }, 'must be an object')),
  },
  'must be an object',
);

/** A body given as an object: a TextualBody, an external resource, a SpecificResource, a Choice or a set. */
export const BodyObject = v.object(
  {
    id: text,
    type: textOrList,
    value: text,
    format: text,
    purpose: textOrList,
    items: v.nullish(v.array(v.unknown(), 'must be a list')),
    source: v.nullish(v.unknown()),
    selector: v.nullish(v.unknown()),
  },
  'must be text or an object',
);

/** A target given as an object: a SpecificResource (`source`) or the resource itself (`id`). */
export const TargetObject = v.object(
  {
    id: text,
    type: textOrList,
    format: textOrList,
    source: v.nullish(v.unknown()),
    selector: v.nullish(v.unknown()),
    name: text,
  },
  'must be text or an object',
);

/** A `source` given as an object. */
export const SourceObject = v.object(
  {
    id: v.string('must be text (the address of the page)'),
    type: textOrList,
    format: textOrList,
  },
  'must be text or an object',
);

/** What every selector may have. */
export const SelectorHead = v.object({ type: textOrList, refinedBy: v.nullish(v.unknown()) });

/** The fields of a TextQuoteSelector (prefix and suffix are optional in the model). */
export const QuoteSelector = v.object({ exact: v.string('must be text'), prefix: text, suffix: text });

/** The fields of a TextPositionSelector: offsets Gloss can store. */
export const PositionSelector = v.object({ start: offset, end: offset });

/** A lone value that must be text when present (used for Gloss terms read under several keys). */
export const OptionalText = text;

/** Same, for titles, which some tools give as a list. */
export const OptionalTextOrList = textOrList;

/** Whether `value` is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path` of a valibot issue as `a.b[0].c`. */
function dotted(base: string, keys: readonly unknown[]): string {
  let path = base;
  for (const key of keys)
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  return path;
}

/**
 * `value` checked against `schema`; throws an ImportError naming the annotation and where in it
 * (`where` is the path of `value` inside the annotation, '' for the annotation itself).
 */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  index: number,
  where: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = dotted(
    where,
    (issue.path ?? []).map((item) => item.key),
  );
  throw annotationError(index, `is malformed: ${path ? `"${path}"` : 'it'} ${issue.message}`);
}
