// Restore while the app runs (offered by the damage banner): the backups to choose from in a
// modal dialog; after a restore the app starts again on the restored file.
import { useTranslation } from '../../i18n/ui-text';
import type { ApiClient } from '../../api/client';
import { useModalDialog } from '../preferences/use-modal-dialog';
import { BackupList } from './BackupList';
import { useBackupChoice } from './use-backup-choice';
import { useStorageAction } from './use-storage-action';

interface Props {
  client: ApiClient;
  onClose(): void;
  onRestored(): void;
}

export function RestoreDialog({ client, onClose, onRestored }: Props) {
  const { t } = useTranslation('storage');
  const { ref, onKeyDown, onCancel } = useModalDialog(onClose);
  const action = useStorageAction();
  const { backups, selected, select, restore: restoreChosen } = useBackupChoice(client, action);

  const restore = async () => {
    const status = await restoreChosen();
    if (status?.mode === 'ready') onRestored();
  };

  return (
    <dialog ref={ref} className="dialog-surface storage-dialog" aria-labelledby="storage-dialog-title" onKeyDown={onKeyDown} onCancel={onCancel}>
      <h2 id="storage-dialog-title">{t('dialog.title')}</h2>
      <p className="recovery-hint">{t('dialog.intro')}</p>
      {action.error && (
        <p className="storage-error" role="alert">
          {t('recovery.failed', { message: action.error })}
        </p>
      )}
      {backups && <BackupList backups={backups} selected={selected} onSelect={select} disabled={action.busy !== null} />}
      <div className="storage-actions storage-dialog-actions">
        <button type="button" onClick={onClose} disabled={action.busy !== null}>
          {t('dialog.close')}
        </button>
        <button type="button" className="dialog-primary" disabled={!selected || action.busy !== null} onClick={() => void restore()}>
          {action.busy === 'restore' ? t('recovery.restoring') : t('recovery.restore')}
        </button>
      </div>
    </dialog>
  );
}
