// One line of the virtual list: an initiative's row, or a placeholder while its page loads.
import { memo, type CSSProperties } from 'react';
import type { Column, Row } from '@tanstack/react-table';
import type { InitiativeRow } from '../../../../shared/domain/table';
import { renderCell } from './columns';

interface LineProps {
  line: number;
  start: number;
  height: number;
  /** Cells drawn, from the left; the rest are not in the row until the first rows are painted
   *  (TableGrid's cellsShown). The grid's column tracks (--itable-cols) give the row its width
   *  with or without them, and the grid is aria-busy until they come. */
  shown: number;
}

interface DataRowProps extends LineProps {
  row: Row<InitiativeRow>;
  selected: boolean;
  /** The visible columns, in order (what columnsKey names). */
  columns: Column<InitiativeRow, unknown>[];
  /** Visible columns with their widths: the row re-renders when they change. */
  columnsKey: string;
  /** Frozen columns: their left offsets (they change with columnsKey). */
  sticky: Readonly<Record<string, number>>;
}

/**
 * A frozen cell (header or body) sticks at the left of the scroll box (table.css [data-frozen]),
 * at its offset --itable-left: a variable, since the cells stick only while the grid is scrolled
 * sideways and a plain `left` would move them the rest of the time.
 */
export function frozenProps(sticky: Readonly<Record<string, number>>, id: string) {
  const left = sticky[id];
  if (left === undefined) return {};
  const ids = Object.keys(sticky);
  return { 'data-frozen': ids[ids.length - 1] === id ? 'last' : 'yes', style: { '--itable-left': `${left}px` } as CSSProperties };
}

/**
 * Cells come from the columns' renderers (columns.tsx renderCell), not TanStack's cell objects.
 * TanStack makes new Row objects whenever the rows in view change (every few scroll frames);
 * a row re-renders only when its data, selection, place or columns did. Cells that read
 * context (language, reading mode) or an edit re-render on their own.
 */
export const DataRow = memo(function DataRow({ row, line, start, height, selected, columns, sticky, shown }: DataRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={line + 2}
      aria-selected={selected}
      data-line={line}
      data-id={row.id}
      className={selected ? 'itable-row itable-data-row is-selected' : 'itable-row itable-data-row'}
      style={{ transform: `translateY(${start}px)`, height }}
    >
      {columns.slice(0, shown).map((column, i) => (
        <div key={column.id} role="gridcell" aria-colindex={i + 1} data-col={column.id} className="itable-td" {...frozenProps(sticky, column.id)}>
          {renderCell(column.id, row)}
        </div>
      ))}
    </div>
  );
}, sameRow);

function sameRow(a: DataRowProps, b: DataRowProps): boolean {
  return (
    a.row.original === b.row.original &&
    a.selected === b.selected &&
    a.line === b.line &&
    a.start === b.start &&
    a.height === b.height &&
    a.shown === b.shown &&
    a.columnsKey === b.columnsKey
  );
}

export function PlaceholderRow({
  line,
  start,
  height,
  columns,
  sticky,
  shown,
}: LineProps & { columns: Column<InitiativeRow, unknown>[]; sticky: Readonly<Record<string, number>> }) {
  return (
    <div
      role="row"
      aria-rowindex={line + 2}
      aria-busy="true"
      data-line={line}
      className="itable-row itable-placeholder"
      style={{ transform: `translateY(${start}px)`, height }}
    >
      {columns.slice(0, shown).map((column, i) => (
        <div key={column.id} role="gridcell" aria-colindex={i + 1} className="itable-td" {...frozenProps(sticky, column.id)}>
          <span className="itable-skeleton" aria-hidden="true" />
        </div>
      ))}
    </div>
  );
}
