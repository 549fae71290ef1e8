// The initiative table's conflicts: the oldest edit the core refused as stale, shown in the
// conflict dialog with the field's value as stored now and as the reader typed it.
import { useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { StatusOption } from '../../../../shared/domain/table';
import { PRIORITY_LABELS, TABLE_COLUMN_LABELS } from '../../../../shared/i18n/table-columns';
import type { EditConflict, EditStore, FieldValue } from '../table/edit-store';
import { ConflictDialog, ConflictValue } from './ConflictDialog';

interface Props {
  edits: EditStore;
  statusOptions: readonly StatusOption[];
}

export function EditConflicts({ edits, statusOptions }: Props) {
  const { i18n } = useTranslation('conflicts');
  useSyncExternalStore(edits.subscribe, edits.getVersion);
  const conflict = edits.conflicts()[0];
  if (!conflict) return null;
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const text = (value: FieldValue) => displayText(conflict, value, language, statusOptions);
  return (
    <ConflictDialog
      key={conflict.key}
      what={`${conflict.current.shortId} ${TABLE_COLUMN_LABELS[language][conflict.field]}`}
      theirs={<ConflictValue text={text(conflict.current[conflict.field])} />}
      mine={<ConflictValue text={text(conflict.mine)} />}
      more={edits.conflicts().length - 1}
      onKeepTheirs={() => edits.keepTheirs(conflict)}
      onOverwrite={() => void edits.overwrite(conflict)}
      onEdit={() => edits.editAgain(conflict)}
    />
  );
}

function displayText(
  conflict: EditConflict,
  value: FieldValue,
  language: 'zh' | 'en',
  statusOptions: readonly StatusOption[],
): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(language === 'zh' ? '、' : ', ');
  if (conflict.field === 'status') return statusOptions.find((o) => o.key === value)?.label[language] ?? value;
  if (conflict.field === 'priority') return PRIORITY_LABELS[language][value as keyof (typeof PRIORITY_LABELS)['zh']] ?? value;
  return value;
}
