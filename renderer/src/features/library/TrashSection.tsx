// The library's trash, folded under the list: plans moved there with the date they went, each
// to restore or to delete for good (asked first, by the view). Nothing in it is shown elsewhere.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import { formatDate } from './library-order';

interface Props {
  entries: readonly LibraryEntry[];
  open: boolean;
  onToggle(): void;
  busy: ReadonlySet<string>;
  failures: ReadonlyMap<string, string>;
  onRestore(entry: LibraryEntry): void;
  onPurge(entry: LibraryEntry): void;
}

export function TrashSection({ entries, open, onToggle, busy, failures, onRestore, onPurge }: Props) {
  const { t, i18n } = useTranslation('library');
  const listId = useId();
  const titleId = useId();
  return (
    <section className="library-trash" aria-labelledby={titleId}>
      <div className="library-trash-header">
        <h3 id={titleId}>{t('trashSection.title')}</h3>
        {entries.length === 0 ? (
          <p className="library-trash-empty">{t('trashSection.empty')}</p>
        ) : (
          <button type="button" className="library-trash-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
            {open ? t('trashSection.hide') : t('trashSection.show', { count: entries.length })}
          </button>
        )}
      </div>
      {open && entries.length > 0 && (
        <ul id={listId} className="library-trash-list">
          {entries.map((entry) => (
            <li key={entry.id} className="library-trash-row" data-plan-id={entry.id} aria-busy={busy.has(entry.id) || undefined}>
              <div className="library-trash-text">
                <span className="library-trash-title">{entry.title}</span>
                {entry.trashedAt && (
                  <span className="library-trash-date">{t('trashSection.trashedAt', { date: formatDate(entry.trashedAt, i18n.language) })}</span>
                )}
                {failures.has(entry.id) && (
                  <span className="library-failure" role="alert">
                    {t('saveFailed', { message: failures.get(entry.id) ?? '' })}
                  </span>
                )}
              </div>
              {(['restore', 'purge'] as const).map((action) => (
                <button
                  key={action}
                  type="button"
                  className={action === 'purge' ? 'library-action library-action-danger' : 'library-action'}
                  aria-label={t(`trashSection.${action}Label`, { title: entry.title })}
                  disabled={busy.has(entry.id)}
                  onClick={() => (action === 'restore' ? onRestore : onPurge)(entry)}
                >
                  {t(`trashSection.${action}`)}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
