// The table's column definitions, built once: cells read the language, reading mode and
// stores from context (TableEnv), so nothing here changes when those do. Sorting and
// filtering are the core's (manual), so no sorting or filter functions are defined here.
import { useMemo, type ReactNode } from 'react';
import { createColumnHelper, type ColumnDef, type Row } from '@tanstack/react-table';
import { TABLE_COLUMNS, type InitiativeRow, type TableColumnId } from '../../../../shared/domain/table';
import { COLUMN_SPECS, MAX_COLUMN_SIZE, SELECT_COLUMN_SIZE } from './column-specs';
import { DeadlineCell } from './cells/DeadlineCell';
import { HeadlineCell } from './cells/HeadlineCell';
import { IndustriesCell } from './cells/IndustriesCell';
import { PriorityCell } from './cells/PriorityCell';
import { RowCheckbox, SelectAllCheckbox } from './cells/SelectCell';
import { StatusCell } from './cells/StatusCell';
import { TagsCell } from './cells/TagsCell';
import { TextCell } from './cells/TextCell';
import { CountCell, PlanCell, ShortIdCell, ThemeCell, TouchedCell } from './cells/ValueCells';
import { SELECT_COLUMN } from './view-state';

const column = createColumnHelper<InitiativeRow>();

/** TanStack sorts (even manually) only columns with an accessor; this one reads the row's field. */
function spec(id: TableColumnId) {
  const s = COLUMN_SPECS[id];
  return {
    id,
    accessorFn: (row: InitiativeRow): unknown => (id === 'theme' ? row.themeOrdinal : id === 'plan' ? row.planTitle : row[id]),
    size: s.size,
    minSize: s.minSize,
    maxSize: MAX_COLUMN_SIZE,
    enableSorting: s.sortable,
    sortDescFirst: s.descFirst ?? false,
  };
}

/**
 * Each column's cell, drawn by the grid's rows (DataRow) straight from the row: TanStack's own
 * cells (row.getVisibleCells) are objects with a dozen closures each, made for every column of
 * every row in view (hidden ones too) each time the rows in view change, a tenth of the main
 * thread's script to the table's first rows. The column definitions render the same.
 */
const CELLS: Record<TableColumnId | typeof SELECT_COLUMN, (row: Row<InitiativeRow>) => ReactNode> = {
  [SELECT_COLUMN]: (row) => <RowCheckbox row={row} />,
  shortId: (row) => <ShortIdCell row={row.original} />,
  plan: (row) => <PlanCell row={row.original} />,
  theme: (row) => <ThemeCell row={row.original} />,
  headline: (row) => <HeadlineCell row={row.original} />,
  status: (row) => <StatusCell row={row.original} />,
  priority: (row) => <PriorityCell row={row.original} />,
  leadUnit: (row) => <TextCell row={row.original} field="leadUnit" />,
  responsibleUnits: (row) => <TextCell row={row.original} field="responsibleUnits" />,
  deadline: (row) => <DeadlineCell row={row.original} />,
  progressNote: (row) => <TextCell row={row.original} field="progressNote" />,
  tags: (row) => <TagsCell row={row.original} />,
  highlightCount: (row) => <CountCell value={row.original.highlightCount} />,
  noteCount: (row) => <CountCell value={row.original.noteCount} />,
  touchedAt: (row) => <TouchedCell value={row.original.touchedAt} />,
  industries: (row) => <IndustriesCell row={row.original} />,
};

/** The cell of one column (by id) of one row. */
export function renderCell(columnId: string, row: Row<InitiativeRow>): ReactNode {
  const render = CELLS[columnId as TableColumnId];
  return render ? render(row) : null;
}

export function buildColumns(): ColumnDef<InitiativeRow, unknown>[] {
  const cell = (id: TableColumnId) => column.display({ ...spec(id), cell: ({ row }) => CELLS[id](row) });
  const defs = [
    column.display({
      id: SELECT_COLUMN,
      size: SELECT_COLUMN_SIZE,
      minSize: SELECT_COLUMN_SIZE,
      maxSize: SELECT_COLUMN_SIZE,
      enableSorting: false,
      enableHiding: false,
      enableResizing: false,
      header: () => <SelectAllCheckbox />,
      cell: ({ row }) => CELLS[SELECT_COLUMN](row),
    }),
    ...TABLE_COLUMNS.map(cell),
  ];
  return defs as ColumnDef<InitiativeRow, unknown>[];
}

/** The column definitions, created once per table. */
export function useInitiativeColumns(): ColumnDef<InitiativeRow, unknown>[] {
  return useMemo(() => buildColumns(), []);
}
