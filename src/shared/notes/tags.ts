/**
 * The one rule for a note's tags, wherever they come from (the in-page editor, the dashboard's form, an
 * imported file, a request to the background): trimmed, inner whitespace collapsed, empties dropped, and a
 * tag repeated in another case dropped (the first spelling wins), in the order given. Typed tags are
 * separated by commas, including the full-width and ideographic commas a Japanese IME produces.
 */

/** Tags made tidy and unique, ignoring case. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The tags in a typed list such as "apt, asia policy, 東京、大阪". */
export function parseTagText(text: string): string[] {
  return normalizeTags(text.split(/[,，、]/));
}
