// What the annotations view reads besides the list (the plans and tags its filters offer, how
// many records carry a tag) and the library-wide writes it alone makes: emptying the trash,
// naming the colours, renaming or merging a tag. Each write resolves once the core has
// committed it and then invalidates what it changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColorNames } from '../../../../../shared/api/annotations/methods';
import type { ApiClient } from '../../../api/client';
import { annotationKeys, invalidateAnnotationCounts } from '../queries';

export const libraryKeys = {
  plans: ['annotations', 'plans'] as const,
  tags: ['tags', 'list'] as const,
  tagUse: (tag: string) => ['annotations', 'tagUse', tag] as const,
};

export function usePlanOptions(client: ApiClient) {
  return useQuery({ queryKey: libraryKeys.plans, queryFn: () => client.call('plan.list', {}) });
}

export function useTagOptions(client: ApiClient) {
  return useQuery({ queryKey: libraryKeys.tags, queryFn: () => client.call('tags.list', {}) });
}

/**
 * How many annotations carry a tag, in the list and in the trash: a rename changes both, while
 * tags.list counts items and the annotations not in the trash.
 */
export function useTagUse(client: ApiClient, tag: string) {
  return useQuery({
    queryKey: libraryKeys.tagUse(tag),
    queryFn: async () => {
      const [live, trashed] = await Promise.all([
        client.call('annotation.list', { tag, limit: 1 }),
        client.call('annotation.list', { tag, trashed: true, limit: 1 }),
      ]);
      return { live: live.total, trashed: trashed.total };
    },
  });
}

export function useLibraryWrites(client: ApiClient) {
  const queryClient = useQueryClient();
  const invalidate = () => invalidateAnnotationCounts(queryClient);
  const emptyTrash = useMutation({ mutationFn: () => client.call('annotation.emptyTrash', {}), onSuccess: invalidate });
  const setColorNames = useMutation({
    mutationFn: (names: ColorNames) => client.call('annotation.setColorNames', { names }),
    onSuccess: (names) => queryClient.setQueryData(annotationKeys.colorNames, names),
  });
  const renameTag = useMutation({
    mutationFn: (args: { from: string; to: string }) => client.call('tags.rename', args),
    onSuccess: invalidate,
  });
  return { emptyTrash, setColorNames, renameTag };
}
