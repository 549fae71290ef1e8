// Export annotations…: the format (four, each with a line saying what it is for), all plans or
// the one being read, then Export: the core writes the file's text and the browser saves it
// (the desktop shows its save dialog; browser mode downloads), as the table's CSV export does.
import { useId, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { ANNOTATION_EXPORT_FORMATS, type AnnotationExportFormat } from '../../../../shared/api/annotation-exchange/methods';
import type { ApiClient } from '../../api/client';
import { downloadText } from '../table/download';
import { useModalDialog } from '../preferences/use-modal-dialog';
import './exchange.css';

interface Props {
  client: ApiClient;
  plan: { id: string; title: string } | null;
  onClose(): void;
}

type Outcome = { kind: 'busy' } | { kind: 'done'; count: number; fileName: string } | { kind: 'failed'; message: string } | null;

export function ExportDialog({ client, plan, onClose }: Props) {
  const { t, i18n } = useTranslation('annotationExchange');
  const { ref, onKeyDown, onCancel } = useModalDialog(onClose);
  const titleId = useId();
  const [format, setFormat] = useState<AnnotationExportFormat>('md');
  const [scope, setScope] = useState<'all' | 'plan'>('all');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const busy = outcome?.kind === 'busy';

  const run = async () => {
    setOutcome({ kind: 'busy' });
    try {
      const language = i18n.language === 'zh' ? 'zh' : 'en';
      const file = await client.call('annotation.export', { format, language, ...(scope === 'plan' && plan ? { planId: plan.id } : {}) });
      downloadText(file.fileName, file.text, file.mimeType);
      setOutcome({ kind: 'done', count: file.count, fileName: file.fileName });
    } catch (err) {
      setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <dialog ref={ref} className="dialog-surface dialog-sheet exchange-dialog" aria-labelledby={titleId} aria-busy={busy || undefined} onKeyDown={onKeyDown} onCancel={onCancel}>
      <header className="dialog-header">
        <h2 id={titleId}>{t('exportTitle')}</h2>
      </header>
      <div className="exchange-body">
        <fieldset className="exchange-formats" disabled={busy}>
          <legend>{t('formatLabel')}</legend>
          {ANNOTATION_EXPORT_FORMATS.map((f) => (
            <label key={f} className="exchange-format" data-checked={f === format || undefined}>
              <input type="radio" name="annotation-export-format" value={f} checked={f === format} onChange={() => setFormat(f)} />
              <span className="exchange-format-text">
                <span className="exchange-format-name">{t(`formats.${f}.name`)}</span>
                <span className="exchange-format-hint">{t(`formats.${f}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {plan && (
          <fieldset className="exchange-scope" disabled={busy}>
            <legend>{t('scopeLabel')}</legend>
            <label>
              <input type="radio" name="annotation-export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
              {t('scopeAll')}
            </label>
            <label>
              <input type="radio" name="annotation-export-scope" checked={scope === 'plan'} onChange={() => setScope('plan')} />
              <span className="exchange-scope-plan">{t('scopePlan', { title: plan.title })}</span>
            </label>
          </fieldset>
        )}
      </div>
      <footer className="dialog-actions">
        <p className="exchange-status" role={outcome?.kind === 'failed' ? 'alert' : 'status'} data-kind={outcome?.kind}>
          {outcome?.kind === 'busy' && t('exporting')}
          {outcome?.kind === 'done' && t('exported', { count: outcome.count, fileName: outcome.fileName })}
          {outcome?.kind === 'failed' && t('exportFailed', { message: outcome.message })}
        </p>
        <button type="button" onClick={onClose}>
          {outcome?.kind === 'done' ? t('close') : t('cancel')}
        </button>
        <button type="button" className="dialog-primary" disabled={busy} onClick={() => void run()}>
          {t('export')}
        </button>
      </footer>
    </dialog>
  );
}
