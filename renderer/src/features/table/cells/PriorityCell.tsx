// Priority: high / medium / low or unset.
import { useTableEnv } from '../table-env';
import { PRIORITIES, type InitiativeRow, type Priority } from '../../../../../shared/domain/table';
import { LazyEditor } from './LazyEditor';
import { choose, openPicker, selectKeys } from './select-editing';
import { keepEditor, phaseProps, useFieldEdit } from './use-field-edit';

export function PriorityCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const edit = useFieldEdit(row, 'priority');
  const label = t('edit.field', { column: t('columns.priority'), id: row.shortId });
  const text = edit.value ? t(`priority.${edit.value}`) : t('unset');
  return (
    <LazyEditor
      label={label}
      text={text}
      keep={keepEditor(edit.phase)}
      className="itable-choice"
      wrapperProps={phaseProps(edit.phase, edit.error)}
      display={
        <span className="itable-select" data-priority={edit.value ?? 'none'}>
          {text}
        </span>
      }
    >
      {(control) => (
        <select
          className="itable-select"
          data-priority={edit.value ?? 'none'}
          aria-label={label}
          autoFocus={control.autoFocus}
          ref={openPicker(control)}
          onKeyDown={(e) => selectKeys(e, control, edit)}
          onBlur={() => edit.commit()}
          value={edit.value ?? ''}
          onChange={(e) => choose<Priority | null>(e.currentTarget, e.target.value === '' ? null : (e.target.value as Priority), control, edit)}
        >
          <option value="">{t('unset')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      )}
    </LazyEditor>
  );
}
