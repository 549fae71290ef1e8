// Import annotations…, after a file was chosen: the import running (all or nothing, so there
// is nothing to cancel half way), then what it did (added, updated, unchanged, kept because the
// local edit is newer) or the core's message naming what is wrong in the file and where.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { useModalDialog } from '../preferences/use-modal-dialog';
import { formatSize } from '../import/use-import-queue';
import type { ImportStage } from './use-annotation-exchange';
import './exchange.css';

interface Props {
  stage: ImportStage;
  maxBytes: number;
  onChooseAnother(): void;
  onClose(): void;
}

const REPORT_KEYS = ['added', 'updated', 'unchanged', 'keptLocal'] as const;

export function ImportResultDialog({ stage, maxBytes, onChooseAnother, onClose }: Props) {
  const { t } = useTranslation('annotationExchange');
  const { ref, onKeyDown, onCancel } = useModalDialog(onClose);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      className="dialog-surface dialog-sheet exchange-dialog"
      aria-labelledby={titleId}
      aria-busy={stage.kind === 'importing' || undefined}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{t('importTitle')}</h2>
      </header>
      {stage.kind === 'importing' && (
        <div className="exchange-body" role="status">
          <p className="exchange-file">{t('importing', { file: stage.fileName })}</p>
          <div className="dialog-progress" aria-hidden="true">
            <span />
          </div>
          <p className="exchange-hint">{t('importingHint')}</p>
        </div>
      )}
      {stage.kind === 'done' && (
        <div className="exchange-body" role="status">
          <p className="exchange-file exchange-done">{t('imported', { file: stage.fileName })}</p>
          <dl className="exchange-report">
            {REPORT_KEYS.map((key) => (
              <div key={key} className="exchange-report-row" data-key={key} data-zero={stage.report[key] === 0 || undefined}>
                <dt>{t(`report.${key}`)}</dt>
                <dd>{stage.report[key]}</dd>
              </div>
            ))}
          </dl>
          {stage.report.keptLocal > 0 && <p className="exchange-hint">{t('keptLocalHint')}</p>}
          {stage.report.notInLibrary > 0 && <p className="exchange-hint">{t('notInLibrary', { count: stage.report.notInLibrary })}</p>}
        </div>
      )}
      {(stage.kind === 'failed' || stage.kind === 'tooLarge') && (
        <div className="exchange-body exchange-failed" role="alert">
          <h3>{t('failedTitle', { file: stage.fileName })}</h3>
          <p className="dialog-failed-message exchange-failed-message">
            {stage.kind === 'tooLarge' ? t('tooLarge', { size: formatSize(stage.size), max: formatSize(maxBytes) }) : stage.message}
          </p>
          <p className="exchange-hint">{t('nothingChanged')}</p>
        </div>
      )}
      <footer className="dialog-actions">
        {(stage.kind === 'failed' || stage.kind === 'tooLarge') && (
          <button type="button" onClick={onChooseAnother}>
            {t('chooseAnother')}
          </button>
        )}
        <button type="button" className="dialog-primary" disabled={stage.kind === 'importing'} onClick={onClose}>
          {t('close')}
        </button>
      </footer>
    </dialog>
  );
}
