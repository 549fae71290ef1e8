// Show, hide and reorder columns from the keyboard (drag and drop on the headers does the same
// with a mouse): a checkbox and move-left/right buttons per column, in the current order.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableColumnId } from '../../../../shared/domain/table';
import { Popover } from './Popover';

export interface ColumnMenuProps {
  order: readonly TableColumnId[];
  hidden: readonly TableColumnId[];
  onToggle(id: TableColumnId, visible: boolean): void;
  onMove(id: TableColumnId, step: -1 | 1): void;
  onReset(): void;
}

export function ColumnMenu({ order, hidden, onToggle, onMove, onReset }: ColumnMenuProps) {
  const { t } = useTranslation('table');
  // Moving a column moves its list item; keep focus on the button that moved it (or its twin
  // when that one is now disabled at the end of the list).
  const [moved, setMoved] = useState<{ id: TableColumnId; step: -1 | 1; n: number } | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  useEffect(() => {
    if (!moved || !listRef.current) return;
    const button = (step: number) => listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${moved.id}:${step}"]`);
    const target = button(moved.step);
    (target && !target.disabled ? target : button(-moved.step))?.focus();
  }, [moved]);
  const move = (id: TableColumnId, step: -1 | 1) => {
    onMove(id, step);
    setMoved((m) => ({ id, step, n: (m?.n ?? 0) + 1 }));
  };
  return (
    <Popover
      label={t('columnMenu.title')}
      buttonClassName="itable-button"
      buttonContent={
        <>
          <span className="itable-icon itable-icon-columns" aria-hidden="true" />
          {t('toolbar.columns')}
        </>
      }
      panelClassName="itable-column-panel"
    >
      <>
        <ul className="itable-column-list" ref={listRef}>
          {order.map((id, i) => {
            const label = t(`columns.${id}`);
            return (
              <li key={id} className="itable-column-item">
                <label className="itable-facet-option">
                  <input type="checkbox" checked={!hidden.includes(id)} onChange={(e) => onToggle(id, e.target.checked)} />
                  <span className="itable-facet-name">{label}</span>
                </label>
                <button
                  type="button"
                  className="itable-icon-button"
                  aria-label={t('columnMenu.moveLeft', { column: label })}
                  title={t('columnMenu.moveLeft', { column: label })}
                  data-move={`${id}:-1`}
                  disabled={i === 0}
                  onClick={() => move(id, -1)}
                >
                  <span className="itable-icon itable-icon-left" aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="itable-icon-button"
                  aria-label={t('columnMenu.moveRight', { column: label })}
                  title={t('columnMenu.moveRight', { column: label })}
                  data-move={`${id}:1`}
                  disabled={i === order.length - 1}
                  onClick={() => move(id, 1)}
                >
                  <span className="itable-icon itable-icon-right" aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
        <p className="itable-panel-hint">{t('columnMenu.drag')}</p>
        <button type="button" className="itable-button itable-panel-action" onClick={onReset}>
          {t('columnMenu.reset')}
        </button>
      </>
    </Popover>
  );
}
