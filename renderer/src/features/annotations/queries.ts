// The annotations' server state: the queries that read them and the writes that change them.
// A write is acknowledged (its promise resolves) only once the core has committed it; then it
// invalidates what it affects: every annotation list, and the counts the table, the dashboard
// and the library show.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AnnotationPatch, AnnotationQuery, NewAnnotation } from '../../../../shared/api/annotations/methods';
import type { ApiClient } from '../../api/client';

export const annotationKeys = {
  all: ['annotations'] as const,
  list: (query: AnnotationQuery) => ['annotations', 'list', query] as const,
  history: (id: string) => ['annotations', 'history', id] as const,
  colorNames: ['annotations', 'colorNames'] as const,
};

/** The query keys whose data counts annotations (see api/query-client.ts for the prefixes). */
const COUNTED_IN = [['annotations'], ['table'], ['dashboard'], ['library'], ['tags']] as const;

export function invalidateAnnotationCounts(queryClient: QueryClient): Promise<void> {
  return Promise.all(COUNTED_IN.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] }))).then(() => undefined);
}

/** The annotations of one item in text order (the panel), or any other query (the library list). */
export function useAnnotationList(client: ApiClient, query: AnnotationQuery, enabled = true) {
  return useQuery({ queryKey: annotationKeys.list(query), queryFn: () => client.call('annotation.list', query), enabled });
}

export function useAnnotationHistory(client: ApiClient, id: string | null) {
  return useQuery({
    queryKey: annotationKeys.history(id ?? ''),
    queryFn: () => client.call('annotation.history', { id: id ?? '' }),
    enabled: id !== null,
  });
}

export function useColorNames(client: ApiClient) {
  return useQuery({ queryKey: annotationKeys.colorNames, queryFn: () => client.call('annotation.colorNames', {}) });
}

/** The writes. Each resolves with the committed record, or rejects (a StaleWriteError on a conflict). */
export function useAnnotationWrites(client: ApiClient) {
  const queryClient = useQueryClient();
  const onSuccess = () => invalidateAnnotationCounts(queryClient);
  const create = useMutation({ mutationFn: (a: NewAnnotation) => client.call('annotation.create', a), onSuccess });
  const update = useMutation({
    mutationFn: (a: { id: string; baseRevision: number; patch: AnnotationPatch }) => client.call('annotation.update', a),
    onSuccess,
  });
  const remove = useMutation({ mutationFn: (a: { id: string; baseRevision: number }) => client.call('annotation.delete', a), onSuccess });
  const restore = useMutation({ mutationFn: (a: { id: string; baseRevision: number }) => client.call('annotation.restore', a), onSuccess });
  const restoreRevision = useMutation({
    mutationFn: (a: { id: string; baseRevision: number; revision: number }) => client.call('annotation.restoreRevision', a),
    onSuccess,
  });
  return { create, update, remove, restore, restoreRevision };
}
