// The screen shown instead of the app when the database file was refused: what is wrong with
// which file, and the three ways on: restore a backup, move the file aside and start a new
// database (only after the reader confirms), or leave everything as it is.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { StorageProblem } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';
import { HTML_LANG, isLanguage } from '../../i18n/i18n';
import { BackupList } from './BackupList';
import { useBackupChoice } from './use-backup-choice';
import { useStorageAction } from './use-storage-action';
import './storage.css';

interface Props {
  client: ApiClient;
  problem: StorageProblem;
  /** The database is open again (restored or new): the app can start. */
  onRecovered(): void;
}

export function RecoveryScreen({ client, problem, onRecovered }: Props) {
  const { t, i18n } = useTranslation('storage');
  const [confirming, setConfirming] = useState(false);
  const action = useStorageAction();
  const { backups, selected, select, restore: restoreChosen } = useBackupChoice(client, action);

  useEffect(() => {
    document.title = t('recovery.title');
    // The app is not running to do this: the document language picks the faces (English
    // quotes drawn by the Latin face, not full-width).
    document.documentElement.lang = HTML_LANG[isLanguage(i18n.language) ? i18n.language : 'zh'];
  }, [t, i18n.language]);

  const restore = async () => {
    const status = await restoreChosen();
    if (status?.mode === 'ready') onRecovered();
  };
  const startNew = async () => {
    const status = await action.run('new', () => client.call('storage.quarantineAndStartNew', { confirm: true }));
    if (status?.mode === 'ready') onRecovered();
  };
  const otherLanguage = i18n.language === 'en' ? 'zh' : 'en';

  return (
    <main className="recovery">
      <div className="recovery-card">
        <header className="recovery-header">
          <div>
            <h1 className="recovery-title">{t('recovery.title')}</h1>
            <p className="recovery-lead">{t('recovery.lead')}</p>
          </div>
          <button type="button" className="recovery-language" aria-label={t('languageLabel')} onClick={() => void i18n.changeLanguage(otherLanguage)}>
            {t('language')}
          </button>
        </header>

        <section className="recovery-problem" role="alert">
          <p className="recovery-kind">{t(`kinds.${problem.kind}`)}</p>
          <p className="recovery-file">
            <span className="recovery-file-label">{t('recovery.fileLabel')}</span>
            <code>{problem.file}</code>
          </p>
          <details className="recovery-technical">
            <summary>{t('recovery.technical')}</summary>
            <p>{problem.message}</p>
          </details>
        </section>

        {action.error && (
          <p className="storage-error" role="alert">
            {t('recovery.failed', { message: action.error })}
          </p>
        )}

        <section className="recovery-choice" aria-labelledby="recovery-restore">
          <h2 id="recovery-restore">{t('recovery.restoreTitle')}</h2>
          <p className="recovery-hint">{t('recovery.restoreHint')}</p>
          {backups && <BackupList backups={backups} selected={selected} onSelect={select} disabled={action.busy !== null} />}
          {backups && backups.length > 0 && (
            <div className="storage-actions">
              <button type="button" className="dialog-primary" disabled={!selected || action.busy !== null} onClick={() => void restore()}>
                {action.busy === 'restore' ? t('recovery.restoring') : t('recovery.restore')}
              </button>
            </div>
          )}
        </section>

        <section className="recovery-choice" aria-labelledby="recovery-new">
          <h2 id="recovery-new">{t('recovery.newTitle')}</h2>
          <p className="recovery-hint">{t('recovery.newHint')}</p>
          {confirming ? (
            <div className="recovery-confirm" role="group" aria-label={t('recovery.newConfirm')}>
              <p>{t('recovery.newConfirmQuestion', { file: problem.file })}</p>
              <div className="storage-actions">
                <button type="button" className="dialog-primary" disabled={action.busy !== null} onClick={() => void startNew()}>
                  {action.busy === 'new' ? t('recovery.starting') : t('recovery.newConfirm')}
                </button>
                <button type="button" disabled={action.busy !== null} onClick={() => setConfirming(false)}>
                  {t('recovery.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="storage-actions">
              <button type="button" disabled={action.busy !== null} onClick={() => setConfirming(true)}>
                {t('recovery.newButton')}
              </button>
            </div>
          )}
        </section>

        <section className="recovery-choice" aria-labelledby="recovery-leave">
          <h2 id="recovery-leave">{t('recovery.leaveTitle')}</h2>
          <p className="recovery-hint">{t('recovery.leaveHint')}</p>
        </section>
      </div>
    </main>
  );
}
