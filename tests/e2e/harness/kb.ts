/**
 * The knowledge base as the build shipped it (dist/chrome/kb/bundle.json), so specs can check that a card
 * shows the entity's own name and the passages the sources really contain, without copying KB text here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbBundle } from '../../../src/shared/kb-types';
import { DIST } from './paths';

let bundle: KbBundle | undefined;

/** The built bundle (read once). */
export function builtKb(): KbBundle {
  bundle ??= JSON.parse(readFileSync(join(DIST.chrome, 'kb', 'bundle.json'), 'utf8')) as KbBundle;
  return bundle;
}

/** An entity of the built KB; throws if the id is unknown. */
export function kbEntity(id: string): KbBundle['entities'][number] {
  const e = builtKb().entities.find((x) => x.id === id);
  if (!e) throw new Error(`the built knowledge base has no entity "${id}"`);
  return e;
}

/** The passages the built KB quotes for an entity, with their source's attribution. */
export function kbPassages(
  id: string,
): Array<{ text: string; title: string; author: string; publication: string }> {
  const kb = builtKb();
  return kb.passages
    .filter((p) => p.entityId === id)
    .map((p) => {
      const s = kb.sources.find((x) => x.id === p.sourceId);
      return {
        text: p.text,
        title: s?.title ?? '',
        author: s?.author ?? '',
        publication: s?.publication ?? '',
      };
    });
}

/** Whitespace collapsed, for comparing text read from the accessibility tree. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
