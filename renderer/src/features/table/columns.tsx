// The table's column definitions, built once: cells read the language, reading mode and
// stores from context (TableEnv), so nothing here changes when those do. Sorting and
// filtering are the core's (manual), so no sorting or filter functions are defined here.
import { useMemo } from 'react';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { InitiativeRow, TableColumnId } from '../../../../shared/domain/table';
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

export function buildColumns(): ColumnDef<InitiativeRow, unknown>[] {
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
      cell: ({ row }) => <RowCheckbox row={row} />,
    }),
    column.display({ ...spec('shortId'), cell: ({ row }) => <ShortIdCell row={row.original} /> }),
    column.display({ ...spec('plan'), cell: ({ row }) => <PlanCell row={row.original} /> }),
    column.display({ ...spec('theme'), cell: ({ row }) => <ThemeCell row={row.original} /> }),
    column.display({ ...spec('headline'), cell: ({ row }) => <HeadlineCell row={row.original} /> }),
    column.display({ ...spec('status'), cell: ({ row }) => <StatusCell row={row.original} /> }),
    column.display({ ...spec('priority'), cell: ({ row }) => <PriorityCell row={row.original} /> }),
    column.display({ ...spec('leadUnit'), cell: ({ row }) => <TextCell row={row.original} field="leadUnit" /> }),
    column.display({
      ...spec('responsibleUnits'),
      cell: ({ row }) => <TextCell row={row.original} field="responsibleUnits" />,
    }),
    column.display({ ...spec('deadline'), cell: ({ row }) => <DeadlineCell row={row.original} /> }),
    column.display({ ...spec('progressNote'), cell: ({ row }) => <TextCell row={row.original} field="progressNote" /> }),
    column.display({ ...spec('tags'), cell: ({ row }) => <TagsCell row={row.original} /> }),
    column.display({ ...spec('highlightCount'), cell: ({ row }) => <CountCell value={row.original.highlightCount} /> }),
    column.display({ ...spec('noteCount'), cell: ({ row }) => <CountCell value={row.original.noteCount} /> }),
    column.display({ ...spec('touchedAt'), cell: ({ row }) => <TouchedCell value={row.original.touchedAt} /> }),
    column.display({ ...spec('industries'), cell: ({ row }) => <IndustriesCell row={row.original} /> }),
  ];
  return defs as ColumnDef<InitiativeRow, unknown>[];
}

/** The column definitions, created once per table. */
export function useInitiativeColumns(): ColumnDef<InitiativeRow, unknown>[] {
  return useMemo(() => buildColumns(), []);
}
