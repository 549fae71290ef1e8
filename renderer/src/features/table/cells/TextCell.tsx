// The reader's short text fields (lead unit, responsible units, progress): an inline input that
// saves on Enter or when focus leaves, and goes back to the stored text on Escape.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { FIELD_LIMITS } from '../../../../../shared/text';
import { moveFocusVertically } from '../grid-focus';
import { LazyEditor } from './LazyEditor';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

export type TextField = 'leadUnit' | 'responsibleUnits' | 'progressNote';

const toStored = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function TextCell({ row, field }: { row: InitiativeRow; field: TextField }) {
  const { t } = useTranslation('table');
  const edit = useFieldEdit(row, field);
  const text = edit.value ?? '';
  const label = t('edit.field', { column: t(`columns.${field}`), id: row.shortId });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      edit.commit(toStored(e.currentTarget.value), true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      edit.cancel();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (moveFocusVertically(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
    }
  };
  return (
    <LazyEditor
      label={label}
      keep={keepEditor(edit.phase)}
      wrapperProps={phaseProps(edit.phase, edit.error)}
      display={
        <span className="itable-display-text" title={text || undefined}>
          {text}
        </span>
      }
    >
      {(autoFocus) => (
        <input
          type="text"
          className="itable-input"
          aria-label={label}
          maxLength={FIELD_LIMITS[field]}
          autoFocus={autoFocus}
          value={text}
          title={edit.error ?? (text || undefined)}
          onChange={(e) => edit.change(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={(e) => edit.commit(toStored(e.currentTarget.value))}
        />
      )}
    </LazyEditor>
  );
}
