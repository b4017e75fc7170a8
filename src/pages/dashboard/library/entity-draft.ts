/**
 * The entity form's working copy: what the reader types (cue words as one `;`-separated line, links as rows)
 * and how it becomes an `EntityInput`. The alias policy (alias-policy.ts) is applied here so the form shows
 * the notices a glossary import would give, before anything is sent.
 */

import { applyAliasPolicy, commonWordNotice } from '../../../shared/kb/alias-policy';
import type { AliasRule, EntityType } from '../../../shared/kb-types';
import type { EntityInput } from '../../../shared/library/library-types';

/** Rules of built-in aliases that the form does not show; kept exactly as they were on save. */
type KeptRules = Pick<AliasRule, 'shoutingNeedsCue' | 'rejectBefore' | 'rejectAfter'>;

/** One alias row. `key` only tells rows apart while they are added and removed. */
export interface AliasDraft {
  key: number;
  text: string;
  caseSensitive: boolean;
  /** Cue words separated by `;`. */
  cues: string;
  /** Veto words separated by `;`. */
  vetoes: string;
  kept: KeptRules;
}

/** One link row. */
export interface LinkDraft {
  key: number;
  label: string;
  url: string;
}

/** The whole form. */
export interface EntityDraft {
  name: string;
  type: EntityType;
  description: string;
  aliases: AliasDraft[];
  related: string[];
  links: LinkDraft[];
}

/** A notice about one alias: `error` blocks saving, `warning` says what saving will do. */
export interface AliasNotice {
  text: string;
  kind: 'error' | 'warning';
}

let lastKey = 0;
const nextKey = (): number => ++lastKey;

/** `"a; b ;;c"` → `['a', 'b', 'c']`. */
export function splitWords(line: string): string[] {
  return line
    .split(';')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** An empty alias row. */
export const emptyAlias = (): AliasDraft => ({
  key: nextKey(),
  text: '',
  caseSensitive: false,
  cues: '',
  vetoes: '',
  kept: {},
});

/** An empty link row. */
export const emptyLink = (): LinkDraft => ({ key: nextKey(), label: '', url: '' });

function aliasDraft(rule: AliasRule): AliasDraft {
  const kept: KeptRules = {};
  if (rule.shoutingNeedsCue !== undefined) kept.shoutingNeedsCue = rule.shoutingNeedsCue;
  if (rule.rejectBefore !== undefined) kept.rejectBefore = rule.rejectBefore;
  if (rule.rejectAfter !== undefined) kept.rejectAfter = rule.rejectAfter;
  return {
    key: nextKey(),
    text: rule.text,
    caseSensitive: rule.caseSensitive === true,
    cues: (rule.cues ?? []).join('; '),
    vetoes: (rule.vetoCues ?? []).join('; '),
    kept,
  };
}

/** The form's copy of an entity. */
export function draftFromInput(input: EntityInput): EntityDraft {
  return {
    name: input.name,
    type: input.type,
    description: input.description,
    aliases: input.aliases.map(aliasDraft),
    related: [...input.related],
    links: input.links.map((link) => ({ key: nextKey(), ...link })),
  };
}

/** What decides whether the form changed: everything but the row keys. */
export function draftSignature(draft: EntityDraft): string {
  const strip = <T extends { key: number }>({ key: _, ...rest }: T) => rest;
  return JSON.stringify({ ...draft, aliases: draft.aliases.map(strip), links: draft.links.map(strip) });
}

const fold = (text: string): string => text.trim().toLowerCase();

/** The alias rows with text, plus the name when no row holds it: the name is always an alias. */
function effectiveAliases(draft: EntityDraft): AliasDraft[] {
  const rows = draft.aliases.filter((row) => row.text.trim() !== '');
  const name = draft.name.trim();
  if (!name || rows.some((row) => fold(row.text) === fold(name))) return rows;
  const verdict = applyAliasPolicy(name);
  const caseSensitive = verdict.kind === 'accepted' && verdict.rule.caseSensitive === true;
  return [{ ...emptyAlias(), text: name, caseSensitive }, ...rows];
}

/** The policy's word on one row: refused, or made case-sensitive because it is a common word. */
export function aliasNotice(row: AliasDraft): AliasNotice | undefined {
  const text = row.text.trim();
  if (!text) return undefined;
  const verdict = applyAliasPolicy(text, splitWords(row.cues));
  if (verdict.kind === 'refused') return { kind: 'error', text: verdict.reason };
  if (verdict.commonWord && !row.caseSensitive) return { kind: 'warning', text: commonWordNotice(text) };
  return undefined;
}

const isWebAddress = (url: string): boolean => {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
};

/** Link rows the reader filled in (a row left empty is not a link). */
const filledLinks = (draft: EntityDraft): LinkDraft[] =>
  draft.links.filter((link) => link.label.trim() !== '' || link.url.trim() !== '');

/** Why the draft cannot be saved yet, as error keys with their substitution; empty when it can. */
export function draftProblems(draft: EntityDraft): Array<{ key: string; sub?: string }> {
  const problems: Array<{ key: string; sub?: string }> = [];
  if (!draft.name.trim()) problems.push({ key: 'libFormNameMissing' });
  for (const row of effectiveAliases(draft)) {
    const notice = aliasNotice(row);
    if (notice?.kind === 'error') problems.push({ key: 'libFormAliasRefused', sub: notice.text });
  }
  for (const link of filledLinks(draft)) {
    if (!isWebAddress(link.url.trim())) problems.push({ key: 'libFormLinkInvalid', sub: link.url.trim() });
  }
  return problems;
}

function aliasRule(row: AliasDraft): AliasRule {
  const text = row.text.trim();
  const cues = splitWords(row.cues);
  const vetoes = splitWords(row.vetoes);
  const verdict = applyAliasPolicy(text, cues);
  const rule: AliasRule = { text, ...row.kept };
  // A common word without cues is made case-sensitive, as the notice beside it said (and as an import does).
  if (row.caseSensitive || (verdict.kind === 'accepted' && verdict.commonWord)) rule.caseSensitive = true;
  if (cues.length > 0) rule.cues = cues;
  if (vetoes.length > 0) rule.vetoCues = vetoes;
  return rule;
}

/** The entity to send. Call only when `draftProblems` is empty. */
export function inputFromDraft(draft: EntityDraft): EntityInput {
  return {
    name: draft.name.trim(),
    type: draft.type,
    description: draft.description.trim(),
    aliases: effectiveAliases(draft).map(aliasRule),
    related: [...draft.related],
    links: filledLinks(draft).map((link) => ({
      label: link.label.trim() || link.url.trim(),
      url: link.url.trim(),
    })),
  };
}
