// Row selection through TanStack's rowSelection state, kept in the shared selection store:
// a click toggles one row, Shift+click selects the range from the last clicked row (fetching
// rows not loaded yet), and the header checkbox selects every matching row or clears.
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { OnChangeFn, RowSelectionState } from '@tanstack/react-table';
import type { ApiClient } from '../../api/client';
import { fetchMatchingIds } from './fetch-ids';
import type { PageCache } from './page-cache';
import { selectedIds, useTableSelectionStore } from './selection-store';
import type { TableQueryBase } from './view-state';

export interface RowSelection {
  state: RowSelectionState;
  /** The selected ids, in the order they were selected. */
  ids: string[];
  count: number;
  onChange: OnChangeFn<RowSelectionState>;
  toggleRow(id: string, rowIndex: number | undefined, range: boolean): void;
  selectAllState: 'all' | 'some' | 'none';
  toggleAll(): void;
  selectAllMatching(): Promise<void>;
  clear(): void;
  busy: boolean;
  error: unknown;
}

export function useRowSelection(client: ApiClient, query: TableQueryBase, queryKey: string, cache: PageCache): RowSelection {
  const store = useTableSelectionStore();
  const state = useSyncExternalStore(store.subscribe, store.get);
  const anchor = useRef<number | null>(null);
  const [allFor, setAllFor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = useMemo(() => selectedIds(state), [state]);
  const count = ids.length;

  const onChange = useCallback<OnChangeFn<RowSelectionState>>(
    (updater) => {
      store.set(typeof updater === 'function' ? updater(store.get()) : updater);
      setAllFor(null);
    },
    [store],
  );

  const toggleRow = useCallback(
    (id: string, rowIndex: number | undefined, range: boolean) => {
      const from = anchor.current;
      if (rowIndex !== undefined) anchor.current = rowIndex;
      if (range && from !== null && rowIndex !== undefined && from !== rowIndex) {
        const [first, last] = from < rowIndex ? [from, rowIndex] : [rowIndex, from];
        setBusy(true);
        cache.rows(first, last).then(
          (rows) => {
            setBusy(false);
            const next = { ...store.get() };
            for (const row of rows) next[row.id] = true;
            onChange(next);
          },
          (err: unknown) => {
            setBusy(false);
            setError(err);
          },
        );
        return;
      }
      const next = { ...store.get() };
      if (next[id]) delete next[id];
      else next[id] = true;
      onChange(next);
    },
    [cache, store, onChange],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    onChange({});
  }, [onChange]);

  const selectAllMatching = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const ids = await fetchMatchingIds(client, query);
      store.set(Object.fromEntries(ids.map((id) => [id, true])));
      setAllFor(queryKey);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [client, query, queryKey, store]);

  const selectAllState: RowSelection['selectAllState'] =
    count === 0 ? 'none' : allFor === queryKey ? 'all' : 'some';

  const toggleAll = useCallback(() => {
    if (count > 0) clear();
    else void selectAllMatching();
  }, [count, clear, selectAllMatching]);

  return { state, ids, count, onChange, toggleRow, selectAllState, toggleAll, selectAllMatching, clear, busy, error };
}
