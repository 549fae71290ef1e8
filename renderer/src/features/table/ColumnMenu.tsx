// Show, hide and reorder columns from the keyboard (drag and drop on the headers does the same
// with a mouse): a checkbox and move-left/right buttons per column, in the current order.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { TableColumnId } from '../../../../shared/domain/table';
import { Popover } from './Popover';
import { FROZEN_COLUMNS } from './view-state';

export interface ColumnMenuProps {
  order: readonly TableColumnId[];
  hidden: readonly TableColumnId[];
  onToggle(id: TableColumnId, visible: boolean): void;
  onMove(id: TableColumnId, step: -1 | 1): void;
  onReset(): void;
  /** The id and headline columns stay at the left while the grid scrolls sideways. */
  frozen: boolean;
  onFrozen(frozen: boolean): void;
}

export function ColumnMenu({ order, hidden, onToggle, onMove, onReset, frozen, onFrozen }: ColumnMenuProps) {
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
        <label className="itable-facet-option itable-freeze-option">
          <input type="checkbox" checked={frozen} onChange={(e) => onFrozen(e.target.checked)} />
          <span className="itable-facet-name">{t('columnMenu.freeze')}</span>
        </label>
        <ul className="itable-column-list" ref={listRef}>
          {order.map((id, i) => {
            const label = t(`columns.${id}`);
            // Frozen columns keep their place at the left; the others move among themselves.
            const locked = frozen && FROZEN_COLUMNS.includes(id);
            const firstMovable = frozen ? FROZEN_COLUMNS.length : 0;
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
                  disabled={locked || i <= firstMovable}
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
                  disabled={locked || i === order.length - 1}
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
