/**
 * The address of an entity's page: `entity.html?id=<entity id>`. The background (cards' link, the omnibox), the
 * popup and the page's own related links make it, and the page reads it back, so the shape lives in one file.
 */

/** A relative link to an entity's page, valid from any page in the extension root. */
export function entityHref(id: string): string {
  return `entity.html?${new URLSearchParams({ id }).toString()}`;
}

/** The entity id in the page's query string; '' when none is named. */
export function parseEntityId(search: string): string {
  return new URLSearchParams(search).get('id')?.trim() ?? '';
}
