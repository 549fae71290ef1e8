// The screen shown instead of the app while the library is updated by a new version (its
// migrations run in the host's worker, in one transaction): which step is running, rows done
// of total where the step can count them, and a cancel that undoes everything and leaves the
// file as it was. After a cancel it says so and offers to start the update again. The app
// starts (onOpened) once the host reports the library open, or refused (the recovery screen).
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { OpeningProgress, StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';
import { HTML_LANG, isLanguage } from '../../i18n/i18n';
import { useStorageAction } from './use-storage-action';
import './storage.css';

/** How often the host is asked how far the update is. */
export const OPENING_POLL_MS = 250;

interface Props {
  client: ApiClient;
  status: StorageStatus;
  /** Each new status while the update runs or stays cancelled. */
  onStatus(status: StorageStatus): void;
  /** The update is over and the library open (or refused): the gate asks again and starts the app. */
  onOpened(): void;
}

export function OpeningScreen({ client, status, onStatus, onOpened }: Props) {
  const { t, i18n } = useTranslation('storage');
  const action = useStorageAction();
  const running = status.mode === 'opening';
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);

  useEffect(() => {
    document.title = running ? t('opening.title') : t('opening.cancelledTitle');
    document.documentElement.lang = HTML_LANG[isLanguage(i18n.language) ? i18n.language : 'zh'];
  }, [t, i18n.language, running]);

  // Asks how far the update is while it runs; the gate takes each answer.
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setTimeout(() => {
      client.call('storage.status', {}).then(
        (next) => {
          if (stopped) return;
          if (next.mode === 'opening' || next.mode === 'cancelled') onStatus(next);
          else onOpened();
        },
        () => {
          if (!stopped) onStatus({ ...status });
        },
      );
      setNow(Date.now());
    }, OPENING_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, running, status, onStatus, onOpened]);

  const cancel = async () => {
    const next = await action.run('cancel', () => client.call('storage.cancelOpening', {}));
    if (next) onStatus(next);
  };
  const retry = async () => {
    const next = await action.run('retry', () => client.call('storage.openLibrary', {}));
    if (!next) return;
    if (next.mode === 'opening' || next.mode === 'cancelled') onStatus(next);
    else onOpened();
  };
  const otherLanguage = i18n.language === 'en' ? 'zh' : 'en';
  const progress = status.opening;

  return (
    <main className="recovery opening">
      <div className="recovery-card">
        <header className="recovery-header">
          <div>
            <h1 className="recovery-title">{running ? t('opening.title') : t('opening.cancelledTitle')}</h1>
            <p className="recovery-lead">{running && progress ? t('opening.lead', { from: progress.from, to: progress.to }) : t('opening.cancelledLead')}</p>
          </div>
          <button type="button" className="recovery-language" aria-label={t('languageLabel')} onClick={() => void i18n.changeLanguage(otherLanguage)}>
            {t('language')}
          </button>
        </header>

        {running && progress && <Progress progress={progress} seconds={Math.floor((now - since) / 1000)} />}

        {action.error && (
          <p className="storage-error" role="alert">
            {t('opening.failed', { message: action.error })}
          </p>
        )}

        {running && progress ? (
          <section className="recovery-choice">
            <p className="recovery-hint">{progress.cancelling ? t('opening.cancellingHint') : t('opening.cancelHint')}</p>
            <div className="storage-actions">
              <button type="button" disabled={progress.cancelling || action.busy !== null} onClick={() => void cancel()}>
                {progress.cancelling ? t('opening.cancelling') : t('opening.cancel')}
              </button>
            </div>
          </section>
        ) : (
          <section className="recovery-choice">
            <div className="storage-actions">
              <button type="button" className="dialog-primary" disabled={action.busy !== null} onClick={() => void retry()}>
                {t('opening.retry')}
              </button>
            </div>
            <p className="recovery-hint">{t('opening.leaveHint')}</p>
          </section>
        )}
      </div>
    </main>
  );
}

const PHASE_KEYS = {
  start: 'opening.phaseStart',
  backup: 'opening.phaseBackup',
  verify: 'opening.phaseVerify',
  wait: 'opening.phaseWait',
  commit: 'opening.phaseCommit',
} as const satisfies Record<Exclude<OpeningProgress['phase'], 'migrate'>, string>;

function Progress({ progress, seconds }: { progress: OpeningProgress; seconds: number }) {
  const { t, i18n } = useTranslation('storage');
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'zh-CN');
  const { phase, step, steps, from, done, total } = progress;
  // A step is named for what it changes; its code name (plan-totals) means nothing to a reader.
  const label = (name: string) => t(`opening.names.${name}`, { defaultValue: t('opening.unnamed') });
  const phaseText =
    phase === 'migrate'
      ? t('opening.phaseMigrate', { step, steps, name: label(progress.name ?? progress.stepNames[step - 1] ?? '') })
      : t(PHASE_KEYS[phase]);
  // A fill done is not the step done (its indexes are built after it): the bar turns back to
  // the band that says the step is working.
  const filled = phase === 'migrate' && done !== null && total !== null && done >= total;
  const counted = phase === 'migrate' && done !== null && total !== null && total > 0 && !filled;
  // Where each line of the list stands: before, now, done.
  const at = phase === 'start' ? -1 : phase === 'backup' || phase === 'verify' ? 0 : phase === 'migrate' || phase === 'wait' ? Math.max(step, 1) : steps + 1;
  const lines = [
    t('opening.backup'),
    ...progress.stepNames.map((name, i) => t('opening.step', { version: from + i + 1, name: label(name) })),
    t('opening.commit'),
  ];
  return (
    <section className="opening-progress" aria-live="polite">
      <p className="opening-phase">{phaseText}</p>
      <div
        className={counted ? 'opening-bar' : 'opening-bar is-indeterminate'}
        role="progressbar"
        aria-label={phaseText}
        {...(counted ? { 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': done } : {})}
      >
        <span style={counted ? { width: `${(100 * done) / total}%` } : undefined} />
      </div>
      <p className="opening-detail">
        <span>
          {counted
            ? t('opening.rows', { done: number.format(done), total: number.format(total) })
            : filled
              ? t('opening.rowsFilled', { total: number.format(total ?? 0) })
              : t('opening.working')}
        </span>
        <span>{t('opening.elapsed', { seconds })}</span>
      </p>
      <ul className="opening-steps" aria-label={t('opening.stepsLabel')}>
        {lines.map((line, i) => (
          <li key={i} className={i < at ? 'is-done' : i === at ? 'is-current' : undefined} aria-current={i === at ? 'step' : undefined}>
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}
