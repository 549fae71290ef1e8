// The table's rows from the core's table.query, page by page. One PageCache per distinct query
// (a few recent ones are kept, so flipping a sort back is instant); the search text is debounced
// so typing does not send a query per keystroke.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TableFilters } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import { PageCache, type PageMeta } from './page-cache';
import { dropFirstPage, firstPageArgs, firstPageFor } from './first-page';
import { rememberFirstPage } from './first-query';
import { sentQuery, type TableQueryBase } from './view-state';
import type { FoldedKeys } from './use-display-rows';

export const SEARCH_DEBOUNCE_MS = 250;
const KEPT_QUERIES = 4;

export function useDebouncedValue<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Recent caches by query key; the oldest is dropped past KEPT_QUERIES. */
class CacheShelf {
  private readonly caches = new Map<string, PageCache>();
  private current: PageCache | null = null;
  /** Totals and groups of the query shown before this one, until the new one answers. */
  previousMeta: PageMeta | null = null;
  /** Theme headlines by id from every theme facet fetched (filter chips name chosen themes). */
  readonly themeLabels = new Map<string, string>();
  /** Plan titles by id from every plan facet fetched (filter chips name chosen plans). */
  readonly planLabels = new Map<string, string>();

  constructor(
    private readonly client: ApiClient,
    /** The groups the reader folded, which a grouped query's pages ask the core to name. */
    private readonly folded?: FoldedKeys,
  ) {}

  get(key: string, query: TableQueryBase): PageCache {
    let cache = this.caches.get(key);
    if (cache) {
      this.caches.delete(key);
    } else {
      cache = new PageCache(
        (offset, limit, exactTotal, groupLayout) => {
          const groupKeys = query.groupBy ? (this.folded?.current ?? []) : [];
          return this.client.call('table.query', {
            ...query,
            offset,
            limit,
            facets: false,
            ...(exactTotal ? { exactTotal } : {}),
            ...(groupKeys.length ? { groupKeys } : {}),
            ...(query.groupBy && groupLayout !== undefined ? { groupLayout } : {}),
          });
        },
        async (facet, listing) => {
          const counts = await this.client.call('table.facets', { query, facet, ...listing });
          if (facet === 'theme') for (const c of counts.entries) if (c.value !== null) this.themeLabels.set(c.value, c.label);
          if (facet === 'plan') for (const c of counts.entries) if (c.value !== null) this.planLabels.set(c.value, c.label);
          return counts;
        },
      );
      // The first page asked for at the start (first-page.ts), if it is this query's.
      const first = firstPageFor(key);
      if (first) cache.adopt(0, first.answer, first.value);
    }
    this.caches.set(key, cache);
    if (this.current !== cache) {
      this.previousMeta = this.current?.meta ?? this.previousMeta;
      this.current = cache;
    }
    for (const [oldKey, old] of this.caches) {
      if (this.caches.size <= KEPT_QUERIES) break;
      if (old === cache) continue;
      this.caches.delete(oldKey);
      old.dispose();
    }
    return cache;
  }

  /** Other queries' rows are stale after an edit: forget them. */
  dropAllBut(keep: PageCache): void {
    for (const [key, cache] of this.caches) {
      if (cache !== keep) {
        this.caches.delete(key);
        cache.dispose();
      }
    }
  }
}

export interface TableQueryResult {
  cache: PageCache;
  /** The query the rows answer (search debounced). */
  key: string;
  /** Re-renders on every cache change. */
  version: number;
  /** The query's totals and groups; the previous query's while this one loads. */
  meta: PageMeta | null;
  /** A theme's headline if a facet or a loaded row told it, else undefined. */
  themeLabel(themeId: string): string | undefined;
  /** A plan's title if a facet or a loaded row told it, else undefined. */
  planLabel(planId: string): string | undefined;
}

export function useTableQuery(client: ApiClient, query: TableQueryBase, folded?: FoldedKeys): TableQueryResult {
  // What is typed (the search box and the text filters) waits for a pause; clicks apply at once.
  const typed = useDebouncedValue(JSON.stringify([query.search, query.filters.text ?? null]), SEARCH_DEBOUNCE_MS);
  const { query: effective, key } = useMemo(() => {
    const [search, text] = JSON.parse(typed) as [string, TableFilters['text'] | null];
    return sentQuery(query, search, text);
  }, [query, typed]);
  const [shelf] = useState(() => new CacheShelf(client, folded));
  // The cache for this key; effective is read through the key so an equal query reuses it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cache = useMemo(() => shelf.get(key, effective), [shelf, key]);
  const version = useSyncExternalStore(cache.subscribe, cache.getVersion);

  // The start's first page was this table's to take, in its first render; no later one's.
  useEffect(() => dropFirstPage(), []);

  // The query shown is the one the next start guesses (first-query.ts).
  useEffect(() => rememberFirstPage(JSON.stringify(firstPageArgs(effective))), [effective]);

  // The first page of a new query; the virtual list asks for the rest as it needs them.
  useEffect(() => {
    if (!cache.loaded) cache.request(0, 0);
  }, [cache]);

  const revalidate = useMemo(
    () => () => {
      shelf.dropAllBut(cache);
      cache.revalidate();
    },
    [shelf, cache],
  );

  const themeLabel = useCallback(
    (themeId: string) => shelf.themeLabels.get(themeId) ?? cache.themeHeadline(themeId),
    [shelf, cache],
  );

  const planLabel = useCallback(
    (planId: string) => shelf.planLabels.get(planId) ?? cache.planTitle(planId),
    [shelf, cache],
  );

  useRefetchOnInvalidation(revalidate);

  return { cache, key, version, meta: cache.meta ?? shelf.previousMeta, themeLabel, planLabel };
}

let tableGeneration = 0;

/** The rows stay in the page cache (SQL-paged, virtualised: a page is fetched as it scrolls into
 *  view, and an edit refetches only what is in view without blanking it), but they answer the
 *  query cache like every other view: a query under ['table'] stands for them, and when a write
 *  anywhere invalidates ['table'] it refetches, which revalidates the rows in view. */
function useRefetchOnInvalidation(revalidate: () => void): void {
  const { data } = useQuery({ queryKey: ['table', 'rows'], queryFn: () => Promise.resolve(++tableGeneration) });
  const seen = useRef<number | undefined>(undefined);
  const latest = useRef(revalidate);
  useEffect(() => {
    latest.current = revalidate;
  });
  useEffect(() => {
    if (data === undefined) return;
    // The first answer is the mount: the first page is already on its way.
    if (seen.current !== undefined && seen.current !== data) latest.current();
    seen.current = data;
  }, [data]);
}
