// The table's edit store: saves go through initiative.update; a saved row shows at once and the
// rows in view are refetched (the row may now sort or filter differently, and facet counts
// change). The store outlives query changes, so an edit survives a new sort or filter.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../api/client';
import { EditStore } from './edit-store';
import type { PageCache } from './page-cache';

export function useEditStore(client: ApiClient, cache: PageCache, revalidate: () => void): EditStore {
  const [edits] = useState(() => new EditStore((initiativeId, baseRevision, patch) =>
    client.call('initiative.update', { initiativeId, baseRevision, patch }),
  ));
  // Saved rows go to the current query's cache.
  useEffect(() => {
    edits.setOnSaved((row) => {
      cache.replaceRow(row);
      revalidate();
    });
  }, [edits, cache, revalidate]);
  useEffect(() => () => edits.dispose(), [edits]);
  // The failure line above the grid reads the store: re-render when it changes.
  useSyncExternalStore(edits.subscribe, edits.getVersion);
  return edits;
}
