// 完成时限: a date input; saved on Enter or when focus leaves, Escape restores. Past deadlines of
// unfinished initiatives are marked.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { LazyEditor } from './LazyEditor';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function DeadlineCell({ row }: { row: InitiativeRow }) {
  const { t } = useTranslation('table');
  const edit = useFieldEdit(row, 'deadline');
  const value = edit.value ?? '';
  const overdue = value !== '' && value < today() && row.status !== 'done';
  const label = t('edit.field', { column: t('columns.deadline'), id: row.shortId });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      edit.commit(e.currentTarget.value || null, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      edit.cancel();
    }
  };
  return (
    <LazyEditor
      label={label}
      keep={keepEditor(edit.phase)}
      wrapperProps={phaseProps(edit.phase, edit.error)}
      display={
        <span className="itable-display-text itable-num" data-overdue={overdue || undefined}>
          {value}
        </span>
      }
    >
      {(autoFocus) => (
        <input
          type="date"
          className="itable-input itable-date"
          data-overdue={overdue || undefined}
          data-empty={value === '' || undefined}
          aria-label={label}
          autoFocus={autoFocus}
          // Four-digit years: Chromium otherwise lets a fifth digit slip in while typing.
          min="1900-01-01"
          max="9999-12-31"
          value={value}
          onChange={(e) => edit.change(e.target.value || null)}
          onKeyDown={onKeyDown}
          onBlur={(e) => edit.commit(e.currentTarget.value || null)}
        />
      )}
    </LazyEditor>
  );
}
