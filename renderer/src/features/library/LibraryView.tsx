// The library view: every plan the reader has, newest first (or by date or title), to open,
// rename, tag or move to the trash; the trash below, folded away, to restore a plan from or
// delete it for good; and the way in for new plans (Import, or a file dropped on the window).
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import type { ApiClient } from '../../api/client';
import { ErrorScreen } from '../../components/ErrorScreen';
import { ConfirmDialog } from './ConfirmDialog';
import { LibraryConflictDialog } from './LibraryConflictDialog';
import { filterEntries, isLibrarySort, LIBRARY_SORTS, sortEntries, type LibrarySort } from './library-order';
import { LibraryRow } from './LibraryRow';
import { TrashSection } from './TrashSection';
import { useLibrary } from './use-library';
import { VersionList } from '../versions/VersionList';
import './library-empty.css';
import './library.css';
import { AnnotationsMenu } from '../annotation-exchange/AnnotationsMenu';
import { ComparePicker } from '../compare/ComparePicker';
import { Select } from '../../components/Select';

interface Props {
  client: ApiClient;
  currentPlanId: string | null;
  /** Plans just imported, shown marked. */
  highlighted: readonly string[];
  /** Bumped by the app when plans arrive from elsewhere (an import): the list reloads. */
  version: number;
  onOpen(planId: string): void;
  onImport(): void;
  /** Import new version… on a plan: the file chooser, for a new version of it. */
  onImportVersion(target: { planId: string; title: string }): void;
  /** A file dropped on a plan's row: imported as a new version of it (the same preview). */
  onDropVersion(target: { planId: string; title: string }, files: File[]): void;
  /** Plans left or came back (trash, restore, delete): the app's current plan follows. */
  onPlansChanged(): void;
}

type Pending = { kind: 'trash' | 'purge'; entry: LibraryEntry } | null;

export function LibraryView({ client, currentPlanId, highlighted, version, onOpen, onImport, onImportVersion, onDropVersion, onPlansChanged }: Props) {
  const { t } = useTranslation('library');
  const { t: tCompare } = useTranslation('compare');
  const [picking, setPicking] = useState(false);
  const library = useLibrary(client, onPlansChanged, version);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<LibrarySort>('imported');
  const [pending, setPending] = useState<Pending>(null);
  const [trashOpen, setTrashOpen] = useState(false);
  const titleId = useId();

  const shown = useMemo(() => sortEntries(filterEntries(library.plans, filter), sort), [library.plans, filter, sort]);
  const suggestions = useMemo(() => [...new Set(library.plans.flatMap((p) => p.tags))], [library.plans]);
  const { reopened } = library;
  const onReopened = useCallback(() => reopened(), [reopened]);

  const askTrash = (entry: LibraryEntry) => {
    if (entry.readerValues > 0) setPending({ kind: 'trash', entry });
    else void library.moveToTrash(entry);
  };
  const confirmPending = () => {
    if (!pending) return;
    setPending(null);
    void (pending.kind === 'trash' ? library.moveToTrash(pending.entry) : library.purge(pending.entry));
  };

  let body;
  if (library.load.status === 'loading') {
    body = (
      <p className="library-status" role="status">
        {t('loading')}
      </p>
    );
  } else if (library.load.status === 'error') {
    body = <ErrorScreen variant="inline" title={t('failed')} error={library.load.error} onRetry={library.reload} />;
  } else if (library.plans.length === 0) {
    body = (
      <div className="library-empty">
        <h3>{t('empty.title')}</h3>
        <p>{t('empty.body')}</p>
        <button type="button" className="library-button-primary" onClick={onImport}>
          {t('importButton')}
        </button>
        <p className="library-empty-formats">{t('empty.formats')}</p>
      </div>
    );
  } else {
    body = (
      <>
        {shown.length === 0 && <p className="library-status">{t('empty.noMatch', { filter: filter.trim() })}</p>}
        <ul className="library-list" aria-labelledby={titleId}>
          {shown.map((entry) => (
            <LibraryRow
              key={entry.id}
              entry={entry}
              current={entry.id === currentPlanId}
              highlighted={highlighted.includes(entry.id)}
              busy={library.busy.has(entry.id)}
              failure={library.failures.get(entry.id) ?? null}
              tagSuggestions={suggestions}
              reopenWith={library.reopen?.planId === entry.id ? library.reopen.title : undefined}
              onReopened={onReopened}
              onOpen={() => onOpen(entry.id)}
              onRename={(title) => void library.rename(entry, title)}
              onTags={(tags) => void library.setTags(entry, tags)}
              onTrash={() => askTrash(entry)}
              onImportVersion={() => onImportVersion({ planId: entry.id, title: entry.title })}
              onDropVersion={(files) => onDropVersion({ planId: entry.id, title: entry.title }, files)}
              versions={
                entry.version && <VersionList client={client} planId={entry.id} reload={version + entry.revision} onOpen={onOpen} />
              }
            />
          ))}
        </ul>
      </>
    );
  }

  return (
    <section className="library" aria-labelledby={titleId}>
      <header className="library-header">
        <div className="library-heading">
          <h2 id={titleId}>{t('title')}</h2>
          {library.load.status === 'ready' && <p className="library-count">{t('count', { count: library.plans.length })}</p>}
        </div>
        <div className="library-tools">
          {library.plans.length > 0 && (
            <>
              <input
                type="search"
                className="library-filter"
                aria-label={t('filterLabel')}
                placeholder={t('filterPlaceholder')}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
              <label className="library-sort">
                <span>{t('sortLabel')}</span>
                <Select value={sort} onChange={(e) => isLibrarySort(e.target.value) && setSort(e.target.value)}>
                  {LIBRARY_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`sort.${s}`)}
                    </option>
                  ))}
                </Select>
              </label>
            </>
          )}
          <AnnotationsMenu />
          {library.plans.length > 0 && (
            <button type="button" className="library-button-secondary" onClick={() => setPicking(true)}>
              {tCompare('pick.open')}
            </button>
          )}
          <button type="button" className="library-button-primary library-import" onClick={onImport}>
            {t('importButton')}
          </button>
        </div>
      </header>
      {body}
      {library.load.status === 'ready' && (
        <TrashSection
          entries={library.trash}
          open={trashOpen}
          onToggle={() => setTrashOpen((o) => !o)}
          busy={library.busy}
          failures={library.failures}
          onRestore={(entry) => void library.restore(entry)}
          onPurge={(entry) => setPending({ kind: 'purge', entry })}
        />
      )}
      {pending?.kind === 'trash' && (
        <ConfirmDialog
          title={t('confirmTrash.title', { title: pending.entry.title })}
          body={t('confirmTrash.body', { count: pending.entry.readerValues })}
          confirm={t('confirmTrash.confirm')}
          cancel={t('confirmTrash.cancel')}
          onConfirm={confirmPending}
          onCancel={() => setPending(null)}
        />
      )}
      {pending?.kind === 'purge' && (
        <ConfirmDialog
          title={t('confirmPurge.title', { title: pending.entry.title })}
          body={t('confirmPurge.body')}
          confirm={t('confirmPurge.confirm')}
          cancel={t('confirmPurge.cancel')}
          danger
          onConfirm={confirmPending}
          onCancel={() => setPending(null)}
        />
      )}
      {picking && (
        <ComparePicker
          client={client}
          plans={library.plans}
          onCancel={() => setPicking(false)}
          onCompare={(left, right) => {
            setPicking(false);
            window.location.hash = `#/compare/${left}/${right}`;
          }}
        />
      )}
      {library.conflict && (
        <LibraryConflictDialog
          conflict={library.conflict}
          onKeepTheirs={library.keepTheirs}
          onOverwrite={() => void library.overwrite()}
          onEdit={library.editAgain}
        />
      )}
    </section>
  );
}
