// The library-wide list, a page at a time: the list may hold tens of thousands of annotations,
// so only the pages under the visible rows (and the first, which says how many there are) are
// asked for, each one a query of its own in the shared cache. A write anywhere invalidates
// every ['annotations', …] query, so the pages on screen follow it.
import { useQueries } from '@tanstack/react-query';
import type { AnnotationEntry, AnnotationQuery } from '../../../../../shared/api/annotations/methods';
import type { ApiClient } from '../../../api/client';
import { annotationKeys } from '../queries';

export const PAGE_SIZE = 200;

/** The query without its window: what the filters and the sort ask for. */
export type ListQuery = Omit<AnnotationQuery, 'limit' | 'offset'>;

export interface AnnotationPages {
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  /** How many match in all (0 until the first page is in). */
  total: number;
  /** The entry at a position of the whole list, or undefined while its page loads. */
  entryAt(index: number): AnnotationEntry | undefined;
  refetch(): void;
}

/** The pages that hold rows first…last, with the first page always among them. */
export function pagesFor(first: number, last: number): number[] {
  const pages = new Set<number>([0]);
  if (last >= first && first >= 0) {
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.add(p);
  }
  return [...pages].sort((a, b) => a - b);
}

export function useAnnotationPages(client: ApiClient, query: ListQuery, first: number, last: number): AnnotationPages {
  const pages = pagesFor(first, last);
  const results = useQueries({
    queries: pages.map((page) => {
      const windowed: AnnotationQuery = { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
      return { queryKey: annotationKeys.list(windowed), queryFn: () => client.call('annotation.list', windowed) };
    }),
  });
  const head = results[0]!;
  const byPage = new Map<number, AnnotationEntry[]>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data.entries);
  });
  return {
    status: head.data ? 'ready' : head.isError ? 'error' : 'loading',
    error: head.error,
    total: head.data?.total ?? 0,
    entryAt: (index) => byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    refetch: () => void head.refetch(),
  };
}
