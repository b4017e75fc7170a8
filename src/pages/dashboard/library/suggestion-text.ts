/** Words for a suggestion: why it was proposed, and its passage with the name picked out. */
import { applyAliasPolicy } from '../../../shared/kb/alias-policy';
import type { AliasRule } from '../../../shared/kb-types';
import type { SuggestionView } from '../../../shared/library/library-types';

/** The message key of each reason ("defined as an abbreviation"…). */
export const REASON_KEYS: Record<SuggestionView['reason'], string> = {
  definition: 'libReasonDefinition',
  dubbed: 'libReasonDubbed',
  quoted: 'libReasonQuoted',
  repeated: 'libReasonRepeated',
};

/** A piece of a passage, and whether it is the suggested name. */
export interface PassagePart {
  text: string;
  isName: boolean;
}

/** `text` cut around every occurrence of `name`, letter case ignored; the whole text when it has none. */
export function passageParts(text: string, name: string): PassagePart[] {
  const needle = name.toLowerCase();
  if (!needle) return [{ text, isName: false }];
  // Folding can change a string's length (İ → i̇), which would shift every offset; then nothing is marked.
  const haystack = text.toLowerCase();
  if (haystack.length !== text.length) return [{ text, isName: false }];
  const parts: PassagePart[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), isName: false });
    parts.push({ text: text.slice(at, at + needle.length), isName: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), isName: false });
  return parts;
}

/** The suggestion's name and aliases as alias rules, each as the alias policy would make it. */
export function suggestionAliases(suggestion: SuggestionView): AliasRule[] {
  const seen = new Set<string>();
  const rules: AliasRule[] = [];
  for (const text of [suggestion.name, ...suggestion.aliases]) {
    const key = text.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const verdict = applyAliasPolicy(text.trim());
    rules.push(verdict.kind === 'accepted' ? verdict.rule : { text: text.trim() });
  }
  return rules;
}
