// One column header: the sort button (Shift+click adds the column to a multi-column sort),
// the column's filter, a resize handle (drag, or focus it and use the arrow keys), and drag
// and drop onto another header to reorder.
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { flexRender, type Header } from '@tanstack/react-table';
import type { InitiativeRow, TableColumnId } from '../../../../shared/domain/table';
import { MAX_COLUMN_SIZE } from './column-specs';
import type { frozenProps } from './DataRow';
import { SELECT_COLUMN } from './view-state';

const DRAG_TYPE = 'application/x-briefbook-column';
const KEY_STEP = 16;

export interface HeaderCellProps {
  header: Header<InitiativeRow, unknown>;
  colIndex: number;
  filter?: ReactNode;
  onDropColumn(id: TableColumnId, target: TableColumnId): void;
  /** Frozen: data-frozen and its left offset (DataRow frozenProps). */
  frozen?: ReturnType<typeof frozenProps>;
}

export function HeaderCell({ header, colIndex, filter, onDropColumn, frozen }: HeaderCellProps) {
  const { t } = useTranslation('table');
  const [dropTarget, setDropTarget] = useState(false);
  const column = header.column;
  const id = column.id;
  const isSelect = id === SELECT_COLUMN;
  const sorted = column.getIsSorted();
  const sortIndex = column.getSortIndex();
  const multi = header.getContext().table.getState().sorting.length > 1;
  const label = isSelect ? t('columns.select') : t(`columns.${id as TableColumnId}`);
  const direction = sorted === 'asc' ? t('sort.ascending') : sorted === 'desc' ? t('sort.descending') : null;

  const onDragStart = (e: DragEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('.itable-resizer')) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.setData(DRAG_TYPE, id);
    e.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (isSelect || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDropTarget(true);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDropTarget(false);
    const from = e.dataTransfer.getData(DRAG_TYPE);
    if (!from || isSelect) return;
    e.preventDefault();
    onDropColumn(from as TableColumnId, id as TableColumnId);
  };

  const onResizeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = Math.min(
      column.columnDef.maxSize ?? MAX_COLUMN_SIZE,
      Math.max(column.columnDef.minSize ?? 40, column.getSize() + (e.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP)),
    );
    header.getContext().table.setColumnSizing((old) => ({ ...old, [id]: next }));
  };

  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={sortIndex === 0 && sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
      className="itable-th"
      data-col={id}
      data-drop-target={dropTarget || undefined}
      {...frozen}
      draggable={!isSelect}
      onDragStart={isSelect ? undefined : onDragStart}
      onDragOver={onDragOver}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      {isSelect ? (
        flexRender(column.columnDef.header, header.getContext())
      ) : column.getCanSort() ? (
        <button
          type="button"
          className="itable-sort"
          title={t('sort.hint')}
          onClick={column.getToggleSortingHandler()}
        >
          <span className="itable-th-label">{label}</span>
          {direction && (
            <span className="itable-sort-mark" data-dir={sorted}>
              <span className="itable-icon itable-icon-sort" aria-hidden="true" />
              {multi && <span aria-hidden="true">{sortIndex + 1}</span>}
              <span className="itable-sr">{t('sort.rank', { rank: sortIndex + 1, direction })}</span>
            </span>
          )}
        </button>
      ) : (
        <span className="itable-th-label itable-th-static">{label}</span>
      )}
      {filter}
      {column.getCanResize() && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t('columnMenu.resize', { column: label })}
          aria-valuenow={column.getSize()}
          aria-valuemin={column.columnDef.minSize}
          aria-valuemax={column.columnDef.maxSize}
          tabIndex={0}
          className="itable-resizer"
          data-resizing={column.getIsResizing() || undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            header.getResizeHandler()(e);
          }}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => column.resetSize()}
          onKeyDown={onResizeKey}
        />
      )}
    </div>
  );
}
