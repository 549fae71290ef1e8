// What the English and side-by-side modes show for a plan without an English translation:
// why there is no English, and the way to get it — a template to fill in (translation.template)
// and a button to attach the filled-in file (translation.attach). The Chinese follows below.
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { ApiClient } from '../../api/client';
import { downloadText } from '../table/download';
import './translations.css';

interface Props {
  client: ApiClient;
  planId: string;
  /** A translation was attached: the reading views load it. */
  onAttached(): void;
}

type Outcome = { kind: 'attached'; language: string; matched: number; total: number } | { kind: 'error'; message: string } | null;

export function TranslationMissing({ client, planId, onAttached }: Props) {
  const { t } = useTranslation('translations');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (work: () => Promise<void>, failure: (message: string) => string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
    } catch (err) {
      setOutcome({ kind: 'error', message: failure(err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(false);
    }
  };

  const template = () =>
    run(
      async () => {
        const file = await client.call('translation.template', { planId, language: 'en' });
        downloadText(file.fileName, file.json, 'application/json;charset=utf-8');
      },
      (message) => t('templateFailed', { message }),
    );

  const attach = (file: File) =>
    run(
      async () => {
        const result = await client.call('translation.attach', { planId, fileName: file.name, text: await file.text() });
        setOutcome({ kind: 'attached', ...result });
        onAttached();
      },
      (message) => t('failed', { file: file.name, message }),
    );

  const languageName = (code: string) => (code === 'en' ? t('languageNames.en') : code);

  return (
    <div className="translation-notice translation-missing">
      <p role="status">{t('missing')}</p>
      <p className="translation-missing-how">{t('howTo')}</p>
      <div className="translation-missing-actions">
        <button type="button" disabled={busy} onClick={() => void template()}>
          {t('template')}
        </button>
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {t('attach')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('attachLabel')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void attach(file);
          }}
        />
        {busy && <span className="translation-missing-busy">{t('working')}</span>}
      </div>
      {outcome?.kind === 'attached' && (
        <p className="translation-missing-done">
          {t('attached', { language: languageName(outcome.language), matched: outcome.matched, total: outcome.total })}
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="translation-missing-error" role="alert">
          {outcome.message}
        </p>
      )}
    </div>
  );
}
