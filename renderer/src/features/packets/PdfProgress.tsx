// Where a Save as PDF run is: a progress bar with its phase and pages, and Cancel; afterwards
// one quiet line saying what came of it.
import { useTranslation } from '../../i18n/ui-text';
import type { PdfState } from './use-pdf-export';

export function PdfProgress({ state, onCancel }: { state: PdfState; onCancel(): void }) {
  const { t } = useTranslation('packets');
  if (state.kind === 'idle') return null;
  if (state.kind !== 'running') {
    const text =
      state.kind === 'done'
        ? t('pdf.done', { count: state.pages, fileName: state.fileName })
        : state.kind === 'cancelled'
          ? t('pdf.cancelled')
          : t('pdf.failed', { message: state.message });
    return (
      <p className={state.kind === 'failed' ? 'pk-pdf-result pk-pdf-failed' : 'pk-pdf-result'} role={state.kind === 'failed' ? 'alert' : 'status'}>
        {text}
      </p>
    );
  }
  const progress = state.progress;
  const known = progress !== null && progress.total > 0;
  return (
    <div className="pk-pdf" role="group" aria-label={t('pdf.progress')}>
      <span className="pk-pdf-label">
        {t('pdf.progress')}
        {progress && ` · ${t(`pdf.phases.${progress.phase}`)}`}
      </span>
      <progress className="pk-pdf-bar" aria-label={t('pdf.progress')} max={known ? progress.total : undefined} value={known ? progress.done : undefined} />
      {known && <span className="pk-pdf-pages">{t('pdf.pages', { done: progress.done, total: progress.total })}</span>}
      <button type="button" className="pk-button" onClick={onCancel} disabled={state.cancelling}>
        {t('pdf.cancel')}
      </button>
    </div>
  );
}
