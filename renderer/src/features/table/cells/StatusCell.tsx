// Status: a select over the configured options, labelled in the UI language, drawn as a pill.
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { statusLabel } from '../plan-text';
import { useTableEnv } from '../table-env';
import { LazyEditor } from './LazyEditor';
import { choose, openPicker, selectKeys } from './select-editing';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

/** Pill colours exist for the default statuses; other keys get the neutral pill. */
export function statusTone(key: string | null): string {
  return key === 'not_started' || key === 'in_progress' || key === 'done' || key === 'watching' ? key : key ? 'custom' : 'none';
}

export function StatusCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const { statusOptions, language } = useTableEnv();
  const edit = useFieldEdit(row, 'status');
  const value = edit.value;
  const known = value === null || statusOptions.some((o) => o.key === value);
  const label = t('edit.field', { column: t('columns.status'), id: row.shortId });
  const text = statusLabel(value, statusOptions, language) ?? t('unset');
  return (
    <LazyEditor
      label={label}
      text={text}
      keep={keepEditor(edit.phase)}
      className="itable-choice"
      wrapperProps={phaseProps(edit.phase, edit.error)}
      display={
        <span className="itable-pill" data-tone={statusTone(value)}>
          {text}
        </span>
      }
    >
      {(control) => (
        <select
          className="itable-pill"
          data-tone={statusTone(value)}
          aria-label={label}
          autoFocus={control.autoFocus}
          ref={openPicker(control)}
          onKeyDown={(e) => selectKeys(e, control, edit)}
          onBlur={() => edit.commit()}
          value={value ?? ''}
          onChange={(e) => choose(e.currentTarget, e.target.value === '' ? null : e.target.value, control, edit)}
        >
          <option value="">{t('unset')}</option>
          {statusOptions.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label[language]}
            </option>
          ))}
          {!known && <option value={value}>{value}</option>}
        </select>
      )}
    </LazyEditor>
  );
}
