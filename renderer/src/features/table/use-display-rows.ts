// The lines of the virtual list for the current query: rows, plus group headers when grouping,
// with the groups the reader folded (remembered per grouping: a new grouping starts unfolded).
// The folded keys are also what every page of a new query asks the core to name (`foldedRef`,
// read by the query's fetches), so that a folded group stays folded wherever its rows are.
import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { GroupBy } from '../../../../shared/domain/table';
import { displayRows, groupKey, type DisplayRows } from './display-rows';
import type { PageMeta } from './page-cache';

/** The folded groups' keys, as the query's groupKeys. */
export type FoldedKeys = RefObject<(string | null)[]>;

export function useDisplayRows(
  meta: PageMeta | null,
  groupBy: GroupBy,
  foldedRef?: FoldedKeys,
): { display: DisplayRows; toggleGroup(key: string | null): void } {
  const [collapsed, setCollapsed] = useState<{ by: GroupBy; keys: ReadonlySet<string>; raw: readonly (string | null)[] }>({
    by: null,
    keys: new Set(),
    raw: [],
  });
  const current = collapsed.by === groupBy ? collapsed : null;
  const keys = useMemo(() => current?.keys ?? new Set<string>(), [current]);
  // Before the effects that fetch a new query's pages.
  useLayoutEffect(() => {
    if (foldedRef) foldedRef.current = groupBy ? [...(current?.raw ?? [])] : [];
  }, [foldedRef, groupBy, current]);
  const total = meta?.total ?? 0;
  const groups = groupBy && meta ? meta : null;
  const counts = groups?.groupCounts;
  const named = groups?.groups;
  const display = useMemo(() => displayRows(total, counts && named ? { counts, named } : null, keys), [total, counts, named, keys]);
  const toggleGroup = useCallback(
    (key: string | null) => {
      const id = groupKey(key);
      const raw = (current?.raw ?? []).filter((k) => groupKey(k) !== id);
      if (!keys.has(id)) raw.push(key);
      setCollapsed({ by: groupBy, keys: new Set(raw.map(groupKey)), raw });
    },
    [current, keys, groupBy],
  );
  return { display, toggleGroup };
}
