// The table's first page, asked for as soon as the start data are in when the page opens on the
// table (#/table): the query is the one the table will make (its stored state, planId and scope,
// all in the start data), so the core runs it while the page renders its chrome, instead of
// after the table has mounted and committed (a few hundred ms later on a loaded machine). The
// first PageCache made for that query (use-table-query.ts) adopts it: when the answer is
// already in, the table's first render has its rows, with no render between frame and rows.
import type { ApiClient } from '../../api/client';
import { PAGE_SIZE, type PageAnswer } from './page-cache';
import { takeSentFirstPage } from './first-query';
import { queryOf, sentQuery, storedOrDefault, type TableQueryBase } from './view-state';

interface Prefetched {
  key: string;
  answer: Promise<PageAnswer>;
  /** The answer once it is in (so the cache can take it synchronously). */
  value?: PageAnswer;
}

let prefetched: Prefetched | null = null;

/** The call of a query's first page, as the table and the start send it. */
export function firstPageArgs(query: TableQueryBase) {
  return { ...query, offset: 0, limit: PAGE_SIZE, facets: false };
}

/** Asks for the first page of the table the stored state opens on. */
export function prefetchFirstPage(client: ApiClient, tableState: string | null, planId: string): void {
  const stored = storedOrDefault(tableState);
  const base = queryOf(stored.state, planId, stored.scope);
  // As the table's first query: the typed parts not yet debounced are the stored ones.
  const { key, query } = sentQuery(base, base.search, base.filters.text ?? null);
  const args = firstPageArgs(query);
  // The first script's guess (first-query.ts), when it was this very call; else asked now.
  const answer = takeSentFirstPage(JSON.stringify(args)) ?? client.call('table.query', args);
  const entry: Prefetched = { key, answer };
  prefetched = entry;
  answer.then(
    (value) => {
      entry.value = value;
    },
    () => {
      // The table asks again itself.
      if (prefetched === entry) prefetched = null;
    },
  );
}

/** The prefetched first page of the query `key` (null if none or another query's), for the
 *  table's first query cache. Read during a render, so it stays until a table has committed
 *  (dropFirstPage): a render that React sets aside and starts again (a concurrent render
 *  interrupted) makes its caches afresh, and they must find it too, or the table asks again. */
export function firstPageFor(key: string): Prefetched | null {
  return prefetched && prefetched.key === key ? prefetched : null;
}

/** Once a table has committed, whatever was prefetched goes, taken or not, so rows from the
 *  start are never shown for a later open of the table (after edits). */
export function dropFirstPage(): void {
  prefetched = null;
}
