/**
 * The targets of an annotation, each read into what Gloss needs: the address (page or entity), the page
 * title, the passage its selectors describe, and whether it is media (an image or a video, which Gloss
 * cannot highlight). A target may be an IRI string, a resource object (`{ id }`), or a SpecificResource
 * (`{ source, selector }`), alone or in a list; the caller uses the first usable one.
 */
import { type Address, checkEntityId, classifyAddress } from './import-address';
import { annotationError } from './import-error';
import { check, isObject, SourceObject, TargetObject } from './import-schemas';
import { type Passage, readSelectors } from './import-selectors';
import { readText, readTitle } from './import-terms';
import { ACCEPTED_KEYS, localNames } from './vocabulary';

/** One target as Gloss reads it; `address` is null when it names nothing. */
export interface TargetCandidate {
  address: Address | null;
  title: string | undefined;
  passage: Passage;
  isMedia: boolean;
}

const MEDIA_TYPES = new Set(['Image', 'Video', 'Audio', 'Sound', 'StillImage', 'MovingImage']);

function isMedia(
  type: string | string[] | null | undefined,
  format: string | string[] | null | undefined,
): boolean {
  const formats = format === null || format === undefined ? [] : Array.isArray(format) ? format : [format];
  return (
    localNames(type).some((name) => MEDIA_TYPES.has(name)) ||
    formats.some((f) => /^(image|video|audio)\//i.test(f))
  );
}

function readObjectTarget(item: Record<string, unknown>, index: number, path: string): TargetCandidate {
  const fields = check(TargetObject, item, index, path);
  const candidate: TargetCandidate = {
    address: null,
    title: readTitle(item, index, path),
    passage: {},
    isMedia: isMedia(fields.type, fields.format),
  };
  const { source } = fields;
  if (typeof source === 'string') candidate.address = classifyAddress(source, index);
  else if (isObject(source)) {
    const resource = check(SourceObject, source, index, `${path}.source`);
    candidate.address = classifyAddress(resource.id, index);
    candidate.title = readTitle(source, index, `${path}.source`) ?? candidate.title;
    candidate.isMedia ||= isMedia(resource.type, resource.format);
  } else if (source !== null && source !== undefined)
    throw annotationError(index, `is malformed: "${path}.source" must be text or an object`);
  else if (fields.id) candidate.address = classifyAddress(fields.id, index);
  if (fields.selector !== null && fields.selector !== undefined)
    candidate.passage = readSelectors(fields.selector, index, `${path}.selector`);
  const entityId = readText(item, ACCEPTED_KEYS.entity, index, path);
  if (entityId !== undefined)
    candidate.address = { kind: 'entity', entityId: checkEntityId(entityId, index) };
  return candidate;
}

/** Every target of annotation `index`, in file order; throws on a malformed or hostile one. */
export function readTargets(target: unknown, index: number): TargetCandidate[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((item, i) => {
    const path = Array.isArray(target) ? `target[${i}]` : 'target';
    if (typeof item === 'string')
      return { address: classifyAddress(item, index), title: undefined, passage: {}, isMedia: false };
    if (!isObject(item)) throw annotationError(index, `is malformed: "${path}" must be text or an object`);
    return readObjectTarget(item, index, path);
  });
}
