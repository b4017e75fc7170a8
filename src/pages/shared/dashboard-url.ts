/**
 * Deep links into the dashboard. `?tab=entities&edit=<id>` opens the Entities tab with that entity's form
 * (the entity page's Edit link); the dashboard reads it back here, so the shape lives in one file.
 */

/** A relative link to the dashboard's form for one entity. */
export function editEntityHref(id: string): string {
  return `dashboard.html?${new URLSearchParams({ tab: 'entities', edit: id }).toString()}`;
}

/** The entity the address asks to edit; '' when none. */
export function entityToEdit(search: string): string {
  return new URLSearchParams(search).get('edit')?.trim() ?? '';
}
