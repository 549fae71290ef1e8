// Search's server state: results as the reader types (one query per text and filters, so an
// answer to an older text lands in its own cache entry and is never shown for the new one; at
// most one request in flight, see useTypedSearch), recent searches, saved searches and their
// writes. A write invalidates what it changes once the core has committed it.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SavedSearch, SearchFilters, SearchMethods, SearchQuery, SearchResult } from '../../../../shared/api/search/methods';
import type { ApiClient } from '../../api/client';

/** The search methods through the app's client (typed by the search contract). */
type SearchCall = <M extends keyof SearchMethods>(method: M, args: SearchMethods[M]['args']) => Promise<SearchMethods[M]['result']>;
export const searchCall = (client: ApiClient): SearchCall => client.call.bind(client) as unknown as SearchCall;

export const PAGE_SIZE = 50;

export const searchKeys = {
  all: ['search'] as const,
  results: (text: string, filters: SearchFilters) => ['search', 'results', text, filters] as const,
  recent: ['search', 'recent'] as const,
  saved: ['search', 'saved'] as const,
};

/**
 * Where the next page starts, or undefined at the end of the hits. A short page is the end; so
 * is reaching an exact total. An estimated total ("about N") may be short of the hits or past
 * them, so paging goes on until a page comes back short (or empty, one past the last hit).
 */
export function nextOffset(last: SearchResult, pages: readonly SearchResult[]): number | undefined {
  const shown = pages.reduce((n, p) => n + p.hits.length, 0);
  if (last.hits.length < PAGE_SIZE) return undefined;
  if (last.totalExact && shown >= last.total) return undefined;
  return shown;
}

/** The results of `text` with `filters`, a page at a time; idle while the text is blank. */
export function useSearchResults(client: ApiClient, text: string, filters: SearchFilters) {
  const call = searchCall(client);
  return useInfiniteQuery({
    queryKey: searchKeys.results(text, filters),
    queryFn: ({ pageParam }) => call('search.query', { text, filters, offset: pageParam, limit: PAGE_SIZE } satisfies SearchQuery),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => nextOffset(last, pages),
    enabled: text.trim() !== '',
    // While the next text's results come, the last ones stay (marked as stale), not a blank.
    placeholderData: keepPreviousData,
    // Every write in the app may change what a search finds: search again when shown again.
    staleTime: 0,
  });
}

/**
 * The results for what the reader types, asked as they type with no debounce, but at most one
 * request in flight: a text typed while one is out waits for it, and when it is answered only
 * the newest text typed meanwhile is asked; the ones between are never sent. The core's SQLite
 * calls are synchronous and cannot be stopped once they run, so a request is "cancelled" by
 * never making it; this holds alike whether the host is the desktop's IPC or browser mode's
 * HTTP, with nothing in the contract. `asked` is what the results (shown or coming) answer.
 */
export function useTypedSearch(client: ApiClient, text: string, filters: SearchFilters) {
  const [asked, setAsked] = useState({ text, filters });
  const results = useSearchResults(client, asked.text, asked.filters);
  // Updated while rendering (React renders again at once, before anything is committed) rather
  // than in an effect: an effect would commit and paint the old state once more per keystroke.
  if (!results.isFetching && (asked.text !== text || asked.filters !== filters)) setAsked({ text, filters });
  return { asked, results };
}

export function useRecentSearches(client: ApiClient) {
  const call = searchCall(client);
  return useQuery({ queryKey: searchKeys.recent, queryFn: () => call('search.recent', {}) });
}

export function useSavedSearches(client: ApiClient) {
  const call = searchCall(client);
  return useQuery({ queryKey: searchKeys.saved, queryFn: () => call('search.saved.list', {}) });
}

export function useSearchWrites(client: ApiClient) {
  const call = searchCall(client);
  const queryClient = useQueryClient();
  const remember = useMutation({
    mutationFn: (text: string) => call('search.remember', { text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKeys.recent }),
  });
  const onSaved = () => queryClient.invalidateQueries({ queryKey: searchKeys.saved });
  const save = useMutation({
    mutationFn: (args: { id?: number; baseRevision: number; name: string; query: SavedSearch['query'] }) => call('search.saved.save', args),
    onSuccess: onSaved,
  });
  const remove = useMutation({
    mutationFn: (args: { id: number; baseRevision: number }) => call('search.saved.delete', args),
    onSuccess: onSaved,
  });
  return { remember, save, remove, refreshSaved: onSaved };
}
