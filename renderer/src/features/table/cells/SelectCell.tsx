// The checkbox column: one per row (Shift+click selects the range from the last click) and
// one in the header for every matching row.
import { useEffect, useRef, type MouseEvent } from 'react';
import type { Row } from '@tanstack/react-table';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { useTableEnv } from '../table-env';

export function RowCheckbox({ row }: { row: Row<InitiativeRow> }) {
  const { t } = useTableEnv();
  const { toggleRow } = useTableEnv();
  return (
    <input
      type="checkbox"
      className="itable-check"
      aria-label={t('selection.row', { id: row.original.shortId })}
      checked={row.getIsSelected()}
      onChange={() => undefined}
      onClick={(e: MouseEvent<HTMLInputElement>) => toggleRow(row.id, e.shiftKey)}
    />
  );
}

export function SelectAllCheckbox() {
  const { t } = useTableEnv();
  const { selectAllState, toggleAll } = useTableEnv();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selectAllState === 'some';
  }, [selectAllState]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="itable-check"
      aria-label={t('selection.all')}
      checked={selectAllState === 'all'}
      onChange={toggleAll}
    />
  );
}
