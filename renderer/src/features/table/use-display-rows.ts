// The lines of the virtual list for the current query: rows, plus group headers when grouping,
// with the groups the reader folded (remembered per grouping: a new grouping starts unfolded).
import { useCallback, useMemo, useState } from 'react';
import type { GroupBy } from '../../../../shared/domain/table';
import { displayRows, groupKey, type DisplayRows } from './display-rows';
import type { PageMeta } from './page-cache';

export function useDisplayRows(meta: PageMeta | null, groupBy: GroupBy): { display: DisplayRows; toggleGroup(key: string | null): void } {
  const [collapsed, setCollapsed] = useState<{ by: GroupBy; keys: ReadonlySet<string> }>({ by: null, keys: new Set() });
  const keys = useMemo(() => (collapsed.by === groupBy ? collapsed.keys : new Set<string>()), [collapsed, groupBy]);
  const total = meta?.total ?? 0;
  const groups = groupBy && meta ? meta.groups : null;
  const display = useMemo(() => displayRows(total, groups, keys), [total, groups, keys]);
  const toggleGroup = useCallback(
    (key: string | null) => {
      const next = new Set(keys);
      const id = groupKey(key);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setCollapsed({ by: groupBy, keys: next });
    },
    [keys, groupBy],
  );
  return { display, toggleGroup };
}
