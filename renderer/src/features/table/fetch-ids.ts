// Every id matching a query ("select all matching"), fetched in large pages. Only the ids are
// kept, so even 100k matching rows stay small in memory.
import type { ApiClient } from '../../api/client';
import type { TableQueryBase } from './view-state';

/** Rows per call: the most table.query accepts, to keep the number of calls down. */
export const ID_PAGE_SIZE = 500;

export async function fetchMatchingIds(client: ApiClient, query: TableQueryBase): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += ID_PAGE_SIZE) {
    const page = await client.call('table.query', { ...query, offset, limit: ID_PAGE_SIZE, facets: false });
    for (const row of page.rows) ids.push(row.id);
    // An estimated total (a common term's search, "about N") may be short of the rows: only a
    // short page or an exact total says they have all come.
    if (page.rows.length < ID_PAGE_SIZE || (page.totalExact && ids.length >= page.total)) return ids;
  }
}
