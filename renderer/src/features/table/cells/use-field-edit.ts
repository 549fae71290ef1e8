// One editable field of one row: the value to show (the reader's edit while there is one, else
// the stored value), its save phase, and the actions an editor needs.
import { useCallback } from 'react';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import type { EditPhase, EditableField, FieldValue } from '../edit-store';
import { useEdit, useTableEnv } from '../table-env';

export interface FieldEdit<F extends EditableField> {
  value: FieldValue<F>;
  phase: EditPhase | null;
  error: string | null;
  /** Keeps a typed value without saving it. */
  change(value: FieldValue<F>): void;
  /** Saves the value (the typed one when omitted); `retry` resends a value that failed. */
  commit(value?: FieldValue<F>, retry?: boolean): void;
  /** Back to the stored value (Escape). */
  cancel(): void;
}

export function useFieldEdit<F extends EditableField>(row: InitiativeRow, field: F): FieldEdit<F> {
  const { edits } = useTableEnv();
  const edit = useEdit(row.id, field);
  const value = (edit ? edit.value : row[field]) as FieldValue<F>;
  const change = useCallback((next: FieldValue<F>) => edits.change(row.id, field, next), [edits, row.id, field]);
  const commit = useCallback(
    (next?: FieldValue<F>, retry = false) => {
      const current = edits.get(row.id, field);
      const chosen = next !== undefined ? next : current ? current.value : row[field];
      void edits.commit(row, field, chosen, retry);
    },
    [edits, row, field],
  );
  const cancel = useCallback(() => edits.cancel(row.id, field), [edits, row.id, field]);
  return { value, phase: edit?.phase ?? null, error: edit?.error ?? null, change, commit, cancel };
}

/** Whether a lazy editor must keep its control: typed and unsaved, or refused. */
export function keepEditor(phase: EditPhase | null): boolean {
  return phase === 'editing' || phase === 'error' || phase === 'conflict';
}

/** Class and ARIA attributes that show an editor's save phase. */
export function phaseProps(phase: EditPhase | null, error: string | null) {
  return {
    'data-phase': phase ?? undefined,
    'aria-invalid': phase === 'error' || phase === 'conflict' ? true : undefined,
    'aria-busy': phase === 'saving' ? true : undefined,
    title: error ?? undefined,
  } as const;
}
