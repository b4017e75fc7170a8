/**
 * The one rule for an entity the reader writes (dashboard form, "Make this an entity", a glossary row):
 * text cleaned, the name always an alias, every alias through the alias policy (alias-policy.ts), related
 * ids only of entities that exist. Returns the entity to store and what was changed on the way, or the
 * reasons it cannot be stored, in words the reader can act on.
 */

import { applyAliasPolicy, commonWordNotice, isCommonWord } from '../kb/alias-policy';
import { cleanText } from '../kb/glossary-fields';
import type { AliasRule } from '../kb-types';
import type { EntityInput } from './library-types';

export type EntityInputCheck =
  | { ok: true; entity: EntityInput; notices: string[] }
  | { ok: false; errors: string[] };

const cleanList = (list: readonly string[] | undefined): string[] | undefined => {
  const out = [...new Set((list ?? []).map(cleanText).filter(Boolean))];
  return out.length > 0 ? out : undefined;
};

/** Cleans and checks `input`; `knownIds` says which related ids name an entity. */
export function checkEntityInput(input: EntityInput, knownIds: (id: string) => boolean): EntityInputCheck {
  const name = cleanText(input.name);
  const errors: string[] = [];
  const notices: string[] = [];
  if (!name) errors.push('The name is empty.');
  const rules: AliasRule[] = [];
  const seen = new Set<string>();
  const given = input.aliases.some((a) => cleanText(a.text) === name)
    ? input.aliases
    : [{ text: name }, ...input.aliases];
  for (const raw of given) {
    const text = cleanText(raw.text);
    if (!text) continue;
    const key = `${raw.caseSensitive ? text : text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cues = cleanList(raw.cues);
    const verdict = applyAliasPolicy(text, cues);
    if (verdict.kind === 'refused') {
      errors.push(`${verdict.reason.charAt(0).toUpperCase()}${verdict.reason.slice(1)}.`);
      continue;
    }
    const rule: AliasRule = { ...raw, text };
    delete rule.cues;
    if (cues) rule.cues = cues;
    const vetoCues = cleanList(raw.vetoCues);
    delete rule.vetoCues;
    if (vetoCues) rule.vetoCues = vetoCues;
    // The reader's own "match case" choice stands, except that a common word needs case or cues.
    if (!rule.caseSensitive && !cues && isCommonWord(text)) {
      rule.caseSensitive = true;
      notices.push(commonWordNotice(text));
    }
    if (!rule.caseSensitive) delete rule.caseSensitive;
    rules.push(rule);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    notices,
    entity: {
      name,
      type: input.type,
      description: cleanText(input.description),
      aliases: rules,
      related: [...new Set(input.related)].filter(knownIds),
      links: input.links.map((l) => ({ label: cleanText(l.label), url: l.url.trim() })),
    },
  };
}
