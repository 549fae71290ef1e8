// Messages above the grid: a failed save (the reader's text stays in its cell), a failed load
// with a retry, and notices of one-off actions (copied, exported, view saved).
import { useTranslation } from '../../i18n/ui-text';
import type { EditStore } from './edit-store';
import type { PageCache } from './page-cache';

export interface TableStatusProps {
  edits: EditStore;
  cache: PageCache;
  notice: { text: string; error: boolean } | null;
  onDismissNotice(): void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function TableStatus({ edits, cache, notice, onDismissNotice }: TableStatusProps) {
  const { t } = useTranslation('table');
  const failure = edits.lastFailure;
  return (
    <>
      {failure && (
        <div role="alert" className="itable-message itable-message-error">
          <span>
            {t('edit.saveFailed', { id: failure.shortId, column: t(`columns.${failure.field}`), message: failure.message })}{' '}
            {t('edit.keptEdit')}
          </span>
          <button type="button" className="itable-link-button" onClick={() => edits.dismissFailure()}>
            {t('edit.dismiss')}
          </button>
        </div>
      )}
      {cache.error !== null && (
        <div role="alert" className="itable-message itable-message-error">
          <span>{t('summary.loadFailed', { message: messageOf(cache.error) })}</span>
          <button type="button" className="itable-link-button" onClick={() => cache.retry()}>
            {t('summary.retry')}
          </button>
        </div>
      )}
      <div role="status" className={notice?.error ? 'itable-message itable-message-error' : 'itable-notice'}>
        {notice && (
          <>
            <span>{notice.text}</span>
            <button type="button" className="itable-link-button" onClick={onDismissNotice}>
              {t('edit.dismiss')}
            </button>
          </>
        )}
      </div>
    </>
  );
}
