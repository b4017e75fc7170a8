/**
 * Compiles entity definitions and source documents into the KB bundle. Passages are found with the same
 * matcher the content script runs on pages, so a card never quotes a passage the highlighter would not
 * have marked.
 */
import type { EntityDef, KbBundle, Passage, SourceDoc } from '../shared/kb-types';
import { scanSource } from '../shared/library/source-scan';
import { checkAliasRules, compileMatcher } from '../shared/matcher/matcher';
import type { AliasSpec } from '../shared/protocol';

/** Every alias of every entity, tagged with its entity id, in definition order. */
export function aliasSpecs(entities: readonly EntityDef[]): AliasSpec[] {
  return entities.flatMap((e) => e.aliases.map((a) => ({ ...a, entityId: e.id })));
}

/** Throws with every problem found: duplicate or malformed ids, dangling related ids, empty aliases. */
export function validateEntities(entities: readonly EntityDef[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of entities) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(e.id)) problems.push(`bad id "${e.id}"`);
    if (ids.has(e.id)) problems.push(`duplicate id "${e.id}"`);
    ids.add(e.id);
    if (e.aliases.length === 0) problems.push(`${e.id} has no aliases`);
    if (!e.description.trim()) problems.push(`${e.id} has no description`);
  }
  for (const e of entities) {
    for (const r of e.related) if (!ids.has(r)) problems.push(`${e.id} relates to unknown "${r}"`);
  }
  if (problems.length > 0) throw new Error(`invalid entities:\n  ${problems.join('\n  ')}`);
}

/** A short, stable content hash (cyrb53) so the bundle's version changes exactly when its content does. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Builds the bundle. Deterministic: the same input always gives the same bytes. */
export function compileKb(entities: readonly EntityDef[], sources: readonly SourceDoc[]): KbBundle {
  validateEntities(entities);
  checkAliasRules(aliasSpecs(entities));
  const matcher = compileMatcher(aliasSpecs(entities));
  const mentions: KbBundle['mentions'] = [];
  const passages: Passage[] = [];

  for (const source of sources) {
    const scan = scanSource(source.id, source.blocks, matcher);
    mentions.push(...scan.mentions.map((m) => ({ ...m, sourceId: source.id })));
    passages.push(...scan.passages);
  }

  const content = { entities: [...entities], sources: [...sources], mentions, passages };
  return { format: 1, version: `1-${contentHash(JSON.stringify(content))}`, ...content };
}
