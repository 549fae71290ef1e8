// The table's edit store: saves go through initiative.update; a saved row shows at once, and what
// the save makes stale is invalidated in the query cache: the rows in view are refetched (the
// row may now sort or filter differently), and facet counts, that initiative's reading view,
// the dashboard and the tags in use follow. The store outlives query changes, so an edit
// survives a new sort or filter.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';
import { afterInitiativeSave } from '../../api/invalidate';
import { EditStore } from './edit-store';
import type { PageCache } from './page-cache';

export function useEditStore(client: ApiClient, cache: PageCache): EditStore {
  const queryClient = useQueryClient();
  const [edits] = useState(() => new EditStore((initiativeId, baseRevision, patch) =>
    client.call('initiative.update', { initiativeId, baseRevision, patch }),
  ));
  // Saved rows go to the current query's cache.
  useEffect(() => {
    edits.setOnSaved((row) => {
      cache.replaceRow(row);
      void afterInitiativeSave(queryClient, row.id);
    });
  }, [edits, cache, queryClient]);
  useEffect(() => () => edits.dispose(), [edits]);
  // The failure line above the grid reads the store: re-render when it changes.
  useSyncExternalStore(edits.subscribe, edits.getVersion);
  return edits;
}
