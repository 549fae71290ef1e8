// Shown above the app the moment the background check finds damage in the open database: what
// was found, and the way on (a backup now while it still reads, a full check, a restore).
import { useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';
import { RestoreDialog } from './RestoreDialog';
import { useStorageAction } from './use-storage-action';
import './storage.css';

interface Props {
  client: ApiClient;
  status: StorageStatus;
  onStatus(status: StorageStatus): void;
  onRestored(): void;
}

export function DamageBanner({ client, status, onStatus, onRestored }: Props) {
  const { t } = useTranslation('storage');
  const [restoring, setRestoring] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useStorageAction();
  const check = status.check;
  if (!check || check.state !== 'damaged' || hidden) {
    return restoring ? <RestoreDialog client={client} onClose={() => setRestoring(false)} onRestored={onRestored} /> : null;
  }

  const backupNow = async () => {
    const made = await action.run('backup', () => client.call('storage.backupNow', {}));
    if (made) setNotice(t('banner.backedUp', { name: made.name }));
  };
  const fullCheck = async () => {
    const result = await action.run('check', () => client.call('storage.check', {}));
    if (result) {
      onStatus({ ...status, check: result });
      if (result.state === 'ok') setNotice(t('banner.checkOk'));
    }
  };

  return (
    <>
      <section className="damage-banner" role="alert" aria-labelledby="damage-banner-title">
        <div className="damage-banner-text">
          <h2 id="damage-banner-title">{t('banner.title')}</h2>
          <p>{t('banner.body')}</p>
          <p className="recovery-file">
            <span className="recovery-file-label">{t('recovery.fileLabel')}</span>
            <code>{status.file}</code>
          </p>
          {check.details.length > 0 && (
            <details>
              <summary>{t('banner.details')}</summary>
              <pre>{check.details.join('\n')}</pre>
            </details>
          )}
          {notice && <p role="status" className="damage-banner-notice">{notice}</p>}
          {action.error && <p className="storage-error">{t('recovery.failed', { message: action.error })}</p>}
        </div>
        <div className="storage-actions damage-banner-actions">
          <button type="button" className="dialog-primary" disabled={action.busy !== null} onClick={() => void backupNow()}>
            {action.busy === 'backup' ? t('banner.backingUp') : t('banner.backupNow')}
          </button>
          <button type="button" disabled={action.busy !== null} onClick={() => setRestoring(true)}>
            {t('banner.restore')}
          </button>
          <button type="button" disabled={action.busy !== null} onClick={() => void fullCheck()}>
            {action.busy === 'check' ? t('banner.checking') : t('banner.fullCheck')}
          </button>
          <button type="button" className="storage-quiet" onClick={() => setHidden(true)}>
            {t('banner.dismiss')}
          </button>
        </div>
      </section>
      {restoring && <RestoreDialog client={client} onClose={() => setRestoring(false)} onRestored={onRestored} />}
    </>
  );
}
