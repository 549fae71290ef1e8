// The reader's short text fields (lead unit, responsible units, progress): an inline input that
// saves on Enter or when focus leaves (Tab), and goes back to the stored text on Escape.
import { useTableEnv } from '../table-env';
import type { KeyboardEvent } from 'react';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { FIELD_LIMITS } from '../../../../../shared/text';
import { moveFocusVertically } from '../grid-focus';
import { LazyEditor, type EditorControl } from './LazyEditor';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

export type TextField = 'leadUnit' | 'responsibleUnits' | 'progressNote';

const toStored = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function TextCell({ row, field }: { row: InitiativeRow; field: TextField }) {
  const { t } = useTableEnv();
  const edit = useFieldEdit(row, field);
  const text = edit.value ?? '';
  const label = t('edit.field', { column: t(`columns.${field}`), id: row.shortId });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, control: EditorControl) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      edit.commit(toStored(e.currentTarget.value), true);
      control.finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      edit.cancel();
      control.finish(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (moveFocusVertically(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
    }
  };
  return (
    <LazyEditor
      label={label}
      text={text}
      keep={keepEditor(edit.phase)}
      wrapperProps={phaseProps(edit.phase, edit.error)}
      onTyped={(char) => edit.change(char)}
      display={
        <span className="itable-display-text" title={text || undefined}>
          {text}
        </span>
      }
    >
      {(control) => (
        <input
          type="text"
          className="itable-input"
          aria-label={label}
          maxLength={FIELD_LIMITS[field]}
          autoFocus={control.autoFocus}
          onFocus={caretAtEnd}
          value={text}
          title={edit.error ?? (text || undefined)}
          onChange={(e) => edit.change(e.target.value)}
          onKeyDown={(e) => onKeyDown(e, control)}
          onBlur={(e) => edit.commit(toStored(e.currentTarget.value))}
        />
      )}
    </LazyEditor>
  );
}

/** Editing continues the text, as in a spreadsheet's cell editor (not a selection to overwrite). */
export function caretAtEnd(e: { currentTarget: HTMLInputElement }): void {
  const end = e.currentTarget.value.length;
  e.currentTarget.setSelectionRange(end, end);
}
