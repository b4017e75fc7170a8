/**
 * "Make this an entity": what the form's fields become. The name is the selection tidied (trimmed,
 * whitespace collapsed, at most `MAX_ALIAS_LENGTH` characters); every alias goes through the alias policy
 * (alias-policy.ts), the same one the background applies, so the form can say before saving what the
 * background would refuse or narrow.
 */

import { applyAliasPolicy, commonWordNotice, MAX_ALIAS_LENGTH } from '../../shared/kb/alias-policy';
import type { AliasRule, EntityType } from '../../shared/kb-types';
import type { EntityInput } from '../../shared/library/library-types';

/** What the reader typed. */
export interface EntityDraft {
  name: string;
  type: EntityType;
  description: string;
  /** Other names, separated by `;`. */
  aliases: string;
  /** Match the name only as written. */
  isCaseSensitive: boolean;
}

/** Text with its whitespace collapsed and trimmed. */
export const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The selection as an entity's name: tidied and cut to the longest alias the policy takes. */
export function nameFromSelection(text: string): string {
  return [...tidy(text)].slice(0, MAX_ALIAS_LENGTH).join('').trim();
}

/** The other names, tidied, without empties or repeats (of each other or of the name). */
export function otherAliases(draft: Pick<EntityDraft, 'name' | 'aliases'>): string[] {
  const seen = new Set([tidy(draft.name).toLowerCase()]);
  const out: string[] = [];
  for (const raw of draft.aliases.split(';')) {
    const alias = tidy(raw);
    if (alias === '' || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}

/** What the policy says about the draft: notices to show, and the first refusal (nothing is saved then). */
export interface DraftCheck {
  notices: string[];
  refusal?: string;
  aliases: AliasRule[];
}

/** Applies the alias policy to the name (first) and the other names. */
export function checkDraft(draft: EntityDraft): DraftCheck {
  const notices: string[] = [];
  const aliases: AliasRule[] = [];
  let refusal: string | undefined;
  const names = [tidy(draft.name), ...otherAliases(draft)];
  names.forEach((text, i) => {
    const verdict = applyAliasPolicy(text);
    if (verdict.kind === 'refused') {
      notices.push(verdict.reason);
      refusal ??= verdict.reason;
      return;
    }
    const rule = i === 0 && draft.isCaseSensitive ? { ...verdict.rule, caseSensitive: true } : verdict.rule;
    if (verdict.commonWord && !(i === 0 && draft.isCaseSensitive)) notices.push(commonWordNotice(text));
    aliases.push(rule);
  });
  return { notices, refusal, aliases };
}

/** The entity to create, or the reason it cannot be. */
export function entityInput(draft: EntityDraft): { input: EntityInput } | { refusal: string } {
  const check = checkDraft(draft);
  if (check.refusal) return { refusal: check.refusal };
  return {
    input: {
      name: tidy(draft.name),
      type: draft.type,
      description: draft.description.trim(),
      aliases: check.aliases,
      related: [],
      links: [],
    },
  };
}
