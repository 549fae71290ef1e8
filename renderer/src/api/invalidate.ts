// What each kind of write makes stale in the query cache (keys start with the feature, see
// query-client.ts). Writers call these after the core acknowledged the write, so every view
// showing what changed refetches — and only those.
import type { QueryClient } from '@tanstack/react-query';

function invalidate(queryClient: QueryClient, prefixes: readonly (readonly unknown[])[]): Promise<void> {
  return Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

/** An initiative's reader fields were saved (initiative.update): that initiative, the table's
 *  rows, counts and facets, the dashboard, the tags in use. */
export function afterInitiativeSave(queryClient: QueryClient, initiativeId: string): Promise<void> {
  return invalidate(queryClient, [['initiative', initiativeId], ['table'], ['dashboard'], ['tags']]);
}

/** The library changed (a rename, tags, trash, restore, delete, an import): the plans, the
 *  library's lists, the table (it spans plans) and the dashboard. */
export function afterLibraryChange(queryClient: QueryClient): Promise<void> {
  return invalidate(queryClient, [['plans'], ['library'], ['table'], ['dashboard']]);
}
