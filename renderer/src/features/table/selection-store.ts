// The initiatives the reader selected in the table, kept outside the table so other features
// (briefing packets) can read them. The table drives it through TanStack's rowSelection state
// (a record of id → true). Mount <TableSelectionProvider> high in the tree to share one store;
// without it, each reader of the default context shares the app-wide default store.
import { createContext, createElement, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { RowSelectionState } from '@tanstack/react-table';

export interface TableSelectionStore {
  /** The selection as TanStack's rowSelection record. Same object until it changes. */
  get(): RowSelectionState;
  set(next: RowSelectionState): void;
  subscribe(listener: () => void): () => void;
}

export function createTableSelectionStore(): TableSelectionStore {
  let state: RowSelectionState = {};
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const SelectionContext = createContext<TableSelectionStore>(createTableSelectionStore());

export function TableSelectionProvider({ store, children }: { store?: TableSelectionStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createTableSelectionStore());
  return createElement(SelectionContext.Provider, { value: store ?? own }, children);
}

export function useTableSelectionStore(): TableSelectionStore {
  return useContext(SelectionContext);
}

/** Selected initiative ids, in the order they were selected. */
export function selectedIds(state: RowSelectionState): string[] {
  return Object.keys(state).filter((id) => state[id]);
}

/** The selected initiative ids, for any feature (e.g. packets). */
export function useTableSelection(): string[] {
  const store = useTableSelectionStore();
  const state = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => selectedIds(state), [state]);
}
