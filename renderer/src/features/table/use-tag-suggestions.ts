// The tags in use (tags.list), for the tag editors' suggestions, through the query cache
// (['tags', 'list']: a save of an initiative's tags invalidates ['tags']). Loaded once `ready`
// (the table: once its first rows are up, so the answer does not render the grid again before
// they are painted) and again whenever a tag editor opens, so a tag just added elsewhere is
// offered too.
import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TagCount } from '../../../../shared/api/contract';
import type { ApiClient } from '../../api/client';

const NONE: TagCount[] = [];

export function useTagSuggestions(client: ApiClient, ready = true): { tags: TagCount[]; refresh(): void } {
  const { data, refetch } = useQuery({
    queryKey: ['tags', 'list'],
    queryFn: () => client.call('tags.list', {}),
    // An editor's refresh asks even before (refetch ignores `enabled`).
    enabled: ready,
    // Suggestions are a help, not the reader's data: without them the editor still works.
    retry: false,
  });
  const refresh = useCallback(() => void refetch(), [refetch]);
  return { tags: data ?? NONE, refresh };
}
