/**
 * The targets of an annotation, each read into what Gloss needs: the address (page or entity), the page
 * title, what its selectors say (import-selectors.ts), and what it says that Gloss does not keep (a state,
 * a scope). A target may be an IRI string, a resource object (`{ id }`), a SpecificResource
 * (`{ source, selector }`), a set of resources (Composite, List, Independents: each member is read as a
 * target of its own), or a Choice (the first member Gloss can use stands for it), alone or in a list.
 * The caller makes one note of each target Gloss can use.
 */
import { languageTag } from '../language-tag';
import { type Address, checkEntityId, classifyAddress } from './import-address';
import { annotationError } from './import-error';
import { MAX_ANNOTATIONS } from './import-limits';
import { check, isObject, SourceObject, TargetObject } from './import-schemas';
import { mediaFragmentRegion, type Passage, readSelectors, shown } from './import-selectors';
import { readText, readTitle } from './import-terms';
import { ACCEPTED_KEYS, localNames } from './vocabulary';

/** One target as Gloss reads it; `address` is null when it names nothing. */
export interface TargetCandidate {
  address: Address | null;
  title: string | undefined;
  /** The page's language, from the source (or the target itself), when it gives a language tag. */
  lang?: string;
  passage: Passage;
  /** What the target says that Gloss does not keep, as phrases completing "is filed under …". */
  unkept: string[];
}

/** How an annotation's targets are grouped: one, a plain list, or one of the model's sets. */
export type TargetGrouping = 'one' | 'list' | 'Composite' | 'List' | 'Independents';

/** Every target of an annotation, in file order. */
export interface Targets {
  list: TargetCandidate[];
  grouping: TargetGrouping;
}

const SETS = ['Composite', 'List', 'Independents'] as const;
type SetType = (typeof SETS)[number];

const own = (obj: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(obj, key) ? obj[key] : undefined;

/** The model's set type of `item` (Composite, List, Independents) or Choice, if it is one with items. */
function groupType(item: Record<string, unknown>): SetType | 'Choice' | undefined {
  if (!Array.isArray(own(item, 'items'))) return undefined;
  const type = own(item, 'type');
  const names = localNames(
    typeof type === 'string' ? type : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : [],
  );
  if (names.includes('Choice')) return 'Choice';
  return SETS.find((set) => names.includes(set));
}

/** A region that the address itself names by a media fragment ("…/image1#xywh=100,100,300,300"). */
function addressRegion(address: string): string | undefined {
  const hash = address.indexOf('#');
  return hash < 0 ? undefined : mediaFragmentRegion(address.slice(hash + 1));
}

/** The state and scope of a SpecificResource, which Gloss does not keep. */
function unkeptParts(item: Record<string, unknown>): string[] {
  const unkept: string[] = [];
  const state = own(item, 'state');
  if (state !== null && state !== undefined) {
    const states = (Array.isArray(state) ? state : [state]).filter(isObject);
    const names = states.flatMap((s) => localNames(typeof s.type === 'string' ? s.type : [])).slice(0, 3);
    unkept.push(`the state it was made in${names.length > 0 ? ` (${names.join(', ')})` : ''}`);
  }
  const scope = own(item, 'scope');
  const scopes = (Array.isArray(scope) ? scope : [scope]).filter((s) => typeof s === 'string');
  if (scopes.length > 0) unkept.push(`its scope ${shown(scopes[0]!, 100)}`);
  return unkept;
}

function readObjectTarget(item: Record<string, unknown>, index: number, path: string): TargetCandidate {
  const fields = check(TargetObject, item, index, path);
  const candidate: TargetCandidate = {
    address: null,
    title: readTitle(item, index, path),
    passage: { locators: [] },
    unkept: unkeptParts(item),
  };
  let raw: string | undefined;
  const { source } = fields;
  if (typeof source === 'string') raw = source;
  else if (isObject(source)) {
    raw = check(SourceObject, source, index, `${path}.source`).id;
    candidate.title = readTitle(source, index, `${path}.source`) ?? candidate.title;
  } else if (source !== null && source !== undefined)
    throw annotationError(index, `is malformed: "${path}.source" must be text or an object`);
  else if (fields.id) raw = fields.id;
  if (raw !== undefined) candidate.address = classifyAddress(raw, index);
  const lang = (isObject(source) ? readLanguage(source) : undefined) ?? readLanguage(item);
  if (lang) candidate.lang = lang;
  if (fields.selector !== null && fields.selector !== undefined)
    candidate.passage = readSelectors(fields.selector, index, `${path}.selector`);
  if (raw !== undefined) candidate.passage.region ??= addressRegion(raw);
  const entityId = readText(item, ACCEPTED_KEYS.entity, index, path);
  if (entityId !== undefined)
    candidate.address = { kind: 'entity', entityId: checkEntityId(entityId, index) };
  return candidate;
}

/** A resource's `language` (a tag, or a list whose first tag counts); anything else is no language. */
function readLanguage(obj: Record<string, unknown>): string | undefined {
  const value = own(obj, 'language');
  return languageTag(Array.isArray(value) ? value[0] : value);
}

const usable = (c: TargetCandidate): boolean => c.address?.kind === 'web' || c.address?.kind === 'entity';

/**
 * The targets `item` stands for: itself, each member of a set, or the first usable member of a Choice
 * (the members of a Choice are the same resource in other forms). Sets nest at most MAX_DEPTH deep:
 * checkDepth has bounded the file's nesting before any annotation is read.
 */
function readItem(item: unknown, index: number, path: string, out: TargetCandidate[]): void {
  if (typeof item === 'string') {
    const address = classifyAddress(item, index);
    const region = addressRegion(item);
    out.push({ address, title: undefined, passage: { locators: [], region }, unkept: [] });
  } else if (!isObject(item)) {
    throw annotationError(index, `is malformed: "${path}" must be text or an object`);
  } else {
    const group = groupType(item);
    const members = own(item, 'items') as unknown[];
    if (group === 'Choice') {
      const options: TargetCandidate[] = [];
      members.forEach((member, i) => {
        readItem(member, index, `${path}.items[${i}]`, options);
      });
      const chosen = options.find(usable) ?? options[0];
      if (chosen) out.push(chosen);
    } else if (group)
      members.forEach((member, i) => {
        readItem(member, index, `${path}.items[${i}]`, out);
      });
    else out.push(readObjectTarget(item, index, path));
  }
  if (out.length > MAX_ANNOTATIONS)
    throw annotationError(
      index,
      `has more than ${MAX_ANNOTATIONS.toLocaleString('en')} targets; Gloss imports up to ${MAX_ANNOTATIONS.toLocaleString('en')} notes at a time`,
    );
}

/** Every target of annotation `index`, in file order; throws on a malformed or hostile one. */
export function readTargets(target: unknown, index: number): Targets {
  const list: TargetCandidate[] = [];
  const items = Array.isArray(target) ? target : [target];
  items.forEach((item, i) => {
    readItem(item, index, Array.isArray(target) ? `target[${i}]` : 'target', list);
  });
  const only = items.length === 1 && isObject(items[0]) ? groupType(items[0]) : undefined;
  const grouping: TargetGrouping =
    only && only !== 'Choice' ? only : items.length > 1 || list.length > 1 ? 'list' : 'one';
  return { list, grouping };
}

/** A target read from an address alone (a Hypothesis row's `uri`). */
export function addressTarget(address: string, index: number): TargetCandidate {
  return {
    address: classifyAddress(address, index),
    title: undefined,
    passage: { locators: [] },
    unkept: [],
  };
}
