/**
 * Whether the entity an open form edits changed elsewhere since the form opened (live pages, issue 14).
 * The form's draft is never replaced by what arrives; the reader is told instead, so they know that saving
 * replaces the other version with theirs. (An entity deleted elsewhere is seen in the list itself.)
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../../platform/messaging';
import type { EntityInput } from '../../../shared/library/library-types';

/**
 * Checks entity `id` against `initial` (what `getEntity` gave when the form opened) each time `version`
 * changes after that (the panel passes its list state: one check per refetch). False for a new entity.
 */
export function useChangedElsewhere(
  id: string | undefined,
  initial: EntityInput | undefined,
  version: unknown,
): boolean {
  const [isChanged, setChanged] = useState(false);
  const opened = useRef<{ id?: string; version?: unknown }>({});
  useEffect(() => {
    // A new form: nothing has changed yet, and the version it opened with needs no check.
    if (opened.current.id !== id) {
      opened.current = { id, version };
      setChanged(false);
      return;
    }
    if (id === undefined || initial === undefined || opened.current.version === version) return;
    let isCurrent = true;
    request('getEntity', { id }).then(
      (detail) => {
        if (isCurrent) setChanged(JSON.stringify(detail.entity) !== JSON.stringify(initial));
      },
      // Gone, or the background busy: the list says the one, the next refetch retries the other.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [id, initial, version]);
  return isChanged;
}
