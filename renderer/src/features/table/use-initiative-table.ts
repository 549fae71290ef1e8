// The TanStack table over the rows in view. Its sorting, column order, visibility and sizing are
// controlled state derived from the view state (so a saved view is that one object), and its row
// selection is the shared selection store. Sorting, filtering, grouping and paging are manual:
// the core did them in SQL, and rowCount is the query's total.
import { getCoreRowModel, useReactTable, type ColumnSizingState, type OnChangeFn, type RowSelectionState, type Table, type Updater } from '@tanstack/react-table';
import type { Dispatch, SetStateAction } from 'react';
import type { InitiativeRow, TableColumnId, TableViewState } from '../../../../shared/domain/table';
import { useInitiativeColumns } from './columns';
import {
  displayColumnOrder,
  hiddenFromVisibility,
  hiddenKeepingOmitted,
  orderFromColumnOrder,
  orderFromDisplay,
  sizesFromSizing,
  sizingOf,
  sortFromSorting,
  sortingOf,
  visibilityOf,
} from './view-state';

const resolve = <T,>(updater: Updater<T>, old: T): T =>
  typeof updater === 'function' ? (updater as (o: T) => T)(old) : updater;

export interface InitiativeTableOptions {
  rows: InitiativeRow[];
  total: number;
  state: TableViewState;
  setState: Dispatch<SetStateAction<TableViewState>>;
  rowSelection: RowSelectionState;
  onRowSelectionChange: OnChangeFn<RowSelectionState>;
  /** The id and headline columns come first and stay put when scrolling sideways. */
  frozen: boolean;
  /** Widths for columns the reader has not sized (English text needs more room than Chinese). */
  defaultSizes: ColumnSizingState;
  /** Columns not shown in the current scope whatever the view state says (omittedColumns). */
  omitted: readonly TableColumnId[];
}

export function useInitiativeTable(o: InitiativeTableOptions): Table<InitiativeRow> {
  const columns = useInitiativeColumns();
  const { state, setState, omitted } = o;
  const visibility = (s: TableViewState) => ({ ...visibilityOf(s), ...Object.fromEntries(omitted.map((id) => [id, false])) });
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack's table is read during render by design
  return useReactTable<InitiativeRow>({
    data: o.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    manualGrouping: true,
    rowCount: o.total,
    enableMultiSort: true,
    enableRowSelection: true,
    columnResizeMode: 'onChange',
    state: {
      sorting: sortingOf(state),
      columnVisibility: visibility(state),
      columnOrder: displayColumnOrder(state, o.frozen),
      columnSizing: { ...o.defaultSizes, ...sizingOf(state) },
      rowSelection: o.rowSelection,
    },
    onSortingChange: (u) => setState((s) => ({ ...s, sort: sortFromSorting(resolve(u, sortingOf(s))) })),
    onColumnVisibilityChange: (u) =>
      setState((s) => ({
        ...s,
        columns: { ...s.columns, hidden: hiddenKeepingOmitted(hiddenFromVisibility(resolve(u, visibility(s))), s.columns.hidden, omitted) },
      })),
    onColumnOrderChange: (u) =>
      setState((s) => ({
        ...s,
        columns: {
          ...s.columns,
          order: orderFromDisplay(s.columns.order, orderFromColumnOrder(resolve(u, displayColumnOrder(s, o.frozen))), o.frozen),
        },
      })),
    onColumnSizingChange: (u) =>
      setState((s) => ({ ...s, columns: { ...s.columns, sizes: sizesFromSizing(resolve(u, sizingOf(s))) } })),
    onRowSelectionChange: o.onRowSelectionChange,
  });
}
