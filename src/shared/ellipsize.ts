/** `text` cut to at most `max` characters, with "…" marking the cut. */
export function ellipsize(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
