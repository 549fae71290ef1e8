// 完成时限: shown and typed in the interface's format (date-text.ts), not the browser's locale
// (Chromium's date input says mm/dd/yyyy to many Chinese readers). Saved on Enter or when focus
// leaves; a date it cannot read stays in the field, marked, until corrected or Escape restores.
// Past deadlines of unfinished initiatives are marked.
import { useState, type KeyboardEvent } from 'react';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { formatDate, parseDateText } from '../date-text';
import { useTableEnv } from '../table-env';
import { LazyEditor, type EditorControl } from './LazyEditor';
import { caretAtEnd } from './TextCell';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function DeadlineCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const { language } = useTableEnv();
  const edit = useFieldEdit(row, 'deadline');
  const value = edit.value ?? '';
  const [invalid, setInvalid] = useState(false);
  const stored = parseDateText(value);
  const overdue = typeof stored === 'string' && stored !== 'invalid' && stored < today() && row.status !== 'done';
  const label = t('edit.field', { column: t('columns.deadline'), id: row.shortId });
  const hint = t('edit.dateHint');
  /** Saves what was typed if it reads as a date; says so if it does not. */
  const save = (text: string, retry: boolean): boolean => {
    const parsed = parseDateText(text);
    if (parsed === 'invalid') {
      setInvalid(true);
      edit.change(text);
      return false;
    }
    setInvalid(false);
    edit.commit(parsed, retry);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, control: EditorControl) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (save(e.currentTarget.value, true)) control.finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setInvalid(false);
      edit.cancel();
      control.finish(true);
    }
  };
  const problem = invalid ? t('edit.dateInvalid', { text: value, hint }) : null;
  const shown = formatDate(value, language);
  return (
    <LazyEditor
      label={label}
      text={shown}
      keep={keepEditor(edit.phase) || invalid}
      wrapperProps={{ ...phaseProps(edit.phase, edit.error ?? problem), 'data-invalid': invalid || undefined }}
      onTyped={(char) => edit.change(char)}
      display={
        <span className="itable-display-text itable-num" data-overdue={overdue || undefined}>
          {shown}
        </span>
      }
    >
      {(control) => (
        <input
          type="text"
          inputMode="numeric"
          className="itable-input itable-date"
          data-overdue={overdue || undefined}
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-description={problem ?? hint}
          placeholder={hint}
          title={problem ?? hint}
          autoFocus={control.autoFocus}
          onFocus={caretAtEnd}
          value={value}
          onChange={(e) => {
            setInvalid(false);
            edit.change(e.target.value);
          }}
          onKeyDown={(e) => onKeyDown(e, control)}
          onBlur={(e) => save(e.currentTarget.value, false)}
        />
      )}
    </LazyEditor>
  );
}
